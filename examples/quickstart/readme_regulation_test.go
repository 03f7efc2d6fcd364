package main

// The code of the README's section on regulations: the snippet appears
// verbatim inside this example (TestReadmeSnippets checks it), so it
// compiles and its output is checked.

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/regulation"
	"github.com/ismskit/ismskit/soa/regulation/notify"
)

func Example_readmeRegulation() {
	t := regulation.Tailoring{Regulations: []regulation.Regulation{regulation.GDPR, regulation.NIS2}}
	obligations, err := t.Obligations() // one soa.Obligation per article, citing it
	if err != nil {
		panic(err)
	}
	doc, err := soa.Generate(soa.Input{
		Header:  soa.Header{Organization: "Example", Version: "1", Date: ismskit.MustParseDate("2026-06-01")},
		Sources: soa.Sources{Obligations: obligations},
	})
	if err != nil {
		panic(err)
	}
	e, _ := doc.Entry(iso27002.MustParse("8.24"))
	fmt.Println(e.Reasons[1].String())

	cov, err := regulation.CoverageOf(regulation.NIS2, doc, regulation.CoverageOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(cov.Summary.Covered, "of", cov.Summary.Covered+cov.Summary.Partial+cov.Summary.NotCovered, "NIS2 requirements covered")

	ns, err := notify.Deadlines(notify.Incident{
		Regimes: []regulation.Regulation{regulation.GDPR, regulation.NIS2},
		Aware:   time.Date(2026, 1, 30, 18, 0, 0, 0, time.UTC),
	})
	if err != nil {
		panic(err)
	}
	for _, n := range ns {
		fmt.Println(n.Basis, "->", n.Notify, "by", n.Due)
	}
	// Output:
	// Legal: GDPR Art. 32 (Security of processing) (Annex A mapping: ismskit's editorial mapping)
	// 0 of 18 NIS2 requirements covered
	// GDPR Art. 33(1) -> Supervisory authority by 2026-02-02T18:00:00Z
	// NIS2 Art. 23(4)(a) -> CSIRT or competent authority by 2026-01-31T18:00:00Z
	// NIS2 Art. 23(4)(b) -> CSIRT or competent authority by 2026-02-02T18:00:00Z
	// NIS2 Art. 23(4)(d) -> CSIRT or competent authority by 2026-03-02T18:00:00Z
}
