package audittest_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/audittest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// fakeT records failures instead of failing the real test.
type fakeT struct {
	testing.TB // nil: only the methods below are used
	mu         sync.Mutex
	msgs       []string
	failedNow  bool
}

func (f *fakeT) Helper()      {}
func (f *fakeT) Name() string { return "fake" }
func (f *fakeT) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.msgs = append(f.msgs, fmt.Sprintf(format, args...))
}

// FailNow stops the calling goroutine, as testing.T.FailNow does.
func (f *fakeT) FailNow() {
	f.mu.Lock()
	f.failedNow = true
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeT) text() string { return strings.Join(f.msgs, "\n") }

// run calls fn with a fake T in its own goroutine, so FailNow can stop it.
func run(fn func(t testing.TB)) *fakeT {
	f := &fakeT{}
	var wg sync.WaitGroup
	wg.Go(func() { fn(f) })
	wg.Wait()
	return f
}

func c(ss ...string) []iso27002.ControlID {
	out := make([]iso27002.ControlID, len(ss))
	for i, s := range ss {
		out[i] = iso27002.MustParse(s)
	}
	return out
}

var (
	basis = audit.Basis{Applicable: c("5.1", "8.8"), HighRisk: c("8.8")}
	day   = ismskit.NewDate(2026, 6, 1)
	d     = ismskit.MustParseDate
)

func programme(t testing.TB) audit.Programme {
	slots, err := audit.EvenSlots(d("2026-01-05"), 3, 5)
	require.NoError(t, err)
	p, err := audit.Plan(audit.PlanOptions{Basis: basis, CycleStart: d("2026-01-05"),
		Slots: slots, Auditors: []audit.Auditor{{Name: "Ana"}}})
	require.NoError(t, err)
	return p
}

// records has a conforming finding on every item and control, and
// majors more major nonconformities on 8.8.
func records(t testing.TB, majors int) audit.Records {
	var cl []iso27001.ClauseID
	for cc := range iso27001.Latest().Children(iso27001.ClauseID{}) {
		cl = append(cl, cc.ID)
	}
	r := &audit.Records{Programme: programme(t)}
	r.Programme.Audits = append(r.Programme.Audits, audit.Audit{ID: "ALL", Kind: audit.Internal, Start: d("2026-03-02"),
		End: d("2026-03-06"), Scope: audit.Scope{Clauses: cl, Controls: c("5.1", "8.8")}, Auditors: []audit.Auditor{{Name: "Ana"}}})
	add := func(f audit.Finding) {
		f.ID, f.Audit, f.Auditor, f.Date = fmt.Sprint("F-", len(r.Findings)+1), "ALL", "Ana", d("2026-03-03")
		r.Findings = append(r.Findings, f)
	}
	for it := range iso27001.Latest().Items() {
		if !it.Note {
			add(audit.Finding{Item: it.ID, Result: audit.Conforming})
		}
	}
	add(audit.Finding{Control: c("5.1")[0], Result: audit.Conforming})
	for range majors {
		add(audit.Finding{Control: c("8.8")[0], Result: audit.Major, Statement: "No patching for 3 months."})
	}
	return *r
}

// testSoA includes 5.1 and 8.8 and excludes every other control.
func testSoA(t testing.TB) soa.SoA {
	var src soa.Sources
	for id := range iso27002.Catalog2022().IDs() {
		if id.String() == "5.1" || id.String() == "8.8" {
			src.Decisions = append(src.Decisions, soa.Decision{Control: id, Applicability: soa.Included,
				Reasons: []soa.Reason{{Kind: soa.BestPractice}}, Status: soa.Implemented})
		} else {
			src.Decisions = append(src.Decisions, soa.Decision{Control: id, Applicability: soa.Excluded, Justification: "Out of scope."})
		}
	}
	s, err := soa.Generate(soa.Input{Header: soa.Header{Organization: "Acme", Version: "1", Date: d("2026-01-05")}, Sources: src})
	require.NoError(t, err)
	return s
}

// isms are ISMS records whose one approved document evidences every item
// that asks for documented information.
func isms() iso27001.Records {
	doc := iso27001.Document{ID: "ISMS-1", Title: "ISMS manual", Approved: d("2026-01-05"), ApprovedBy: "CEO", ReviewDue: d("2027-01-05")}
	for it := range iso27001.Latest().DocumentedInformation() {
		doc.Evidences = append(doc.Evidences, it.ID)
	}
	return iso27001.Records{Edition: iso27001.Edition2022, Amendments: []iso27001.Amendment{iso27001.Amd1of2024},
		Organization: "Acme", Documents: []iso27001.Document{doc}}
}

func documents(t testing.TB, majors int) audit.Documents {
	return audit.Documents{SoA: testSoA(t), ISMS: isms(), Audit: records(t, majors)}
}

// register has R1, rated critical, and R2, rated low, with the given
// controls on R1.
func register(r1 ...risk.AppliedControl) risk.Register {
	return risk.Register{Name: "Acme risks", Criteria: risk.Standard5x5(), Risks: []risk.Risk{
		{ID: "R1", Title: "Ransomware", Owner: "CFO", Likelihood: 4, Impact: 5, Controls: r1, Treatment: risk.Treatment{Option: risk.Modify}},
		{ID: "R2", Title: "Minor", Owner: "CTO", Likelihood: 1, Impact: 1, Treatment: risk.Treatment{Option: risk.Retain}},
	}}
}

func TestPassing(t *testing.T) {
	treated := register(risk.AppliedControl{Control: c("8.13")[0], Status: risk.Implemented})
	planned := register()
	planned.Risks[0].Treatment.Plan = []risk.Action{{ID: "A1", Title: "Backups", Owner: "CTO", Status: risk.ActionPlanned, Due: day, Controls: c("8.13")}}
	accepted := register()
	accepted.Risks[1].Acceptances = []risk.Acceptance{{By: "CTO", At: d("2025-07-01")}, {By: "CTO", At: d("2026-07-01")}}
	f := run(func(ft testing.TB) {
		assert.True(t, audittest.AssertCovers(ft, programme(t), basis))
		assert.True(t, audittest.AssertValidRecords(ft, records(t, 0), basis))
		assert.True(t, audittest.AssertNoOpenMajor(ft, records(t, 0), day))
		assert.True(t, audittest.AssertReady(ft, documents(t, 0), day))
		assert.True(t, audittest.AssertValidSoA(ft, testSoA(t), soa.ValidateOptions{}))
		assert.True(t, audittest.AssertHighRisksTreated(ft, treated, "high"))
		assert.True(t, audittest.AssertHighRisksTreated(ft, planned, "high"), "a plan action's control treats the risk")
		assert.True(t, audittest.AssertCorrectiveActions(ft, records(t, 0), audit.Minor))
		assert.True(t, audittest.AssertNoAcceptanceOlderThan(ft, accepted, day, 12), "the acceptance in force is the last one dated on or before asOf")
		assert.True(t, audittest.AssertNo(ft, nil, ismskit.ErrMissing))
		assert.True(t, audittest.AssertNo(ft, testSoA(t).Validate(soa.ValidateOptions{}), soa.ErrExcludedRiskControl))
		audittest.RequireReady(ft, documents(t, 0), day)
		audittest.RequireCovers(ft, programme(t), basis)
		audittest.RequireNoOpenMajor(ft, records(t, 0), day)
		audittest.RequireValidRecords(ft, records(t, 0), basis)
		audittest.RequireValidSoA(ft, testSoA(t), soa.ValidateOptions{})
		audittest.RequireHighRisksTreated(ft, treated, "high")
		audittest.RequireCorrectiveActions(ft, records(t, 0), audit.Major)
		audittest.RequireNoAcceptanceOlderThan(ft, accepted, day, 12)
		audittest.RequireNo(ft, nil, ismskit.ErrMissing)
	})
	assert.Empty(t, f.msgs)
	assert.False(t, f.failedNow)
}

func TestFailures(t *testing.T) {
	tests := []struct {
		name string
		fn   func(t testing.TB) bool
		want []string
		not  []string
	}{
		{"covers", func(ft testing.TB) bool {
			p := programme(t)
			p.Audits[0].Scope.Controls = nil
			return audittest.AssertCovers(ft, p, basis)
		}, []string{"audit programme 2026-01-05 to 2029-01-04 does not cover everything: 2 gaps:", "  controls 5 (1):",
			`    controls["5.1"]: never audited in the cycle`,
			`    controls["8.8"]: audited less often than required for a high-risk area: 2 of 3 audits`}, nil},
		{"records", func(ft testing.TB) bool {
			r := records(t, 0)
			r.Findings[0].Control = c("5.2")[0]
			r.Findings[1].Auditor = "Zed"
			return audittest.AssertValidRecords(ft, r, basis)
		}, []string{"audit records are not valid: 2 problems:", "  names neither or both of item and control (1):", "    findings[0] (F-1): names neither or both of item and control",
			"  unknown reference (1):", `    findings[1].auditor (F-2): unknown reference: "Zed" is not an auditor of audit ALL`}, nil},
		{"one open major", func(ft testing.TB) bool { return audittest.AssertNoOpenMajor(ft, records(t, 1), day) },
			[]string{"1 major nonconformity open as of 2026-06-01:", `findings["F-158"]: 8.8 in audit ALL on 2026-03-03: No patching for 3 months.`},
			[]string{"nonconformities"}},
		{"two open majors", func(ft testing.TB) bool { return audittest.AssertNoOpenMajor(ft, records(t, 2), day) },
			[]string{"2 major nonconformities open as of 2026-06-01:", `findings["F-159"]`}, nil},
		{"ready", func(ft testing.TB) bool {
			docs := documents(t, 1)
			docs.ISMS = iso27001.Records{}
			docs.SoA.Entries[1].Justification = ""
			return audittest.AssertReady(ft, docs, day)
		}, []string{"not ready for certification as of 2026-06-01 (overall score 99.4%): 3 reasons:",
			"  Open major nonconformity (1):", "    F-158: major nonconformity F-158 against 8.8",
			"  No gap analysis (1):", "    no gap analysis was given",
			"  Invalid Statement of Applicability (1):", "    5.2: the Statement of Applicability does not validate: entries[1]"}, nil},
		{"ready with invalid records", func(ft testing.TB) bool {
			docs := documents(t, 0)
			docs.Audit.Findings[0].Date = d("2020-01-01")
			return audittest.AssertReady(ft, docs, day)
		}, []string{"readiness cannot be evaluated: 1 problem:", "audit.findings[0].date (F-1): dates out of order"}, []string{"problems"}},
		{"SoA", func(ft testing.TB) bool {
			s, err := soa.Generate(soa.Input{Header: soa.Header{Organization: "Acme", Version: "2", Date: day}})
			require.NoError(t, err)
			return audittest.AssertValidSoA(ft, s, soa.ValidateOptions{})
		}, []string{`SoA "Acme" version "2" is not valid: 93 problems:`, "entries[0]", "    and 83 more"}, nil},
		{"unaccepted risk", func(ft testing.TB) bool {
			reg := register()
			reg.Risks[0].Treatment.Option = risk.Retain
			return audittest.AssertNoUnacceptedRisk(ft, reg, day)
		}, []string{`register "Acme risks" has 1 risk above the acceptance criteria`, `risks["R1"]: residual critical above limit medium, owner CFO`},
			[]string{"1 risks"}},
		{"high risk untreated", func(ft testing.TB) bool {
			return audittest.AssertHighRisksTreated(ft, register(), "high")
		}, []string{`register "Acme risks" has 1 risk rated high or above without an Annex A control:`,
			`risks["R1"] Ransomware: inherent critical, owner CFO, treated by no control`}, []string{"R2"}},
		{"high risk treated by own controls only", func(ft testing.TB) bool {
			reg := register(risk.AppliedControl{Control: iso27002.MustParse("cloud:CLOUD-1"), Status: risk.Implemented})
			reg.Risks[0].Treatment.Plan = []risk.Action{{ID: "A1", Title: "Backups", Owner: "CTO", Status: risk.ActionCancelled, Controls: c("8.13")}}
			return audittest.AssertHighRisksTreated(ft, reg, "critical")
		}, []string{"treated by only cloud:CLOUD-1"}, []string{"8.13"}},
		{"unknown level", func(ft testing.TB) bool {
			return audittest.AssertHighRisksTreated(ft, register(), "critical+")
		}, []string{`have no level "critical+" (levels: low, medium, high, critical)`}, nil},
		{"major without action", func(ft testing.TB) bool {
			return audittest.AssertCorrectiveActions(ft, records(t, 1), audit.Major)
		}, []string{"1 major nonconformity without a corrective action:", "  Major nonconformity (1):", `findings["F-158"]`}, nil},
		{"nonconformities without action", func(ft testing.TB) bool {
			r := records(t, 2)
			r.Findings[0].Result, r.Findings[0].Statement = audit.Minor, "Late."
			ca, err := audit.Raise("CA-1", r.Findings[len(r.Findings)-1], day, "Ana")
			require.NoError(t, err)
			r.Actions = []audit.CorrectiveAction{ca}
			return audittest.AssertCorrectiveActions(ft, r, audit.Minor)
		}, []string{"2 nonconformities without a corrective action:", "  Minor nonconformity (1):", "  Major nonconformity (1):", `findings["F-158"]`},
			[]string{"F-159"}},
		{"stale acceptance", func(ft testing.TB) bool {
			reg := register()
			reg.Risks[0].Acceptances = []risk.Acceptance{{By: "CFO", At: d("2025-05-31")}}
			reg.Risks[1].Acceptances = []risk.Acceptance{{By: "CTO", At: d("2025-06-01")}}
			return audittest.AssertNoAcceptanceOlderThan(ft, reg, day, 12)
		}, []string{`register "Acme risks" has 1 acceptance older than 12 months (before 2025-06-01) as of 2026-06-01:`,
			`risks["R1"] Ransomware: accepted by CFO on 2025-05-31`}, []string{"R2"}},
		{"one month", func(ft testing.TB) bool {
			reg := register()
			reg.Risks[0].Acceptances = []risk.Acceptance{{By: "CFO", At: d("2026-04-30")}}
			return audittest.AssertNoAcceptanceOlderThan(ft, reg, day, 1)
		}, []string{"older than 1 month (before 2026-05-01)"}, nil},
		{"one kind", func(ft testing.TB) bool {
			r := records(t, 0)
			r.Findings[0].Auditor, r.Findings[1].Auditor, r.Findings[2].Date = "", "", ismskit.Date{}
			return audittest.AssertNo(ft, r.Validate(basis), ismskit.ErrMissing)
		}, []string{`3 problems of kind "missing value":`, "findings[0].auditor (F-1): missing value", "findings[2].date (F-3)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ok bool
			f := run(func(ft testing.TB) { ok = tt.fn(ft) })
			assert.False(t, ok)
			assert.False(t, f.failedNow, "Assert does not stop the test")
			require.Len(t, f.msgs, 1)
			for _, w := range tt.want {
				assert.Contains(t, f.text(), w)
			}
			for _, w := range tt.not {
				assert.NotContains(t, f.text(), w)
			}
		})
	}
}

// TestSummarised shows that a long failure lists at most MaxLines lines a
// group and says how many more there are, grouped by clause.
func TestSummarised(t *testing.T) {
	p := programme(t)
	p.Audits = p.Audits[:1]
	f := run(func(ft testing.TB) { audittest.AssertCovers(ft, p, basis) })
	require.Len(t, f.msgs, 1)
	msg := f.text()
	assert.Contains(t, msg, "does not cover everything: more than 100 gaps:")
	for _, group := range []string{"  clause 6 (23):", "  clause 7 (25):", "  clause 8 (8):", "  clause 10 (11):"} {
		assert.Contains(t, msg, group)
	}
	assert.Contains(t, msg, "    and 13 more")
	assert.Contains(t, msg, "  and 3 more problems")
	assert.NotContains(t, msg, "other")
	assert.Less(t, strings.Count(msg, "\n"), 20+7*(audittest.MaxLines+2), "at most MaxLines lines, a heading and a summary a group")
	assert.NotContains(t, msg, "clause 4 (", "clause 4 is covered")
}

func TestZeroAndNil(t *testing.T) {
	var zeroReg risk.Register
	tests := []struct {
		name string
		fn   func(t testing.TB) bool
		want string
	}{
		{"no register to accept", func(ft testing.TB) bool { return audittest.AssertNoUnacceptedRisk(ft, zeroReg, day) }, "no risk register"},
		{"no register to treat", func(ft testing.TB) bool { return audittest.AssertHighRisksTreated(ft, zeroReg, "high") }, "no risk register"},
		{"no register for acceptances", func(ft testing.TB) bool { return audittest.AssertNoAcceptanceOlderThan(ft, zeroReg, day, 12) }, "no risk register"},
		{"no as-of", func(ft testing.TB) bool {
			return audittest.AssertNoAcceptanceOlderThan(ft, register(), ismskit.Date{}, 12)
		}, "needs an as-of date"},
		{"no months", func(ft testing.TB) bool { return audittest.AssertNoAcceptanceOlderThan(ft, register(), day, 0) }, "at least 1 month, not 0"},
		{"no programme", func(ft testing.TB) bool { return audittest.AssertCovers(ft, audit.Programme{}, basis) }, "no audit programme"},
		{"no records", func(ft testing.TB) bool { return audittest.AssertNoOpenMajor(ft, audit.Records{}, day) }, "no audit records"},
		{"no records to action", func(ft testing.TB) bool { return audittest.AssertCorrectiveActions(ft, audit.Records{}, audit.Major) }, "no audit records"},
		{"no severity", func(ft testing.TB) bool { return audittest.AssertCorrectiveActions(ft, records(t, 0), 0) }, "takes audit.Major or audit.Minor"},
		{"observation is no severity", func(ft testing.TB) bool {
			return audittest.AssertCorrectiveActions(ft, records(t, 0), audit.Observation)
		}, `not "Observation"`},
		{"invalid records", func(ft testing.TB) bool { return audittest.AssertValidRecords(ft, audit.Records{}, audit.Basis{}) }, "programme.cycleStart: missing value"},
		{"no documents", func(ft testing.TB) bool { return audittest.AssertReady(ft, audit.Documents{}, ismskit.Date{}) }, "asOf: missing value"},
		{"no SoA", func(ft testing.TB) bool { return audittest.AssertValidSoA(ft, soa.SoA{}, soa.ValidateOptions{}) }, "is not valid"},
		{"no kind", func(ft testing.TB) bool { return audittest.AssertNo(ft, ismskit.ErrMissing, nil) }, "needs a kind of problem"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ok bool
			f := run(func(ft testing.TB) { ok = tt.fn(ft) })
			assert.False(t, ok)
			assert.Contains(t, f.text(), tt.want)
		})
	}
}

func TestRequireStops(t *testing.T) {
	reached := false
	f := run(func(ft testing.TB) {
		audittest.RequireNoOpenMajor(ft, records(t, 1), day)
		reached = true
	})
	assert.True(t, f.failedNow)
	assert.False(t, reached, "the test stops at the failed requirement")
	for _, fn := range []func(testing.TB){
		func(ft testing.TB) { audittest.RequireCovers(ft, audit.Programme{}, basis) },
		func(ft testing.TB) { audittest.RequireValidRecords(ft, audit.Records{}, basis) },
		func(ft testing.TB) { audittest.RequireReady(ft, audit.Documents{}, day) },
		func(ft testing.TB) { audittest.RequireValidSoA(ft, soa.SoA{}, soa.ValidateOptions{}) },
		func(ft testing.TB) {
			audittest.RequireNoUnacceptedRisk(ft, risk.Register{Criteria: risk.Standard5x5(), Risks: []risk.Risk{{ID: "R", Likelihood: 9}}}, day)
		},
		func(ft testing.TB) { audittest.RequireHighRisksTreated(ft, register(), "high") },
		func(ft testing.TB) { audittest.RequireCorrectiveActions(ft, records(t, 1), audit.Major) },
		func(ft testing.TB) { audittest.RequireNoAcceptanceOlderThan(ft, register(), day, 0) },
		func(ft testing.TB) { audittest.RequireNo(ft, ismskit.ErrMissing, ismskit.ErrMissing) },
	} {
		f := run(fn)
		assert.True(t, f.failedNow)
		assert.Len(t, f.msgs, 1)
	}
}

// TestNilT shows that a nil testing.TB makes every assertion return false
// without a panic: it has nowhere to report to.
func TestNilT(t *testing.T) {
	assert.NotPanics(t, func() {
		assert.False(t, audittest.AssertNoOpenMajor(nil, records(t, 1), day))
		assert.False(t, audittest.AssertNo(nil, nil, ismskit.ErrMissing))
		audittest.RequireNoOpenMajor(nil, records(t, 1), day)
		audittest.RequireReady(nil, audit.Documents{}, day)
	})
}
