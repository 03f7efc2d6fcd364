package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/examples/internal/mainrun"
)

// TestMain lets TestProgram run main as a program.
func TestMain(m *testing.M) { mainrun.Main(m, main) }

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
		{[]string{"-lef", "1,2"}, "a two-node what-if needs both -lef and -lm (or -lm90)"},
		{[]string{"-lef", "1,2", "-lm", "1,2,3"}, "-lef: want one number (a fixed rate) or three (low,mode,high)"},
		{[]string{"-lef", "1", "-lm90", "1,2,3"}, "-lm90: want 2 comma-separated numbers"},
		{[]string{"-lef", "1", "-lm90", "5,2"}, "scenarios[0].lm.high (what-if): low 5 > high 2"},
		{[]string{"-lef", "1", "-lm", "1,2,3", "-lm90", "1,2"}, "give either -lm or -lm90, not both"},
		{[]string{"-lef", "1", "-lm90", "1,2", "-pert", "moment"}, "-pert and -gamma apply to PERT estimates"},
		{[]string{"-analytic"}, "-analytic:"},
		{[]string{"-lef", "1", "-lm90", "1,2", "-analytic", "-mode", "rate"}, "the analytic loss distribution is for event and bernoulli modes"},
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

// TestJSONStatistics: -json gives the expected shortfall keyed like the
// percentiles, the standard error of the mean and of each percentile.
func TestJSONStatistics(t *testing.T) {
	code, out, errOut := runArgs("-lef", "0.1,0.5,2", "-lm", "10000,50000,500000", "-iterations", "20000", "-json")
	require.Equal(t, 0, code, errOut)
	var got struct {
		Mean, StandardError float64
		Percentiles         map[string]float64
		ExpectedShortfall   map[string]float64
		PercentileSE        map[string]float64 `json:"percentileStandardErrors"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Greater(t, got.StandardError, 0.0)
	assert.Less(t, got.StandardError, 0.02*got.Mean)
	for k, p := range got.Percentiles {
		require.Contains(t, got.ExpectedShortfall, k)
		assert.GreaterOrEqual(t, got.ExpectedShortfall[k], p, "ES at %s is at least the percentile", k)
		require.Contains(t, got.PercentileSE, k)
	}
	assert.Len(t, got.ExpectedShortfall, 6)
	assert.InDelta(t, got.Mean, got.ExpectedShortfall["1"], 0.02*got.Mean)
}

// TestFixedRateAndLognormal: -lef with one number is a fixed rate, -lm90
// a lognormal magnitude from its 90% interval.
func TestFixedRateAndLognormal(t *testing.T) {
	code, out, errOut := runArgs("-lef", "2", "-lm90", "1000,10000", "-iterations", "50000", "-mode", "rate", "-json")
	require.Equal(t, 0, code, errOut)
	var got struct {
		Mean        float64
		Percentiles map[string]float64
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	// Rate mode: 2 x LM, whose median is sqrt(1000 x 10000).
	assert.InEpsilon(t, 2*math.Sqrt(1e7), got.Percentiles["50"], 0.02)
	sigma := math.Log(10) / (2 * 1.6448536269514722)
	assert.InEpsilon(t, 2*math.Sqrt(1e7)*math.Exp(sigma*sigma/2), got.Mean, 0.02)
	code, out, errOut = runArgs("-lef", "0.5", "-lm90", "1000,10000", "-iterations", "2000")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "What-if: 2000 iterations (rate mode, seed 1)")
	assert.Contains(t, out, "Expected shortfall (95%)")
}

// TestAnalytic: -analytic gives the mean and the exceedance without
// sampling, in the report's JSON shape, close to the simulation's.
func TestAnalytic(t *testing.T) {
	args := []string{"-lef", "0.1,0.5,2", "-lm90", "10000,500000", "-exceed", "10000,100000,1000000", "-json"}
	code, out, errOut := runArgs(append(args, "-analytic")...)
	require.Equal(t, 0, code, errOut)
	var exact, sim struct {
		Iterations int
		Mode       string
		Mean       float64
		Exceedance map[string]float64
		Scenarios  []map[string]any
	}
	require.NoError(t, json.Unmarshal([]byte(out), &exact))
	assert.Zero(t, exact.Iterations)
	assert.Equal(t, "event", exact.Mode)
	require.Len(t, exact.Scenarios, 1)
	code, out, errOut = runArgs(append(args, "-mode", "event", "-iterations", "200000")...)
	require.Equal(t, 0, code, errOut)
	require.NoError(t, json.Unmarshal([]byte(out), &sim))
	assert.InEpsilon(t, exact.Mean, sim.Mean, 0.03)
	require.Len(t, exact.Exceedance, 3)
	for k, p := range exact.Exceedance {
		assert.InDelta(t, p, sim.Exceedance[k], 4*math.Sqrt(p*(1-p)/200000)+1e-3, k)
	}
	code, out, errOut = runArgs("-lef", "0.3", "-lm", "1000,2000,9000", "-analytic", "-mode", "bernoulli")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "annual loss computed without sampling (bernoulli mode)")
}

// TestSensitivityFlag: -sensitivity prints each scenario's tornado and
// rank correlations as JSON, and puts them in the -json report.
func TestSensitivityFlag(t *testing.T) {
	code, out, errOut := runArgs("-sensitivity", "-iterations", "5000")
	require.Equal(t, 0, code, errOut)
	var got []struct {
		Scenario string
		Base     float64
		Inputs   []struct {
			Node                  string
			LossAtLow, LossAtHigh float64
			Swing                 float64
			RankCorrelation       float64
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got, 1)
	assert.Equal(t, "ransomware-fileserver", got[0].Scenario)
	require.Len(t, got[0].Inputs, 6) // tef, tcap, rs, pl, slef, slm
	for i, in := range got[0].Inputs {
		assert.InDelta(t, math.Abs(in.LossAtHigh-in.LossAtLow), in.Swing, 1e-6*in.Swing+1e-9)
		if i > 0 {
			assert.LessOrEqual(t, in.Swing, got[0].Inputs[i-1].Swing)
		}
		assert.True(t, in.RankCorrelation >= -1 && in.RankCorrelation <= 1)
	}
	code, out, _ = runArgs("-sensitivity", "-json", "-iterations", "2000")
	require.Equal(t, 0, code)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Len(t, rep["sensitivity"], 1)
}

func TestMoney(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 1234567.4: "1,234,567", -12345: "-12,345"} {
		assert.Equal(t, want, money(in))
	}
}

// TestProgram runs the example as `go run` does, from an empty folder.
func TestProgram(t *testing.T) {
	stdout, _ := mainrun.Run(t)
	assert.Contains(t, stdout, "Ransomware on the file server: 100000 simulated years (event mode, seed 2026)")
}
