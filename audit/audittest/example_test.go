package audittest_test

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/audittest"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// A compliance repository's test holds the house rules on its documents,
// one line each.
func Example() {
	t := &testing.T{} // in a real test, the *testing.T of the test function
	asOf := ismskit.NewDate(2026, 11, 28)
	reg := risk.Register{Name: "Acme", Criteria: risk.Standard5x5(), Risks: []risk.Risk{{
		ID: "R-1", Title: "Ransomware", Owner: "CTO", Likelihood: 4, Impact: 5,
		Controls:  []risk.AppliedControl{{Control: iso27002.MustParse("8.13"), Status: risk.Implemented}},
		Treatment: risk.Treatment{Option: risk.Modify},
	}}}
	records := audit.Records{ // decoded with audit.DecodeRecords
		Findings: []audit.Finding{{ID: "F-1", Result: audit.Major, Statement: "Patches late."}},
		Actions:  []audit.CorrectiveAction{{ID: "CA-1", Finding: "F-1", State: audit.Raised}},
	}

	audittest.AssertHighRisksTreated(t, reg, "high")           // every high or critical risk has an Annex A control
	audittest.AssertNoAcceptanceOlderThan(t, reg, asOf, 12)    // no acceptance in force older than a year
	audittest.AssertCorrectiveActions(t, records, audit.Major) // every major nonconformity has an action
	// Output:
}

// A GRC product's test asserts that the programme it plans covers the SoA.
func ExampleRequireCovers() {
	t := &testing.T{} // in a real test, the *testing.T of the test function
	b := audit.Basis{Applicable: []iso27002.ControlID{iso27002.MustParse("5.1"), iso27002.MustParse("8.8")}}
	start := ismskit.MustParseDate("2026-01-05")
	slots, _ := audit.EvenSlots(start, 3, 2)
	p, _ := audit.Plan(audit.PlanOptions{Basis: b, CycleStart: start, Slots: slots,
		Auditors: []audit.Auditor{{Name: "Ana"}}})
	audittest.RequireCovers(t, p, b)
	audittest.AssertNoOpenMajor(t, audit.Records{Programme: p}, ismskit.NewDate(2026, 6, 1))
	// Output:
}

// AssertNo holds one rule of a validator: here, that no internal auditor
// audits their own work, whatever else the records still lack.
func ExampleAssertNo() {
	t := &testing.T{}         // in a real test, the *testing.T of the test function
	var records audit.Records // a draft: no programme yet
	audittest.AssertNo(t, records.Validate(audit.Basis{}), audit.ErrNotIndependent)
	// Output:
}
