package fair

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readAnalysis(t *testing.T) Analysis {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "analysis.json"))
	require.NoError(t, err)
	a, err := DecodeAnalysis(data)
	require.NoError(t, err)
	return a
}

// analysisRun is testdata/analysis.json and Run's report of it.
type analysisRun struct {
	a   Analysis
	rep *Report
}

var analysisRunOnce = sync.OnceValues(func() (analysisRun, error) {
	data, err := os.ReadFile(filepath.Join("testdata", "analysis.json"))
	if err != nil {
		return analysisRun{}, err
	}
	a, err := DecodeAnalysis(data)
	if err != nil {
		return analysisRun{}, err
	}
	rep, err := Run(a)
	return analysisRun{a, rep}, err
})

// analysisReport returns testdata/analysis.json and Run's report of it,
// computed once for the tests that only read them (TestRunGolden and the
// charts' golden tests), where each ran the same 50,000-year analysis
// again. A test that needs a run of its own (TestRunGolden's second, that
// Run gives the same bytes again) calls Run.
func analysisReport(t *testing.T) (Analysis, *Report) {
	t.Helper()
	r, err := analysisRunOnce()
	require.NoError(t, err)
	return r.a, r.rep
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

func TestRunGolden(t *testing.T) {
	a, rep := analysisReport(t)
	js, err := json.MarshalIndent(rep, "", "  ")
	require.NoError(t, err)
	golden(t, "report.golden.json", append(js, '\n'))

	// The report is consistent with its parts.
	require.Len(t, rep.Scenarios, 2)
	assert.InDelta(t, rep.Mean, rep.Scenarios[0].Mean+rep.Scenarios[1].Mean, 1e-9*rep.Mean)
	require.Len(t, rep.Treatments, 2)
	for _, tr := range rep.Treatments {
		assert.Equal(t, rep.Mean, tr.MeanBefore)
		assert.Less(t, tr.MeanAfter, tr.MeanBefore, tr.Name)
		require.NotNil(t, tr.ROSI)
		assert.InDelta(t, (tr.Reduction-tr.AnnualCost)/tr.AnnualCost, *tr.ROSI, 1e-12)
		// Only the treated scenario changes.
		assert.InDelta(t, tr.MeanAfter, tr.Result.Mean(), 1e-9*tr.MeanAfter)
	}
	// Extensions are kept untouched.
	assert.Equal(t, Extensions{"owner": "CISO"}, a.Extensions)
	assert.Equal(t, Extensions{"riskId": "R-12"}, a.Scenarios[0].Extensions)

	// Same input, same bytes.
	rep2, err := Run(readAnalysis(t))
	require.NoError(t, err)
	js2, _ := json.MarshalIndent(rep2, "", "  ")
	assert.Equal(t, string(js), string(js2))
}

func TestSVGGolden(t *testing.T) {
	_, rep := analysisReport(t)
	amounts := rep.Result.CurveAmounts(60)
	curves := []Curve{{Label: "As is", Points: rep.Result.ExceedanceCurve(amounts)}}
	for _, tr := range rep.Treatments {
		curves = append(curves, Curve{Label: "With " + tr.Name, Points: tr.Result.ExceedanceCurve(amounts)})
	}
	svg := LossExceedanceSVG("File services <annual loss>", curves...)
	golden(t, "lec.golden.svg", svg)
	assert.Contains(t, string(svg), "File services &lt;annual loss&gt;")
	// Nothing to draw still gives a valid document.
	empty := LossExceedanceSVG("empty")
	assert.Contains(t, string(empty), "</svg>")
	assert.Nil(t, newResult([]float64{0, 0}).CurveAmounts(10))
}

func TestAnalysisRoundTrip(t *testing.T) {
	a := readAnalysis(t)
	js, err := json.Marshal(a)
	require.NoError(t, err)
	b, err := DecodeAnalysis(js)
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestDecodeErrors(t *testing.T) {
	base := `{"iterations":100,"seed":1,"mode":"rate","scenarios":[{"name":"s","lef":%s,"lm":{"dist":"constant","value":5}}]%s}`
	tests := []struct {
		name    string
		doc     string
		kind    error
		message string
	}{
		{"unknown field", `{"iterations":100,"mode":"rate","scenarios":[{"name":"s","lef":{"dist":"pert","low":1,"mode":2,"high":3,"gama":4},"lm":{"dist":"constant","value":1}}]}`,
			ismskit.ErrUnknownField, "scenarios[0].lef.gama: unknown field"},
		{"misspelt key", `{"iterations":100,"mode":"rate","scenarios":[],"treatment":[]}`, ismskit.ErrUnknownField, "treatment: unknown field"},
		{"wrong case", `{"Iterations":100}`, ismskit.ErrUnknownField, "Iterations: unknown field"},
		{"unknown dist", `{"iterations":100,"mode":"rate","scenarios":[{"name":"s","lef":{"dist":"beta"},"lm":{"dist":"constant","value":1}}]}`,
			ismskit.ErrUnknownValue, `scenarios[0].lef.dist: unknown distribution "beta"`},
		{"unknown mode", `{"iterations":100,"mode":"yearly","scenarios":[]}`, ismskit.ErrUnknownValue, `mode: unknown frequency mode "yearly"`},
		{"unknown form", `{"iterations":1,"mode":"rate","scenarios":[{"name":"s","lef":{"dist":"pert","form":"vose"}}]}`, ismskit.ErrUnknownValue, `scenarios[0].lef.form: unknown PERT form "vose"`},
		{"wrong type", `{"iterations":"many","mode":"rate","scenarios":[]}`, ismskit.ErrType, "iterations: wrong type"},
		{"trailing data", `{"iterations":1,"mode":"rate","scenarios":[]} {}`, ismskit.ErrTrailingData, "trailing data"},
		{"syntax", `{"iterations":`, ismskit.ErrSyntax, "malformed JSON"},
		{"low above high", sprintf(base, `{"dist":"pert","low":5,"mode":3,"high":2}`, ""), ErrParameter, "scenarios[0].lef.high (s): low 5 > high 2"},
		{"zero iterations", `{"iterations":0,"mode":"rate","scenarios":[{"name":"s","lef":{"dist":"constant","value":1},"lm":{"dist":"constant","value":1}}]}`,
			ismskit.ErrOutOfRange, "iterations: iterations 0 is outside"},
		{"no scenario", `{"iterations":10,"mode":"rate","scenarios":[]}`, ismskit.ErrMissing, "scenarios: at least one scenario is required"},
		{"no mode", `{"iterations":10,"scenarios":[{"name":"s","lef":{"dist":"constant","value":1},"lm":{"dist":"constant","value":1}}]}`, ismskit.ErrMissing, "mode: mode is required"},
		{"unnamed scenario", `{"iterations":10,"mode":"rate","scenarios":[{"lef":{"dist":"constant","value":1},"lm":{"dist":"constant","value":1}}]}`, ismskit.ErrMissing, "scenarios[0].name: name is required"},
		{"duplicate scenario", `{"iterations":10,"mode":"rate","scenarios":[{"name":"a","lef":{"dist":"constant","value":1},"lm":{"dist":"constant","value":1}},{"name":"a","lef":{"dist":"constant","value":1},"lm":{"dist":"constant","value":1}}]}`,
			ismskit.ErrDuplicateID, `scenarios[1].name (a): name "a" is already used by scenarios[0]`},
		{"bad percentile", sprintf(base, `{"dist":"constant","value":1}`, `,"percentiles":[50,120]`), ErrParameter, "percentiles[1]: percentile 120 is outside [0, 100]"},
		{"treatment of unknown scenario", sprintf(base, `{"dist":"constant","value":1}`, `,"treatments":[{"name":"t","scenario":"zz","annualCost":1,"changes":{"lm":{"dist":"constant","value":1}}}]`),
			ismskit.ErrUnknownReference, `treatments[0].scenario (t): no scenario is named "zz"`},
		{"treatment without changes", sprintf(base, `{"dist":"constant","value":1}`, `,"treatments":[{"name":"t","annualCost":1,"changes":{}}]`),
			ismskit.ErrMissing, "treatments[0].changes (t): changes must give at least one node"},
		{"treatment below a direct node", sprintf(base, `{"dist":"constant","value":1}`, `,"treatments":[{"name":"t","annualCost":1,"changes":{"tef":{"dist":"constant","value":1}}}]`),
			ErrConflict, "treatments[0].changes.tef (t): the scenario gives lef directly, so changing tef has no effect"},
		{"treatment with bad estimate", sprintf(base, `{"dist":"constant","value":1}`, `,"treatments":[{"name":"t","annualCost":-5,"changes":{"lm":{"dist":"uniform","low":3,"high":1}}}]`),
			ErrParameter, "treatments[0].changes.lm.high (t): low 3 > high 1"},
		{"negative cost", sprintf(base, `{"dist":"constant","value":1}`, `,"treatments":[{"name":"t","annualCost":-5,"changes":{"lm":{"dist":"constant","value":1}}}]`),
			ErrParameter, "treatments[0].annualCost (t): annual cost -5 is outside"},
		{"treatment event rate", `{"iterations":10,"mode":"event","scenarios":[{"name":"s","lef":{"dist":"constant","value":1},"lm":{"dist":"constant","value":1}}],"treatments":[{"name":"t","annualCost":1,"changes":{"lef":{"dist":"constant","value":1e6}}}]}`,
			ErrParameter, "treatments[0].changes.lef (t): event mode draws a magnitude per event"},
		{"event rate", `{"iterations":10,"mode":"event","scenarios":[{"name":"s","lef":{"dist":"uniform","low":0,"high":1e9},"lm":{"dist":"constant","value":1}}]}`,
			ErrParameter, "scenarios[0].lef (s): event mode draws a magnitude per event"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeAnalysis([]byte(tc.doc))
			require.Error(t, err)
			require.ErrorIs(t, err, tc.kind)
			assert.ErrorContains(t, err, tc.message)
			var fe *ismskit.Error
			require.ErrorAs(t, err, &fe)
		})
	}
}

func TestDecodeScenario(t *testing.T) {
	s, err := DecodeScenario([]byte(`{"name":"x","lef":{"dist":"pert","low":0.1,"mode":0.5,"high":2,"gamma":3,"form":"moment"},"lm":{"dist":"normal","mean":1000,"stddev":200}}`))
	require.NoError(t, err)
	assert.Equal(t, Estimate{Dist: PERT, Low: 0.1, Mode: 0.5, High: 2, Gamma: 3, Form: Moment}, *s.LEF)
	_, err = DecodeScenario([]byte(`{"name":"x","lef":{"dist":"pert","low":5,"mode":3,"high":2},"lm":{"dist":"constant","value":1}}`))
	require.ErrorIs(t, err, ErrParameter)
	assert.EqualError(t, err, "lef.high: low 5 > high 2")
	_, err = DecodeScenario([]byte(`{"name":"x","likelyhood":3}`))
	require.ErrorIs(t, err, ismskit.ErrUnknownField)
}

func TestTreatedScenario(t *testing.T) {
	a := readAnalysis(t)
	idx, s, err := a.TreatedScenario(1)
	require.NoError(t, err)
	assert.Equal(t, 0, idx)
	assert.Equal(t, "ransomware", s.Name)
	require.NotNil(t, s.RS)
	assert.Equal(t, 55.0, s.RS.Low)
	assert.Equal(t, 40.0, a.Scenarios[0].RS.Low, "the analysis is not modified")
	for _, i := range []int{-1, 2} {
		idx, _, err = a.TreatedScenario(i)
		assert.ErrorIs(t, err, ismskit.ErrOutOfRange)
		assert.Equal(t, -1, idx)
	}
	var nilA *Analysis
	_, _, err = nilA.TreatedScenario(0)
	assert.ErrorIs(t, err, ismskit.ErrOutOfRange)
	a.Treatments[0].Scenario = "nope"
	_, _, err = a.TreatedScenario(0)
	assert.ErrorIs(t, err, ismskit.ErrUnknownReference)
}
