package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/examples/internal/mainrun"
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

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir}, &out, &errOut), errOut.String())
	assert.Empty(t, errOut.String())
	golden(t, "stdout.txt", bytes.ReplaceAll(out.Bytes(), []byte(dir), []byte("OUT")))
	for _, name := range []string{"audit-report.md", "audit-report.html", "audit-report.json", "audit-records.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		golden(t, name, data)
	}
	data, err := os.ReadFile(filepath.Join(dir, "audit-records.json"))
	require.NoError(t, err)
	_, err = audit.DecodeRecords(data)
	require.NoError(t, err, "the records read back")
	data, err = os.ReadFile(filepath.Join(dir, "audit-report.json"))
	require.NoError(t, err)
	_, err = audit.DecodeReport(data)
	require.NoError(t, err, "the report reads back")

	var again bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir}, &again, &errOut))
	assert.Equal(t, out.String(), again.String(), "deterministic")
}

func TestLaterDate(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", t.TempDir(), "-date", "2026-03-01"}, &out, &errOut), errOut.String())
	assert.NotContains(t, out.String(), "overdue", "not yet due on 2026-03-01")
	assert.Contains(t, out.String(), "Verdict: not ready for certification")
}

func TestUnwritableDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	var out, errOut bytes.Buffer
	assert.Equal(t, 1, run([]string{"-out", filepath.Join(file, "sub")}, &out, &errOut))
	assert.Contains(t, errOut.String(), "audit: cannot create the output directory")
}

func TestBadFlags(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errOut))
	assert.Equal(t, 2, run([]string{"x"}, &out, &errOut))
	assert.Equal(t, 2, run([]string{"-date", "2026-13-01"}, &out, &errOut))
	assert.Equal(t, 2, run([]string{"-out", " "}, &out, &errOut))
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errOut))
}

// TestProgram runs the example as `go run` does, from an empty folder.
func TestProgram(t *testing.T) {
	stdout, _ := mainrun.Run(t)
	assert.Contains(t, stdout, "Nimbus Ledger B.V.: Statement of Applicability of 100 controls, 97 applicable; valid: true")
}
