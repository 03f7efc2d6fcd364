package xlsxdoc

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

func TestHeaderText(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"a&b\nc", 50, "a&&b c"},
		{"abcdefgh", 5, "abcd…"},
		{"abc&defgh", 5, "abc…"}, // "abc&&" cut after one "&"
		{"ab&defgh", 5, "ab&&…"}, // the whole pair fits
		{"abcd", 4, "abcd"},      // no cut
		{"x\r\ny", 10, "x  y"},   // both line-break characters
		{"ééééé", 3, "éé…"},      // runes, not bytes
	} {
		assert.Equal(t, tt.want, HeaderText(tt.in, tt.n), tt.in)
	}
}

func TestPrintSetup(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, PrintSetup(f, "Sheet1", Page{Title: "T & C", Marking: "confidential", Footer: "v1", RepeatRow: 3}))
	hf, err := f.GetHeaderFooter("Sheet1")
	require.NoError(t, err)
	assert.Equal(t, "&L&8T && C&R&8&BCONFIDENTIAL", hf.OddHeader)
	assert.Equal(t, "&L&8v1&R&8Page &P of &N", hf.OddFooter)
	names := f.GetDefinedName()
	require.Len(t, names, 1)
	assert.Equal(t, "'Sheet1'!$3:$3", names[0].RefersTo)
	lay, err := f.GetPageLayout("Sheet1")
	require.NoError(t, err)
	assert.Equal(t, "landscape", *lay.Orientation)
	assert.Equal(t, 1, *lay.FitToWidth)

	require.Error(t, PrintSetup(f, "no such sheet", Page{}))
}

func TestRowHeight(t *testing.T) {
	assert.Equal(t, 1, Lines("", 10))
	assert.Equal(t, 2, Lines("a\r\nb", 10))
	assert.Equal(t, 3, Lines(strings.Repeat("x", 30), 10)) // 12 characters a line
	assert.Equal(t, LineHeight+3, RowHeight(nil, nil))
	assert.Equal(t, 3*LineHeight+3, RowHeight([]string{"a", strings.Repeat("x", 30), "ignored\nignored\nignored\nignored"}, []float64{10, 10}))
	assert.Equal(t, 409.0, RowHeight([]string{strings.Repeat("x\n", 100)}, []float64{10}), "capped")
}

func TestCheckCell(t *testing.T) {
	var l fielderr.List
	CheckCell(&l, "a", "R-1", "fine\ttext\nover lines")
	require.NoError(t, l.Err())
	CheckCell(&l, "b", "R-2", "\xff")
	CheckCell(&l, "c", "R-3", strings.Repeat("x", MaxCell+1))
	CheckCell(&l, "d", "", "bell \a")
	err := l.Err()
	require.ErrorIs(t, err, ismskit.ErrNotEncodable)
	assert.Equal(t, []string{"b", "c", "d"}, fielderr.Paths(err))
}

func TestStamp(t *testing.T) {
	assert.Equal(t, "2026-12-04T00:00:00Z", Stamp(ismskit.NewDate(2026, 12, 4)))
	assert.Equal(t, "2000-01-01T00:00:00Z", Stamp(ismskit.Date{}))
}
