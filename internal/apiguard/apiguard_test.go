package apiguard

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// check type-checks one file of Go source as the package at path.
func check(t *testing.T, fset *token.FileSet, path, src string) *types.Package {
	t.Helper()
	f, err := parser.ParseFile(fset, filepath.Base(path)+".go", src, 0)
	require.NoError(t, err)
	p, err := (&types.Config{}).Check(path, fset, []*ast.File{f}, nil)
	require.NoError(t, err)
	return p
}

const oldSrc = `package risk

// Register holds risks.
type Register struct {
	Name  string
	Risks []Risk
	note  string
}

// Risk is a risk.
type Risk struct{ ID string }

// Level is an enum.
type Level int

const (
	Low Level = iota + 1
	High
)

// Method scores.
type Method interface {
	Score(vector string) (float64, error)
}

func (r Register) Validate() error     { return nil }
func (r *Register) Add(x Risk, more ...Risk) {}
func Decode(data []byte) (Register, error) { return Register{}, nil }
func Map[K comparable, V any](m map[K]V) []K { return nil }
var ErrMissing = error(nil)
func helper() {}
`

func TestListing(t *testing.T) {
	fset := token.NewFileSet()
	p := check(t, fset, ModulePath+"/risk", oldSrc)
	want := `pkg github.com/ismskit/ismskit/risk
const High Level = 2
const Low Level = 1
func Decode([]byte) (Register, error)
func Map[K comparable, V any](map[K]V) []K
method (*Register) Add(Risk, ...Risk)
method (Register) Validate() error
type Level int
type Method interface
type Method interface, Score(string) (float64, error)
type Register struct
type Register struct, Name string
type Register struct, Risks []Risk
type Risk struct
type Risk struct, ID string
var ErrMissing error
`
	assert.Equal(t, want, string(Listing(p)))
}

func TestDiffClassifiesChanges(t *testing.T) {
	fset := token.NewFileSet()
	old := check(t, fset, ModulePath+"/risk", oldSrc)
	newSrc := strings.NewReplacer(
		"Risks []Risk", "Risks []*Risk",
		"func Decode(data []byte) (Register, error)", "func Decode(data []byte, strict bool) (Register, error)",
		"func helper() {}", "func helper() {}\nfunc Clone(r Register) Register { return r }",
	).Replace(oldSrc)
	cur := check(t, token.NewFileSet(), ModulePath+"/risk", newSrc)
	api := &API{Fset: fset, Packages: []*types.Package{cur}}
	changes := api.Diff(map[string]*types.Package{old.Path(): old}, nil)
	var got []string
	for _, c := range changes {
		got = append(got, c.String())
	}
	assert.Equal(t, []string{
		"risk.Decode: changed from func([]byte) (Register, error) to func([]byte, bool) (Register, error) (incompatible)",
		"risk.Register.Risks: changed from []Risk to []*Risk (incompatible)",
		"risk.Clone: added (compatible)",
	}, got)

	gone := api.Diff(map[string]*types.Package{old.Path(): old, ModulePath + "/soa": old}, nil)
	assert.Contains(t, gone, Change{Subject: "soa", Message: "package removed"})
}

func TestSchemaChanges(t *testing.T) {
	base := `{"$ref":"#/$defs/Doc","$defs":{"Doc":{"type":"object","additionalProperties":false,
		"required":["id"],"properties":{"id":{"type":"string","description":"old words"},
		"status":{"type":"string","enum":["open","closed"]},"note":{"type":"string"},
		"items":{"type":"array","items":{"$ref":"#/$defs/Item"}}}},
		"Item":{"type":"object","properties":{"n":{"type":"integer","maximum":10}}}}}`
	tests := []struct {
		name string
		new  string
		want []Change
	}{
		{"same but for descriptions", strings.Replace(base, "old words", "new words", 1), nil},
		{"field removed", strings.Replace(base, `"note":{"type":"string"},`, ``, 1),
			[]Change{{Subject: "d.json note", Message: "property removed"}}},
		{"field added", strings.Replace(base, `"note":{"type":"string"},`, `"note":{"type":"string"},"extra":{"type":"string"},`, 1),
			[]Change{{Subject: "d.json extra", Message: "property added", Compatible: true}}},
		{"new required", strings.Replace(base, `"required":["id"]`, `"required":["id","note"]`, 1),
			[]Change{{Subject: "d.json note", Message: "property now required"}}},
		{"enum narrowed", strings.Replace(base, `["open","closed"]`, `["open"]`, 1),
			[]Change{{Subject: "d.json status", Message: "value closed no longer allowed"}}},
		{"enum widened", strings.Replace(base, `["open","closed"]`, `["open","closed","parked"]`, 1),
			[]Change{{Subject: "d.json status", Message: "value parked allowed", Compatible: true}}},
		{"type changed in a referenced definition", strings.Replace(base, `"n":{"type":"integer"`, `"n":{"type":"string"`, 1),
			[]Change{{Subject: "d.json items[items].n", Message: "type changed from integer to string"}}},
		{"bound lowered", strings.Replace(base, `"maximum":10`, `"maximum":5`, 1),
			[]Change{{Subject: "d.json items[items].n", Message: "maximum changed from 10 to 5"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SchemaChanges(map[string][]byte{"d.json": []byte(base)}, map[string][]byte{"d.json": []byte(tt.new)})
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Equal(t, []Change{{Subject: "d.json", Message: "schema removed"}, {Subject: "e.json", Message: "schema added", Compatible: true}},
		SchemaChanges(map[string][]byte{"d.json": []byte(base)}, map[string][]byte{"e.json": []byte(base)}))
}

func TestWriteAndReadBack(t *testing.T) {
	root := t.TempDir()
	fset := token.NewFileSet()
	p := check(t, fset, ModulePath+"/risk", oldSrc)
	schemas := map[string][]byte{"risk/schema/doc.schema.json": []byte(`{"type":"object"}`)}
	api := &API{Fset: fset, Packages: []*types.Package{p}, Schemas: schemas}
	inc, err := Write(root, api, nil, nil)
	require.NoError(t, err)
	assert.Empty(t, inc)
	listing, err := os.ReadFile(filepath.Join(root, "api", "risk.txt"))
	require.NoError(t, err)
	assert.Equal(t, Listing(p), listing)

	base, err := Baseline(root)
	require.NoError(t, err)
	baseSchemas, err := ReadSchemas(root)
	require.NoError(t, err)
	assert.Empty(t, api.Diff(base, baseSchemas), "a baseline read back equals the code it was written from")

	// An incompatible change, accepted with Write, is appended to
	// api/incompatible.txt, which the changelog must then mention.
	cur := check(t, token.NewFileSet(), ModulePath+"/risk", strings.Replace(oldSrc, "Name  string", "Name  int", 1))
	next := &API{Fset: token.NewFileSet(), Packages: []*types.Package{cur}, Schemas: schemas}
	inc, err = Write(root, next, base, baseSchemas)
	require.NoError(t, err)
	require.Len(t, inc, 1)
	require.NoError(t, os.WriteFile(filepath.Join(root, ChangelogFile), []byte("# Changelog\n\n## [Unreleased]\n\n### Changed\n\n## [0.1.0]\n\n- risk.Register.Name: changed from string to int\n"), 0o644))
	missing, err := UnrecordedIncompatible(root)
	require.NoError(t, err)
	assert.Equal(t, []string{"risk.Register.Name: changed from string to int"}, missing, "a released section does not count")
	require.NoError(t, os.WriteFile(filepath.Join(root, ChangelogFile), []byte("# Changelog\n\n## [Unreleased]\n\n- risk.Register.Name: changed from string to int\n"), 0o644))
	missing, err = UnrecordedIncompatible(root)
	require.NoError(t, err)
	assert.Empty(t, missing)
}

func TestPublic(t *testing.T) {
	for path, want := range map[string]bool{
		ModulePath:                                     true,
		ModulePath + "/risk/fair":                      true,
		ModulePath + "/internal/codec":                 false,
		ModulePath + "/examples/quickstart":            false,
		ModulePath + "/internal/apiguard/cmd/apiguard": false,
		"example.com/other":                            false,
		ModulePath + "x":                               false,
	} {
		assert.Equal(t, want, Public(path), path)
	}
	assert.Equal(t, "ismskit.txt", ListingFile(ModulePath))
	assert.Equal(t, "risk_fair.txt", ListingFile(ModulePath+"/risk/fair"))
}
