package audittest_test

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/audittest"
	"github.com/ismskit/ismskit/iso27002"
)

// A GRC product's test asserts that the programme it plans covers the SoA.
func ExampleRequireCovers() {
	t := &testing.T{} // in a real test, the *testing.T of the test function
	b := audit.Basis{Applicable: []iso27002.ControlID{iso27002.MustParse("5.1"), iso27002.MustParse("8.8")}}
	start := ismskit.MustParseDate("2026-01-05")
	p, _ := audit.Plan(audit.PlanOptions{Basis: b, CycleStart: start, Slots: audit.EvenSlots(start, 3, 2),
		Auditors: []audit.Auditor{{Name: "Ana"}}})
	audittest.RequireCovers(t, p, b)
	audittest.AssertNoOpenMajor(t, audit.Records{Programme: p}, ismskit.NewDate(2026, 6, 1))
	// Output:
}
