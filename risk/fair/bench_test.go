package fair

import (
	"testing"
)

// sink defeats dead-code elimination in benchmarks.
var sink any

// twoNode is the reference scenario: LEF PERT(0.1, 0.5, 2) x
// LM PERT(10k, 50k, 500k).
func twoNode(form PERTForm) Scenario {
	lef := Estimate{Dist: PERT, Low: 0.1, Mode: 0.5, High: 2, Form: form}
	lm := Estimate{Dist: PERT, Low: 10e3, Mode: 50e3, High: 500e3, Form: form}
	return Scenario{Name: "two-node", Nodes: Nodes{LEF: &lef, LM: &lm}}
}

// benchLoop runs f b.N times and reports iterations per second and the
// process CPU time per op (all threads), which on a shared machine is
// steadier than the wall clock.
func benchLoop(b *testing.B, iterations int, f func()) {
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		f()
	}
	cpu := processCPU() - cpu0
	b.ReportMetric(float64(iterations)*float64(b.N)/b.Elapsed().Seconds(), "iter/s")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkTwoNode1M is a performance target: 1,000,000 iterations of LEF
// PERT x LM PERT including mean, standard deviation, the default
// percentiles and three exceedance probabilities (pyfair: about 0.44 s).
// Run with -cpu 1,2.
func BenchmarkTwoNode1M(b *testing.B) {
	benchTwoNodeSummary(b, Classic)
}

// BenchmarkTwoNode1MMoment is the same with pyfair's moment-matched PERT.
func BenchmarkTwoNode1MMoment(b *testing.B) {
	benchTwoNodeSummary(b, Moment)
}

// BenchmarkThroughputTwoNode is the simulation alone (with the percentile
// index), for the iterations-per-second target.
func BenchmarkThroughputTwoNode(b *testing.B) {
	s := twoNode(Classic)
	opt := Options{Iterations: 1_000_000, Seed: 1, Mode: Rate}
	benchSimulate(b, s, opt)
}

// BenchmarkThroughputFullTree simulates the full 13-node taxonomy (seven
// leaves: CF, PoA, TCap, RS, PL, SLEF, SLM), pooled vulnerability.
func BenchmarkThroughputFullTree(b *testing.B) {
	s := fullTree()
	opt := Options{Iterations: 1_000_000, Seed: 1, Mode: Rate}
	benchSimulate(b, s, opt)
}

// BenchmarkEventMode1M is the two-node scenario as simulated years with
// a Poisson number of events each.
func BenchmarkEventMode1M(b *testing.B) {
	s := twoNode(Classic)
	opt := Options{Iterations: 1_000_000, Seed: 1, Mode: Event}
	benchSimulate(b, s, opt)
}

// BenchmarkPercentile is one percentile query outside the precomputed
// ranks on a 1M result.
func BenchmarkPercentile(b *testing.B) {
	r, err := Simulate(twoNode(Classic), Options{Iterations: 1_000_000, Seed: 1, Mode: Rate})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sink = r.Percentile(97.5)
	}
}

// benchSimulate measures Simulate alone on s with opt.
func benchSimulate(b *testing.B, s Scenario, opt Options) {
	benchLoop(b, opt.Iterations, func() {
		r, err := Simulate(s, opt)
		if err != nil {
			b.Fatal(err)
		}
		sink = r
	})
}

// benchTwoNodeSummary measures 1,000,000 iterations of the two-node
// scenario with the given PERT form, plus its summary: mean, standard
// deviation, the default percentiles and three exceedance probabilities.
func benchTwoNodeSummary(b *testing.B, form PERTForm) {
	benchSummary(b, twoNode(form))
}

// benchSummary measures 1,000,000 iterations of s and its summary: mean,
// standard deviation, the default percentiles and three exceedance
// probabilities.
func benchSummary(b *testing.B, s Scenario) {
	opt := Options{Iterations: 1_000_000, Seed: 1, Mode: Rate}
	amounts := []float64{10e3, 100e3, 500e3}
	benchLoop(b, opt.Iterations, func() {
		r, err := Simulate(s, opt)
		if err != nil {
			b.Fatal(err)
		}
		sum, err := r.Summary(nil, amounts)
		if err != nil {
			b.Fatal(err)
		}
		sink = sum
	})
}

// BenchmarkFullTreePERT is the full taxonomy with seven PERT leaves in
// pyfair's (moment) form, 1,000,000 iterations with the summary, as
// testdata/pyfair/bench.py runs it in pyfair (which compares threat
// capability and resistance strength on 0..1 where this uses 0..100).
func BenchmarkFullTreePERT(b *testing.B) {
	pert := func(low, mode, high float64) *Estimate {
		e := MomentPERT(low, mode, high)
		return &e
	}
	s := Scenario{Name: "full-pert", Nodes: Nodes{
		CF: pert(1, 5, 20), PoA: pert(0.1, 0.3, 0.6), TCap: pert(20, 60, 95), RS: pert(40, 60, 80),
		PL: pert(10e3, 50e3, 400e3), SLEF: pert(0, 0.2, 0.5), SLM: pert(5e3, 20e3, 200e3),
	}}
	benchSummary(b, s)
}

// portfolioScenarios returns k PERT scenarios with distinct estimates.
func portfolioScenarios(k int) []Scenario {
	ss := make([]Scenario, k)
	for i := range ss {
		f := 1 + float64(i%97)/97
		lef := ClassicPERT(0.05*f, 0.2*f, 1*f)
		lm := ClassicPERT(5e3*f, 40e3*f, 400e3*f)
		ss[i] = Scenario{Name: "s" + itoa(i), Nodes: Nodes{LEF: &lef, LM: &lm}}
	}
	return ss
}

func itoa(i int) string { return sprintf("%d", i) }

// BenchmarkPortfolio10k is a performance target: 10,000 PERT scenarios at
// 10,000 iterations each, each scenario summarised (<= 1 s and <= 300 MB),
// in Rate mode (LEF x LM, pyfair's) and in Event mode (a Poisson number of
// loss events a year, a mean of about 0.45 here).
func BenchmarkPortfolio10k(b *testing.B) {
	for _, mode := range []FrequencyMode{Rate, Event} {
		b.Run(mode.String(), func(b *testing.B) { benchPortfolio(b, 10_000, 10_000, mode) })
	}
}

// BenchmarkPortfolio100kScenarios: 100,000 PERT scenarios of 10
// iterations each, where the cost is per scenario rather than per
// iteration (a register screened at a glance). A scenario's buffers hold
// its iterations: on a 2-core machine 0.4 to 0.7 s and 240 MB an op,
// where buffers of a whole chunk took 1.6 to 4 s and 1.96 GB.
func BenchmarkPortfolio100kScenarios(b *testing.B) {
	benchPortfolio(b, 100_000, 10, Rate)
}

// benchPortfolio simulates a portfolio of the given number of
// portfolioScenarios.
func benchPortfolio(b *testing.B, scenarios, iterations int, mode FrequencyMode) {
	ss := portfolioScenarios(scenarios)
	opt := Options{Iterations: iterations, Seed: 1, Mode: mode}
	benchLoop(b, opt.Iterations*len(ss), func() {
		p, err := SimulatePortfolio(ss, opt)
		if err != nil {
			b.Fatal(err)
		}
		sink = p
	})
}
