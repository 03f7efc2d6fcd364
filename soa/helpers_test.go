package soa

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// golden compares got with the file at path, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

var (
	asOf = ismskit.NewDate(2026, 11, 28)
	due  = ismskit.NewDate(2027, 3, 31)
)

func id(s string) iso27002.ControlID { return iso27002.MustParse(s) }

func ids(s ...string) []iso27002.ControlID {
	out := make([]iso27002.ControlID, len(s))
	for i, x := range s {
		out[i] = id(x)
	}
	return out
}

// testRegister is a small register: are treated with
// controls, R-3 is retained without any.
func testRegister() risk.Register {
	return risk.Register{
		Name:     "Example register",
		Criteria: risk.Standard5x5(),
		Risks: []risk.Risk{
			{
				ID: "R-1", Title: "Ransomware encrypts the ledger", Owner: "CTO", Likelihood: 3, Impact: 4,
				Controls: []risk.AppliedControl{
					{Control: id("8.13"), Status: risk.Implemented, LikelihoodEffect: 10, ImpactEffect: 50},
					{Control: id("8.7"), Status: risk.Planned, LikelihoodEffect: 40},
				},
				Treatment: risk.Treatment{Option: risk.Modify, Plan: []risk.Action{
					{ID: "A-1", Title: "Roll out endpoint protection", Owner: "IT", Due: due, Controls: ids("8.7"), Status: risk.ActionPlanned},
					{ID: "A-2", Title: "Dropped idea", Owner: "IT", Controls: ids("8.16"), Status: risk.ActionCancelled},
				}},
			},
			{
				ID: "R-2", Title: "Backups unusable", Owner: "CTO", Likelihood: 2, Impact: 4,
				Controls: []risk.AppliedControl{
					{Control: id("8.13"), Status: risk.Planned, ImpactEffect: 30},
					{Control: id("5.15"), Status: risk.Implemented, LikelihoodEffect: 20},
				},
				Treatment: risk.Treatment{Option: risk.Modify},
			},
			{
				ID: "R-3", Title: "Office flood", Owner: "COO", Likelihood: 1, Impact: 2,
				Treatment: risk.Treatment{Option: risk.Retain, Rationale: "Fully remote company"},
			},
		},
	}
}

func testHeader() Header {
	return Header{Organization: "Example Ledger Ltd", Scope: "ISMS-SCOPE-1", Version: "1.0", Date: asOf, PreparedBy: "ISMS manager"}
}

// testSources are obligations and decisions that, with testRegister,
// decide every control of the 2022 catalog.
func testSources() Sources {
	s := Sources{
		Obligations: []Obligation{
			{ID: "GDPR-32", Kind: Legal, Reference: "GDPR Art. 32", Controls: ids("5.34", "8.24")},
			{ID: "MSA-7", Kind: Contractual, Reference: "Customer MSA, clause 7", Note: "Security schedule", Controls: ids("5.20", "8.13")},
			{ID: "BIZ-1", Kind: BusinessRequirement, Note: "Board decision 2026-04", Controls: ids("6.3")},
		},
	}
	derived := map[string]bool{"8.13": true, "8.7": true, "5.15": true, "5.34": true, "8.24": true, "5.20": true, "6.3": true}
	for ctl := range iso27002.Catalog2022().Controls() {
		c := ctl.ID.String()
		switch {
		case c == "7.1" || c == "7.2":
			s.Decisions = append(s.Decisions, Decision{Control: ctl.ID, Reasons: []Reason{{Kind: BestPractice}}, Status: Implemented,
				Responsibility: Inherited, Provider: "Example Cloud", Evidence: []string{"Example Cloud SOC 2 report 2026"}})
		case ctl.Theme == iso27002.Physical:
			s.Decisions = append(s.Decisions, Decision{Control: ctl.ID, Applicability: Excluded,
				Justification: "No premises of our own: staff work remotely; data centres are the provider's."})
		case c == "8.7":
			s.Decisions = append(s.Decisions, Decision{Control: ctl.ID, Owner: "IT lead", Implementation: "EDR on every laptop"})
		case c == "8.13":
			s.Decisions = append(s.Decisions, Decision{Control: ctl.ID, Owner: "Ops", Evidence: []string{"BCK-LOG-2026", "Restore test 2026-10"}})
		case derived[c]:
			s.Decisions = append(s.Decisions, Decision{Control: ctl.ID, Status: Implemented, Evidence: []string{"EV-" + c}})
		default:
			s.Decisions = append(s.Decisions, Decision{Control: ctl.ID, Reasons: []Reason{{Kind: BestPractice, Note: "Baseline"}},
				Status: Implemented, Owner: "ISMS manager", Evidence: []string{"EV-" + c}})
		}
	}
	return s
}

// testSoA is the valid SoA generated from the fixtures.
func testSoA(t testing.TB) SoA {
	t.Helper()
	s, err := Generate(Input{Header: testHeader(), Register: testRegister(), Sources: testSources()})
	require.NoError(t, err)
	return s
}
