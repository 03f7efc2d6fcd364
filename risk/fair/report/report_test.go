package report

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/risk/fair"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// analysis reads the fair package's test analysis and gives it a
// tolerance curve.
func analysis(t testing.TB) fair.Analysis {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "analysis.json"))
	require.NoError(t, err)
	a, err := fair.DecodeAnalysis(data)
	require.NoError(t, err)
	a.Iterations = 20_000
	a.Tolerance = &fair.Tolerance{Points: []fair.Point{{Amount: 10_000, Probability: 0.6}, {Amount: 100_000, Probability: 0.4},
		{Amount: 1_000_000, Probability: 0.05}, {Amount: 10_000_000, Probability: 0.001}}}
	a.Treatments[0].Description = "Backups that ransomware cannot encrypt, restored within a day."
	return a
}

func document(t testing.TB) Document {
	t.Helper()
	a := analysis(t)
	rep, err := fair.Run(a)
	require.NoError(t, err)
	return Document{Analysis: a, Report: rep, Organisation: "Example Ltd <test>", Version: "1.0",
		Date: ismskit.MustParseDate("2026-12-01"), Currency: "EUR",
		Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
}

func TestHTMLGolden(t *testing.T) {
	d := document(t)
	h, err := d.HTML()
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/report.golden.html", h)
	s := string(h)
	for _, want := range []string{
		"Example Ltd &lt;test&gt;", "Confidential", "FAIR risk analysis",
		"Scenario ransomware", "Scenario insider-leak", "PERT, classic", "PERT, moment-matched", "Lognormal",
		"Computed: TEF × Vuln", "Treatments compared", "immutable-backups", "ROSI", "Expected shortfall",
		"Standard error", "Risk tolerance", "Above the risk tolerance", "moment-matched",
		"<svg", "stroke-dasharray=\"7 4\"", "EUR",
	} {
		assert.Contains(t, s, want)
	}
	// Two charts per scenario, the portfolio's and the treatments'.
	assert.Equal(t, 2*len(d.Analysis.Scenarios)+2, strings.Count(s, "<svg"))
	assert.NotContains(t, s, "<script")

	again, err := d.HTML()
	require.NoError(t, err)
	assert.Equal(t, string(h), string(again), "deterministic")
}

func TestHTMLPartial(t *testing.T) {
	full := document(t)
	for name, d := range map[string]Document{
		"zero":           {},
		"inputs only":    {Analysis: full.Analysis},
		"report only":    {Report: full.Report},
		"decoded report": {Report: decoded(t, full.Report)},
		"empty report":   {Report: &fair.Report{}},
		"no tolerance":   func() Document { d := full; d.Analysis.Tolerance = nil; return d }(),
	} {
		t.Run(name, func(t *testing.T) {
			h, err := d.HTML()
			require.NoError(t, err)
			assert.Contains(t, string(h), "</html>")
			if d.Report == nil {
				assert.Contains(t, string(h), "has not been run")
			}
		})
	}
}

// decoded is rep after a JSON round trip: without its distributions.
func decoded(t *testing.T, rep *fair.Report) *fair.Report {
	js, err := json.Marshal(rep)
	require.NoError(t, err)
	var out fair.Report
	require.NoError(t, json.Unmarshal(js, &out))
	return &out
}

func TestHTMLErrors(t *testing.T) {
	d := document(t)
	for name, tc := range map[string]struct {
		d    Document
		kind error
		path string
	}{
		"currency":   {Document{Currency: strings.Repeat("€", 17)}, ismskit.ErrOutOfRange, "currency"},
		"letterhead": {Document{Letterhead: ismskit.Letterhead{Colour: "blue"}}, nil, "letterhead"},
		"analysis": {func() Document {
			x := d
			x.Analysis.Scenarios = append([]fair.Scenario(nil), x.Analysis.Scenarios...)
			x.Analysis.Scenarios[1].Name = ""
			return x
		}(), ismskit.ErrMissing, "analysis.scenarios[1]"},
	} {
		t.Run(name, func(t *testing.T) {
			h, err := tc.d.HTML()
			require.Error(t, err)
			assert.Nil(t, h)
			if tc.kind != nil {
				assert.ErrorIs(t, err, tc.kind)
			}
			var e *ismskit.Error
			require.ErrorAs(t, err, &e)
			assert.True(t, strings.HasPrefix(e.Path, tc.path), e.Path)
		})
	}
}

func TestDocumentJSON(t *testing.T) {
	d := document(t)
	js, err := json.Marshal(d)
	require.NoError(t, err)
	var back Document
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Equal(t, d.Analysis.Name, back.Analysis.Name)
	assert.Equal(t, d.Report.Mean, back.Report.Mean)
	assert.Equal(t, d.Currency, back.Currency)
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{{0, "0"}, {999.4, "999"}, {999.6, "1.00k"}, {1234, "1.23k"}, {12345, "12.3k"}, {123456, "123k"}, {999_600, "1.00M"},
		{2.5e6, "2.50M"}, {3.2e9, "3.20bn"}, {4.5e12, "4500bn"}, {-2000, "−2.00k"}} {
		assert.Equal(t, tc.want, amount(tc.v), "%g", tc.v)
	}
	assert.Equal(t, "0.04%", pct(0.0004))
	assert.Equal(t, "12.5%", pct(0.125))
	assert.Equal(t, "0%", pct(0))
	assert.Equal(t, "−40%", signedPct(-0.4))
	assert.Equal(t, "125%", signedPct(1.25))
	assert.Equal(t, "1,234,567", thousands(1234567))
}

func BenchmarkHTML(b *testing.B) {
	d := document(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.HTML(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHTMLHostile(t *testing.T) {
	a := analysis(t)
	a.Scenarios[0].Description = `<script>alert(1)</script> & "quotes"`
	a.Treatments[0].Description = "</table><img src=x onerror=alert(1)>"
	rep, err := fair.Run(a)
	require.NoError(t, err)
	rep.Scenarios[1].Summary.Percentiles["90"] = math.NaN()
	rep.Treatments[1].ROSI = nil
	d := Document{Analysis: a, Report: rep, Organisation: "<b>Org</b>", Currency: "<€>"}
	h, err := d.HTML()
	require.NoError(t, err)
	s := string(h)
	assert.NotContains(t, s, "<script>")
	assert.NotContains(t, s, "<img")
	assert.NotContains(t, s, "<b>Org</b>")
	assert.Contains(t, s, "n/a (no cost)")
	assert.Contains(t, s, "—")
}

func TestHTMLConcurrent(t *testing.T) {
	d := document(t)
	want, err := d.HTML()
	require.NoError(t, err)
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Go(func() { got[i], _ = d.HTML() })
	}
	wg.Wait()
	for _, g := range got {
		assert.Equal(t, string(want), string(g))
	}
}
