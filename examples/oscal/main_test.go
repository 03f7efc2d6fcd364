package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ismskit/ismskit/internal/oscalschema"

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
	// Every file is valid under NIST's schema of its model; the sample's
	// own documents are golden files.
	var nist oscalschema.Validator
	for _, f := range []struct{ name, model string }{
		{"iso27002-2022.json", "catalog"},
		{"iso27002-2013.json", "catalog"},
		{"iso27001-2022-clauses.json", "catalog"},
		{"iso27002-2013-to-2022.json", "mapping"},
		{"nimbus-catalog.json", "catalog"},
		{"nimbus-profile.json", "profile"},
		{"nimbus-ssp.json", "ssp"},
		{"nimbus-assessment-results.json", "assessment-results"},
		{"nimbus-poam.json", "poam"},
	} {
		data, err := os.ReadFile(filepath.Join(dir, f.name))
		require.NoError(t, err)
		require.NoError(t, nist.Validate(f.model, data), f.name)
		if strings.HasPrefix(f.name, "nimbus-") && f.name != "nimbus-catalog.json" {
			golden(t, f.name, data)
		}
	}

	// The exported 2022 catalog imports back as itself.
	data, err := os.ReadFile(filepath.Join(dir, "iso27002-2022.json"))
	require.NoError(t, err)
	cat, err := oscal.ImportCatalog(data, oscal.ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, iso27002.Catalog2022().Len(), cat.Len())

	// The profile resolves against the sample's catalog to the applicable
	// controls of its SoA.
	data, err = os.ReadFile(filepath.Join(dir, "nimbus-catalog.json"))
	require.NoError(t, err)
	nimbus, err := oscal.ImportCatalog(data, oscal.ImportOptions{})
	require.NoError(t, err)
	prof, err := os.ReadFile(filepath.Join(dir, "nimbus-profile.json"))
	require.NoError(t, err)
	sel, err := oscal.ImportProfile(prof, oscal.ImportOptions{})
	require.NoError(t, err)
	ids, err := sel.Resolve(nimbus, oscal.ImportOptions{})
	require.NoError(t, err)
	m, err := loadISMS()
	require.NoError(t, err)
	var applicable []iso27002.ControlID
	for e := range m.soa.Included() {
		applicable = append(applicable, e.Control)
	}
	assert.Equal(t, applicable, ids)

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
