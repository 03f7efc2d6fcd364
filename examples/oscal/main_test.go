package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ismskit/ismskit/internal/oscalcheck"

	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/ismskit/ismskit/examples/internal/mainrun"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets TestProgram run main as a program.
func TestMain(m *testing.M) { mainrun.Main(m, main) }

// golden compares got with the golden file testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

// written is what the program does with -out: its exit status, what it
// printed and the files it wrote, by name. It runs once, for
// TestExportAndImport and TestCheckFindsDefects (a run is a second of CPU
// under the race detector); neither changes what it reads.
type written struct {
	code        int
	out, errOut string
	files       map[string][]byte
}

var writeOnce = sync.OnceValues(func() (*written, error) {
	dir, err := os.MkdirTemp("", "oscal-out-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var out, errOut bytes.Buffer
	w := &written{code: run([]string{"-out", dir}, &out, &errOut), files: map[string][]byte{}}
	w.out, w.errOut = out.String(), errOut.String()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if w.files[e.Name()], err = os.ReadFile(filepath.Join(dir, e.Name())); err != nil {
			return nil, err
		}
	}
	return w, nil
})

// writeSet runs the program with -out (once for every test) and fails the
// test unless it succeeded.
func writeSet(t *testing.T) *written {
	t.Helper()
	w, err := writeOnce()
	require.NoError(t, err)
	require.Equal(t, 0, w.code, w.errOut)
	return w
}

// checker checks the written set for TestExportAndImport and
// TestCheckFindsDefects: it gives what oscalcheck.Check gives, and keeps
// what it read of each document, so that the second test's check of the
// set, and of each of its mutations, reads again only a changed file.
var checker oscalcheck.Checker

func TestExportAndImport(t *testing.T) {
	w := writeSet(t)
	golden(t, "export.txt", []byte(w.out))
	// Every file is valid under NIST's schema of its model, and the set is
	// consistent: every reference resolves within it, UUIDs are unique,
	// dates agree. The sample's own documents are golden files.
	files := w.files
	for name, data := range files {
		if strings.HasPrefix(name, "nimbus-") && name != "nimbus-catalog.json" {
			golden(t, name, data)
		}
	}
	assert.Len(t, files, 10)
	assert.Empty(t, checker.Check(files))

	// The exported 2022 catalog imports back as itself.
	cat, err := oscal.ImportCatalog(files["iso27002-2022.json"], oscal.ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, iso27002.Catalog2022().Len(), cat.ISO27002().Len())

	// The profile resolves against the sample's catalog to the applicable
	// controls of its SoA.
	nimbus, err := oscal.ImportCatalog(files["nimbus-catalog.json"], oscal.ImportOptions{})
	require.NoError(t, err)
	sel, err := oscal.ImportProfile(files["nimbus-profile.json"], oscal.ImportOptions{})
	require.NoError(t, err)
	ids, err := sel.Resolve(nimbus.ISO27002(), oscal.ImportOptions{})
	require.NoError(t, err)
	m, err := loadISMS()
	require.NoError(t, err)
	var applicable []iso27002.ControlID
	for e := range m.soa.Included() {
		applicable = append(applicable, e.Control)
	}
	assert.Equal(t, applicable, ids)
}

func TestImportExport(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	fixture := filepath.Join("..", "..", "iso27002", "oscal", "testdata", "nist-800-53r5-excerpt.json")
	require.Equal(t, 0, run([]string{"-import", fixture, "-namespace", "nist-800-53r5"}, &out, &errOut), errOut.String())
	golden(t, "import.txt", out.Bytes())

	// NIST's own catalog passes through unchanged: written back, it is
	// valid OSCAL 1.2.1 and reads back with the same controls.
	nist := filepath.Join("..", "..", "iso27002", "oscal", "testdata", "nist", "NIST_SP-800-53_rev5_catalog.json")
	to := filepath.Join(dir, "nist.json")
	out.Reset()
	require.Equal(t, 0, run([]string{"-import", nist, "-export", to}, &out, &errOut), errOut.String())
	assert.Contains(t, out.String(), "1189 controls, 182 of them withdrawn")
	want := fmt.Sprintf("%-24s %-10s %s\n", "oscal:ac-2.10", "AC-2(10)", "Shared and Group Account Credential Change (withdrawn: moved to oscal:ac-2)")
	assert.True(t, strings.Contains(out.String(), want), "lists ac-2.10 as withdrawn, moved to ac-2")
	data, err := os.ReadFile(to)
	require.NoError(t, err)
	assert.Empty(t, oscalcheck.Check(map[string][]byte{"nist.json": data}))
	orig, err := os.ReadFile(nist)
	require.NoError(t, err)
	a, err := oscal.ImportCatalog(orig, oscal.ImportOptions{})
	require.NoError(t, err)
	b, err := oscal.ImportCatalog(data, oscal.ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, slices.Collect(a.ISO27002().Controls()), slices.Collect(b.ISO27002().Controls()))
	assert.Equal(t, "5.0.1", b.Version())
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errOut))
	assert.Equal(t, 2, run([]string{"-export", "x.json"}, &out, &errOut), "-export needs -import")
	assert.Equal(t, 2, run([]string{"stray"}, &out, &errOut))
	for name, content := range map[string]string{
		"bad.json":      `{"catalog":{"uuid":"x"}}`,
		"notjson.json":  `{"catalog":`,
		"profile.json":  `{"profile":{}}`,
		"deep.json":     strings.Repeat("[", 100000),
		"unknown.json":  `{"catalog":{"uuid":"9e2a5b7c-3f1d-4e8a-9b6c-2d4f6a8e0c13","titel":"x"}}`,
		"empty.json":    ``,
		"nullcat.json":  `{"catalog":null}`,
		"numbers.json":  `{"catalog":{"uuid":1}}`,
		"trailing.json": `{} {}`,
	} {
		bad := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(bad, []byte(content), 0o644))
		errOut.Reset()
		assert.Equal(t, 1, run([]string{"-import", bad, "-export", filepath.Join(dir, "out-"+name)}, &out, &errOut), name)
		assert.Contains(t, errOut.String(), "is not a catalog ismskit can import", name)
		assert.NoFileExists(t, filepath.Join(dir, "out-"+name))
	}
	assert.Contains(t, func() string {
		errOut.Reset()
		run([]string{"-import", filepath.Join(dir, "bad.json")}, &out, &errOut)
		return errOut.String()
	}(), "catalog.uuid")
	assert.Equal(t, 1, run([]string{"-import", filepath.Join(dir, "missing.json")}, &out, &errOut))
	blocker := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(blocker, nil, 0o644))
	assert.Equal(t, 1, run([]string{"-out", filepath.Join(blocker, "sub")}, &out, &errOut))
	good := filepath.Join("..", "..", "iso27002", "oscal", "testdata", "nist-800-53r5-excerpt.json")
	assert.Equal(t, 1, run([]string{"-import", good, "-export", filepath.Join(blocker, "sub", "x.json")}, &out, &errOut))
}

// TestCheckFindsDefects shows that the checks of the written set can
// fail: each mutation of a consistent set is reported.
func TestCheckFindsDefects(t *testing.T) {
	good := maps.Clone(writeSet(t).files)
	require.Empty(t, checker.Check(good))
	for _, tc := range []struct {
		name, file, old, new, want string
	}{
		{"missing file", "nimbus-assessment-results.json", `"href": "nimbus-assessment-plan.json"`, `"href": "plan.json"`, `"plan.json" is not a file of the set`},
		{"unknown control", "nimbus-ssp.json", `"control-id": "a.5.1"`, `"control-id": "a.5.99"`, `control "a.5.99" is in no catalog`},
		{"with-ids", "nimbus-profile.json", `"a.5.1"`, `"a.5.99"`, `control "a.5.99" is not in nimbus-catalog.json`},
		{"objective", "nimbus-assessment-results.json", `"target-id": "a.5.15_obj"`, `"target-id": "a.5.15"`, `objective "a.5.15" is defined nowhere`},
		{"statement", "nimbus-assessment-results.json", `"target-id": "c.4.1.p1"`, `"target-id": "c.4.1.p9"`, `statement "c.4.1.p9" is in no catalog`},
		{"role", "nimbus-assessment-results.json", `"role-id": "assessment-customer"`, `"role-id": "auditee"`, `role "auditee" is defined nowhere`},
		{"uuid reference", "nimbus-poam.json", `"risk-uuid": "`, `"risk-uuid": "0`, `names nothing in the set`},
		{"dates", "nimbus-assessment-results.json", `"collected": "2026-01-12T00:00:00Z"`, `"collected": "2026-12-12T00:00:00Z"`, "is after the document's last-modified"},
		{"not a date", "nimbus-ssp.json", `"last-modified": "2026-11-28T00:00:00Z"`, `"last-modified": "2026-11-28"`, "not a valid OSCAL ssp"},
		{"mapping", "iso27002-2013-to-2022.json", `"id-ref": "a.5.1.1"`, `"id-ref": "a.5.1.9"`, `control "a.5.1.9" is not in iso27002-2013.json`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := maps.Clone(good)
			doc := string(set[tc.file])
			require.Contains(t, doc, tc.old)
			set[tc.file] = []byte(strings.Replace(doc, tc.old, tc.new, 1))
			errs := checker.Check(set)
			require.NotEmpty(t, errs)
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			assert.Contains(t, strings.Join(msgs, "\n"), tc.want)
		})
	}
	// UUIDs: a duplicate within a document, and two documents with one
	// UUID.
	set := maps.Clone(good)
	var ssp map[string]map[string]any
	require.NoError(t, json.Unmarshal(set["nimbus-ssp.json"], &ssp))
	docUUID := ssp["system-security-plan"]["uuid"].(string)
	set["nimbus-poam.json"] = []byte(strings.Replace(string(set["nimbus-poam.json"]), `"uuid": "`, `"uuid": "`+docUUID+`", "x-uuid": "`, 1))
	errs := checker.Check(set)
	assert.NotEmpty(t, errs)
	set = maps.Clone(good)
	poam := string(set["nimbus-poam.json"])
	i := strings.Index(poam, `"poam-items"`)
	j := strings.Index(poam[i:], `"uuid": "`) + i + len(`"uuid": "`)
	dup := poam[j : j+36]
	set["nimbus-poam.json"] = []byte(strings.Replace(poam, dup, docUUIDOf(t, poam), 1))
	errs = checker.Check(set)
	require.NotEmpty(t, errs)
	assert.Contains(t, fmt.Sprint(errs), "is also")
}

func docUUIDOf(t *testing.T, doc string) string {
	t.Helper()
	var v map[string]map[string]any
	require.NoError(t, json.Unmarshal([]byte(doc), &v))
	for _, root := range v {
		return root["uuid"].(string)
	}
	return ""
}

// TestProgram runs the example as `go run` does, from an empty folder.
func TestProgram(t *testing.T) {
	stdout, _ := mainrun.Run(t)
	assert.Contains(t, stdout, "wrote iso27002-2022.json")
}
