package fair

import (
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wellFormed fails the test unless svg parses as XML to its end.
func wellFormed(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(string(svg)))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err)
	}
}

// chartTolerance is a risk tolerance curve for the tests' analysis.
var chartTolerance = []Point{{Amount: 10_000, Probability: 0.5}, {Amount: 100_000, Probability: 0.2},
	{Amount: 1_000_000, Probability: 0.02}, {Amount: 5_000_000, Probability: 0.002}}

func TestLossExceedanceSVGWithGolden(t *testing.T) {
	_, rep := analysisReport(t)
	amounts := rep.Result.CurveAmounts(60)
	curves := []Curve{{Label: "As is: ransomware and insider leak", Points: rep.Result.ExceedanceCurve(amounts), Colour: "#1f77b4"}}
	for i, tr := range rep.Treatments {
		curves = append(curves, Curve{Label: "After " + tr.Name, Points: tr.Result.ExceedanceCurve(amounts), Dashed: true, Colour: svgColours[i+1]})
	}
	svg, err := LossExceedanceSVGWith(ChartOptions{Title: "File services: before and after treatment", Currency: "EUR",
		Tolerance: chartTolerance, ToleranceLabel: "Risk appetite"}, curves...)
	require.NoError(t, err)
	golden(t, "lec-options.golden.svg", svg)
	wellFormed(t, svg)
	s := string(svg)
	assert.Contains(t, s, `stroke-dasharray="7 4"`, "after-treatment curves are dashed")
	assert.Contains(t, s, "Risk appetite")
	assert.Contains(t, s, "Annual loss in EUR (log scale)")
	assert.Contains(t, s, `<rect width="720"`)
	// Every curve starts at the x axis's start.
	assert.Equal(t, len(curves), strings.Count(s, `<path d="M80.0 `))
}

func TestLossExceedanceSVGYAxis(t *testing.T) {
	for _, tc := range []struct {
		top       float64
		wantBound string
	}{
		{0.9, "100%"}, {0.4, "50%"}, {0.23, "25%"}, {0.12, "20%"}, {0.1, "10%"}, {0.031, "5%"}, {0.0004, "0.05%"}, {0, "100%"},
	} {
		svg, err := LossExceedanceSVGWith(ChartOptions{}, Curve{Points: []Point{{Amount: 10, Probability: tc.top}, {Amount: 1000, Probability: 0}}})
		require.NoError(t, err)
		assert.Contains(t, string(svg), `y="50.0" text-anchor="end" dominant-baseline="middle">`+tc.wantBound+`<`, "highest probability %g", tc.top)
	}
	b, step := niceBound(0.2)
	assert.Equal(t, 0.2, b)
	assert.InDelta(t, 0.05, step, 1e-12)
}

func TestChartOptionsErrors(t *testing.T) {
	ok := []Point{{Amount: 1, Probability: 1}, {Amount: 10, Probability: 0.5}}
	for _, tc := range []struct {
		name   string
		o      ChartOptions
		curves []Curve
		kind   error
		path   string
	}{
		{"currency", ChartOptions{Currency: strings.Repeat("x", 17)}, nil, ismskit.ErrOutOfRange, "currency"},
		{"one tolerance point", ChartOptions{Tolerance: ok[:1]}, nil, ismskit.ErrMissing, "tolerance"},
		{"tolerance rises", ChartOptions{Tolerance: []Point{{Amount: 1, Probability: 0.1}, {Amount: 10, Probability: 0.5}}}, nil, ErrParameter, "tolerance"},
		{"tolerance NaN", ChartOptions{Tolerance: []Point{{Amount: math.NaN(), Probability: 0.1}, {Amount: 10, Probability: 0.05}}}, nil, ErrParameter, "tolerance"},
		{"bins", ChartOptions{Bins: -1}, nil, ismskit.ErrOutOfRange, "bins"},
		{"bins too many", ChartOptions{Bins: MaxBins + 1}, nil, ismskit.ErrOutOfRange, "bins"},
		{"colour", ChartOptions{}, []Curve{{}, {Colour: "red"}}, ismskit.ErrSyntax, "curves[1].colour"},
		{"curves", ChartOptions{}, make([]Curve, MaxCurves+1), ismskit.ErrTooLarge, "curves"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svg, err := LossExceedanceSVGWith(tc.o, tc.curves...)
			require.Error(t, err)
			assert.Nil(t, svg)
			assert.ErrorIs(t, err, tc.kind)
			var e *ismskit.Error
			require.ErrorAs(t, err, &e)
			assert.True(t, strings.HasPrefix(e.Path, tc.path), e.Path)
		})
	}
	// The old form never fails: bad colours fall back to the palette.
	svg := LossExceedanceSVG("t", Curve{Colour: "red", Points: ok}, Curve{Colour: "#00ff00", Points: ok})
	assert.Contains(t, string(svg), `stroke="`+svgColours[0]+`"`)
	assert.Contains(t, string(svg), `stroke="#00ff00"`)
	assert.Contains(t, string(LossExceedanceSVG("many", make([]Curve, MaxCurves+5)...)), "</svg>")
}

func TestLossHistogramSVG(t *testing.T) {
	a := readAnalysis(t)
	res, err := Simulate(a.Scenarios[0], a.Options())
	require.NoError(t, err)
	svg, err := LossHistogramSVG(ChartOptions{Title: "Ransomware <annual loss>", Currency: "EUR"}, res)
	require.NoError(t, err)
	golden(t, "histogram.golden.svg", svg)
	wellFormed(t, svg)
	s := string(svg)
	assert.Contains(t, s, "Ransomware &lt;annual loss&gt;")
	assert.Contains(t, s, "of the years (not drawn)")
	assert.Contains(t, s, ">P90<")
	assert.Equal(t, 40, strings.Count(s, `fill="`+svgColours[0]+`"`), "40 bars, none empty here")

	svg, err = LossHistogramSVG(ChartOptions{Bins: 5}, res)
	require.NoError(t, err)
	assert.LessOrEqual(t, strings.Count(string(svg), `fill="`+svgColours[0]+`"`), 5)

	every := newResult([]float64{1, 2, 3, 400})
	svg, err = LossHistogramSVG(ChartOptions{}, every)
	require.NoError(t, err)
	assert.Contains(t, string(svg), "Every year has a loss.")
	none := newResult([]float64{0, 0})
	svg, err = LossHistogramSVG(ChartOptions{}, none)
	require.NoError(t, err)
	assert.Contains(t, string(svg), "No year has a loss.")
	wellFormed(t, svg)

	for _, r := range []*Result{nil, {}} {
		svg, err = LossHistogramSVG(ChartOptions{}, r)
		assert.ErrorIs(t, err, ismskit.ErrMissing)
		assert.Nil(t, svg)
	}
	_, err = LossHistogramSVG(ChartOptions{Bins: -3}, every)
	assert.ErrorIs(t, err, ismskit.ErrOutOfRange)
}

func BenchmarkLossHistogramSVG(b *testing.B) {
	lef, lm := ClassicPERT(0.5, 2, 6), LogNormal90(1e4, 1e6)
	s := Scenario{Name: "b", Nodes: Nodes{LEF: &lef, LM: &lm}}
	res, err := Simulate(s, Options{Iterations: 50_000, Seed: 1, Mode: Event})
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		_, _ = LossHistogramSVG(ChartOptions{}, res)
	}
}
