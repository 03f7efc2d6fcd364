package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismskit/ismskit/examples/internal/mainrun"
	"github.com/ismskit/ismskit/internal/goldenfile"

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

func runOK(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run(args, &out, &errOut), errOut.String())
	return out.Bytes()
}

func TestGolden(t *testing.T) {
	for name, args := range map[string][]string{
		"2022.md":             {},
		"2022.csv":            {"-format", "csv"},
		"2022.json":           {"-format", "json"},
		"2013.md":             {"-edition", "2013"},
		"2013.csv":            {"-edition", "2013", "-format", "csv"},
		"2013.json":           {"-edition", "2013", "-format", "json"},
		"people-detective.md": {"-theme", "people", "-attr", "Detective"},
		"extended-people.md":  {"-extend", "testdata/cloud.json", "-theme", "people"},
	} {
		t.Run(name, func(t *testing.T) { golden(t, name, runOK(t, args...)) })
	}
}

func TestJSONKeys(t *testing.T) {
	var got []map[string]any
	require.NoError(t, json.Unmarshal(runOK(t, "-format", "json"), &got))
	require.Len(t, got, 93)
	for _, c := range got {
		for _, k := range []string{"id", "title", "theme", "new", "attributes", "from2013"} {
			assert.Contains(t, c, k)
		}
		attrs := c["attributes"].(map[string]any)
		for _, k := range []string{"controlType", "securityProperties", "cybersecurityConcepts", "operationalCapabilities", "securityDomains"} {
			assert.IsType(t, []any{}, attrs[k])
		}
		assert.IsType(t, true, c["new"])
		assert.IsType(t, []any{}, c["from2013"])
	}
	got = nil
	require.NoError(t, json.Unmarshal(runOK(t, "-format", "json", "-edition", "2013"), &got))
	require.Len(t, got, 114)
	for _, c := range got {
		for _, k := range []string{"id", "title", "clause", "objective", "to2022"} {
			assert.Contains(t, c, k)
		}
	}
	got = nil
	require.NoError(t, json.Unmarshal(runOK(t, "-format", "json", "-search", "no-such-word"), &got))
	assert.Empty(t, got)
	assert.NotNil(t, got, "an empty result is [], not null")
}

func TestFilters(t *testing.T) {
	rows, err := csv.NewReader(bytes.NewReader(runOK(t, "-format", "csv", "-theme", "technological", "-attr", "Preventive", "-attr", "#Secure_configuration"))).ReadAll()
	require.NoError(t, err)
	assert.Greater(t, len(rows), 1)
	for _, r := range rows[1:] {
		assert.Equal(t, "technological", r[2])
		assert.Contains(t, r[7], "Secure_configuration")
	}
	rows, err = csv.NewReader(bytes.NewReader(runOK(t, "-format", "csv", "-theme", "people"))).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows, 9)
}

func TestExtendAndID(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-extend", "testdata/cloud.json", "-id", "CLOUD-1"}, "cloud:CLOUD-1"},
		{[]string{"-extend", "testdata/cloud.json", "-id", "ONB-1"}, "ONB-1"},
		{[]string{"-extend", "testdata/cloud.json", "-id", "A.5.1"}, "5.1"},
		{[]string{"-edition", "2013", "-extend", "testdata/cloud.json", "-id", "CLOUD-2"}, "cloud:CLOUD-2"},
		{[]string{"-edition", "2013", "-id", "5.1.1"}, "A.5.1.1"},
	} {
		rows, err := csv.NewReader(bytes.NewReader(runOK(t, append(tt.args, "-format", "csv")...))).ReadAll()
		require.NoError(t, err)
		require.Len(t, rows, 2, tt.args)
		assert.Equal(t, tt.want, rows[1][0], tt.args)
	}
	rows, err := csv.NewReader(bytes.NewReader(runOK(t, "-extend", "testdata/cloud.json", "-format", "csv"))).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows, 1+93+3)
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-edition", "2005"},
		{"-edition", "custom"},
		{"-format", "xml"},
		{"-theme", "logical"},
		{"-attr", "Proactive"},
		{"-edition", "2013", "-theme", "people"},
		{"-edition", "2013", "-attr", "Preventive"},
		{"-nope"},
		{"extra"},
		{"-id", "CLOUD-1"},
		{"-id", "5.99"},
		{"-extend", "testdata/cloud.json", "-id", "CLOUD-9"},
	} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 2, run(args, &out, &errOut), args)
		assert.Contains(t, errOut.String(), "usage: catalog", args)
		assert.Empty(t, out.String())
	}
	for _, file := range []string{"testdata/missing.json", "testdata/2022.csv"} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 2, run([]string{"-extend", file}, &out, &errOut), file)
		assert.Contains(t, errOut.String(), "catalog: -extend: ", file)
		assert.Empty(t, out.String())
	}
	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errOut))
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 0, os.ErrClosed }

func TestWriteError(t *testing.T) {
	var errOut bytes.Buffer
	assert.Equal(t, 1, run([]string{"-format", "json"}, failWriter{}, &errOut))
	assert.Contains(t, errOut.String(), "catalog:")
}

// TestProgram runs the example as `go run` does, from an empty folder.
func TestProgram(t *testing.T) {
	stdout, _ := mainrun.Run(t)
	assert.Contains(t, stdout, "| 5.1 | Policies for information security | organizational |")
}
