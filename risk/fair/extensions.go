package fair

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Extensions holds a document's user data, kept untouched: any JSON
// object, with numbers as float64, as encoding/json decodes it into a
// map[string]any. Decoding is strict even inside it: a key given twice in
// one object at any depth (ismskit.ErrDuplicateField), a number that does
// not fit a float64 (ismskit.ErrType) and nesting deeper than
// ismskit.DefaultMaxDepth (ismskit.ErrTooDeep) are errors with their
// path, since each would lose data silently. The zero value (nil) holds
// nothing.
type Extensions map[string]any

// UnmarshalJSON decodes a JSON object (or null, which leaves x as it is)
// and reports every problem with its path below the extensions.
func (x *Extensions) UnmarshalJSON(data []byte) error {
	if x == nil {
		return fielderr.At("", errorf(ismskit.ErrMissing, "no Extensions to decode into"))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return fielderr.At("", errorf(ismskit.ErrSyntax, "malformed JSON: %v", err))
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fielderr.At("", errorf(ismskit.ErrType, "wrong type: extensions must be an object"))
	}
	var l fielderr.List
	v := extObject(dec, &l, "", 1)
	if _, err := dec.Token(); !errors.Is(err, io.EOF) && l.Len() == 0 {
		l.Add("", errorf(ismskit.ErrTrailingData, "trailing data after the extensions"))
	}
	if err := l.Err(); err != nil {
		return err
	}
	*x = v
	return nil
}

// extObject decodes the members of an object whose '{' was read.
func extObject(dec *json.Decoder, l *fielderr.List, path string, depth int) map[string]any {
	out := map[string]any{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			l.Add(path, errorf(ismskit.ErrSyntax, "malformed JSON: %v", err))
			return out
		}
		key, _ := tok.(string)
		p := fielderr.Key(path, key)
		v, ok := extValue(dec, l, p, depth)
		if !ok {
			return out
		}
		if _, dup := out[key]; dup {
			l.Add(p, errorf(ismskit.ErrDuplicateField, "duplicate field: %q is given twice, and one would be lost", key))
			continue
		}
		out[key] = v
	}
	if _, err := dec.Token(); err != nil { // '}'
		l.Add(path, errorf(ismskit.ErrSyntax, "malformed JSON: %v", err))
	}
	return out
}

// extValue decodes one value; it reports false when decoding cannot go
// on.
func extValue(dec *json.Decoder, l *fielderr.List, path string, depth int) (any, bool) {
	tok, err := dec.Token()
	if err != nil {
		l.Add(path, errorf(ismskit.ErrSyntax, "malformed JSON: %v", err))
		return nil, false
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= ismskit.DefaultMaxDepth {
			l.Add(path, errorf(ismskit.ErrTooDeep, "extensions nest deeper than %d levels", ismskit.DefaultMaxDepth))
			return nil, false
		}
		if t == '{' {
			return extObject(dec, l, path, depth+1), true
		}
		var arr []any
		for i := 0; dec.More(); i++ {
			v, ok := extValue(dec, l, fielderr.Index(path, i), depth+1)
			if !ok {
				return nil, false
			}
			arr = append(arr, v)
		}
		if _, err := dec.Token(); err != nil { // ']'
			l.Add(path, errorf(ismskit.ErrSyntax, "malformed JSON: %v", err))
			return nil, false
		}
		if arr == nil {
			arr = []any{}
		}
		return arr, true
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil {
			l.Add(path, errorf(ismskit.ErrType, "number %s does not fit a float64", t))
			return nil, true
		}
		return f, true
	}
	return tok, true // string, bool or nil
}
