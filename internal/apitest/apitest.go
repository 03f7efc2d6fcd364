// Package apitest lists the exported API of a package from its source, so
// that a test which must cover every exported type, function and method
// (JSON round trips, calls with zero arguments) fails when a new one is
// added without being covered. Only tests import it.
package apitest

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// API is the exported surface of a package.
type API struct {
	// Types are the exported type names.
	Types []string
	// Funcs are the exported package-level functions.
	Funcs []string
	// Methods are the exported methods of exported types, as
	// "Type.Method".
	Methods []string
}

// Of parses the non-test Go files of the package in dir.
func Of(t testing.TB, dir string) API {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var api API
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() {
						api.Types = append(api.Types, ts.Name.Name)
					}
				}
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					api.Funcs = append(api.Funcs, d.Name.Name)
					continue
				}
				recv := d.Recv.List[0].Type
				if st, ok := recv.(*ast.StarExpr); ok {
					recv = st.X
				}
				if id, ok := recv.(*ast.Ident); ok && id.IsExported() {
					api.Methods = append(api.Methods, id.Name+"."+d.Name.Name)
				}
			}
		}
	}
	slices.Sort(api.Types)
	slices.Sort(api.Funcs)
	slices.Sort(api.Methods)
	return api
}

// Missing returns the names of want that covered lacks, sorted.
func Missing(want []string, covered map[string]bool) []string {
	var out []string
	for _, n := range want {
		if !covered[n] {
			out = append(out, n)
		}
	}
	return out
}

// RoundTrip marshals each value with encoding/json and decodes the result
// into a new value of the same type, which must equal it; v is a pointer.
// It reports a failure of t for each value that does not come back.
func RoundTrip(t testing.TB, vs ...any) {
	t.Helper()
	for _, v := range vs {
		data, err := json.Marshal(v)
		if err != nil {
			t.Errorf("%T: %v", v, err)
			continue
		}
		back := reflect.New(reflect.TypeOf(v).Elem())
		if err := json.Unmarshal(data, back.Interface()); err != nil {
			t.Errorf("%T: %s: %v", v, data, err)
			continue
		}
		if !reflect.DeepEqual(v, back.Interface()) {
			t.Errorf("%T: %s decodes to %+v, not %+v", v, data, back.Interface(), v)
		}
	}
}

// Calls runs each call, by the name of the exported function or method
// ("Func", "Type.Method") it exercises with zero arguments or a nil
// receiver, and reports a failure of t for each that panics and for each
// exported function and method of the package in dir that calls does not
// cover.
func Calls(t *testing.T, dir string, calls map[string]func()) {
	t.Helper()
	covered := map[string]bool{}
	for name, call := range calls {
		covered[name] = true
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s panics: %v", name, r)
				}
			}()
			call()
		})
	}
	api := Of(t, dir)
	if missing := Missing(append(api.Funcs, api.Methods...), covered); len(missing) > 0 {
		t.Errorf("exported functions and methods not called with zero arguments: %v", missing)
	}
}
