// Package apitest lists the exported API of a package from its source, so
// that a test which must cover every exported type, function and method
// (JSON round trips, calls with zero arguments) fails when a new one is
// added without being covered. Only tests import it.
package apitest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
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
