package oscal_test

import (
	"testing"
	"time"

	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeDocument(t *testing.T) {
	type root struct {
		UUID  string `json:"uuid"`
		Title string `json:"title"`
	}
	doc := struct {
		Root *root `json:"x"`
	}{&root{Title: "a<b>"}}
	out, err := oscal.EncodeDocument(&doc, "test", &doc.Root.UUID)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"title": "a<b>"`, "no HTML escaping")
	assert.Equal(t, byte('\n'), out[len(out)-1])
	first := doc.Root.UUID
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, first)

	again, err := oscal.EncodeDocument(&doc, "test", &doc.Root.UUID)
	require.NoError(t, err)
	assert.Equal(t, out, again, "byte-identical for the same content")
	_, err = oscal.EncodeDocument(&doc, "other", &doc.Root.UUID)
	require.NoError(t, err)
	assert.NotEqual(t, first, doc.Root.UUID, "the kind is part of the UUID")
	doc.Root.Title = "changed"
	_, err = oscal.EncodeDocument(&doc, "test", &doc.Root.UUID)
	require.NoError(t, err)
	assert.NotEqual(t, first, doc.Root.UUID, "new content, new UUID")

	var bad string
	_, err = oscal.EncodeDocument(map[string]any{"f": func() {}}, "test", &bad)
	assert.ErrorIs(t, err, oscal.ErrNotRepresentable)
}

func TestDateTime(t *testing.T) {
	s, err := oscal.DateTime(time.Date(2026, 3, 1, 12, 30, 0, 500, time.FixedZone("CET", 3600)))
	require.NoError(t, err)
	assert.Equal(t, "2026-03-01T11:30:00Z", s)
	_, err = oscal.DateTime(time.Time{})
	assert.ErrorIs(t, err, oscal.ErrNotRepresentable)
	_, err = oscal.DateTime(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.ErrorIs(t, err, oscal.ErrNotRepresentable)
}

func TestDatatypes(t *testing.T) {
	for _, tc := range []struct {
		in                 string
		str, line, isToken bool
	}{
		{"abc", true, true, true},
		{"a.5-1_x", true, true, true},
		{"5.1", true, true, false},
		{"two words", true, true, false},
		{" lead", false, true, false},
		{"trail ", false, true, false},
		{"two\nlines", false, false, false},
		{"", false, false, false},
	} {
		assert.Equal(t, tc.str, oscal.IsString(tc.in), "IsString(%q)", tc.in)
		assert.Equal(t, tc.line, oscal.IsLine(tc.in), "IsLine(%q)", tc.in)
		assert.Equal(t, tc.isToken, oscal.IsToken(tc.in), "IsToken(%q)", tc.in)
	}
}
