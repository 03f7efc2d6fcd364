package iso27002

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const overlayDoc = `{
  "source": "test copy",
  "controls": {
    "5.1": {"control": "licensed control text", "purpose": "licensed purpose"},
    "8.24": {"guidance": "licensed guidance about keys"}
  }
}`

func TestOverlay(t *testing.T) {
	o, err := DecodeOverlay([]byte(overlayDoc))
	require.NoError(t, err)
	assert.Equal(t, "test copy", o.Source)

	base := Catalog2022()
	cat, err := base.WithOverlay(o)
	require.NoError(t, err)
	c, _ := cat.Lookup(MustParse("5.1"))
	assert.Equal(t, "licensed control text", c.Text.Control)
	assert.Equal(t, "licensed purpose", c.Text.Purpose)
	c, _ = base.Lookup(MustParse("5.1"))
	assert.True(t, c.Text.IsZero(), "the built-in catalog is not modified")
	assert.Equal(t, []string{"8.24"}, controlIDs(cat.Search("licensed guidance")), "overlay text is searchable")
	assert.Equal(t, 93, cat.Len())
	assert.Equal(t, base.Edition(), cat.Edition())

	// Mutating the overlay afterwards does not reach the catalog.
	o.Controls[MustParse("5.1")] = LicensedText{Control: "changed"}
	c, _ = cat.Lookup(MustParse("5.1"))
	assert.Equal(t, "licensed control text", c.Text.Control)
}

func TestOverlayUnknownIDs(t *testing.T) {
	o, err := DecodeOverlay([]byte(`{"controls":{"A.5.1.1":{"control":"x"},"acme:1":{"control":"y"},"5.2":{}}}`))
	require.NoError(t, err)
	_, err = Catalog2022().WithOverlay(o)
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
	assert.Equal(t, `controls["A.5.1.1"]: A.5.1.1 is not in ISO/IEC 27002:2022`+"\n"+
		`controls["acme:1"]: acme:1 is not in ISO/IEC 27002:2022`, err.Error())
	var fe *ismskit.Error
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, `controls["A.5.1.1"]`, fe.Path)
}

func TestOverlayDecodeErrors(t *testing.T) {
	for _, tt := range []struct {
		in      string
		wantIs  error
		wantMsg string
	}{
		{`{"controls":{"5.99":{}}}`, ismskit.ErrUnknownControl, `controls["5.99"]: control ID "5.99": no such control`},
		{`{"controls":{"5.1":{"control":"a"},"A.5.1":{"control":"b"}}}`, ismskit.ErrDuplicateID, `controls["A.5.1"]: "5.1" and "A.5.1" name the same control 5.1`},
		{`{"controls":{"A.5.1.1":{},"5.1.1":{},"5.x":{}}}`, ismskit.ErrDuplicateID, `controls["A.5.1.1"]: "5.1.1" and "A.5.1.1" name the same control A.5.1.1`},
		{`{"controls":{"5.1":{},"5.1":{}}}`, ismskit.ErrDuplicateField, `controls["5.1"]`},
		{`{"controls":{"5.1":{"text":"x"}}}`, ismskit.ErrUnknownField, `controls["5.1"].text: unknown field`},
		{`{"controls":{"5.1":{}}, "extra": 1}`, ismskit.ErrUnknownField, "extra: unknown field"},
		{`{"controls":[]}`, ismskit.ErrType, "controls: wrong type"},
		{`{"controls":{}} x`, ismskit.ErrTrailingData, "trailing"},
	} {
		_, err := DecodeOverlay([]byte(tt.in))
		require.Error(t, err, tt.in)
		assert.ErrorIs(t, err, tt.wantIs, tt.in)
		assert.ErrorContains(t, err, tt.wantMsg)
	}
}

func TestOverlayReaders(t *testing.T) {
	o, err := ReadOverlay(strings.NewReader(overlayDoc))
	require.NoError(t, err)
	assert.Len(t, o.Controls, 2)

	fsys := fstest.MapFS{"overlay.json": {Data: []byte(overlayDoc)}, "bad.json": {Data: []byte(`{`)}}
	o, err = LoadOverlay(fsys, "overlay.json")
	require.NoError(t, err)
	assert.Len(t, o.Controls, 2)
	_, err = LoadOverlay(fsys, "missing.json")
	assert.ErrorContains(t, err, "iso27002: load overlay")
	_, err = LoadOverlay(fsys, "bad.json")
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
	assert.ErrorContains(t, err, "overlay bad.json")
	_, err = ReadOverlay(errReader{})
	assert.ErrorContains(t, err, "read: boom")
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("boom") }

func FuzzDecodeOverlay(f *testing.F) {
	f.Add([]byte(overlayDoc))
	f.Add([]byte(`{"controls":{"A.5.1.1":{"control":"x"}}}`))
	f.Add([]byte(`{"controls":{"acme:1":{"other":"y"}},"source":"s"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := DecodeOverlay(data)
		if err != nil {
			return
		}
		for _, cat := range []*Catalog{Catalog2022(), Catalog2013()} {
			out, err := cat.WithOverlay(o)
			if err != nil {
				require.ErrorIs(t, err, ismskit.ErrUnknownControl)
				continue
			}
			for id, text := range o.Controls {
				c, ok := out.Lookup(id)
				require.True(t, ok)
				require.Equal(t, text, c.Text)
			}
		}
	})
}
