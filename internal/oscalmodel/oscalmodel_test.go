package oscalmodel

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type inner struct {
	Name  string   `json:"name"`
	Tags  []string `json:"tags,omitempty"`
	Count int      `json:"count,omitempty"`
}

type outer struct {
	Title   string          `json:"title"`
	On      bool            `json:"on,omitempty"`
	Ratio   float64         `json:"ratio,omitempty"`
	Inner   *inner          `json:"inner,omitempty"`
	Items   []inner         `json:"items,omitempty"`
	Raw     json.RawMessage `json:"raw,omitempty"`
	Empty   *struct{}       `json:"empty,omitempty"`
	Must    []string        `json:"must"`
	Skipped string          `json:"-"`
}

func TestEncodeMatchesEncodingJSON(t *testing.T) {
	docs := []any{
		outer{},
		&outer{Title: "a<b>&\u2028\u2029\x01\t\"\\ é", On: true, Inner: &inner{Name: "n", Tags: []string{}}, Items: []inner{{Name: "x", Count: 3}},
			Raw: json.RawMessage(`{"a": [1, {"b":null}]}`), Empty: &struct{}{}, Must: nil},
		Metadata{Title: "T", LastModified: "2026-01-01T00:00:00Z", Parties: []Party{{UUID: "u", Type: "person", Addresses: []Address{{AddrLines: []string{"1"}}}}}},
		[]int{1, 2}, map[string]int{"b": 2, "a": 1}, "text", nil,
	}
	for _, d := range docs {
		got, err := Encode(d)
		require.NoError(t, err)
		var want strings.Builder
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		require.NoError(t, enc.Encode(d))
		assert.Equal(t, want.String(), string(got))
	}
	_, err := Encode(map[string]any{"f": func() {}})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	got, err := Encode(struct {
		S string `json:"s"`
	}{"a\xffb"})
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"s\": \"a\\ufffdb\"\n}\n", string(got))
}

func TestEncodeDocument(t *testing.T) {
	type root struct {
		UUID  string `json:"uuid"`
		Title string `json:"title"`
	}
	doc := struct {
		Root *root `json:"x"`
	}{&root{Title: "a<b>"}}
	out, err := EncodeDocument(&doc, "test", &doc.Root.UUID)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"title": "a<b>"`, "no HTML escaping")
	assert.Equal(t, byte('\n'), out[len(out)-1])
	first := doc.Root.UUID
	assert.True(t, IsUUID(first))
	again, err := EncodeDocument(&doc, "test", &doc.Root.UUID)
	require.NoError(t, err)
	assert.Equal(t, out, again, "byte-identical for the same content")
	_, err = EncodeDocument(&doc, "other", &doc.Root.UUID)
	require.NoError(t, err)
	assert.NotEqual(t, first, doc.Root.UUID, "the kind is part of the UUID")
	var bad string
	_, err = EncodeDocument(map[string]any{"f": func() {}}, "test", &bad)
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
}

func TestUUID(t *testing.T) {
	// RFC 9562 name spaces; vectors checked with Python's uuid.uuid5.
	nsDNS := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	assert.Equal(t, "886313e1-3b8a-5372-9b90-0c9aee199e5d", uuidV5(nsDNS, "python.org"))
	assert.Equal(t, UUIDNamespace, uuidV5(nsURL, Namespace), "UUIDNamespace is derived from Namespace")
	assert.Equal(t, uuidV5(uuidNS, "x"), UUID("x"))
	for s, ok := range map[string]bool{
		UUID("x"): true, "9E2A5B7C-3F1D-4E8A-9B6C-2D4F6A8E0C13": true,
		"9e2a5b7c-3f1d-3e8a-9b6c-2d4f6a8e0c13": false, "9e2a5b7c-3f1d-4e8a-7b6c-2d4f6a8e0c13": false,
		"9e2a5b7c-3f1d-4e8a-9b6c-2d4f6a8e0c1": false, "9e2a5b7c_3f1d-4e8a-9b6c-2d4f6a8e0c13": false, "9e2a5b7c-3f1d-4e8a-9b6c-2d4f6a8e0c1g": false, "": false,
	} {
		assert.Equal(t, ok, IsUUID(s), s)
	}
}

func TestDateTime(t *testing.T) {
	s, err := DateTime(time.Date(2026, 3, 1, 12, 30, 0, 500, time.FixedZone("CET", 3600)))
	require.NoError(t, err)
	assert.Equal(t, "2026-03-01T11:30:00Z", s)
	_, err = DateTime(time.Time{})
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = DateTime(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.ErrorIs(t, err, ismskit.ErrOutOfRange)
	d, err := Date(ismskit.NewDate(2026, 11, 28))
	require.NoError(t, err)
	assert.Equal(t, "2026-11-28T00:00:00Z", d)
	tm, err := ParseDateTime("2021-06-08T13:57:33.013981-04:00")
	require.NoError(t, err)
	assert.Equal(t, "2021-06-08T17:57:33Z", tm.UTC().Format(time.RFC3339))
	_, err = ParseDateTime("2021-06-08")
	assert.ErrorIs(t, err, ismskit.ErrInvalidDate)
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
		{"\xff", true, true, false},
	} {
		assert.Equal(t, tc.str, IsString(tc.in), "IsString(%q)", tc.in)
		assert.Equal(t, tc.line, IsLine(tc.in), "IsLine(%q)", tc.in)
		assert.Equal(t, tc.isToken, IsToken(tc.in), "IsToken(%q)", tc.in)
	}
}
