package report_test

import (
	"bytes"
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/report"
)

// exampleRegister is a register of two risks, one with an overdue action.
func exampleRegister() risk.Register {
	return risk.Register{Name: "Example Ltd", Criteria: risk.Standard5x5(), Risks: []risk.Risk{
		{ID: "R-1", Title: "Ransomware", Owner: "CTO", Likelihood: 4, Impact: 5,
			Controls: []risk.AppliedControl{{Control: iso27002.MustParse("8.13"), Status: risk.Planned, LikelihoodEffect: 50}},
			Treatment: risk.Treatment{Option: risk.Modify, Plan: []risk.Action{
				{ID: "A1", Title: "Test restores every quarter", Owner: "IT", Due: ismskit.MustParseDate("2026-03-31"),
					Controls: []iso27002.ControlID{iso27002.MustParse("8.13")}, Status: risk.ActionInProgress}}}},
		{ID: "R-2", Title: "Office flood", Owner: "COO", Likelihood: 1, Impact: 3,
			Treatment: risk.Treatment{Option: risk.Retain}},
	}}
}

// The report of a register as of a day: the ranking and the plan.
func Example() {
	d := report.Document{Register: exampleRegister(), Version: "1", AsOf: ismskit.MustParseDate("2026-06-30")}
	c, err := d.Content()
	if err != nil {
		panic(err)
	}
	for _, r := range c.Risks {
		fmt.Println(r.Position, r.ID, r.Inherent, "->", r.Residual, "acceptance:", r.AcceptanceText())
	}
	for _, a := range c.Plan {
		fmt.Println(a.DueText(), a.RiskID, a.ActionText(), a.StatusText())
	}
	// Output:
	// 1 R-1 Critical (L4 I5) -> High (L3 I5) acceptance: None
	// 2 R-2 Low (L1 I3) -> Low (L1 I3) acceptance: Not needed
	// 2026-03-31 (overdue by 91 days) R-1 A1 Test restores every quarter In progress
}

func ExampleDocument_HTML() {
	d := report.Document{Register: exampleRegister(), AsOf: ismskit.MustParseDate("2026-06-30"),
		Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
	page, err := d.HTML()
	if err != nil {
		panic(err)
	}
	fmt.Println(bytes.Contains(page, []byte("<svg")), bytes.Contains(page, []byte("91 days overdue")))
	_, err = report.Document{Register: exampleRegister()}.HTML()
	fmt.Println(err)
	// Output:
	// true true
	// asOf: no day for the report: nothing reads the clock
}

func ExampleDocument_Markdown() {
	d := report.Document{Register: exampleRegister(), AsOf: ismskit.MustParseDate("2026-06-30")}
	md, err := d.Markdown()
	if err != nil {
		panic(err)
	}
	fmt.Println(string(bytes.SplitN(md, []byte("\n"), 2)[0]))
	// Output:
	// # Risk assessment and treatment report
}
