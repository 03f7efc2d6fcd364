package fair_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/ismskit/ismskit/risk/fair"
)

func ExampleSimulate() {
	lef := fair.ClassicPERT(0.1, 0.5, 2)      // loss events a year
	lm := fair.ClassicPERT(10e3, 50e3, 500e3) // money per event
	s := fair.Scenario{Name: "phishing", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	res, err := fair.Simulate(s, fair.Options{Iterations: 100_000, Seed: 1, Mode: fair.Rate})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("ALE %.0fk, P90 %.0fk, P(loss > 100k) %.2f\n",
		res.Mean()/1e3, res.Percentile(90)/1e3, res.Exceedance(100e3))
	// Output: ALE 81k, P90 174k, P(loss > 100k) 0.28
}

func ExampleSimulate_error() {
	lef := fair.ClassicPERT(5, 3, 2)
	s := fair.Scenario{Nodes: fair.Nodes{LEF: &lef}}
	_, err := fair.Simulate(s, fair.Options{Iterations: 1000, Mode: fair.Event})
	fmt.Println(err)
	// Output:
	// lef.high: low 5 > high 2
	// lm: lm is required (or its children pl and sr)
}

func ExampleSimulatePortfolio() {
	a := fair.Scenario{Name: "ransomware", Nodes: fair.Nodes{
		LEF: &fair.Estimate{Dist: fair.PERT, Low: 0.2, Mode: 0.5, High: 2},
		LM:  &fair.Estimate{Dist: fair.LogNormal, Low: 50e3, High: 1e6},
	}}
	b := fair.Scenario{Name: "lost laptop", Nodes: fair.Nodes{
		LEF: &fair.Estimate{Dist: fair.Triangular, Low: 1, Mode: 3, High: 8},
		LM:  &fair.Estimate{Dist: fair.Uniform, Low: 2e3, High: 20e3},
	}}
	p, err := fair.SimulatePortfolio([]fair.Scenario{a, b}, fair.Options{Iterations: 100_000, Seed: 1, Mode: fair.Event})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range p.Contributions {
		fmt.Printf("%s: %.0f%%\n", c.Name, 100*c.Share)
	}
	// Output:
	// ransomware: 84%
	// lost laptop: 16%
}

func ExampleCompare() {
	before := fair.Scenario{Name: "ransomware", Nodes: fair.Nodes{
		TEF:  &fair.Estimate{Dist: fair.PERT, Low: 1, Mode: 3, High: 8},
		Vuln: &fair.Estimate{Dist: fair.Uniform, Low: 0.1, High: 0.3},
		LM:   &fair.Estimate{Dist: fair.LogNormal, Low: 50e3, High: 800e3},
	}}
	after := before
	after.Vuln = &fair.Estimate{Dist: fair.Uniform, Low: 0.02, High: 0.1}
	c, err := fair.Compare(before, after, 60e3, fair.Options{Iterations: 100_000, Seed: 1, Mode: fair.Rate})
	if err != nil {
		log.Fatal(err)
	}
	rosi, _ := c.ROSI()
	fmt.Printf("reduction %.0fk a year, ROSI %.1f\n", c.ReductionInLoss()/1e3, rosi)
	// Output: reduction 139k a year, ROSI 1.3
}

func ExampleRun() {
	a, err := fair.DecodeAnalysis([]byte(`{
		"iterations": 20000, "seed": 7, "mode": "event",
		"scenarios": [{"name": "outage",
			"lef": {"dist": "pert", "low": 0.5, "mode": 1, "high": 4},
			"lm": {"dist": "triangular", "low": 5000, "mode": 20000, "high": 90000}}],
		"treatments": [{"name": "failover", "annualCost": 8000,
			"changes": {"lm": {"dist": "triangular", "low": 1000, "mode": 5000, "high": 20000}}}]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	rep, err := fair.Run(a)
	if err != nil {
		log.Fatal(err)
	}
	t := rep.Treatments[0]
	fmt.Printf("ALE %.0fk -> %.0fk, ROSI %.1f\n", t.MeanBefore/1e3, t.MeanAfter/1e3, *t.ROSI)
	// Output: ALE 55k -> 12k, ROSI 4.3
}

func ExampleDecodeAnalysis_error() {
	_, err := fair.DecodeAnalysis([]byte(`{"iterations": 100, "mode": "rate",
		"scenarios": [{"name": "x", "lef": {"dist": "pert", "low": 1, "mode": 2, "high": 3, "likelyhood": 2}}]}`))
	fmt.Println(err)
	// Output: scenarios[0].lef.likelyhood: unknown field
}

func ExampleLossExceedanceSVG() {
	lm := fair.LogNormal90(10e3, 1e6)
	s := fair.Scenario{Name: "x", Nodes: fair.Nodes{LEF: &fair.Estimate{Dist: fair.Constant, Value: 1}, LM: &lm}}
	res, err := fair.Simulate(s, fair.Options{Iterations: 10_000, Seed: 1, Mode: fair.Event})
	if err != nil {
		log.Fatal(err)
	}
	svg := fair.LossExceedanceSVG("Loss exceedance", fair.Curve{Label: "x", Points: res.ExceedanceCurve(res.CurveAmounts(50))})
	fmt.Println(strings.HasPrefix(string(svg), "<svg"), strings.Count(string(svg), "<path"))
	// Output: true 2
}

func ExampleLossExceedanceSVGWith() {
	lef := fair.ClassicPERT(0.5, 2, 6)
	lm := fair.LogNormal90(10e3, 1e6)
	s := fair.Scenario{Name: "R-1", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	opt := fair.Options{Iterations: 10_000, Seed: 1, Mode: fair.Event}
	before, err := fair.Simulate(s, opt)
	if err != nil {
		log.Fatal(err)
	}
	treated := s
	lef2 := fair.ClassicPERT(0.1, 0.5, 2)
	treated.LEF = &lef2
	after, err := fair.Simulate(treated, opt)
	if err != nil {
		log.Fatal(err)
	}
	xs := before.CurveAmounts(50)
	svg, err := fair.LossExceedanceSVGWith(fair.ChartOptions{
		Title: "R-1 Phishing: before and after MFA", Currency: "EUR",
		Tolerance: []fair.Point{{Amount: 1e5, Probability: 0.5}, {Amount: 1e6, Probability: 0.05}},
	},
		fair.Curve{Label: "R-1 Phishing", Points: before.ExceedanceCurve(xs), Colour: "#1f77b4"},
		fair.Curve{Label: "R-1 Phishing, after MFA", Points: after.ExceedanceCurve(xs), Colour: "#1f77b4", Dashed: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Count(string(svg), `stroke-dasharray="7 4"`), strings.Contains(string(svg), "Risk tolerance"))

	_, err = fair.LossExceedanceSVGWith(fair.ChartOptions{Tolerance: []fair.Point{{Amount: 1e5, Probability: 0.5}}})
	fmt.Println(err)
	// Output:
	// 2 true
	// tolerance.points: a tolerance curve needs at least two points, not 1
}

func ExampleLossHistogramSVG() {
	lef := fair.ClassicPERT(0.5, 2, 6)
	lm := fair.LogNormal90(10e3, 1e6)
	s := fair.Scenario{Name: "R-1", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	res, err := fair.Simulate(s, fair.Options{Iterations: 10_000, Seed: 1, Mode: fair.Event})
	if err != nil {
		log.Fatal(err)
	}
	svg, err := fair.LossHistogramSVG(fair.ChartOptions{Title: "R-1: annual loss", Currency: "EUR", Bins: 30}, res)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasPrefix(string(svg), "<svg"), strings.Count(string(svg), "<rect") <= 31)
	// Output: true true
}
