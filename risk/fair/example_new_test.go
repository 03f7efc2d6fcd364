package fair_test

import (
	"fmt"
	"log"

	"github.com/ismskit/ismskit/risk/fair"
)

func ExampleResult_ExpectedShortfall() {
	lef := fair.ClassicPERT(0.1, 0.5, 2)
	lm := fair.LogNormal90(20e3, 1e6)
	s := fair.Scenario{Name: "breach", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	res, err := fair.Simulate(s, fair.Options{Iterations: 200_000, Seed: 1, Mode: fair.Event})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("ALE %.0fk (standard error %.1fk)\n", res.Mean()/1e3, res.StandardError()/1e3)
	fmt.Printf("VaR 99%% %.2fM, expected shortfall 99%% %.2fM\n", res.ValueAtRisk(0.99)/1e6, res.ExpectedShortfall(0.99)/1e6)
	// Output:
	// ALE 196k (standard error 1.1k)
	// VaR 99% 2.15M, expected shortfall 99% 3.49M
}

func ExampleAnalyticLoss() {
	lef := fair.ClassicPERT(0.01, 0.05, 0.2) // a rare event
	lm := fair.LogNormal90(1e6, 50e6)
	s := fair.Scenario{Name: "data centre loss", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	d, err := fair.AnalyticLoss(s, fair.Event)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("ALE %.2fM, P(loss > 100M) %.5f\n", d.Mean()/1e6, d.Exceedance(100e6))
	// Output: ALE 0.98M, P(loss > 100M) 0.00091
}

func ExampleSimulatePortfolio_correlation() {
	lef := fair.ClassicPERT(0.2, 0.5, 1.5)
	lm := fair.LogNormal90(20e3, 800e3)
	a := fair.Scenario{Name: "ransomware", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	b := fair.Scenario{Name: "extortion", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	for _, rank := range []float64{0, 0.8} {
		opt := fair.Options{Iterations: 100_000, Seed: 1, Mode: fair.Event,
			Correlations: []fair.Correlation{{A: "ransomware", B: "extortion", Rank: rank}},
			Shocks: []fair.Shock{{Name: "shared hosting breach", Frequency: fair.Fixed(0.02),
				Scenarios: []string{"ransomware", "extortion"}}}}
		p, err := fair.SimulatePortfolio([]fair.Scenario{a, b}, opt)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("rank %.1f: P99 %.2fM, each scenario's own P99 %.2fM\n", rank,
			p.Total.Percentile(99)/1e6, p.Contributions[0].Summary.Percentiles["99"]/1e6)
	}
	// Output:
	// rank 0.0: P99 2.31M, each scenario's own P99 1.56M
	// rank 0.8: P99 2.99M, each scenario's own P99 1.56M
}

func ExampleTolerance_Check() {
	lef := fair.ClassicPERT(0.1, 0.5, 2)
	lm := fair.ClassicPERT(10e3, 50e3, 500e3)
	s := fair.Scenario{Name: "phishing", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	res, err := fair.Simulate(s, fair.Options{Iterations: 100_000, Seed: 1, Mode: fair.Event})
	if err != nil {
		log.Fatal(err)
	}
	// At most a 20% chance of losing more than 100k in a year, 1% of 1M.
	tol := fair.Tolerance{Points: []fair.Point{{Amount: 100e3, Probability: 0.2}, {Amount: 1e6, Probability: 0.01}}}
	v := tol.Check(res)
	fmt.Printf("above: %v, from %.0fk to %.0fk; worst at %.0fk: %.3f > %.3f\n",
		v.Above, v.From/1e3, v.To/1e3, v.Worst.Amount/1e3, v.Worst.Probability, v.Worst.Tolerance)
	// Output: above: true, from 100k to 213k; worst at 100k: 0.306 > 0.200
}

func ExampleSensitivity() {
	s := fair.Scenario{Name: "ransomware", Nodes: fair.Nodes{
		TEF:  &fair.Estimate{Dist: fair.PERT, Low: 1, Mode: 4, High: 12},
		Vuln: &fair.Estimate{Dist: fair.Uniform, Low: 0.1, High: 0.3},
		LM:   &fair.Estimate{Dist: fair.LogNormal, Low: 50e3, High: 800e3},
	}}
	sr, err := fair.Sensitivity(s, fair.Options{Iterations: 50_000, Seed: 1}, fair.SensitivityOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for _, in := range sr.Inputs {
		fmt.Printf("%-4s swing %4.0fk, rank correlation %.2f\n", in.Node, in.Swing/1e3, in.RankCorrelation)
	}
	// Output:
	// lm   swing  483k, rank correlation 0.83
	// tef  swing  210k, rank correlation 0.43
	// vuln swing  148k, rank correlation 0.30
}

func ExampleResult_Node() {
	s := fair.Scenario{Name: "tree", Nodes: fair.Nodes{
		CF:   &fair.Estimate{Dist: fair.PERT, Low: 2, Mode: 6, High: 20},
		PoA:  &fair.Estimate{Dist: fair.Uniform, Low: 0.1, High: 0.4},
		Vuln: &fair.Estimate{Dist: fair.Constant, Value: 0.5},
		PL:   &fair.Estimate{Dist: fair.LogNormal, Low: 5e3, High: 200e3},
	}}
	res, err := fair.Simulate(s, fair.Options{Iterations: 100_000, Seed: 1, Mode: fair.Rate, KeepNodes: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, k := range res.NodeKeys() {
		fmt.Printf("%-4s mean %.3g\n", k, res.Node(k).Mean())
	}
	// Output:
	// cf   mean 7.67
	// lef  mean 0.958
	// pl   mean 5.96e+04
	// poa  mean 0.25
	// tef  mean 1.92
	// vuln mean 0.5
}

// The happy path: a scenario, its simulated annual loss, the numbers a
// report needs.
func Example() {
	lef := fair.ClassicPERT(0.1, 0.5, 2) // loss events a year (classic PERT, the default form)
	lm := fair.LogNormal90(20e3, 500e3)  // money per event, 90% interval
	s := fair.Scenario{Name: "phishing", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	res, err := fair.Simulate(s, fair.Options{Iterations: 100_000, Seed: 1, Mode: fair.Event})
	if err != nil {
		log.Fatal(err)
	}
	sum, _ := res.Summary(nil, []float64{250e3})
	fmt.Printf("ALE %.0fk ± %.1fk, P90 %.0fk, ES99 %.0fk, P(> 250k) %.2f\n", sum.Mean/1e3, sum.StandardError/1e3,
		sum.Percentiles["90"]/1e3, sum.ExpectedShortfall["99"]/1e3, sum.Exceedance["250000"])
	// Output: ALE 111k ± 0.7k, P90 336k, ES99 1470k, P(> 250k) 0.14
}
