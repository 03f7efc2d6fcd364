package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runArgs(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestDefaultRun(t *testing.T) {
	svg := filepath.Join(t.TempDir(), "lec.svg")
	code, out, errOut := runArgs("-svg", svg)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Ransomware on the file server: 100000 simulated years (event mode, seed 2026)")
	assert.Contains(t, out, "Annualised loss expectancy")
	assert.Contains(t, out, "immutable-backups")
	assert.Contains(t, out, "edr-and-mfa")
	data, err := os.ReadFile(svg)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(data, []byte("<svg")))
	// Three curves (as is and two treatments), each with a legend line.
	assert.Equal(t, 6, bytes.Count(data, []byte(`stroke-width="2"/>`)))
}

func TestJSON(t *testing.T) {
	code, out, errOut := runArgs("-lef", "0.1,0.5,2", "-lm", "10000,50000,500000", "-pert", "moment", "-gamma", "4",
		"-iterations", "20000", "-seed", "3", "-mode", "event", "-json", "-exceed", "10000,100000,500000")
	require.Equal(t, 0, code, errOut)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	for _, k := range []string{"iterations", "mean", "stddev", "min", "max", "percentiles", "exceedance"} {
		assert.Contains(t, got, k)
	}
	assert.Equal(t, 20000.0, got["iterations"])
	assert.Equal(t, "event", got["mode"])
	pct := got["percentiles"].(map[string]any)
	for _, k := range []string{"1", "10", "50", "90", "99", "99.9"} {
		assert.Contains(t, pct, k)
	}
	exc := got["exceedance"].(map[string]any)
	assert.Len(t, exc, 3)
	for _, k := range []string{"10000", "100000", "500000"} {
		p := exc[k].(float64)
		assert.True(t, p >= 0 && p <= 1, k)
	}
	// The embedded analysis in JSON too.
	code, out, _ = runArgs("-json", "-iterations", "5000")
	require.Equal(t, 0, code)
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Len(t, got["treatments"], 2)
}

func TestScenarioFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	require.NoError(t, os.WriteFile(good, []byte(`{"name":"Outage","iterations":1000,"seed":1,"mode":"rate",
		"scenarios":[{"name":"o","lef":{"dist":"constant","value":2},"lm":{"dist":"uniform","low":10,"high":20}}]}`), 0o644))
	code, out, errOut := runArgs("-scenario", good)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Outage: 1000 iterations (rate mode, seed 1)")
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"iterations":10,"mode":"rate",
		"scenarios":[{"name":"o","lef":{"dist":"pert","low":5,"mode":3,"high":2},"lm":{"dist":"constant","value":1,"colour":"red"}}]}`), 0o644))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-nosuchflag"}, "flag provided but not defined"},
		{[]string{"-lef", "1,2"}, "a two-node what-if needs both -lef and -lm"},
		{[]string{"-lef", "1,2", "-lm", "1,2,3"}, "-lef: want 3 comma-separated numbers"},
		{[]string{"-lef", "1,x,3", "-lm", "1,2,3"}, `-lef: "x" is not a number`},
		{[]string{"-lef", "5,3,2", "-lm", "1,2,3"}, "scenarios[0].lef.high (what-if): low 5 > high 2"},
		{[]string{"-lef", "1,2,3", "-lm", "1,2,3", "-pert", "vose"}, `-pert: unknown PERT form "vose"`},
		{[]string{"-lef", "1,2,3", "-lm", "1,2,3", "-gamma", "-1"}, "scenarios[0].lef.gamma (what-if): gamma -1 is outside"},
		{[]string{"-mode", "yearly"}, `-mode: unknown frequency mode "yearly"`},
		{[]string{"-iterations", "0"}, "iterations: iterations 0 is outside"},
		{[]string{"-exceed", "10,abc"}, `-exceed: "abc" is not a number`},
		{[]string{"-scenario", filepath.Join(dir, "missing.json")}, "no such file"},
		{[]string{"-scenario", bad}, "scenarios[0].lm.colour: unknown field"},
		{[]string{"-scenario", bad, "-lef", "1,2,3", "-lm", "1,2,3"}, "give either -scenario or -lef and -lm"},
		{[]string{"-pert", "moment"}, "-pert and -gamma apply to a two-node what-if"},
		{[]string{"extra"}, `unexpected argument "extra"`},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := runArgs(tc.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tc.want)
			assert.True(t, strings.HasPrefix(errOut, "fair: ") || strings.Contains(errOut, "Usage"), errOut)
		})
	}
}

func TestMoney(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 1234567.4: "1,234,567", -12345: "-12,345"} {
		assert.Equal(t, want, money(in))
	}
}
