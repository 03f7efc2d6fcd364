package oscalmodel

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Encode writes v as JSON indented by two spaces, without HTML escaping,
// ending in a newline: the bytes that encoding/json's Encoder with
// SetEscapeHTML(false) and SetIndent("", "  ") writes, produced in one
// pass without the intermediate compact form, so that a 3 MB catalog is
// written in a few milliseconds. Values of kinds the models do not use
// (maps, interfaces, floats) and values with their own MarshalJSON or
// MarshalText are written by encoding/json. A value encoding/json cannot
// write gives an error of kind ismskit.ErrNotEncodable.
func Encode(v any) ([]byte, error) { return EncodeSized(v, 64<<10) }

// EncodeSized is Encode with a first buffer of size bytes: the size of
// the document read, for a document written back, saves the copies of a
// growing buffer.
func EncodeSized(v any, size int) ([]byte, error) {
	e := &encoder{types: map[reflect.Type]*encInfo{}}
	e.buf = make([]byte, 0, max(size, 512))
	if err := e.value(reflect.ValueOf(v), 0); err != nil {
		return nil, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrNotEncodable, "%v", err)}
	}
	return append(e.buf, '\n'), nil
}

type encoder struct {
	buf   []byte
	types map[reflect.Type]*encInfo
}

type encField struct {
	index     int
	key       []byte // `"name": `
	omitEmpty bool
}

type encInfo struct {
	fields []encField
	custom bool // implements json.Marshaler or encoding.TextMarshaler
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

func (e *encoder) info(t reflect.Type) *encInfo {
	if in, ok := e.types[t]; ok {
		return in
	}
	in := &encInfo{}
	if t.Implements(marshalerType) || t.Implements(textMarshalerType) ||
		reflect.PointerTo(t).Implements(marshalerType) || reflect.PointerTo(t).Implements(textMarshalerType) {
		in.custom = true
	} else if t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			if name == "-" && opts == "" || !f.IsExported() || f.Anonymous {
				continue
			}
			if name == "" {
				name = f.Name
			}
			key := strconv.AppendQuote(nil, name)
			key = append(key, ':', ' ')
			in.fields = append(in.fields, encField{index: i, key: key, omitEmpty: strings.Contains(","+opts+",", ",omitempty,")})
		}
	}
	e.types[t] = in
	return in
}

func (e *encoder) newline(depth int) {
	e.buf = append(e.buf, '\n')
	for range depth {
		e.buf = append(e.buf, ' ', ' ')
	}
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return v.Len() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	}
	return false
}

func (e *encoder) value(v reflect.Value, depth int) error {
	if !v.IsValid() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	t := v.Type()
	if t == rawMessageType {
		return e.fallback(v, depth)
	}
	switch v.Kind() {
	case reflect.String:
		if e.info(t).custom {
			return e.fallback(v, depth)
		}
		e.buf = appendString(e.buf, v.String())
		return nil
	case reflect.Bool:
		e.buf = strconv.AppendBool(e.buf, v.Bool())
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if e.info(t).custom {
			return e.fallback(v, depth)
		}
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if e.info(t).custom {
			return e.fallback(v, depth)
		}
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
		return nil
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		if e.info(t).custom {
			return e.fallback(v, depth)
		}
		return e.value(v.Elem(), depth)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 || e.info(t).custom {
			return e.fallback(v, depth)
		}
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		if v.Len() == 0 {
			e.buf = append(e.buf, '[', ']')
			return nil
		}
		e.buf = append(e.buf, '[')
		for i := range v.Len() {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(depth + 1)
			if err := e.value(v.Index(i), depth+1); err != nil {
				return err
			}
		}
		e.newline(depth)
		e.buf = append(e.buf, ']')
		return nil
	case reflect.Struct:
		in := e.info(t)
		if in.custom {
			return e.fallback(v, depth)
		}
		n := 0
		for _, f := range in.fields {
			fv := v.Field(f.index)
			if f.omitEmpty && isEmpty(fv) {
				continue
			}
			if n == 0 {
				e.buf = append(e.buf, '{')
			} else {
				e.buf = append(e.buf, ',')
			}
			n++
			e.newline(depth + 1)
			e.buf = append(e.buf, f.key...)
			if err := e.value(fv, depth+1); err != nil {
				return err
			}
		}
		if n == 0 {
			e.buf = append(e.buf, '{', '}')
			return nil
		}
		e.newline(depth)
		e.buf = append(e.buf, '}')
		return nil
	}
	return e.fallback(v, depth)
}

// fallback writes v with encoding/json, indented at depth.
func (e *encoder) fallback(v reflect.Value, depth int) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	prefix := strings.Repeat("  ", depth)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v.Interface()); err != nil {
		return err
	}
	e.buf = append(e.buf, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
	return nil
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaped as encoding/json does
// without HTML escaping: quotes, backslashes and control characters,
// U+2028 and U+2029, and invalid UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

var rawMessageType = reflect.TypeFor[json.RawMessage]()
