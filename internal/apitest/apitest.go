// Package apitest holds the checks that every ismskit package runs on its
// own public API in its tests, so that a new exported name cannot break
// the promises the whole API makes:
//
//   - Exported lists the exported functions, methods and types of a
//     package from its source, and Covered fails a test that misses one,
//     so a table of calls or values keeps up with the package;
//   - NoPanic calls functions (usually with zero arguments and nil
//     receivers) and fails for each that panics;
//   - JSON checks that a value marshals with encoding/json, with
//     lowerCamelCase keys, and decodes back equal.
//
// Only _test files import it. Nothing here keeps state between calls.
package apitest

import (
	"encoding"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Exported returns the exported API of the package whose source is in dir
// (not its test files): functions as "Parse", methods of exported types
// as "Catalog.Len" (pointer and value receivers alike), and types as
// "Catalog", each list sorted.
func Exported(t testing.TB, dir string) (funcs, types []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("apitest: %v", err)
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("apitest: %v", err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					funcs = append(funcs, d.Name.Name)
					continue
				}
				if recv := receiverName(d.Recv.List[0].Type); ast.IsExported(recv) {
					funcs = append(funcs, recv+"."+d.Name.Name)
				}
			case *ast.GenDecl:
				if d.Tok != token.TYPE {
					continue
				}
				for _, s := range d.Specs {
					if ts := s.(*ast.TypeSpec); ts.Name.IsExported() {
						types = append(types, ts.Name.Name)
					}
				}
			}
		}
	}
	slices.Sort(funcs)
	slices.Sort(types)
	return funcs, types
}

func receiverName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// Covered fails t for every name of want that have lacks, and for every
// key of have that want lacks (a stale entry), so that a test table keeps
// up with the package's API.
func Covered[V any](t testing.TB, what string, want []string, have map[string]V) {
	t.Helper()
	for _, n := range want {
		if _, ok := have[n]; !ok {
			t.Errorf("apitest: %s %s is not covered: add it to the table", what, n)
		}
	}
	for n := range have {
		if !slices.Contains(want, n) {
			t.Errorf("apitest: %s %s is in the table but not in the package", what, n)
		}
	}
}

// NoPanic calls every function of calls, in the order of their names,
// and fails t for each that panics, naming it and the panic.
func NoPanic(t testing.TB, calls map[string]func()) {
	t.Helper()
	names := make([]string, 0, len(calls))
	for n := range calls {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if p := panics(calls[n]); p != nil {
			t.Errorf("apitest: %s panics: %v", n, p)
		}
	}
}

func panics(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}

// JSON checks value v of an exported type:
//
//   - every exported field of a struct type (and of the structs it holds)
//     without a MarshalJSON or MarshalText method of its own has a json
//     tag with a lowerCamelCase key, or "-";
//   - json.Marshal(v) succeeds and every object key of the result is
//     lowerCamelCase (keys of maps included: give values whose maps are
//     empty or have such keys);
//   - when roundTrip is set, the result decodes with json.Unmarshal into a
//     new value of v's type that equals v (reflect.DeepEqual).
func JSON(t testing.TB, name string, v any, roundTrip bool) {
	t.Helper()
	checkTags(t, name, reflect.TypeOf(v), map[reflect.Type]bool{})
	b, err := json.Marshal(v)
	if err != nil {
		t.Errorf("apitest: %s: json.Marshal: %v", name, err)
		return
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Errorf("apitest: %s: the JSON does not parse: %v", name, err)
		return
	}
	checkKeys(t, name, tree)
	if !roundTrip {
		return
	}
	back := reflect.New(reflect.TypeOf(v))
	if err := json.Unmarshal(b, back.Interface()); err != nil {
		t.Errorf("apitest: %s: json.Unmarshal of %s: %v", name, b, err)
		return
	}
	if got := back.Elem().Interface(); !reflect.DeepEqual(got, v) {
		t.Errorf("apitest: %s: decodes back as %#v, want %#v (JSON %s)", name, got, v, b)
	}
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

func checkTags(t testing.TB, name string, rt reflect.Type, seen map[reflect.Type]bool) {
	t.Helper()
	for rt != nil && (rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Array || rt.Kind() == reflect.Map) {
		if rt.Kind() == reflect.Map {
			checkTags(t, name, rt.Key(), seen)
		}
		rt = rt.Elem()
	}
	if rt == nil || rt.Kind() != reflect.Struct || seen[rt] || marshals(rt) {
		return
	}
	seen[rt] = true
	for f := range rt.Fields() {
		if !f.IsExported() {
			continue
		}
		tag, ok := f.Tag.Lookup("json")
		key, _, _ := strings.Cut(tag, ",")
		switch {
		case tag == "-":
			continue
		case !ok || key == "":
			if !f.Anonymous {
				t.Errorf("apitest: %s: field %s.%s has no json key", name, rt.Name(), f.Name)
			}
		case !lowerCamel(key):
			t.Errorf("apitest: %s: field %s.%s has the json key %q, not lowerCamelCase", name, rt.Name(), f.Name, key)
		}
		checkTags(t, name, f.Type, seen)
	}
}

func marshals(rt reflect.Type) bool {
	return rt.Implements(jsonMarshaler) || reflect.PointerTo(rt).Implements(jsonMarshaler) ||
		rt.Implements(textMarshaler) || reflect.PointerTo(rt).Implements(textMarshaler)
}

func checkKeys(t testing.TB, name string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if !lowerCamel(k) {
				t.Errorf("apitest: %s: the JSON key %q is not lowerCamelCase", name, k)
			}
			checkKeys(t, name, x)
		}
	case []any:
		for _, x := range v {
			checkKeys(t, name, x)
		}
	}
}

// lowerCamel reports whether k is a lowerCamelCase key: an ASCII
// lower-case letter, then ASCII letters and digits.
func lowerCamel(k string) bool {
	if k == "" || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// An enum is the method set every ismskit enumeration has.
type enum interface {
	comparable
	String() string
	IsValid() bool
	MarshalText() ([]byte, error)
}

// Enum checks the method set of an enumeration E over all its valid
// values:
//
//   - each value is valid, has a label (String) and a code (MarshalText),
//     both distinct from every other value's;
//   - parse, UnmarshalText and json round-trip the code, and parse reads
//     the label back too, but UnmarshalText does not: documents are
//     strict;
//   - the zero value marshals without error to zeroText ("" where zero
//     means unset), and that text unmarshals to the zero value;
//   - parse and UnmarshalText reject a value that is none of them with an
//     error, and UnmarshalText on a nil pointer returns an error.
func Enum[E enum, P interface {
	*E
	UnmarshalText([]byte) error
}](t *testing.T, values []E, parse func(string) (E, error), zeroText string) {
	t.Helper()
	var zero E
	labels, codes := map[string]E{}, map[string]E{}
	for _, v := range values {
		code, err := v.MarshalText()
		switch {
		case err != nil:
			t.Errorf("apitest: %v.MarshalText: %v", v, err)
			continue
		case !v.IsValid():
			t.Errorf("apitest: %v is not valid", v)
		case v.String() == "" || len(code) == 0:
			t.Errorf("apitest: %#v has an empty label or code", v)
		}
		if w, dup := labels[v.String()]; dup {
			t.Errorf("apitest: %#v and %#v share the label %q", v, w, v.String())
		}
		if w, dup := codes[string(code)]; dup {
			t.Errorf("apitest: %#v and %#v share the code %q", v, w, code)
		}
		labels[v.String()], codes[string(code)] = v, v
		for _, s := range []string{string(code), v.String()} {
			if got, err := parse(s); err != nil || got != v {
				t.Errorf("apitest: parse(%q) = %v, %v; want %v", s, got, err, v)
			}
		}
		var back E
		if err := P(&back).UnmarshalText(code); err != nil || back != v {
			t.Errorf("apitest: UnmarshalText(%q) = %v, %v; want %v", code, back, err, v)
		}
		if label := v.String(); label != string(code) {
			if err := P(&back).UnmarshalText([]byte(label)); err == nil {
				t.Errorf("apitest: UnmarshalText accepts the label %q: documents hold codes only", label)
			}
		}
		JSON(t, fmt.Sprintf("%T %s", v, code), v, true)
	}
	text, err := zero.MarshalText()
	if err != nil || string(text) != zeroText {
		t.Errorf("apitest: the zero %T marshals to %q, %v; want %q", zero, text, err, zeroText)
	}
	back := values[0]
	if err := P(&back).UnmarshalText(text); err != nil || back != zero {
		t.Errorf("apitest: UnmarshalText(%q) = %v, %v; want the zero %T", text, back, err, zero)
	}
	for _, bad := range []string{"no such value", "\x00"} {
		if _, err := parse(bad); err == nil {
			t.Errorf("apitest: parse(%q) accepted", bad)
		}
		if err := P(&back).UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("apitest: UnmarshalText(%q) accepted", bad)
		}
	}
	if err := P(nil).UnmarshalText(text); err == nil {
		t.Errorf("apitest: UnmarshalText on a nil *%T returned no error", zero)
	}
}
