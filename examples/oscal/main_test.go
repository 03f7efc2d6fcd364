package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// golden compares got with the golden file testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

func TestExportAndImport(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir}, &out, &errOut), errOut.String())
	golden(t, "export.txt", out.Bytes())
	for _, name := range []string{"iso27002-2022.json", "iso27002-2013.json", "iso27001-2022-clauses.json", "iso27002-2013-to-2022.json", "nimbus-profile.json"} {
		assert.FileExists(t, filepath.Join(dir, name))
	}

	// The exported 2022 catalog imports back as itself.
	data, err := os.ReadFile(filepath.Join(dir, "iso27002-2022.json"))
	require.NoError(t, err)
	cat, err := oscal.ImportCatalog(data, oscal.ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, iso27002.Catalog2022().Len(), cat.Len())

	// The profile resolves against the 2022 catalog.
	prof, err := os.ReadFile(filepath.Join(dir, "nimbus-profile.json"))
	require.NoError(t, err)
	sel, err := oscal.ImportProfile(prof, oscal.ImportOptions{})
	require.NoError(t, err)
	ids, err := sel.Resolve(iso27002.Catalog2022(), oscal.ImportOptions{})
	require.NoError(t, err)
	assert.NotEmpty(t, ids)

	out.Reset()
	fixture := filepath.Join("..", "..", "iso27002", "oscal", "testdata", "nist-800-53r5-excerpt.json")
	require.Equal(t, 0, run([]string{"-out", dir, "-import", fixture, "-namespace", "nist-800-53r5"}, &out, &errOut), errOut.String())
	golden(t, "import.txt", out.Bytes())
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errOut))
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"catalog":{"uuid":"x"}}`), 0o644))
	errOut.Reset()
	assert.Equal(t, 1, run([]string{"-out", dir, "-import", bad}, &out, &errOut))
	assert.Contains(t, errOut.String(), "catalog.uuid")
	assert.Equal(t, 1, run([]string{"-out", dir, "-import", filepath.Join(dir, "missing.json")}, &out, &errOut))
	blocker := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(blocker, nil, 0o644))
	assert.Equal(t, 1, run([]string{"-out", filepath.Join(blocker, "sub")}, &out, &errOut))
}
