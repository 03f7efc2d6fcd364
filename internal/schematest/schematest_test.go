package schematest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/invopop/jsonschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const schema = `{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
"properties":{"id":{"type":"string"},"day":{"type":"string","format":"date"}},"required":["id"],"additionalProperties":false}`

// Sample is a document type for the tests. It has two fields.
type Sample struct {
	// ID names the sample. Required.
	ID string `json:"id"`
	// Parts are the pieces of the sample.
	Parts []Part `json:"parts,omitempty"`

	Bare string `json:"bare,omitempty"`
	// First and last day: one comment for a group of fields.
	Start, End string
	Next       string `json:"next"`

	Loose string `json:"loose"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Part is one piece of a Sample.
type Part struct {
	// Weight of the part, in grams.
	Weight float64 `json:"weight"`
	// Colour of the part.
	Colour Colour `json:"colour"`
}

// Colour is an enum with its own schema. It has a doc comment.
type Colour string

// JSONSchema gives the enum's values, without a description.
func (Colour) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Enum: []any{"red", "blue"}}
}

// recorder captures failures without failing the real test.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(f string, a ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(f, a...))
}
func (r *recorder) Fatalf(f string, a ...any) { r.Errorf(f, a...) }

func TestValidate(t *testing.T) {
	s, err := Compile("x.json", []byte(schema))
	require.NoError(t, err)
	assert.NoError(t, Validate(s, []byte(`{"id":"a"}`)))
	assert.NoError(t, Validate(s, []byte(`{"id":"a","day":"2026-02-28"}`)))
	assert.Error(t, Validate(s, []byte(`{"id":"a","day":"2026-02-30"}`)), "formats are asserted")
	assert.Error(t, Validate(s, []byte(`{"id":1}`)))
	assert.Error(t, Validate(s, []byte(`{"id":"a","x":1}`)))
	assert.Error(t, Validate(s, []byte(`{`)))
	_, err = Compile("bad.json", []byte(`{`))
	assert.Error(t, err)
	_, err = Compile("bad.json", []byte(`{"type":12}`))
	assert.Error(t, err)
}

func TestRequireAndReject(t *testing.T) {
	Require(t, "x.json", []byte(schema), []byte(`{"id":"a"}`))
	Reject(t, "x.json", []byte(schema), []byte(`{"id":2}`), []byte(`{}`))

	r := &recorder{TB: t}
	Require(r, "x.json", []byte(schema), []byte(`{"id":"a"}`), []byte(`{}`))
	assert.Len(t, r.msgs, 1)
	assert.Contains(t, r.msgs[0], "document 1 does not validate")

	r = &recorder{TB: t}
	Reject(r, "x.json", []byte(schema), []byte(`{"id":"a"}`))
	assert.Len(t, r.msgs, 1)

	r = &recorder{TB: t}
	Require(r, "bad.json", []byte(`{`), []byte(`{}`))
	assert.Len(t, r.msgs, 1)
}

func TestRequireFiles(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.json"), filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(good, []byte(`{"id":"a"}`), 0o644))
	require.NoError(t, os.WriteFile(bad, []byte(`{"id":"a","extra":1}`), 0o644))
	RequireFiles(t, "x.json", []byte(schema), good)

	r := &recorder{TB: t}
	RequireFiles(r, "x.json", []byte(schema), good, bad, filepath.Join(dir, "missing.json"))
	require.Len(t, r.msgs, 2)
	assert.Contains(t, r.msgs[0], "bad.json does not validate")

	r = &recorder{TB: t}
	RequireFiles(r, "x.json", []byte(schema))
	assert.Len(t, r.msgs, 1, "no files is a mistake")
}

func TestUndescribed(t *testing.T) {
	got, err := Undescribed([]byte(`{"properties":{"a":{"description":"x"},"b":{}},
	"$defs":{"T":{"properties":{"c/d":{"$ref":"#/$defs/U"},"e":{"$ref":"#/$defs/U","description":"y"}}},"U":{"type":"string"}}}`))
	require.NoError(t, err)
	assert.Equal(t, []string{"/$defs/T/properties/c~1d", "/properties/b"}, got)
	_, err = Undescribed([]byte(`[`))
	assert.Error(t, err)
}

func TestReflectorTakesDocComments(t *testing.T) {
	r, err := NewReflector("internal/schematest")
	require.NoError(t, err)
	s := Reflect(r, &Sample{}, "internal/schematest", "sample.schema.json", "A sample", "For the tests.")
	b, err := Marshal(s)
	require.NoError(t, err)

	var doc struct {
		ID          string `json:"$id"`
		Title       string `json:"title"`
		Description string `json:"description"`
		Defs        map[string]struct {
			Description string                                        `json:"description"`
			Properties  map[string]struct{ Description, Type string } `json:"properties"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Equal(t, BaseID+"internal/schematest/schema/sample.schema.json", doc.ID)
	assert.Equal(t, "A sample", doc.Title)
	assert.Equal(t, "For the tests.", doc.Description)
	assert.Equal(t, "Sample is a document type for the tests.", doc.Defs["Sample"].Description, "a type's first sentence")
	assert.Equal(t, "ID names the sample. Required.", doc.Defs["Sample"].Properties["id"].Description, "a field's whole comment")
	assert.Equal(t, "Weight of the part, in grams.", doc.Defs["Part"].Properties["weight"].Description)
	assert.Equal(t, "Colour is an enum with its own schema.", doc.Defs["Colour"].Description, "an enum's definition")
	assert.Equal(t, "object", doc.Defs["Sample"].Properties["extensions"].Type)
	assert.Equal(t, "User data, kept untouched.", doc.Defs["Sample"].Properties["extensions"].Description)
	assert.Equal(t, byte('\n'), b[len(b)-1])

	missing, err := Undescribed(b)
	require.NoError(t, err)
	assert.Equal(t, []string{"/$defs/Sample/properties/bare", "/$defs/Sample/properties/loose"}, missing)
	for _, key := range []string{"Start", "End", "next"} {
		assert.Equal(t, "First and last day: one comment for a group of fields.", doc.Defs["Sample"].Properties[key].Description, key)
	}

	_, err = newReflector("internal/schematest", filepath.Join(t.TempDir(), "missing"))
	assert.Error(t, err)
}

func TestCheckGenerated(t *testing.T) {
	r, err := NewReflector("internal/schematest")
	require.NoError(t, err)
	r.LookupComment = func(_ reflect.Type, field string) string {
		if field == "Bare" || field == "Loose" {
			return "A field without a doc comment, described here."
		}
		return ""
	}
	s := Reflect(r, &Sample{}, "internal/schematest", "sample.schema.json", "A sample", "For the tests.")
	want, err := Marshal(s)
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "sample.schema.json")
	require.NoError(t, os.WriteFile(path, want, 0o644))
	fresh := func() []byte { return append([]byte(nil), want...) }

	rec := &recorder{TB: t}
	CheckGenerated(rec, path, s, fresh)
	assert.Empty(t, rec.msgs)

	tests := []struct {
		name string
		file []byte
		api  func() []byte
		want string
	}{
		{"stale file", []byte("{}\n"), fresh, "stale"},
		{"accessor embeds another file", want, func() []byte { return []byte("{}") }, "differs"},
		{"accessor shares its bytes", want, func() []byte { return want }, "fresh copy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, os.WriteFile(path, tt.file, 0o644))
			rec := &recorder{TB: t}
			CheckGenerated(rec, path, s, tt.api)
			require.NotEmpty(t, rec.msgs)
			assert.Contains(t, rec.msgs[0], tt.want)
		})
	}

	// Without the LookupComment, the field without a comment is reported.
	r.LookupComment = nil
	s = Reflect(r, &Sample{}, "internal/schematest", "sample.schema.json", "A sample", "For the tests.")
	b, err := Marshal(s)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, b, 0o644))
	rec = &recorder{TB: t}
	CheckGenerated(rec, path, s, func() []byte { return append([]byte(nil), b...) })
	require.Len(t, rec.msgs, 1)
	assert.Contains(t, rec.msgs[0], "/$defs/Sample/properties/bare, /$defs/Sample/properties/loose")
}

func TestDescribe(t *testing.T) {
	r, err := NewReflector("internal/schematest")
	require.NoError(t, err)
	require.NoError(t, Describe(r, "internal/schematest", map[string]string{
		"Sample.Bare":  "Described by the fallback.",
		"Sample.Loose": "Described by the fallback.",
	}))
	s := Reflect(r, &Sample{}, "internal/schematest", "sample.schema.json", "A sample", "For the tests.")
	b, err := Marshal(s)
	require.NoError(t, err)
	missing, err := Undescribed(b)
	require.NoError(t, err)
	assert.Empty(t, missing)
	assert.Contains(t, string(b), `"description": "Described by the fallback."`)
	assert.Contains(t, string(b), `"description": "ID names the sample. Required."`)

	r, err = NewReflector("internal/schematest")
	require.NoError(t, err)
	err = Describe(r, "internal/schematest", map[string]string{"Part.Weight": "grams", "Sample": "x"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Part.Weight, Sample")
}

func TestUnwrap(t *testing.T) {
	for in, want := range map[string]string{
		"":                            "",
		"one line.":                   "one line.",
		"wrapped\nline.\n":            "wrapped line.",
		"first\npara.\n\nsecond  one": "first para.\n\nsecond one",
		"\tindented\n\tcode\n\n\n\nx": "indented code\n\nx",
	} {
		assert.Equal(t, want, unwrap(in), "%q", in)
	}
}
