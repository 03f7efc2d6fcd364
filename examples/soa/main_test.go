package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/internal/mainrun"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/xlsx"
)

// TestMain lets TestProgram run main as a program.
func TestMain(m *testing.M) { mainrun.Main(m, main) }

func runArgs(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestDefaultRun(t *testing.T) {
	t.Chdir(t.TempDir())
	code, out, errOut := runArgs()
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	assert.Contains(t, out, "Statement of Applicability: Nimbus Ledger, version 1.0, 2026-11-28")
	assert.Contains(t, out, "The SoA validates")
	dir := filepath.Join("ismskit-out", "soa")
	for _, f := range []string{"soa.csv", "soa.md", "soa.html", "soa.xlsx", "soa.json"} {
		info, err := os.Stat(filepath.Join(dir, f))
		require.NoError(t, err, f)
		assert.NotZero(t, info.Size(), f)
	}

	reg, err := risk.DecodeRegister(sample.RegisterJSON())
	require.NoError(t, err)
	cat, err := catalogFor(reg)
	require.NoError(t, err)

	js, err := os.ReadFile(filepath.Join(dir, "soa.json"))
	require.NoError(t, err)
	doc, err := soa.DecodeSoA(js)
	require.NoError(t, err)
	require.NoError(t, doc.Validate(soa.ValidateOptions{Catalog: cat, Register: &reg}))
	assert.Len(t, doc.Entries, cat.Len())

	csv, err := os.ReadFile(filepath.Join(dir, "soa.csv"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(csv), "\r\n"), "\r\n")
	assert.True(t, strings.HasPrefix(lines[0], "Control,"), "a header row")
	entries, err := soa.DecodeCSV(csv)
	require.NoError(t, err)
	assert.Equal(t, doc.Entries, entries, "one row per control, read back without loss")
	assert.True(t, strings.HasPrefix(lines[1], "5.1,"), "the first column is the control ID")
	for _, e := range entries {
		_, err := iso27002.Parse(e.Control.String())
		assert.NoError(t, err)
	}

	xb, err := os.ReadFile(filepath.Join(dir, "soa.xlsx"))
	require.NoError(t, err)
	back, err := xlsx.Decode(xb)
	require.NoError(t, err)
	assert.Equal(t, doc.Entries, back.Entries)

	// The same inputs give the same files.
	code, _, _ = runArgs("-out", "again")
	require.Equal(t, 0, code)
	for _, f := range []string{"soa.csv", "soa.md", "soa.html", "soa.xlsx", "soa.json"} {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		b, _ := os.ReadFile(filepath.Join("again", f))
		assert.True(t, bytes.Equal(a, b), "%s differs between runs", f)
	}
}

func TestRegisterFlag(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.json")
	require.NoError(t, os.WriteFile(path, sample.RegisterJSON(), 0o644))
	code, _, errOut := runArgs("-register", path, "-out", filepath.Join(dir, "out"))
	assert.Equal(t, 0, code, errOut)
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	badJSON := write("bad.json", `{"risks": [`)
	misspelt := write("misspelt.json", `{"criteria": {}, "risk": []}`)
	invalid := write("invalid.json", `{"criteria": {}, "risks": [{"id": "R-1"}]}`)
	badSources := write("sources.json", `{"decisions": [{"control": "5.99"}]}`)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-colour"}, "flag provided but not defined"},
		{"extra argument", []string{"extra"}, `unexpected argument "extra"`},
		{"bad date", []string{"-date", "28/11/2026"}, "-date: want YYYY-MM-DD"},
		{"missing register", []string{"-register", filepath.Join(dir, "nope.json")}, "cannot read the register"},
		{"malformed register", []string{"-register", badJSON}, "the register is not valid"},
		{"misspelt key", []string{"-register", misspelt}, "risk: unknown field"},
		{"invalid register", []string{"-register", invalid}, "the register is not valid"},
		{"bad sources", []string{"-sources", badSources}, "decisions[0].control"},
		{"empty out", []string{"-out", " "}, "-out: empty directory name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArgs(append(tt.args, "-out", filepath.Join(dir, "out"))...)
			if tt.name == "empty out" {
				code, out, errOut = runArgs(tt.args...)
			}
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

func TestSoAThatDoesNotValidate(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "sources.json")
	require.NoError(t, os.WriteFile(src, []byte(`{"decisions": [{"control": "8.13", "applicability": "excluded", "justification": "no"}]}`), 0o644))
	code, out, errOut := runArgs("-sources", src, "-out", filepath.Join(dir, "out"))
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "Written to")
	assert.Contains(t, errOut, "the SoA does not validate")
	assert.Contains(t, errOut, "5.1 is undecided")
	assert.Contains(t, errOut, "8.13 is excluded but treats risks R-01, R-07")
	assert.Equal(t, 61, strings.Count(errOut, "is undecided"), "every problem is listed: 100 controls, 39 chosen by risks")
}

// TestProgram runs the example as `go run` does, from an empty folder.
func TestProgram(t *testing.T) {
	stdout, _ := mainrun.Run(t)
	assert.Contains(t, stdout, "Statement of Applicability: Nimbus Ledger, version 1.0, 2026-11-28")
}
