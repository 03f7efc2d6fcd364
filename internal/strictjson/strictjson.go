// Package strictjson decodes JSON documents strictly, so that a misspelt
// key never silently drops data.
//
// Unmarshal accepts what encoding/json accepts, minus everything that
// encoding/json would quietly tolerate:
//
//   - an object key that names no field of the target struct, including a
//     key that matches only case-insensitively ("Likelihood" for
//     "likelihood"), is ErrUnknownField;
//   - a key given twice in one object is ErrDuplicateField;
//   - a value of the wrong JSON type, or a number that does not fit the
//     target integer, is ErrType;
//   - anything after the first value is ErrTrailingData;
//   - malformed JSON is ErrSyntax;
//   - an error returned by a nested value's UnmarshalJSON or UnmarshalText
//     (an unknown enum value, say) is kept as it is.
//
// Every problem is a *fielderr.Error carrying the JSON path of the value
// ("risks[3].likelihood"), and Unmarshal reports all of them, joined, in
// document order. Only when there are none does it decode into v, with
// encoding/json. It is safe for concurrent use.
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// The kinds of decoding problem, ismskit's shared ones.
var (
	ErrSyntax         = ismskit.ErrSyntax
	ErrUnknownField   = ismskit.ErrUnknownField
	ErrDuplicateField = ismskit.ErrDuplicateField
	ErrType           = ismskit.ErrType
	ErrTrailingData   = ismskit.ErrTrailingData
)

// Unmarshal decodes data into v, which must be a non-nil pointer, and
// reports every problem with its path. On error v is left unchanged.
func Unmarshal(data []byte, v any, opts ...ismskit.DecodeOption) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("strictjson: Unmarshal needs a non-nil pointer, got %T", v)
	}
	tree, err := parse(data)
	if err != nil {
		return err
	}
	var list fielderr.List
	check(&list, "", tree, rv.Type().Elem())
	if err := list.Err(); err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return &fielderr.Error{Err: fmt.Errorf("%w: %v", ErrType, err)}
	}
	return nil
}

// node is a parsed JSON value that keeps the order of object members.
type node struct {
	kind    byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	members []member
	elems   []*node
	str     string // string value or number literal
	raw     []byte // the value's own bytes, for nested unmarshalers
}

type member struct {
	key string
	val *node
}

func parse(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := parseValue(dec, data)
	if err != nil {
		return nil, syntaxErr(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &fielderr.Error{Offset: dec.InputOffset(), Err: fielderr.Errorf(ErrTrailingData, "trailing data after the JSON value at offset %d", dec.InputOffset())}
	}
	return n, nil
}

func syntaxErr(err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return &fielderr.Error{Err: fielderr.Errorf(ErrSyntax, "malformed JSON: %v", err)}
}

func parseValue(dec *json.Decoder, data []byte) (*node, error) {
	start := dec.InputOffset()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	n := &node{}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = 'o'
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key is not a string")
				}
				v, err := parseValue(dec, data)
				if err != nil {
					return nil, err
				}
				n.members = append(n.members, member{key, v})
			}
		case '[':
			n.kind = 'a'
			for dec.More() {
				v, err := parseValue(dec, data)
				if err != nil {
					return nil, err
				}
				n.elems = append(n.elems, v)
			}
		default:
			return nil, fmt.Errorf("unexpected %q", rune(t))
		}
		if _, err := dec.Token(); err != nil { // closing delimiter
			return nil, err
		}
	case string:
		n.kind, n.str = 's', t
	case json.Number:
		n.kind, n.str = 'n', string(t)
	case bool:
		n.kind = 'b'
	case nil:
		n.kind = 'z'
	}
	end := dec.InputOffset()
	n.raw = bytes.TrimLeft(data[start:end], " \t\r\n,:")
	return n, nil
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func check(l *fielderr.List, path string, n *node, t reflect.Type) {
	if n.kind == 'z' {
		return // null leaves the target as it is, as encoding/json does
	}
	pt := reflect.PointerTo(t)
	if t.Kind() != reflect.Pointer && pt.Implements(unmarshalerType) {
		u := reflect.New(t).Interface().(json.Unmarshaler)
		l.Add(path, u.UnmarshalJSON(n.raw))
		return
	}
	if t.Kind() != reflect.Pointer && pt.Implements(textUnmarshalerType) {
		if n.kind != 's' {
			l.Add(path, typeErr("string", n))
			return
		}
		u := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		l.Add(path, u.UnmarshalText([]byte(n.str)))
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		check(l, path, n, t.Elem())
	case reflect.Interface:
		if t.NumMethod() != 0 {
			l.Add(path, fmt.Errorf("%w: cannot decode into %s", ErrType, t))
		}
	case reflect.Struct:
		if n.kind != 'o' {
			l.Add(path, typeErr("object", n))
			return
		}
		fields := fieldsOf(t)
		seen := make(map[string]bool, len(n.members))
		for _, m := range n.members {
			p := fielderr.Key(path, m.key)
			if seen[m.key] {
				l.Add(p, ErrDuplicateField)
				continue
			}
			seen[m.key] = true
			ft, ok := fields[m.key]
			if !ok {
				l.Add(p, ErrUnknownField)
				continue
			}
			if ft.quoted {
				if m.val.kind != 's' {
					l.Add(p, typeErr("string", m.val))
				}
				continue
			}
			check(l, p, m.val, ft.typ)
		}
	case reflect.Map:
		if n.kind != 'o' {
			l.Add(path, typeErr("object", n))
			return
		}
		kt := t.Key()
		seen := make(map[string]bool, len(n.members))
		for _, m := range n.members {
			p := fielderr.Key(path, m.key)
			if seen[m.key] {
				l.Add(p, ErrDuplicateField)
				continue
			}
			seen[m.key] = true
			if err := checkKey(kt, m.key); err != nil {
				l.Add(p, err)
				continue
			}
			check(l, p, m.val, t.Elem())
		}
	case reflect.Slice:
		if et := reflect.PointerTo(t.Elem()); t.Elem().Kind() == reflect.Uint8 &&
			!et.Implements(unmarshalerType) && !et.Implements(textUnmarshalerType) {
			if n.kind != 's' {
				l.Add(path, typeErr("base64 string", n))
			}
			return
		}
		fallthrough
	case reflect.Array:
		if n.kind != 'a' {
			l.Add(path, typeErr("array", n))
			return
		}
		if t.Kind() == reflect.Array && len(n.elems) > t.Len() {
			l.Add(path, fmt.Errorf("%w: %d elements for an array of %d", ErrType, len(n.elems), t.Len()))
			return
		}
		for i, e := range n.elems {
			check(l, fielderr.Index(path, i), e, t.Elem())
		}
	case reflect.String:
		if n.kind != 's' {
			l.Add(path, typeErr("string", n))
		}
	case reflect.Bool:
		if n.kind != 'b' {
			l.Add(path, typeErr("boolean", n))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.kind != 'n' {
			l.Add(path, typeErr("integer", n))
			return
		}
		i, err := strconv.ParseInt(n.str, 10, 64)
		if err != nil || reflect.Zero(t).OverflowInt(i) {
			l.Add(path, fmt.Errorf("%w: %s is not an integer that fits %s", ErrType, n.str, t.Kind()))
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if n.kind != 'n' {
			l.Add(path, typeErr("integer", n))
			return
		}
		u, err := strconv.ParseUint(n.str, 10, 64)
		if err != nil || reflect.Zero(t).OverflowUint(u) {
			l.Add(path, fmt.Errorf("%w: %s is not an integer that fits %s", ErrType, n.str, t.Kind()))
		}
	case reflect.Float32, reflect.Float64:
		if n.kind != 'n' {
			l.Add(path, typeErr("number", n))
			return
		}
		f, err := strconv.ParseFloat(n.str, 64)
		if err != nil || (t.Kind() == reflect.Float32 && math.Abs(f) > math.MaxFloat32) {
			l.Add(path, fmt.Errorf("%w: %s does not fit %s", ErrType, n.str, t.Kind()))
		}
	default:
		l.Add(path, fmt.Errorf("%w: cannot decode into %s", ErrType, t))
	}
}

func checkKey(kt reflect.Type, key string) error {
	if reflect.PointerTo(kt).Implements(textUnmarshalerType) {
		return reflect.New(kt).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(key))
	}
	switch kt.Kind() {
	case reflect.String:
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(key, 10, 64)
		if err != nil || reflect.Zero(kt).OverflowInt(i) {
			return fmt.Errorf("%w: key %q is not an integer that fits %s", ErrType, key, kt.Kind())
		}
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u, err := strconv.ParseUint(key, 10, 64)
		if err != nil || reflect.Zero(kt).OverflowUint(u) {
			return fmt.Errorf("%w: key %q is not an integer that fits %s", ErrType, key, kt.Kind())
		}
		return nil
	}
	return fmt.Errorf("%w: cannot use %s as a map key", ErrType, kt)
}

func typeErr(want string, n *node) error {
	got := map[byte]string{'o': "object", 'a': "array", 's': "string", 'n': "number", 'b': "boolean", 'z': "null"}[n.kind]
	return fmt.Errorf("%w: want %s, got %s", ErrType, want, got)
}

type fieldInfo struct {
	typ    reflect.Type
	quoted bool // the ",string" option
}

// fieldsOf returns the JSON member names of struct type t as encoding/json
// sees them, with embedded structs flattened.
func fieldsOf(t reflect.Type) map[string]fieldInfo {
	out := map[string]fieldInfo{}
	depth := map[string]int{}
	var walk func(t reflect.Type, d int, visited map[reflect.Type]bool)
	walk = func(t reflect.Type, d int, visited map[reflect.Type]bool) {
		if visited[t] {
			return
		}
		visited[t] = true
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			ft := sf.Type
			if sf.Anonymous && name == "" {
				et := ft
				if et.Kind() == reflect.Pointer {
					et = et.Elem()
				}
				if et.Kind() == reflect.Struct {
					walk(et, d+1, visited)
					continue
				}
			}
			if !sf.IsExported() {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			if prev, ok := depth[name]; ok && prev <= d {
				continue
			}
			depth[name] = d
			quoted := false
			for _, o := range strings.Split(opts, ",") {
				if o == "string" {
					quoted = true
				}
			}
			out[name] = fieldInfo{typ: ft, quoted: quoted}
		}
	}
	walk(t, 0, map[reflect.Type]bool{})
	return out
}
