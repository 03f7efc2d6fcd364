package fair

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/race"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr[T any](v T) *T { return &v }

// within checks |got - want| <= 4 se + slack.
func within(t *testing.T, name string, got, want, se, slack float64) {
	t.Helper()
	assert.LessOrEqualf(t, math.Abs(got-want), 4*se+slack,
		"%s: got %.6g, want %.6g (4 SE = %.3g)", name, got, want, 4*se)
}

// single builds a scenario whose loss is one draw of e as node role r.
func single(e Estimate, r role) Scenario {
	one := Fixed(1)
	switch r {
	case roleFrequency:
		return Scenario{Name: "f", Nodes: Nodes{LEF: &e, LM: &one}}
	case roleProbability:
		return Scenario{Name: "p", Nodes: Nodes{TEF: &one, Vuln: &e, LM: &one}}
	}
	return Scenario{Name: "a", Nodes: Nodes{LEF: &one, LM: &e}}
}

func TestDistributionsExact(t *testing.T) {
	size := 200_000
	if race.Enabled {
		// A quarter of the draws: the bounds on the mean, the
		// percentiles and the exceedances are 4 standard errors at the
		// actual n, and the 3% on the standard deviation is still more
		// than 5 of them (at 50,000 draws the heaviest-tailed family
		// here, a normal truncated to its tail, has a relative standard
		// error of about 0.5%). The lognormal keeps its full size.
		size = 50_000
	}
	tests := []struct {
		name string
		e    Estimate
		r    role
	}{
		{"constant", Fixed(3.5), roleAmount},
		{"uniform", UniformRange(10, 20), roleAmount},
		{"triangular", Triangle(1, 2, 6), roleFrequency},
		{"triangular mode at low", Triangle(0, 0, 1), roleProbability},
		{"pert classic", ClassicPERT(10e3, 50e3, 500e3), roleAmount},
		{"pert moment", MomentPERT(10e3, 50e3, 500e3), roleAmount},
		{"pert classic gamma 10", Estimate{Dist: PERT, Low: 0.1, Mode: 0.5, High: 2, Gamma: 10}, roleFrequency},
		{"pert moment gamma 2 (shape < 1)", Estimate{Dist: PERT, Low: 0, Mode: 0.1, High: 1, Gamma: 2, Form: Moment}, roleProbability},
		{"pert mode at high", ClassicPERT(0, 1, 1), roleProbability},
		{"lognormal 90% CI", LogNormal90(1e4, 1e6), roleAmount},
		{"normal, rejection", TruncNormal(5, 3), roleFrequency},
		{"normal, upper tail", TruncNormal(-2, 1), roleFrequency},
		{"normal probability, rejection", TruncNormal(0.3, 0.4), roleProbability},
		{"normal probability, lower tail", TruncNormal(1.5, 0.2), roleProbability},
		{"normal probability, central inversion", TruncNormal(0.5, 100), roleProbability},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := float64(size)
			if tc.e.Dist == LogNormal {
				// Always the full size: the 30% on its standard
				// deviation below is about 4.5 standard errors at
				// 200,000 draws, and would be about 2 at 50,000.
				n = 200_000
			}
			sc := single(tc.e, tc.r)
			require.NoError(t, sc.Validate())
			res, err := Simulate(single(tc.e, tc.r), Options{Iterations: int(n), Seed: uint64(100 + i), Mode: Rate})
			require.NoError(t, err)
			mean, variance := exactMoments(tc.e, tc.r)
			within(t, "mean", res.Mean(), mean, math.Sqrt(variance/n), 1e-12*math.Abs(mean))
			if tc.e.Dist == Constant {
				assert.Equal(t, tc.e.Value, res.Min())
				assert.Equal(t, tc.e.Value, res.Max())
				assert.Zero(t, res.StdDev())
				return
			}
			// The standard deviation is within a few per cent (much more
			// for the heavy-tailed lognormal, whose sample standard
			// deviation has a relative standard error of about 6.5% here).
			eps := 0.03
			if tc.e.Dist == LogNormal {
				eps = 0.3
			}
			assert.InEpsilon(t, math.Sqrt(variance), res.StdDev(), eps)
			for _, p := range []float64{5, 25, 50, 75, 95} {
				q := res.Percentile(p)
				within(t, "F(percentile)", exactCDF(tc.e, tc.r, q), p/100, math.Sqrt(p/100*(1-p/100)/n), 1e-6)
			}
			lo, hi := res.Percentile(0), res.Percentile(100)
			for _, f := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
				a := lo + f*(hi-lo)
				want := 1 - exactCDF(tc.e, tc.r, a)
				within(t, "exceedance", res.Exceedance(a), want, math.Sqrt(want*(1-want)/n), 1e-6)
			}
		})
	}
}

func TestLogNormalInterval(t *testing.T) {
	// riskquant's convention: low and high are the 5th and 95th percentiles.
	e := LogNormal90(2e4, 8e5)
	assert.InDelta(t, 0.05, exactCDF(e, roleAmount, 2e4), 1e-12)
	assert.InDelta(t, 0.95, exactCDF(e, roleAmount, 8e5), 1e-12)
}

func TestPERTShapes(t *testing.T) {
	// Classic: alpha = 1 + 4u, beta = 1 + 4(1-u).
	a, b := pertShapes(ptr(ClassicPERT(0, 25, 100)))
	assert.InDelta(t, 2.0, a, 1e-12)
	assert.InDelta(t, 4.0, b, 1e-12)
	// Both forms share the mean (low + gamma mode + high)/(gamma + 2); the
	// moment form's standard deviation is (high-low)/(gamma+2).
	for _, g := range []float64{0, 2, 4, 7.5} {
		for _, mode := range []float64{10, 30, 50, 90} {
			c := Estimate{Dist: PERT, Low: 0, Mode: mode, High: 100, Gamma: g}
			m := c
			m.Form = Moment
			gg := g
			if gg == 0 {
				gg = 4
			}
			want := (0 + gg*mode + 100) / (gg + 2)
			mc, _ := exactMoments(c, roleAmount)
			mm, vm := exactMoments(m, roleAmount)
			assert.InDelta(t, want, mc, 1e-9)
			assert.InDelta(t, want, mm, 1e-9)
			assert.InDelta(t, 100/(gg+2), math.Sqrt(vm), 1e-9)
		}
	}
}

// TestTwoNodeExact checks the reference scenario, LEF PERT(0.1,
// 0.5, 2) x LM PERT(10k, 50k, 500k), in both PERT forms against the exact
// distribution of the product.
func TestTwoNodeExact(t *testing.T) {
	n := 400_000.0
	if race.Enabled {
		// A quarter of the iterations: every bound is 4 standard errors
		// at the actual n (plus the integration's 1e-5).
		n = 100_000
	}
	for _, form := range []PERTForm{Classic, Moment} {
		t.Run(form.String(), func(t *testing.T) {
			s := twoNode(form)
			res, err := Simulate(s, Options{Iterations: int(n), Seed: 7, Mode: Rate})
			require.NoError(t, err)
			mx, vx := exactMoments(*s.LEF, roleFrequency)
			my, vy := exactMoments(*s.LM, roleAmount)
			mean := mx * my
			variance := (vx+mx*mx)*(vy+my*my) - mean*mean
			within(t, "mean", res.Mean(), mean, math.Sqrt(variance/n), 0)
			for _, p := range []float64{1, 10, 50, 90, 99} {
				q := res.Percentile(p)
				within(t, "F(percentile)", productCDF(*s.LEF, *s.LM, q), p/100, math.Sqrt(p/100*(1-p/100)/n), 1e-5)
			}
			for _, a := range []float64{10e3, 100e3, 500e3} {
				want := 1 - productCDF(*s.LEF, *s.LM, a)
				within(t, "exceedance", res.Exceedance(a), want, math.Sqrt(want*(1-want)/n), 1e-5)
			}
		})
	}
}

// TestPERTFormsDiffer: the two forms' 10th percentiles of the reference
// scenario differ by about 8%, exactly and in the simulation.
func TestPERTFormsDiffer(t *testing.T) {
	c, m := twoNode(Classic), twoNode(Moment)
	qc := productQuantile(*c.LEF, *c.LM, 0.10)
	qm := productQuantile(*m.LEF, *m.LM, 0.10)
	diff := (qc - qm) / qc
	assert.InDelta(t, 0.08, math.Abs(diff), 0.01, "exact P10: classic %.0f, moment %.0f", qc, qm)
	opt := Options{Iterations: 200_000, Seed: 3, Mode: Rate}
	rc, err := Simulate(c, opt)
	require.NoError(t, err)
	rm, err := Simulate(m, opt)
	require.NoError(t, err)
	assert.InEpsilon(t, qc, rc.Percentile(10), 0.01)
	assert.InEpsilon(t, qm, rm.Percentile(10), 0.01)
	assert.InDelta(t, diff, (rc.Percentile(10)-rm.Percentile(10))/rc.Percentile(10), 0.015)
}

// TestEventModeExact: with a constant magnitude c the annual loss is
// c times a Poisson count whose mean is the year's LEF, so its exceedance
// probabilities are integrals of Poisson tails over the LEF distribution.
func TestEventModeExact(t *testing.T) {
	n := 300_000.0
	if race.Enabled {
		// A quarter of the years: every bound is 4 standard errors at the
		// actual n, but the 3% on the compound standard deviation, which
		// is still about 6 of them (a relative standard error of about
		// 0.5% at 75,000 years).
		n = 75_000
	}
	const c = 100e3
	lef := ClassicPERT(0.1, 0.5, 2)
	s := Scenario{Name: "event", Nodes: Nodes{LEF: &lef, LM: ptr(Fixed(c))}}
	res, err := Simulate(s, Options{Iterations: int(n), Seed: 11, Mode: Event})
	require.NoError(t, err)
	ml, vl := exactMoments(lef, roleFrequency)
	within(t, "mean", res.Mean(), c*ml, c*math.Sqrt((ml+vl)/n), 0)
	for _, a := range []float64{0, 50e3, 100e3, 250e3, 400e3} {
		m := int(math.Floor(a / c))
		want := expectPert(lef, func(l float64) float64 { return poissonSF(m, l) })
		within(t, "exceedance", res.Exceedance(a), want, math.Sqrt(want*(1-want)/n), 1e-6)
	}
	// Years without an event lose nothing.
	zero := expectPert(lef, func(l float64) float64 { return math.Exp(-l) })
	assert.Equal(t, 0.0, res.Min())
	within(t, "P(loss = 0)", 1-res.Exceedance(0), zero, math.Sqrt(zero*(1-zero)/n), 1e-6)

	// A random magnitude: the compound Poisson mean.
	lm := ClassicPERT(10e3, 50e3, 500e3)
	s2 := Scenario{Name: "event2", Nodes: Nodes{LEF: &lef, LM: &lm}}
	res2, err := Simulate(s2, Options{Iterations: int(n), Seed: 12, Mode: Event})
	require.NoError(t, err)
	mm, vm := exactMoments(lm, roleAmount)
	variance := ml*(vm+mm*mm) + vl*mm*mm
	within(t, "compound mean", res2.Mean(), ml*mm, math.Sqrt(variance/n), 0)
	assert.InEpsilon(t, math.Sqrt(variance), res2.StdDev(), 0.03)

	// Large rates use the transformed-rejection Poisson sampler.
	big := ClassicPERT(20, 40, 80)
	s3 := Scenario{Name: "busy", Nodes: Nodes{LEF: &big, LM: ptr(Fixed(1))}}
	res3, err := Simulate(s3, Options{Iterations: int(n), Seed: 13, Mode: Event})
	require.NoError(t, err)
	mb, vb := exactMoments(big, roleFrequency)
	within(t, "busy mean", res3.Mean(), mb, math.Sqrt((mb+vb)/n), 0)
	for _, a := range []float64{30, 45, 60} {
		want := expectPert(big, func(l float64) float64 { return poissonSF(int(a), l) })
		within(t, "busy exceedance", res3.Exceedance(a), want, math.Sqrt(want*(1-want)/n), 1e-6)
	}
}

// TestRateVersusEvent: the two modes share the mean, but only event mode
// has zero-loss years.
func TestRateVersusEvent(t *testing.T) {
	s := twoNode(Classic)
	rate, err := Simulate(s, Options{Iterations: 100_000, Seed: 5, Mode: Rate})
	require.NoError(t, err)
	event, err := Simulate(s, Options{Iterations: 100_000, Seed: 5, Mode: Event})
	require.NoError(t, err)
	assert.InEpsilon(t, rate.Mean(), event.Mean(), 0.03)
	assert.Greater(t, rate.Min(), 0.0)
	assert.Greater(t, 1-event.Exceedance(0), 0.3)
}

func TestVulnerabilityModes(t *testing.T) {
	// P(TCap > RS) with TCap ~ U(0, 100) and RS ~ U(20, 80) is exactly 1/2.
	n := 200_000.0
	if race.Enabled {
		n = 50_000 // a quarter: every bound is 4 standard errors at the actual n
	}
	s := Scenario{Name: "v", Nodes: Nodes{
		TEF:  ptr(Fixed(2)),
		TCap: ptr(UniformRange(0, 100)),
		RS:   ptr(UniformRange(20, 80)),
		LM:   ptr(Fixed(1000)),
	}}
	pooled, err := Simulate(s, Options{Iterations: int(n), Seed: 1, Mode: Rate, Vulnerability: Pooled})
	require.NoError(t, err)
	// Pooled: one probability for every iteration.
	assert.Equal(t, pooled.Min(), pooled.Max())
	within(t, "pooled V", pooled.Mean()/2000, 0.5, math.Sqrt(0.25/n), 0)

	per, err := Simulate(s, Options{Iterations: int(n), Seed: 1, Mode: Rate, Vulnerability: PerIteration})
	require.NoError(t, err)
	within(t, "per-iteration P(no loss)", 1-per.Exceedance(0), 0.5, math.Sqrt(0.25/n), 0)
	within(t, "per-iteration mean", per.Mean(), 1000, 1000/math.Sqrt(n), 0)
	assert.Equal(t, 2000.0, per.Max())
}

func TestTreeNodes(t *testing.T) {
	// The full tree: LEF = CF x PoA x Vuln, LM = PL + SLEF x SLM; with
	// constants every iteration gives the same loss.
	s := Scenario{Name: "tree", Nodes: Nodes{
		CF: ptr(Fixed(10)), PoA: ptr(Fixed(0.5)), Vuln: ptr(Fixed(0.4)),
		PL: ptr(Fixed(1000)), SLEF: ptr(Fixed(0.25)), SLM: ptr(Fixed(4000)),
	}}
	res, err := Simulate(s, Options{Iterations: 1000, Seed: 1, Mode: Rate})
	require.NoError(t, err)
	assert.InDelta(t, 10*0.5*0.4*(1000+0.25*4000), res.Mean(), 1e-9)
	assert.Equal(t, res.Min(), res.Max())
	// Secondary risk is optional; sr may be given directly.
	s.SLEF, s.SLM = nil, nil
	res, err = Simulate(s, Options{Iterations: 1000, Seed: 1, Mode: Rate})
	require.NoError(t, err)
	assert.InDelta(t, 2*1000.0, res.Mean(), 1e-9)
	s.SR = ptr(Fixed(500))
	res, err = Simulate(s, Options{Iterations: 1000, Seed: 1, Mode: Rate})
	require.NoError(t, err)
	assert.InDelta(t, 2*1500.0, res.Mean(), 1e-9)
}

func TestDeterminism(t *testing.T) {
	s := fullTree()
	iterations := 50_001 // seven chunks, the last partial
	if race.Enabled {
		// Five chunks, the last of one iteration: still more chunks than
		// 3 workers and fewer than 8, for two thirds of the work.
		iterations = 4*chunkSize + 1
	}
	var first []float64
	var firstJSON []byte
	for _, mode := range []FrequencyMode{Rate, Event} {
		first = nil
		for _, workers := range []int{1, 2, 3, 8} {
			res, err := Simulate(s, Options{Iterations: iterations, Seed: 99, Mode: mode, Workers: workers})
			require.NoError(t, err)
			losses := slices.Collect(res.Losses())
			sum, err := res.Summary(nil, []float64{1e4, 1e5})
			require.NoError(t, err)
			js, err := json.Marshal(sum)
			require.NoError(t, err)
			if first == nil {
				first, firstJSON = losses, js
				continue
			}
			assert.Equal(t, first, losses, "workers %d", workers)
			assert.Equal(t, string(firstJSON), string(js), "workers %d", workers)
		}
	}
	// Workers zero follows GOMAXPROCS, which changes nothing either.
	var byProcs [][]float64
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		res, err := Simulate(s, Options{Iterations: 30_000, Seed: 5, Mode: Event})
		runtime.GOMAXPROCS(old)
		require.NoError(t, err)
		byProcs = append(byProcs, slices.Collect(res.Losses()))
	}
	assert.Equal(t, byProcs[0], byProcs[1])
	assert.Equal(t, byProcs[0], byProcs[2])

	a, _ := Simulate(s, Options{Iterations: 10_000, Seed: 1, Mode: Rate})
	b, _ := Simulate(s, Options{Iterations: 10_000, Seed: 2, Mode: Rate})
	assert.NotEqual(t, a.Mean(), b.Mean(), "different seeds give different streams")
}

func TestPercentileSelection(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 10, 601, 5000, 70_000} {
		data := make([]float64, n)
		for i := range data {
			switch i % 3 {
			case 0:
				data[i] = 0 // ties, as in event mode
			default:
				data[i] = math.Floor(r.ExpFloat64() * 1000)
			}
		}
		sorted := slices.Clone(data)
		slices.Sort(sorted)
		res := newResult(slices.Clone(data))
		for _, p := range []float64{0, 0.1, 1, 2.5, 10, 33.3, 50, 75, 90, 99, 99.9, 100} {
			h := p / 100 * float64(n-1)
			k := int(math.Floor(h))
			want := sorted[k]
			if k+1 < n {
				want += (h - float64(k)) * (sorted[k+1] - sorted[k])
			}
			assert.InDelta(t, want, res.Percentile(p), 1e-9*math.Max(1, math.Abs(want)), "n=%d p=%g", n, p)
		}
		for _, a := range []float64{-1, 0, 1, 500, 999, 5000, math.NaN()} {
			want := 0
			for _, v := range data {
				if v > a {
					want++
				}
			}
			assert.Equal(t, float64(want)/float64(n), res.Exceedance(a), "n=%d a=%g", n, a)
		}
		// The one-pass curve agrees for many amounts.
		amounts := make([]float64, 40)
		for i := range amounts {
			amounts[i] = float64(i * 100)
		}
		for _, pt := range res.ExceedanceCurve(amounts) {
			assert.Equal(t, res.Exceedance(pt.Amount), pt.Probability)
		}
		assert.Equal(t, sorted[0], res.Min())
		assert.Equal(t, sorted[n-1], res.Max())
	}
	res := newResult([]float64{4, 1, 3, 2})
	assert.True(t, math.IsNaN(res.Percentile(-1)))
	assert.True(t, math.IsNaN(res.Percentile(101)))
	assert.True(t, math.IsNaN(res.ValueAtRisk(0)))
	assert.Equal(t, res.Percentile(95), res.ValueAtRisk(0.95))
	assert.InDelta(t, math.Sqrt(5.0/3), res.StdDev(), 1e-12)
}

func TestSummary(t *testing.T) {
	res := newResult([]float64{0, 10, 20, 30, 40})
	s, err := res.Summary([]float64{50, 99.9}, []float64{15, 100000})
	require.NoError(t, err)
	js, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"iterations":5,"mean":20,"standardError":7.071067811865475,"stddev":15.811388300841896,"min":0,"max":40,
		"percentiles":{"50":20,"99.9":39.96000000000001},
		"percentileStandardErrors":{"50":11.180339887498949,"99.9":0.7067531393633459},
		"expectedShortfall":{"50":32,"99.9":40},
		"exceedance":{"15":0.6,"100000":0}}`, string(js))
	_, err = res.Summary([]float64{101}, []float64{math.Inf(1)})
	require.ErrorIs(t, err, ErrParameter)
	assert.ErrorContains(t, err, "percentiles[0]: percentile 101 is outside [0, 100]")
	assert.ErrorContains(t, err, "exceedance[0]: amount +Inf is not finite")
}

func TestPortfolio(t *testing.T) {
	a := twoNode(Classic)
	a.Name = "a"
	b := fullTree()
	b.Name = "b"
	opt := Options{Iterations: 40_000, Seed: 4, Mode: Event}
	p, err := SimulatePortfolio([]Scenario{a, b}, opt)
	require.NoError(t, err)
	require.Len(t, p.Contributions, 2)
	assert.InDelta(t, p.Total.Mean(), p.Contributions[0].Mean+p.Contributions[1].Mean, 1e-9*p.Total.Mean())
	assert.InDelta(t, 1, p.Contributions[0].Share+p.Contributions[1].Share, 1e-12)
	// Scenario 0 draws the same numbers alone and in the portfolio.
	alone, err := Simulate(a, opt)
	require.NoError(t, err)
	assert.InDelta(t, alone.Mean(), p.Contributions[0].Mean, 1e-9*alone.Mean())
	// Summed per year: the total's maximum is at most the sum of maxima.
	single, err := SimulatePortfolio([]Scenario{a}, opt)
	require.NoError(t, err)
	assert.Equal(t, slices.Collect(alone.Losses()), slices.Collect(single.Total.Losses()))

	_, err = SimulatePortfolio(nil, opt)
	require.ErrorIs(t, err, ismskit.ErrMissing)
	bad := a
	bad.LEF = ptr(ClassicPERT(5, 1, 2))
	_, err = SimulatePortfolio([]Scenario{a, bad}, opt)
	require.ErrorIs(t, err, ErrParameter)
	assert.ErrorContains(t, err, "scenarios[1].lef.high (a): low 5 > high 2")
}

func TestCompare(t *testing.T) {
	before := Scenario{Name: "x", Nodes: Nodes{LEF: ptr(Fixed(1)), LM: ptr(ClassicPERT(10e3, 50e3, 500e3))}}
	after := before
	after.LEF = ptr(Fixed(0.5))
	c, err := Compare(before, after, 10e3, Options{Iterations: 20_000, Seed: 8, Mode: Rate})
	require.NoError(t, err)
	// Common random numbers: the magnitudes are the same draws.
	assert.InDelta(t, c.Before.Mean()/2, c.After.Mean(), 1e-9*c.Before.Mean())
	assert.InDelta(t, c.Before.Mean()/2, c.ReductionInLoss(), 1e-9*c.Before.Mean())
	rosi, ok := c.ROSI()
	require.True(t, ok)
	assert.InDelta(t, (c.ReductionInLoss()-10e3)/10e3, rosi, 1e-12)
	c.AnnualCost = 0
	_, ok = c.ROSI()
	assert.False(t, ok)

	_, err = Compare(before, after, -1, Options{Iterations: 10, Mode: Rate})
	require.ErrorIs(t, err, ErrParameter)
	after.LEF = nil
	_, err = Compare(before, after, 1, Options{Iterations: 10, Mode: Rate})
	require.ErrorIs(t, err, ismskit.ErrMissing)
	assert.ErrorContains(t, err, "after.lef: lef is required")
}

// fullTree gives every leaf of the 13-node taxonomy.
func fullTree() Scenario {
	return Scenario{Name: "full", Nodes: Nodes{
		CF:   ptr(ClassicPERT(1, 5, 20)),
		PoA:  ptr(ClassicPERT(0.1, 0.3, 0.6)),
		TCap: ptr(ClassicPERT(20, 60, 95)),
		RS:   ptr(ClassicPERT(40, 60, 80)),
		PL:   ptr(LogNormal90(10e3, 400e3)),
		SLEF: ptr(Triangle(0, 0.2, 0.5)),
		SLM:  ptr(ClassicPERT(5e3, 20e3, 200e3)),
	}}
}

func TestValidationErrors(t *testing.T) {
	opt := Options{Iterations: 100, Mode: Rate}
	tests := []struct {
		name    string
		s       Scenario
		opt     Options
		kind    error
		message string
	}{
		{"low above high", Scenario{Nodes: Nodes{LEF: ptr(ClassicPERT(5, 3, 2)), LM: ptr(Fixed(1))}}, opt, ErrParameter, "lef.high: low 5 > high 2"},
		{"mode outside", Scenario{Nodes: Nodes{LEF: ptr(Triangle(1, 3, 2)), LM: ptr(Fixed(1))}}, opt, ErrParameter, "lef.mode: mode 3 is outside [low 1, high 2]"},
		{"negative frequency", Scenario{Nodes: Nodes{TEF: ptr(UniformRange(-1, 2)), Vuln: ptr(Fixed(0.5)), LM: ptr(Fixed(1))}}, opt, ErrParameter, "tef.low: low -1 is negative, and a frequency cannot be"},
		{"negative amount", Scenario{Nodes: Nodes{LEF: ptr(Fixed(1)), PL: ptr(Fixed(-3))}}, opt, ErrParameter, "pl.value: value -3 is negative, and an amount cannot be"},
		{"probability above 1", Scenario{Nodes: Nodes{TEF: ptr(Fixed(1)), Vuln: ptr(UniformRange(0.5, 1.5)), LM: ptr(Fixed(1))}}, opt, ErrParameter, "vuln.high: high 1.5 is outside [0, 1] for a probability"},
		{"NaN", Scenario{Nodes: Nodes{LEF: ptr(Fixed(math.NaN())), LM: ptr(Fixed(1))}}, opt, ErrParameter, "lef.value: value NaN is not finite"},
		{"infinity", Scenario{Nodes: Nodes{LEF: ptr(Fixed(1)), LM: ptr(UniformRange(0, math.Inf(1)))}}, opt, ErrParameter, "lm.high: high +Inf is not finite"},
		{"too large", Scenario{Nodes: Nodes{LEF: ptr(Fixed(1)), LM: ptr(Fixed(1e16))}}, opt, ErrParameter, "lm.value: value 1e+16 is above the limit 1e+15"},
		{"gamma", Scenario{Nodes: Nodes{LEF: ptr(Estimate{Dist: PERT, Low: 1, Mode: 2, High: 3, Gamma: -1}), LM: ptr(Fixed(1))}}, opt, ErrParameter, "lef.gamma: gamma -1 is outside (0, 1e6]"},
		{"lognormal low", Scenario{Nodes: Nodes{LEF: ptr(Fixed(1)), LM: ptr(LogNormal90(0, 10))}}, opt, ErrParameter, "lm.low: low 0 must be above 0 for a lognormal"},
		{"lognormal probability", Scenario{Nodes: Nodes{TEF: ptr(Fixed(1)), Vuln: ptr(LogNormal90(0.1, 0.5)), LM: ptr(Fixed(1))}}, opt, ErrParameter, "vuln.dist: a lognormal is unbounded"},
		{"normal without mass", Scenario{Nodes: Nodes{LEF: ptr(TruncNormal(-100, 1)), LM: ptr(Fixed(1))}}, opt, ErrParameter, "lef.mean: normal(-100, 1) has almost no mass"},
		{"negative stddev", Scenario{Nodes: Nodes{LEF: ptr(TruncNormal(1, -1)), LM: ptr(Fixed(1))}}, opt, ErrParameter, "lef.stddev: stddev -1 is outside"},
		{"parameter of another family", Scenario{Nodes: Nodes{LEF: ptr(Estimate{Dist: Constant, Value: 1, High: 3}), LM: ptr(Fixed(1))}}, opt, ErrConflict, "lef.high: high is not a parameter of a constant estimate"},
		{"no dist", Scenario{Nodes: Nodes{LEF: &Estimate{}, LM: ptr(Fixed(1))}}, opt, ismskit.ErrMissing, "lef.dist: dist is required"},
		{"missing lm", Scenario{Nodes: Nodes{LEF: ptr(Fixed(1))}}, opt, ismskit.ErrMissing, "lm: lm is required (or its children pl and sr)"},
		{"missing poa", Scenario{Nodes: Nodes{CF: ptr(Fixed(1)), Vuln: ptr(Fixed(1)), LM: ptr(Fixed(1))}}, opt, ismskit.ErrMissing, "poa: poa is required"},
		{"missing slm", Scenario{Nodes: Nodes{LEF: ptr(Fixed(1)), PL: ptr(Fixed(1)), SLEF: ptr(Fixed(0.1))}}, opt, ismskit.ErrMissing, "slm: slm is required"},
		{"node and children", Scenario{Nodes: Nodes{LEF: ptr(Fixed(1)), TEF: ptr(Fixed(2)), LM: ptr(Fixed(1))}}, opt, ErrConflict, "tef: lef is given directly, so tef would be ignored"},
		{"zero iterations", Scenario{Nodes: Nodes{LEF: ptr(Fixed(1)), LM: ptr(Fixed(1))}}, Options{Mode: Rate}, ismskit.ErrOutOfRange, "iterations: iterations 0 is outside [1, 268435456]"},
		{"no mode", Scenario{Nodes: Nodes{LEF: ptr(Fixed(1)), LM: ptr(Fixed(1))}}, Options{Iterations: 1}, ismskit.ErrMissing, "mode: mode is required (rate, event or bernoulli)"},
		{"event rate too high", Scenario{Nodes: Nodes{LEF: ptr(UniformRange(1, 1e6)), LM: ptr(Fixed(1))}}, Options{Iterations: 1, Mode: Event}, ErrParameter, "lef: event mode draws a magnitude per event"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Simulate(tc.s, tc.opt)
			require.Error(t, err)
			assert.Nil(t, res)
			require.ErrorIs(t, err, tc.kind)
			assert.ErrorContains(t, err, tc.message)
			var fe *ismskit.Error
			require.ErrorAs(t, err, &fe)
			assert.NotEmpty(t, fe.Path)
		})
	}
}

func TestValidationReportsEverything(t *testing.T) {
	s := Scenario{Nodes: Nodes{
		LEF: ptr(ClassicPERT(5, 1, 2)),
		LM:  ptr(UniformRange(math.NaN(), -1)),
	}}
	err := s.Validate()
	require.Error(t, err)
	assert.ErrorContains(t, err, "lef.high: low 5 > high 2")
	assert.ErrorContains(t, err, "lm.low: low NaN is not finite")
	assert.ErrorContains(t, err, "lm.high: high -1 is negative")
	_, err = Simulate(s, Options{})
	assert.ErrorIs(t, err, ismskit.ErrOutOfRange)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	assert.ErrorIs(t, err, ErrParameter)
	var fe *ismskit.Error
	assert.True(t, errors.As(err, &fe))
}

func TestEnums(t *testing.T) {
	for d := Constant; d <= Normal; d++ {
		b, err := d.MarshalText()
		require.NoError(t, err)
		var back Dist
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, d, back)
		assert.Equal(t, string(b), d.String())
	}
	var d Dist
	assert.ErrorIs(t, d.UnmarshalText([]byte("Pert")), ismskit.ErrUnknownValue)
	b, err := Dist(0).MarshalText()
	require.NoError(t, err, "the zero value (no family chosen) is written as an empty string")
	assert.Empty(t, b)
	_, err = Dist(9).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, "Dist(9)", Dist(9).String())
	for _, name := range distNames[1:] {
		v, err := ParseDist(name)
		require.NoError(t, err)
		assert.True(t, v.IsValid())
	}
	_, err = ParseDist("")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = ParsePERTForm("vose")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = ParseVulnerabilityMode("x")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)

	for _, f := range []PERTForm{Classic, Moment} {
		b, _ := f.MarshalText()
		var back PERTForm
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, f, back)
	}
	var f PERTForm
	assert.ErrorIs(t, f.UnmarshalText([]byte("vose")), ismskit.ErrUnknownValue)
	for _, m := range []FrequencyMode{Rate, Event} {
		b, _ := m.MarshalText()
		var back FrequencyMode
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, m, back)
	}
	var m FrequencyMode
	assert.ErrorIs(t, m.UnmarshalText([]byte("annual")), ismskit.ErrUnknownValue)
	assert.Equal(t, "FrequencyMode(0)", m.String())
	for _, v := range []VulnerabilityMode{Pooled, PerIteration} {
		b, _ := v.MarshalText()
		var back VulnerabilityMode
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, v, back)
	}
	var v VulnerabilityMode
	assert.ErrorIs(t, v.UnmarshalText([]byte("x")), ismskit.ErrUnknownValue)
}

func TestResultMemory(t *testing.T) {
	// 8 bytes per iteration for the result, plus a constant.
	s := twoNode(Classic)
	const n = 1 << 18
	// measure simulates m iterations once and returns the allocations and
	// the bytes it made, on one P as testing.AllocsPerRun measures (the
	// simulation keeps its two workers). One run a size, where
	// AllocsPerRun made a warm-up and three runs of each and a ninth run
	// gave the bytes: after a first run the counts repeat to within an
	// allocation or two (128 and 215 under the race detector, 100 and 181
	// without), so the other runs, which made the test three and a half
	// times as dear, measured nothing new. The large size has no warm-up
	// of its own: what a first run allocates once (the warm-up below
	// takes it) could only add to large and fail the test, never pass it.
	measure := func(m int) (allocs, bytes float64) {
		var before, after runtimeMem
		before.read()
		res, err := Simulate(s, Options{Iterations: m, Seed: 1, Mode: Rate, Workers: 2})
		after.read()
		require.NoError(t, err)
		sink = res
		return float64(after.mallocs - before.mallocs), float64(after.total - before.total)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	measure(n) // warm-up, as AllocsPerRun's
	small, bytes := measure(n)
	large, _ := measure(4 * n)
	// A few allocations per parallel partition of the percentile
	// selection, whose steps grow with the logarithm of the iterations;
	// nothing per iteration or per chunk.
	assert.Less(t, small, 200.0)
	assert.Less(t, large, 2*small)
	assert.Less(t, bytes, 8.0*n+256<<10, "bytes allocated")
}

func TestParallelSelection(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{parallelMin + 1, 3*parallelMin + 17} {
		data := make([]float64, n)
		for i := range data {
			if i%4 == 0 {
				data[i] = 0
			} else {
				data[i] = r.Float64() * 100
			}
		}
		sorted := slices.Clone(data)
		slices.Sort(sorted)
		// One buffer for every run, refilled from data: a fresh 3 MB copy
		// a run cost more in the race detector's shadow memory than the
		// copying.
		a := make([]float64, n)
		for _, workers := range []int{2, 3, 4} {
			for _, k := range []int{0, n / 4, n/4 + 1, n / 2, n - 1} {
				copy(a, data)
				selectKPar(a, k, workers)
				require.Equal(t, sorted[k], a[k], "n=%d workers=%d k=%d", n, workers, k)
				assert.LessOrEqual(t, slices.Max(a[:k+1]), a[k])
				assert.GreaterOrEqual(t, slices.Min(a[k:]), a[k])
			}
			copy(a, data)
			ks := []int{10, n / 10, n / 2, n - 5}
			multiSelectPar(a, ks, workers)
			for _, k := range ks {
				assert.Equal(t, sorted[k], a[k])
			}
			slices.Sort(a)
			// slices.Equal, not assert.Equal: the same comparison
			// without reflect.DeepEqual's cost per element.
			assert.True(t, slices.Equal(sorted, a), "n=%d workers=%d: not a permutation", n, workers)
		}
	}
}

// TestNewResultsMatchesNewResult checks that the statistics computed two
// at a time are bit-identical to newResult's, for pairs of the same
// length, of different lengths, and an odd one out.
func TestNewResultsMatchesNewResult(t *testing.T) {
	var vecs, orig [][]float64
	for i, n := range []int{10_000, 10_000, 7, 9, 1, 1, 3000} {
		s := portfolioScenarios(i + 1)[i]
		r, err := Simulate(s, Options{Iterations: n, Seed: 1, Mode: Event})
		require.NoError(t, err)
		vecs = append(vecs, slices.Clone(r.losses))
		orig = append(orig, slices.Clone(r.losses))
	}
	rs := newResults(vecs)
	for i, v := range orig {
		want, got := newResult(v), rs[i]
		require.Equal(t, want.losses, got.losses, "vector %d", i)
		require.Equal(t, want.suffix, got.suffix, "vector %d", i)
		assert.Equal(t, [4]float64{want.mean, want.m2, want.min, want.max}, [4]float64{got.mean, got.m2, got.min, got.max}, "vector %d", i)
	}
}
