package risk

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// exportedAPI returns the names of the exported types and of the
// exported functions (methods not included) that the package's own
// source files declare, sorted, so that the tests that must cover every
// one of them fail when a new one is not covered.
func exportedAPI(t *testing.T) (types, funcs []string) {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
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
	slices.Sort(types)
	slices.Sort(funcs)
	return types, funcs
}

// requireCovers fails unless covered holds exactly the names in want.
func requireCovers(t *testing.T, what string, want []string, covered map[string]bool) {
	t.Helper()
	var missing, extra []string
	for _, n := range want {
		if !covered[n] {
			missing = append(missing, n)
		}
	}
	for n := range covered {
		if !slices.Contains(want, n) {
			extra = append(extra, n)
		}
	}
	slices.Sort(extra)
	require.Empty(t, missing, "exported %s that the test does not cover: add them to its table", what)
	require.Empty(t, extra, "the test's table names %s that the package does not export", what)
}
