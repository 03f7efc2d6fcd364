package oscalmodel

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
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

func TestDecode(t *testing.T) {
	var v outer
	in := `{"title":"T\u00e9 \"q\" \ud83d\ude00","on":true,"ratio":1.5e2,"inner":{"name":"n","tags":["a","b"],"count":-3},
	  "items":[{"name":"x"},{"name":"y","tags":[]}],"raw":{"a":[1,{"b":null}]},"empty":{},"must":[]}`
	require.NoError(t, Decode(context.Background(), []byte(in), &v))
	assert.Equal(t, outer{Title: "Té \"q\" 😀", On: true, Ratio: 150, Inner: &inner{Name: "n", Tags: []string{"a", "b"}, Count: -3},
		Items: []inner{{Name: "x"}, {Name: "y", Tags: []string{}}}, Raw: json.RawMessage(`{"a":[1,{"b":null}]}`), Empty: &struct{}{}, Must: []string{}}, v)

	var w outer
	require.NoError(t, json.Unmarshal([]byte(in), &w))
	assert.Equal(t, w, v, "the same result as encoding/json")
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opts     []ismskit.DecodeOption
		kinds    []*ismskit.Kind
		paths    []string
	}{
		{"unknown", `{"title":"t","Title":"u","inner":{"nme":"x"}}`, nil, []*ismskit.Kind{ismskit.ErrUnknownField, ismskit.ErrUnknownField}, []string{"Title", "inner.nme"}},
		{"duplicate", `{"title":"t","title":"u"}`, nil, []*ismskit.Kind{ismskit.ErrDuplicateField}, []string{"title"}},
		{"type", `{"title":7,"on":"yes","items":{},"inner":[],"must":null,"ratio":"x","Skipped":null}`, nil,
			[]*ismskit.Kind{ismskit.ErrType, ismskit.ErrType, ismskit.ErrType, ismskit.ErrType, ismskit.ErrType, ismskit.ErrUnknownField},
			[]string{"title", "on", "items", "inner", "ratio", "Skipped"}},
		{"overflow", `{"inner":{"name":"n","count":1e400}}`, nil, []*ismskit.Kind{ismskit.ErrType}, []string{"inner.count"}},
		{"syntax", `{"title":"t",}`, nil, []*ismskit.Kind{ismskit.ErrSyntax}, []string{""}},
		{"control character", "{\"title\":\"a\nb\"}", nil, []*ismskit.Kind{ismskit.ErrSyntax}, []string{"title"}},
		{"bad escape", `{"title":"\x"}`, nil, []*ismskit.Kind{ismskit.ErrSyntax}, []string{"title"}},
		{"bad number", `{"inner":{"count":01}}`, nil, []*ismskit.Kind{ismskit.ErrSyntax}, []string{"inner"}},
		{"bad fraction", `{"ratio":1.}`, nil, []*ismskit.Kind{ismskit.ErrSyntax}, []string{"ratio"}},
		{"bad literal", `{"on":tru}`, nil, []*ismskit.Kind{ismskit.ErrSyntax}, []string{"on"}},
		{"trailing", `{} x`, nil, []*ismskit.Kind{ismskit.ErrTrailingData}, []string{""}},
		{"empty", ``, nil, []*ismskit.Kind{ismskit.ErrSyntax}, []string{""}},
		{"truncated", `{"items":[{"name":"x"`, nil, []*ismskit.Kind{ismskit.ErrSyntax}, []string{"items[0]"}},
		{"too large", `{"title":"long"}`, []ismskit.DecodeOption{ismskit.MaxBytes(5)}, []*ismskit.Kind{ismskit.ErrTooLarge}, []string{""}},
		{"too deep", `{"raw":[[[[[1]]]]]}`, []ismskit.DecodeOption{ismskit.MaxDepth(4)}, []*ismskit.Kind{ismskit.ErrTooDeep}, []string{"raw"}},
		{"problems bounded", `{"a":1,"b":2,"c":3,"d":4}`, []ismskit.DecodeOption{ismskit.MaxProblems(2)},
			[]*ismskit.Kind{ismskit.ErrUnknownField, ismskit.ErrUnknownField, ismskit.ErrMoreProblems}, []string{"a", "b", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v outer
			err := Decode(context.Background(), []byte(tc.in), &v, tc.opts...)
			require.Error(t, err)
			problems := ismskit.Problems(err)
			require.Len(t, problems, len(tc.kinds), err.Error())
			for i, p := range problems {
				assert.Equal(t, tc.kinds[i], p.Kind(), p.Error())
			}
			assert.Equal(t, tc.paths, fielderr.Paths(err))
		})
	}
	assert.Error(t, Decode(context.Background(), []byte(`{}`), outer{}), "a non-pointer")
	var v outer
	err := Decode(context.Background(), []byte(strings.Repeat("[", 20000)), &v, ismskit.MaxDepth(-1))
	assert.ErrorIs(t, err, ismskit.ErrTooDeep, "capped at MaxDepthLimit")
	require.NoError(t, Decode(context.Background(), []byte("{\"title\":\"a\xffb\"}"), &v))
	assert.Equal(t, "a\ufffdb", v.Title, "invalid UTF-8 becomes U+FFFD, as with encoding/json")
}

func TestDecodeCancel(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := range 20000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"name":"x"}`)
	}
	b.WriteString(`]}`)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var v outer
	err := Decode(ctx, []byte(b.String()), &v)
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.Canceled))
	assert.True(t, IsCanceled(err))
	var none context.Context // nil: no deadline
	require.NoError(t, Decode(none, []byte(b.String()), &v))
	assert.Len(t, v.Items, 20000)
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
