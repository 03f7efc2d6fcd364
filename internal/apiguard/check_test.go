package apiguard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRepository is the guard itself: it fails when the module's exported
// API or its JSON Schemas differ from the records under api/, or when an
// incompatible change is not in CHANGELOG.md.
func TestRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the whole module")
	}
	problems, err := Check(filepath.Join("..", ".."))
	require.NoError(t, err)
	if len(problems) > 0 {
		t.Errorf("the public API or a JSON Schema changed without its records under api/.\n"+
			"If the change is intended, run `%s` and commit api/; an incompatible change must also be\n"+
			"listed, as %s writes it, in the Unreleased section of %s.\n\n%s",
			Regenerate, IncompatibleFile, ChangelogFile, strings.Join(problems, "\n"))
	}
}

// writeModule writes a one-package module with the guarded module path,
// the package risk from src and one schema.
func writeModule(t *testing.T, root, src, schema string) {
	t.Helper()
	for name, data := range map[string]string{
		"go.mod":                         "module " + ModulePath + "\n\ngo 1.26\n",
		"risk/risk.go":                   src,
		"risk/schema/risk.schema.json":   schema,
		ChangelogFile:                    "# Changelog\n\n## [Unreleased]\n",
		"internal/x/x.go":                "package x\n\n// Hidden is not public.\nfunc Hidden() {}\n",
		"examples/demo/main.go":          "package main\n\nfunc main() {}\n",
		"risk/internal/helper/helper.go": "package helper\n",
		"soa/soa.go":                     "// Package soa stays when risk goes.\npackage soa\n\n// Version is public.\nconst Version = 1\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
}

const schemaV1 = `{"type":"object","properties":{"id":{"type":"string"},"level":{"enum":["low","high"]}}}`

func TestCheck(t *testing.T) {
	root := t.TempDir()
	writeModule(t, root, oldSrc, schemaV1)

	problems, err := Check(root)
	require.NoError(t, err)
	assert.Equal(t, []string{BaselineFile + " is missing: run " + Regenerate}, problems)

	a, err := Load(root)
	require.NoError(t, err)
	require.Len(t, a.Packages, 2, "internal packages and examples are not public")
	_, err = Write(root, a, nil, nil)
	require.NoError(t, err)
	problems, err = Check(root)
	require.NoError(t, err)
	assert.Empty(t, problems, "records just written describe the code")

	// A changed field type and a narrowed enum, not recorded.
	writeModule(t, root, strings.Replace(oldSrc, "Risks []Risk", "Risks []*Risk", 1),
		strings.Replace(schemaV1, `["low","high"]`, `["low"]`, 1))
	problems, err = Check(root)
	require.NoError(t, err)
	text := strings.Join(problems, "\n")
	assert.Contains(t, text, "api/risk.txt differs from the code:")
	assert.Contains(t, text, "- type Register struct, Risks []Risk", "the listing diff shows the old line")
	assert.Contains(t, text, "+ type Register struct, Risks []*Risk")
	assert.Contains(t, text, "risk.Register.Risks: changed from []Risk to []*Risk (incompatible)")
	assert.Contains(t, text, "risk/schema/risk.schema.json")

	// Regenerated, the change is recorded but the changelog is silent.
	base, err := Baseline(root)
	require.NoError(t, err)
	schemas, err := ReadSchemas(root)
	require.NoError(t, err)
	a, err = Load(root)
	require.NoError(t, err)
	inc, err := Write(root, a, base, schemas)
	require.NoError(t, err)
	require.Len(t, inc, 2)
	problems, err = Check(root)
	require.NoError(t, err)
	require.Len(t, problems, 2)
	assert.Contains(t, problems[0], "Unreleased section of CHANGELOG.md does not mention")

	// The changelog names them: clean again.
	lines, err := os.ReadFile(filepath.Join(root, IncompatibleFile))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(root, ChangelogFile),
		[]byte("# Changelog\n\n## [Unreleased]\n\n### Changed\n\n"+string(lines)), 0o644))
	problems, err = Check(root)
	require.NoError(t, err)
	assert.Empty(t, problems)

	// A package removed leaves its listing behind.
	require.NoError(t, os.RemoveAll(filepath.Join(root, "risk")))
	problems, err = Check(root)
	require.NoError(t, err)
	assert.Contains(t, strings.Join(problems, "\n"), "api/risk.txt lists a package the module no longer has")
	assert.Contains(t, strings.Join(problems, "\n"), "risk: package removed (incompatible)")
}

// A recursive definition (a node whose children are nodes) is compared
// once: the walk ends, and a change inside it is reported once.
func TestSchemaChangesRecursive(t *testing.T) {
	tree := `{"$ref":"#/$defs/Node","$defs":{"Node":{"type":"object","properties":{"name":{"type":"string"%s},"children":{"type":"array","items":{"$ref":"#/$defs/Node"}},"left":{"$ref":"#/$defs/Node"},"right":{"$ref":"#/$defs/Node"}}}}}`
	old := map[string][]byte{"t.json": []byte(strings.Replace(tree, "%s", "", 1))}
	assert.Empty(t, SchemaChanges(old, old))
	narrowed := map[string][]byte{"t.json": []byte(strings.Replace(tree, "%s", `,"maxLength":3`, 1))}
	assert.Equal(t, []Change{{Subject: "t.json name", Message: "maxLength 3 added"}}, SchemaChanges(old, narrowed))
}
