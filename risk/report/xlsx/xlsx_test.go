package xlsx

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/internal/xlsxdoc"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/report"
)

func sampleDocument(t testing.TB) report.Document {
	t.Helper()
	data, err := os.ReadFile("../../testdata/register.json")
	require.NoError(t, err)
	reg, err := risk.DecodeRegister(data)
	require.NoError(t, err)
	return report.Document{Register: reg, Organisation: "Nimbus Ledger B.V.", Version: "2026.4",
		AsOf: ismskit.MustParseDate("2026-11-28"), Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
}

// TestGolden reads the workbook back and compares its layout and every
// cell, as raw values (numbers as numbers, dates as serials) and as
// shown, with the golden dump.
func TestGolden(t *testing.T) {
	b, err := Encode(sampleDocument(t))
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/report.xlsx.txt", dump(t, b))
	again, err := Encode(sampleDocument(t))
	require.NoError(t, err)
	assert.Equal(t, b, again, "deterministic")
}

func TestCells(t *testing.T) {
	b, err := Encode(sampleDocument(t))
	require.NoError(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{SheetRisks, SheetPlan, SheetSummary}, f.GetSheetList())

	typ, err := f.GetCellType(SheetRisks, "A5")
	require.NoError(t, err)
	assert.Contains(t, []excelize.CellType{excelize.CellTypeNumber, excelize.CellTypeUnset}, typ, "positions are numbers")
	v, err := f.GetCellValue(SheetRisks, "G5")
	require.NoError(t, err)
	assert.Equal(t, "High", v, "levels in words")
	st, err := f.GetCellStyle(SheetRisks, "G5")
	require.NoError(t, err)
	style, err := f.GetStyle(st)
	require.NoError(t, err)
	assert.Equal(t, []string{"EF6C00"}, style.Fill.Color, "the level's colour")
	assert.Equal(t, "000000", style.Font.Color, "black on orange")
	assert.Equal(t, "Arial", style.Font.Family)

	v, err = f.GetCellValue(SheetPlan, "A5")
	require.NoError(t, err)
	assert.Equal(t, "2026-02-28", v, "dates as dates")
	typ, err = f.GetCellType(SheetPlan, "B5")
	require.NoError(t, err)
	assert.Contains(t, []excelize.CellType{excelize.CellTypeNumber, excelize.CellTypeUnset}, typ)
	v, err = f.GetCellValue(SheetPlan, "B5")
	require.NoError(t, err)
	assert.Equal(t, "273", v, "days overdue")
	rows, err := f.GetRows(SheetPlan)
	require.NoError(t, err)
	assert.Len(t, rows, 4+18, "every line of the plan")
}

func TestErrors(t *testing.T) {
	assert.ErrorIs(t, Write(nil, sampleDocument(t)), ismskit.ErrMissing)
	_, err := Encode(report.Document{})
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	d := sampleDocument(t)
	d.Letterhead.Colour = "red"
	_, err = Encode(d)
	assert.ErrorIs(t, err, ismskit.ErrSyntax)

	d = sampleDocument(t)
	d.Register.Risks[0].Title = "a\x01b"
	d.Register.Risks[1].Treatment.Plan[0].Owner = strings.Repeat("x", xlsxdoc.MaxCell+1)
	_, err = Encode(d)
	require.ErrorIs(t, err, ismskit.ErrNotEncodable)
	items := map[string]bool{}
	for _, p := range ismskit.Problems(err) {
		items[p.Item] = true
	}
	assert.Equal(t, map[string]bool{"R-01": true, "R-02": true}, items)
}

// dump describes a workbook's layout and content as text.
func dump(t *testing.T, b []byte) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	require.NoError(t, err)
	defer f.Close()
	var out strings.Builder
	props, err := f.GetDocProps()
	require.NoError(t, err)
	fmt.Fprintf(&out, "properties: title=%q subject=%q created=%s version=%s category=%s\n", props.Title, props.Subject, props.Created, props.Version, props.Category)
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&out, "defined name: %s scope=%s refers=%s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&out, "\n== %s\n", sheet)
		pl, err := f.GetPageLayout(sheet)
		require.NoError(t, err)
		fmt.Fprintf(&out, "page: size=%d orientation=%s fitToWidth=%d fitToHeight=%d\n", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
		hf, err := f.GetHeaderFooter(sheet)
		require.NoError(t, err)
		if hf != nil {
			fmt.Fprintf(&out, "header: %q footer: %q\n", hf.OddHeader, hf.OddFooter)
		}
		rows, err := f.GetRows(sheet)
		require.NoError(t, err)
		for i, r := range rows {
			raw := make([]string, len(r))
			for j := range r {
				name, _ := excelize.CoordinatesToCellName(j+1, i+1)
				v, err := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
				require.NoError(t, err)
				typ, err := f.GetCellType(sheet, name)
				require.NoError(t, err)
				if (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset) && v != "" {
					raw[j] = "#" + v
				}
			}
			fmt.Fprintf(&out, "%d: %q", i+1, r)
			if strings.Join(raw, "") != "" {
				fmt.Fprintf(&out, " numbers %q", raw)
			}
			out.WriteString("\n")
		}
	}
	return []byte(out.String())
}

var sink int

// BenchmarkEncode writes the 30-risk sample workbook.
func BenchmarkEncode(b *testing.B) {
	d := sampleDocument(b)
	for b.Loop() {
		x, err := Encode(d)
		if err != nil {
			b.Fatal(err)
		}
		sink += len(x)
	}
}
