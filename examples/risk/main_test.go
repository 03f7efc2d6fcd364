package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/internal/mainrun"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/risk"
)

// TestMain lets TestProgram run main as a program.
func TestMain(m *testing.M) { mainrun.Main(m, main) }

var now = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

func runArgs(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e, now)
	return code, o.String(), e.String()
}

func TestDefaultRun(t *testing.T) {
	code, out, errOut := runArgs()
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Nimbus Ledger ISMS risk register: 30 risks, criteria nimbus-5x5@2026.1")
	assert.Contains(t, out, "Top 10 risks by residual level:")
	assert.Contains(t, out, "without a valid acceptance (as of 2026-11-28): 8")
	assert.Contains(t, out, "R-29  medium (L3 I2)  low    Not by the owner")
	assert.Empty(t, errOut)
}

func TestSVGAndTop(t *testing.T) {
	path := filepath.Join(t.TempDir(), "heat.svg")
	code, out, errOut := runArgs("-svg", path, "-top", "3", "-asof", "2026-01-01")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Top 3 risks")
	assert.Contains(t, out, "as of 2026-01-01")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "<svg "))
}

func TestCVSS(t *testing.T) {
	tests := []struct{ vector, want string }{
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", `{"version":"3.1","score":9.8,"severity":"critical","base":9.8,"temporal":9.8,"environmental":9.8}`},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:R", `{"version":"3.1","score":8.2,"severity":"high","base":9.8,"temporal":8.2,"environmental":8.2}`},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/E:P/CR:L/IR:L/AR:L/MAV:P", `{"version":"3.1","score":2.8,"severity":"low","base":7.3,"temporal":6.9,"environmental":2.8}`},
		{"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", `{"version":"3.0","score":0,"severity":"none","base":0,"temporal":0,"environmental":0}`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", `{"version":"4.0","score":9.3,"severity":"critical","nomenclature":"CVSS-B","macroVector":"000200"}`},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:L/IR:L/MAV:A", `{"version":"4.0","score":7.2,"severity":"high","nomenclature":"CVSS-BTE","macroVector":"100210"}`},
		{"(AV:N/AC:L/Au:N/C:P/I:P/A:P)", `{"version":"2.0","score":7.5,"severity":"high","base":7.5,"temporal":7.5,"environmental":7.5}`},
		{"AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H", `{"version":"2.0","score":9.2,"severity":"high","base":7.8,"temporal":6.4,"environmental":9.2}`},
	}
	for _, tt := range tests {
		code, out, errOut := runArgs("-cvss", tt.vector)
		require.Equal(t, 0, code, errOut)
		assert.JSONEq(t, tt.want, out, tt.vector)
		assert.Empty(t, errOut)
	}
}

func TestCVSSBad(t *testing.T) {
	for _, tt := range []struct{ vector, msg string }{
		{"", "-cvss needs a vector"},
		{"  ", "-cvss needs a vector"},
		{"CVSS:3.1/AV:N", "PR: missing mandatory metric"},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:X", `SA: unknown value "X"`},
		{"CVSS:5.0/AV:N", "vector does not start with"},
		{"AV:N/AC:L", "Au: missing mandatory metric"},
	} {
		code, out, errOut := runArgs("-cvss", tt.vector)
		assert.Equal(t, 2, code, tt.vector)
		assert.Empty(t, out, tt.vector)
		assert.Contains(t, errOut, tt.msg, tt.vector)
	}
	code, out, errOut := runArgs("-cvss=")
	assert.Equal(t, 2, code)
	assert.Empty(t, out, "an empty -cvss does not print the register report")
	assert.Contains(t, errOut, "-cvss needs a vector")
}

func TestCSVRegister(t *testing.T) {
	reg, err := risk.DecodeRegister(sample.RegisterJSON())
	require.NoError(t, err)
	data, err := risk.EncodeCSV(reg.Risks[:5])
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "risks.csv")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	code, out, errOut := runArgs("-register", path)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "risks.csv: 5 risks")
}

func TestJSONRegister(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reg.json")
	require.NoError(t, os.WriteFile(path, sample.RegisterJSON(), 0o644))
	code, out, errOut := runArgs("-register", path, "-top", "100")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Top 30 risks")
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	reg, err := risk.DecodeRegister(sample.RegisterJSON())
	require.NoError(t, err)
	reg.Risks[3].Likelihood = 7
	bad, err := risk.EncodeRegister(reg)
	require.NoError(t, err)
	reg.Risks[3].Likelihood = 2
	reg.Risks[3].Residual = &risk.Estimate{Likelihood: 5, Impact: 5}
	inconsistent, err := risk.EncodeRegister(reg)
	require.NoError(t, err)

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-bogus"}, "flag provided but not defined"},
		{"extra argument", []string{"extra"}, `unexpected argument "extra"`},
		{"negative top", []string{"-top", "-1"}, "-top must not be negative"},
		{"bad date", []string{"-asof", "yesterday"}, `-asof "yesterday"`},
		{"missing file", []string{"-register", filepath.Join(dir, "nope.json")}, "no such file"},
		{"malformed JSON", []string{"-register", write("a.json", `{"risks":[`)}, "malformed JSON"},
		{"misspelt key", []string{"-register", write("b.json", `{"risks":[{"id":"r","likelyhood":3}]}`)}, "risks[0].likelyhood: unknown field"},
		{"invalid register", []string{"-register", write("c.json", string(bad))}, "risks[3].likelihood (R-04): 7 is outside the scale 1..5"},
		{"inconsistent register", []string{"-register", write("d.json", string(inconsistent))}, "inconsistent assessments"},
		{"bad CSV", []string{"-register", write("e.csv", "id,likelyhood\nr,3\n")}, `unknown column "likelyhood"`},
		{"bad CVSS", []string{"-cvss", "CVSS:3.1/AV:N"}, "-cvss"},
		{"unwritable SVG", []string{"-svg", filepath.Join(dir, "missing", "x.svg")}, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runArgs(tt.args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

func TestHelp(t *testing.T) {
	code, _, errOut := runArgs("-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "usage: risk")
}

// TestProgram runs the example as `go run` does, from an empty folder.
func TestProgram(t *testing.T) {
	stdout, _ := mainrun.Run(t)
	assert.Contains(t, stdout, "Nimbus Ledger ISMS risk register: 30 risks, criteria nimbus-5x5@2026.1")
}
