// Package apitest checks, in a package's own tests, two promises that
// every ismskit package makes for its whole exported API, so that a new
// function or type cannot break them unnoticed:
//
//   - nil and zero never panic: Zero calls every exported function with
//     zero arguments, and every exported method on the zero value of its
//     type and, for pointer methods, on a nil pointer, each under recover;
//   - JSON everywhere: RoundTrip marshals a value with encoding/json,
//     checks that every object key is lowerCamelCase, decodes it into a
//     new value and compares.
//
// Both start from Exported, which lists the package's exported functions
// and types from its source, so that a test that forgets one fails. Only
// _test files import this package. Nothing here keeps state; the
// functions are safe for concurrent use by parallel tests.
package apitest

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Exported returns the names of the exported package-level functions and
// types declared in the non-test .go files of dir, sorted.
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
				if d.Recv == nil && d.Name.IsExported() {
					funcs = append(funcs, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() {
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

// Complete fails the test unless the names listed equal the exported
// names found in the source: a new exported function or type must be
// added to the test's table.
func Complete(t testing.TB, what string, inSource []string, listed []string) {
	t.Helper()
	listed = slices.Sorted(slices.Values(listed))
	for _, n := range inSource {
		if !slices.Contains(listed, n) {
			t.Errorf("apitest: exported %s %s is not in the test's table", what, n)
		}
	}
	for _, n := range listed {
		if !slices.Contains(inSource, n) {
			t.Errorf("apitest: the test's table lists %s %s, which the package does not export", what, n)
		}
	}
}

// Args gives the argument of one parameter type; it returns false to take
// the zero value.
type Args func(reflect.Type) (reflect.Value, bool)

// Zero calls fn, a function value, with the zero value of each parameter
// (or what args gives), leaving out variadic ones, and fails the test if
// it panics.
func Zero(t testing.TB, name string, fn any, args Args) {
	t.Helper()
	call(t, name, reflect.ValueOf(fn), 0, args)
}

// call calls f, whose first skip parameters are already bound, with zero
// arguments.
func call(t testing.TB, name string, f reflect.Value, skip int, args Args) {
	t.Helper()
	ft := f.Type()
	n := ft.NumIn()
	if ft.IsVariadic() {
		n--
	}
	in := make([]reflect.Value, 0, n)
	for i := skip; i < n; i++ {
		pt := ft.In(i)
		v, ok := reflect.Value{}, false
		if args != nil {
			v, ok = args(pt)
		}
		if !ok {
			v = reflect.Zero(pt)
		}
		in = append(in, v)
	}
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("apitest: %s panics on zero arguments: %v", name, r)
		}
	}()
	f.Call(in)
}

// Methods calls every exported method of the type of v (a value of a
// named, non-pointer type) with zero arguments: the value methods on the
// zero value, and the pointer methods on a nil pointer and on a pointer
// to the zero value. It fails the test for each method that panics.
func Methods(t testing.TB, v any, args Args) {
	t.Helper()
	typ := reflect.TypeOf(v)
	pt := reflect.PointerTo(typ)
	for i := range pt.NumMethod() {
		m := pt.Method(i)
		name := typ.Name() + "." + m.Name
		if _, isValue := typ.MethodByName(m.Name); isValue {
			call(t, name, reflect.Zero(typ).MethodByName(m.Name), 0, args)
			continue
		}
		call(t, "(*"+typ.Name()+")(nil)."+m.Name, reflect.Zero(pt).MethodByName(m.Name), 0, args)
		call(t, "new("+typ.Name()+")."+m.Name, reflect.New(typ).MethodByName(m.Name), 0, args)
	}
}

var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// RoundTrip marshals v with encoding/json, checks that every object key
// is lowerCamelCase (except below the keys in skip, whose content is
// another package's or the user's), decodes the JSON into a new value of
// v's type and returns it, for the caller to compare with v.
func RoundTrip(t testing.TB, v any, skip ...string) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Errorf("apitest: %T does not marshal: %v", v, err)
		return nil
	}
	var tree any
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Errorf("apitest: %T marshals to invalid JSON: %v", v, err)
		return nil
	}
	for _, k := range keys(tree, "", skip) {
		t.Errorf("apitest: %T has the key %s, which is not lowerCamelCase", v, k)
	}
	back := reflect.New(reflect.TypeOf(v))
	if err := json.Unmarshal(data, back.Interface()); err != nil {
		t.Errorf("apitest: %T does not decode its own JSON: %v\n%s", v, err, data)
		return nil
	}
	return back.Elem().Interface()
}

// keys returns the paths of the object keys in tree that are not
// lowerCamelCase.
func keys(tree any, path string, skip []string) []string {
	var bad []string
	switch x := tree.(type) {
	case map[string]any:
		for k, v := range x {
			p := path + "." + k
			if !lowerCamel.MatchString(k) {
				bad = append(bad, p)
			}
			if !slices.Contains(skip, k) {
				bad = append(bad, keys(v, p, skip)...)
			}
		}
	case []any:
		for i, v := range x {
			bad = append(bad, keys(v, fmt.Sprintf("%s[%d]", path, i), skip)...)
		}
	}
	slices.Sort(bad)
	return bad
}
