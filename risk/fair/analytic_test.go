package fair

import (
	"math"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/race"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// panjerExceedance is an independent reference: the compound Poisson(lam)
// distribution by Panjer's recursion (1981) on LM rounded to a grid of
// step h, evaluated as P(S > x) at the amounts (by the grid point
// nearest below x + h/2).
func panjerExceedance(lam float64, lm Estimate, h float64, top float64, amounts []float64) []float64 {
	m := int(top/h) + 1
	// g[k] depends on g[:k] only, and P(S <= x) reads g up to the grid
	// point just above x: the grid stops there rather than at top (at 2e6
	// rather than 4e6 for the test below), with the same values, for half
	// the recursion's work.
	need := 0
	for _, x := range amounts {
		need = max(need, int(x/h-0.5)+2)
	}
	m = min(m, need)
	f := make([]float64, m)
	prev := 0.0
	for k := range m {
		c := exactCDF(lm, roleAmount, (float64(k)+0.5)*h)
		f[k] = c - prev
		prev = c
	}
	// The recursion's terms j f[j] g[k-j] with f[j] = 0 add nothing: a
	// bounded LM has mass on a few of the grid points only (about 2,000
	// of 8,000 for PERT(10k, 50k, 500k) on a step of 250 up to 2e6), so
	// the sum runs over the points with mass, for the same g.
	lo, hi := 1, m-1
	for lo < m && f[lo] == 0 {
		lo++
	}
	for hi >= lo && f[hi] == 0 {
		hi--
	}
	g := make([]float64, m)
	g[0] = math.Exp(-lam * (1 - f[0]))
	for k := 1; k < m; k++ {
		var s float64
		for j := lo; j <= min(k, hi); j++ {
			s += float64(j) * f[j] * g[k-j]
		}
		g[k] = lam / float64(k) * s
	}
	out := make([]float64, len(amounts))
	for i, x := range amounts {
		// P(S <= x) interpolated between the points (k + 1/2) h.
		u := x/h - 0.5
		cdf := func(k int) float64 {
			var c float64
			for _, v := range g[:k+1] {
				c += v
			}
			return c
		}
		if u < 0 {
			out[i] = 1 - cdf(0)
			continue
		}
		k := int(u)
		fr := u - float64(k)
		out[i] = 1 - (cdf(k) + fr*(cdf(k+1)-cdf(k)))
	}
	return out
}

func TestAnalyticEventFixedRateAgainstPanjer(t *testing.T) {
	lm := ClassicPERT(10e3, 50e3, 500e3)
	s := Scenario{Name: "x", Nodes: Nodes{LEF: ptr(Fixed(0.5)), LM: &lm}}
	d, err := AnalyticLoss(s, Event)
	require.NoError(t, err)
	amounts := []float64{1e3, 20e3, 50e3, 100e3, 250e3, 500e3, 1e6, 2e6}
	ref := panjerExceedance(0.5, lm, 250, 4e6, amounts)
	for i, a := range amounts {
		assert.InDelta(t, ref[i], d.Exceedance(a), 1e-4, "P(loss > %g)", a)
	}
	// Years without an event: P(N = 0) = e^-0.5.
	assert.InDelta(t, 1-math.Exp(-0.5), d.Exceedance(0), 1e-12)
	mx, vx := exactMoments(lm, roleAmount)
	assert.InDelta(t, 0.5*mx, d.Mean(), 1e-9*mx)
	assert.InDelta(t, math.Sqrt(0.5*(vx+mx*mx)), d.StdDev(), 1e-9*mx)
}

func TestAnalyticConstantMagnitudeExact(t *testing.T) {
	lef := ClassicPERT(0.1, 0.5, 2)
	s := Scenario{Name: "x", Nodes: Nodes{LEF: &lef, LM: ptr(Fixed(100e3))}}
	d, err := AnalyticLoss(s, Event)
	require.NoError(t, err)
	for _, a := range []float64{0, 50e3, 100e3, 250e3, 400e3} {
		m := int(math.Floor(a / 100e3))
		want := expectPert(lef, func(l float64) float64 { return poissonSF(m, l) })
		assert.InDelta(t, want, d.Exceedance(a), 1e-6, "P(loss > %g)", a)
	}
}

// TestAnalyticAgainstMonteCarlo: an uncertain rate with a heavy-tailed
// magnitude, and the other families, against 1,000,000 simulated years.
func TestAnalyticAgainstMonteCarlo(t *testing.T) {
	n := 1_000_000
	if race.Enabled {
		// A quarter of the years: the same comparisons, with bounds of
		// 4 standard errors at this n (twice as wide; P99.9 still rests
		// on 250 years above it), for a quarter of the simulation's time.
		n = 250_000
	}
	tests := []struct {
		name string
		lef  Estimate
		lm   Estimate
	}{
		{"pert rate, lognormal magnitude", ClassicPERT(0.05, 0.2, 0.6), LogNormal90(50e3, 2e6)},
		{"uniform rate, moment pert magnitude", UniformRange(0.5, 3), MomentPERT(1e3, 5e3, 80e3)},
		{"lognormal rate, triangular magnitude", LogNormal90(0.1, 1), Triangle(1e4, 2e4, 9e4)},
		{"fixed rate, normal magnitude", Fixed(1.5), TruncNormal(20e3, 15e3)},
		{"fixed rate, histogram magnitude", Fixed(0.8), HistogramOf(Bin{0, 1e4, 3}, Bin{1e4, 1e5, 2}, Bin{2e5, 1e6, 1})},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Scenario{Name: "mc", Nodes: Nodes{LEF: &tc.lef, LM: &tc.lm}}
			d, err := AnalyticLoss(s, Event)
			require.NoError(t, err)
			res, err := Simulate(s, Options{Iterations: n, Seed: uint64(50 + i), Mode: Event})
			require.NoError(t, err)
			within(t, "mean", res.Mean(), d.Mean(), res.StandardError(), 0)
			for _, p := range []float64{50, 90, 99, 99.9} {
				a := res.Percentile(p)
				want := d.Exceedance(a)
				within(t, sprintf("P(loss > P%g)", p), res.Exceedance(a), want, math.Sqrt(want*(1-want)/float64(n)), 1e-4)
			}
		})
	}
}

func TestAnalyticBernoulli(t *testing.T) {
	lef := UniformRange(0.1, 0.3)
	lm := LogNormal90(1e4, 1e6)
	s := Scenario{Name: "b", Nodes: Nodes{LEF: &lef, LM: &lm}}
	d, err := AnalyticLoss(s, Bernoulli)
	require.NoError(t, err)
	for _, a := range []float64{0, 1e4, 1e5, 1e6} {
		assert.InDelta(t, 0.2*(1-exactCDF(lm, roleAmount, a)), d.Exceedance(a), 1e-12)
	}
	n := 400_000.0
	if race.Enabled {
		// A quarter of the years: the bounds are 4 standard errors at
		// the actual n, and the 0.01 on P(no loss) below is still about
		// 8 of them.
		n = 100_000
	}
	res, err := Simulate(s, Options{Iterations: int(n), Seed: 3, Mode: Bernoulli})
	require.NoError(t, err)
	for _, a := range []float64{0, 1e5, 1e6} {
		want := d.Exceedance(a)
		within(t, "exceedance", res.Exceedance(a), want, math.Sqrt(want*(1-want)/n), 0)
	}
	// At most one event a year: the largest loss is one magnitude.
	assert.InDelta(t, 0.8, 1-res.Exceedance(0), 0.01)
	sum, err := d.Summary(nil, []float64{1e5})
	require.NoError(t, err)
	assert.Equal(t, d.Mean(), sum.Mean)
	assert.Zero(t, sum.Iterations)
	assert.InDelta(t, d.Exceedance(1e5), sum.Exceedance["100000"], 0)
	assert.InDelta(t, 0.1, d.Exceedance(sum.Percentiles["90"]), 1e-9)
}

func TestAnalyticErrors(t *testing.T) {
	tree := fullTree()
	_, err := AnalyticLoss(tree, Event)
	require.ErrorIs(t, err, ErrParameter)
	assert.ErrorContains(t, err, "lef: the analytic loss distribution needs lef given directly")
	_, err = AnalyticLoss(twoNode(Classic), Rate)
	assert.ErrorIs(t, err, ErrParameter)
	_, err = AnalyticLoss(twoNode(Classic), 0)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	busy := Scenario{Nodes: Nodes{LEF: ptr(UniformRange(1, 500)), LM: ptr(Fixed(1))}}
	_, err = AnalyticLoss(busy, Event)
	assert.ErrorContains(t, err, "above the limit 100 of the analytic distribution")
	var nilD *LossDistribution
	assert.Zero(t, nilD.Mean())
	assert.Zero(t, nilD.Exceedance(1))
	assert.True(t, math.IsNaN(nilD.Percentile(50)))
	_, err = nilD.Summary(nil, nil)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
}

// BenchmarkAnalyticLoss is a performance target: the analytic exceedance of
// a scenario (an uncertain PERT rate and a PERT magnitude) in <= 50 ms.
func BenchmarkAnalyticLoss(b *testing.B) {
	s := twoNode(Classic)
	amounts := []float64{10e3, 100e3, 500e3, 1e6}
	benchLoop(b, 1, func() {
		d, err := AnalyticLoss(s, Event)
		if err != nil {
			b.Fatal(err)
		}
		sink = d.ExceedanceCurve(amounts)
	})
}
