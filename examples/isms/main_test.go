package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ismskit/ismskit/examples/internal/mainrun"
	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets TestProgram run main as a program.
func TestMain(m *testing.M) { mainrun.Main(m, main) }

var now = time.Date(2026, time.June, 30, 9, 0, 0, 0, time.UTC)

func runArgs(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e, now)
	return code, o.String(), e.String()
}

// golden compares got with the golden file testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), []byte(got))
}

func write(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "records.json")
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"gap_sample.txt", nil},
		{"gap_sample.json", []string{"-json", "-asof", "2026-06-30"}},
		{"gap_sample_2027.txt", []string{"-asof", "2027-03-01"}},
		{"clauses_2022.txt", []string{"-clauses"}},
		{"clauses_2022_amd1.json", []string{"-clauses", "-json"}},
		{"clauses_2022.json", []string{"-clauses", "-amd=false", "-json"}},
		{"clauses_2013.json", []string{"-clauses", "-edition", "2013", "-json"}},
		{"gap_empty.txt", []string{"-records", "testdata/empty.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArgs(tt.args...)
			require.Equal(t, 0, code, errOut)
			assert.Empty(t, errOut)
			golden(t, tt.name, out)
		})
	}
}

func TestClausesJSONShape(t *testing.T) {
	for _, ed := range []string{"2022", "2013"} {
		code, out, _ := runArgs("-clauses", "-edition", ed, "-json")
		require.Equal(t, 0, code)
		var tree []map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &tree))
		require.NotEmpty(t, tree)
		for _, n := range tree {
			for _, k := range []string{"id", "title", "parent", "requirements", "documentedInformation"} {
				assert.Contains(t, n, k)
			}
			assert.IsType(t, []any{}, n["requirements"])
			assert.IsType(t, true, n["documentedInformation"])
		}
		assert.Equal(t, "", tree[0]["parent"])
		assert.Equal(t, "4", tree[0]["id"])
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"unknown flag", []string{"-nope"}, "flag provided but not defined: -nope"},
		{"bad edition", []string{"-clauses", "-edition", "2099"}, `isms: -edition: edition "2099": want 2013 or 2022`},
		{"edition without clauses", []string{"-edition", "2013"}, "-edition and -amd go with -clauses"},
		{"records with clauses", []string{"-clauses", "-records", "x.json"}, "do not go with -clauses"},
		{"extra argument", []string{"sample.json"}, `unexpected argument "sample.json"`},
		{"bad date", []string{"-asof", "2026-13-01"}, "isms: -asof: invalid date"},
		{"missing file", []string{"-records", "testdata/does-not-exist.json"}, "does-not-exist.json"},
		{"not JSON", []string{"-records", "testdata/bad_syntax.json"}, "is not a valid records file"},
		{"unknown field", []string{"-records", "testdata/bad_field.json"}, "documents[0].reviewdue: unknown field"},
		{"invalid records", []string{"-records", "testdata/bad_records.json"}, "objectives[0].target (OBJ-1): the objective has no target"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArgs(tt.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
		})
	}
	code, _, errOut := runArgs("-records", "testdata/bad_records.json")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "documents[0].reviewDue (D1): review 2025-01-01 before the approval 2025-03-01")
	assert.Contains(t, errOut, "documents[0].evidences[0] (D1): 6.3.p1 is not a requirement item of ISO/IEC 27001:2013")
}

func TestHelp(t *testing.T) {
	code, out, errOut := runArgs("-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "usage: isms")
}

func TestRecordsFile(t *testing.T) {
	p := write(t, `{"edition":"2013","organization":"Old Co","scope":{"statement":"All","boundaries":["HQ"]}}`)
	code, out, errOut := runArgs("-records", p, "-asof", "2025-01-01")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Gap analysis of Old Co against ISO/IEC 27001:2013 as of 2025-01-01")
	assert.Contains(t, out, "  10.1       Nonconformity and corrective action")
}

// TestSampleInSync keeps the embedded sample equal to the one the library
// tests use.
func TestSampleInSync(t *testing.T) {
	lib, err := os.ReadFile(filepath.Join("..", "..", "iso27001", "testdata", "records", "sample.json"))
	require.NoError(t, err)
	assert.Equal(t, string(lib), string(sample))
}

// TestProgram runs the example as `go run` does, from an empty folder.
func TestProgram(t *testing.T) {
	stdout, _ := mainrun.Run(t)
	assert.Contains(t, stdout, "Gap analysis of Northwind Analytics Ltd (fictional sample) against ISO/IEC 27001:2022/Amd 1:2024 as of ")
}
