package audit

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/stretchr/testify/require"
)

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

func d(s string) ismskit.Date { return ismskit.MustParseDate(s) }

func ids(ss ...string) []iso27002.ControlID {
	out := make([]iso27002.ControlID, len(ss))
	for i, s := range ss {
		out[i] = iso27002.MustParse(s)
	}
	return out
}

var asOf = ismskit.NewDate(2027, time.March, 1)

// testBasis is a small SoA: ten applicable controls, two high-risk.
func testBasis() Basis {
	return Basis{
		Applicable: ids("5.1", "5.7", "5.15", "5.23", "6.3", "7.1", "8.8", "8.13", "8.16", "8.24"),
		HighRisk:   ids("8.8", "8.13"),
	}
}

var testAuditors = []Auditor{
	{Name: "Ana", Responsible: Scope{Clauses: []iso27001.ClauseID{iso27001.MustParseClauseID("6.1")}}},
	{Name: "Ben", Responsible: Scope{Controls: ids("8.16")}},
	{Name: "Chloe", External: true},
}

// testProgramme plans three yearly audits from 2026-02-02.
func testProgramme(t testing.TB) Programme {
	p, err := Plan(PlanOptions{Basis: testBasis(), CycleStart: d("2026-02-02"),
		Slots: slots(t, d("2026-02-02"), 3, 3), Auditors: testAuditors})
	require.NoError(t, err)
	return p
}

// testRecords is testProgramme with evidence, findings and actions as of
// 2027-03-01.
func testRecords(t testing.TB) Records {
	r := &Records{Organization: "Example Ltd", Programme: testProgramme(t)}
	r.Evidence = []Evidence{
		NewEvidence("E-1", "Risk treatment plan v3", "dms://isms/rtp-v3.pdf", d("2026-02-02"), []byte("plan v3")),
		NewEvidence("E-2", "Patch report January", "https://itsm.example/reports/patch-2026-01", d("2027-02-02"), []byte("patch report")),
		{ID: "E-3", What: "Interview with the service desk lead", When: d("2027-02-03")},
	}
	a1, a2 := r.Programme.Audits[0], r.Programme.Audits[1]
	r.Findings = []Finding{
		{ID: "F-1", Audit: a1.ID, Item: iso27001.MustParseItemID("5.2.e"), Result: Conforming, Date: a1.Start, Auditor: a1.Auditors[0].Name, Evidence: []string{"E-1"}},
		{ID: "F-2", Audit: a1.ID, Item: iso27001.MustParseItemID("4.3.p2"), Result: Minor, Date: a1.Start, Auditor: a1.Auditors[0].Name, Statement: "The scope document was not re-approved after the office move."},
		{ID: "F-3", Audit: a2.ID, Control: iso27002.MustParse("8.8"), Result: Major, Date: a2.Start, Auditor: a2.Auditors[0].Name, Statement: "Critical patches outstanding for 90 days on the billing servers.", Evidence: []string{"E-2"}},
		{ID: "F-4", Audit: a2.ID, Control: iso27002.MustParse("8.13"), Result: Observation, Date: a2.End, Auditor: a2.Auditors[0].Name, Statement: "Restore tests are done but not recorded.", Evidence: []string{"E-3"}},
	}
	ca, err := Raise("CA-1", r.Findings[1], a1.Start, "Ana")
	require.NoError(t, err)
	for _, s := range []Step{
		{To: Corrected, Date: d("2026-02-10"), By: "Dee", Text: "Scope re-approved by the CISO."},
		{To: Analysed, Date: d("2026-02-20"), By: "Dee", Text: "No trigger to review documents after organisational changes."},
		{To: Planned, Date: d("2026-03-01"), By: "Dee", Text: "Add document review to the change procedure.", Owner: "Dee", Due: d("2026-06-30")},
		{To: Implemented, Date: d("2026-06-15"), By: "Dee"},
		{To: Effective, Date: d("2026-12-01"), By: "Chloe", Text: "Two later changes triggered reviews."},
	} {
		ca, err = ca.Advance(s)
		require.NoError(t, err)
	}
	cb, err := Raise("CA-2", r.Findings[2], a2.Start, "Chloe")
	require.NoError(t, err)
	for _, s := range []Step{
		{To: Corrected, Date: d("2027-02-05"), Text: "Outstanding patches installed."},
		{To: Analysed, Date: d("2027-02-10"), Text: "Patch window cancelled twice without escalation."},
		{To: Planned, Date: d("2027-02-12"), Text: "Escalate cancelled patch windows to the CTO.", Owner: "Eve", Due: d("2027-02-28")},
	} {
		cb, err = cb.Advance(s)
		require.NoError(t, err)
	}
	r.Actions = []CorrectiveAction{ca, cb}
	return *r
}

// listCollector wraps a fielderr.List for the tests.
type listCollector struct{ List fielderr.List }

func (l *listCollector) Err() error { return l.List.Err() }

// slots is EvenSlots for tests, which fails the test on error.
func slots(t testing.TB, start ismskit.Date, n, days int) []Slot {
	t.Helper()
	s, err := EvenSlots(start, n, days)
	require.NoError(t, err)
	return s
}
