package report_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/risk/fair"
	"github.com/ismskit/ismskit/risk/fair/report"
)

// sample is a small analysis: one scenario, one treatment, a tolerance.
func sample() fair.Analysis {
	lef, lm := fair.ClassicPERT(0.1, 0.5, 2), fair.LogNormal90(20e3, 800e3)
	lef2 := fair.ClassicPERT(0.02, 0.1, 0.4)
	return fair.Analysis{
		Name: "Customer portal", Iterations: 10_000, Seed: 7, Mode: fair.Event,
		Scenarios: []fair.Scenario{{Name: "R-1", Description: "Credential stuffing against the portal.",
			Nodes: fair.Nodes{LEF: &lef, LM: &lm}}},
		Treatments: []fair.Treatment{{Name: "mfa", Description: "Multi-factor authentication for every customer.",
			AnnualCost: 15_000, Changes: fair.Nodes{LEF: &lef2}}},
		Tolerance: &fair.Tolerance{Points: []fair.Point{{Amount: 1e4, Probability: 0.5}, {Amount: 1e6, Probability: 0.02}}},
	}
}

func Example() {
	a := sample()
	rep, err := fair.Run(a)
	if err != nil {
		log.Fatal(err)
	}
	doc := report.Document{Analysis: a, Report: rep, Organisation: "Example Ltd", Version: "1.0",
		Date: ismskit.MustParseDate("2026-12-01"), Currency: "EUR"}
	html, err := doc.HTML()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.HasPrefix(html, []byte("<!DOCTYPE html>")))
	fmt.Println("charts:", bytes.Count(html, []byte("<svg")))
	fmt.Println(bytes.Contains(html, []byte("Scenario R-1")), bytes.Contains(html, []byte("ROSI")))
	// Output:
	// true
	// charts: 4
	// true true
}

// A document without a report shows the inputs and says the analysis has
// not been run.
func ExampleDocument_HTML() {
	html, err := report.Document{Analysis: sample()}.HTML()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.Contains(html, []byte("has not been run")), bytes.Contains(html, []byte("PERT, classic")))

	_, err = report.Document{Currency: "a currency name that is far too long"}.HTML()
	fmt.Println(err)
	// Output:
	// true true
	// currency: 36 characters are more than 16
}
