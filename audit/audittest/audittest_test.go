package audittest_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/audittest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	wg.Add(1)
	go func() {
		defer wg.Done()
		fn(f)
	}()
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
)

func programme(t *testing.T) audit.Programme {
	p, err := audit.Plan(audit.PlanOptions{Basis: basis, CycleStart: ismskit.MustParseDate("2026-01-05"),
		Slots: audit.EvenSlots(ismskit.MustParseDate("2026-01-05"), 3, 5), Auditors: []audit.Auditor{{Name: "Ana"}}})
	require.NoError(t, err)
	return p
}

// records has a conforming finding on every item and control, and
// optionally a major nonconformity on 8.8.
func records(t *testing.T, major bool) audit.Records {
	var cl []iso27001.ClauseID
	for cc := range iso27001.Latest().Children(iso27001.ClauseID{}) {
		cl = append(cl, cc.ID)
	}
	r := &audit.Records{Programme: programme(t)}
	r.Programme.Audits = append(r.Programme.Audits, audit.Audit{ID: "ALL", Kind: audit.Internal, Start: ismskit.MustParseDate("2026-03-02"),
		End: ismskit.MustParseDate("2026-03-06"), Scope: audit.Scope{Clauses: cl, Controls: c("5.1", "8.8")}, Auditors: []audit.Auditor{{Name: "Ana"}}})
	add := func(f audit.Finding) {
		f.ID, f.Audit, f.Auditor, f.Date = fmt.Sprint("F-", len(r.Findings)+1), "ALL", "Ana", ismskit.MustParseDate("2026-03-03")
		r.Findings = append(r.Findings, f)
	}
	for it := range iso27001.Latest().Items() {
		if !it.Note {
			add(audit.Finding{Item: it.ID, Result: audit.Conforming})
		}
	}
	add(audit.Finding{Control: c("5.1")[0], Result: audit.Conforming})
	if major {
		add(audit.Finding{Control: c("8.8")[0], Result: audit.Major, Statement: "No patching for 3 months."})
	}
	return *r
}

func TestPassing(t *testing.T) {
	f := run(func(ft testing.TB) {
		assert.True(t, audittest.AssertCovers(ft, programme(t), basis))
		assert.True(t, audittest.AssertValidRecords(ft, records(t, false), basis))
		assert.True(t, audittest.AssertNoOpenMajor(ft, records(t, false), day))
		assert.True(t, audittest.AssertReady(ft, records(t, false), basis, audit.ReadinessInput{Gap: &iso27001.GapReport{}}, day))
		audittest.RequireReady(ft, records(t, false), basis, audit.ReadinessInput{Gap: &iso27001.GapReport{}}, day)
		audittest.RequireCovers(ft, programme(t), basis)
		audittest.RequireNoOpenMajor(ft, records(t, false), day)
		audittest.RequireValidRecords(ft, records(t, false), basis)
	})
	assert.Empty(t, f.msgs)
	assert.False(t, f.failedNow)
}

func TestFailures(t *testing.T) {
	tests := []struct {
		name string
		fn   func(t testing.TB) bool
		want []string
	}{
		{"covers", func(ft testing.TB) bool {
			p := programme(t)
			p.Audits[0].Scope.Controls = nil
			return audittest.AssertCovers(ft, p, basis)
		}, []string{"audit programme 2026-01-05 to 2029-01-04 does not cover everything:", `controls["5.1"]: never audited in the cycle`,
			`controls["8.8"]: audited less often than required for a high-risk area: 2 of 3 audits`}},
		{"records", func(ft testing.TB) bool {
			r := records(t, false)
			r.Findings[0].Control = c("5.2")[0]
			r.Findings[1].Auditor = "Zed"
			return audittest.AssertValidRecords(ft, r, basis)
		}, []string{"audit records are not valid:", "  findings[0]: names neither or both of item and control", `  findings[1].auditor: unknown reference: "Zed" is not an auditor of audit ALL`}},
		{"open major", func(ft testing.TB) bool { return audittest.AssertNoOpenMajor(ft, records(t, true), day) },
			[]string{"1 major nonconformities open as of 2026-06-01:", `findings["F-158"]: 8.8 in audit ALL on 2026-03-03: No patching for 3 months.`}},
		{"ready", func(ft testing.TB) bool {
			return audittest.AssertReady(ft, records(t, true), basis, audit.ReadinessInput{SoA: fmt.Errorf("entries[3].justification: required")}, day)
		}, []string{"not ready for certification as of 2026-06-01", "open-major-nonconformity F-158: major nonconformity F-158 against 8.8",
			"no-gap-analysis:", "invalid-soa: the Statement of Applicability does not validate: entries[3].justification: required"}},
		{"ready with invalid records", func(ft testing.TB) bool {
			r := records(t, false)
			r.Findings[0].Date = ismskit.MustParseDate("2020-01-01")
			return audittest.AssertReady(ft, r, basis, audit.ReadinessInput{}, day)
		}, []string{"readiness cannot be assessed", "findings[0].date: dates out of order"}},
		{"SoA", func(ft testing.TB) bool {
			s, err := soa.Generate(soa.Input{Header: soa.Header{Organization: "Acme", Version: "2", Date: day}})
			require.NoError(t, err)
			return audittest.AssertValidSoA(ft, s, soa.ValidateOptions{})
		}, []string{`SoA "Acme" version "2" is not valid:`, "entries[0]"}},
		{"unaccepted risk", func(ft testing.TB) bool {
			reg := risk.Register{Name: "Acme risks", Criteria: risk.Standard5x5(), Risks: []risk.Risk{
				{ID: "R1", Title: "Ransomware", Owner: "CFO", Likelihood: 4, Impact: 5, Treatment: risk.Treatment{Option: risk.Retain}},
				{ID: "R2", Title: "Minor", Owner: "CTO", Likelihood: 1, Impact: 1, Treatment: risk.Treatment{Option: risk.Retain}},
			}}
			return audittest.AssertNoUnacceptedRisk(ft, reg, day)
		}, []string{`register "Acme risks" has 1 risks above the acceptance criteria`, `risks["R1"]: residual critical above limit medium, owner CFO`}},
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
		})
	}
}

func TestRequireStops(t *testing.T) {
	reached := false
	f := run(func(ft testing.TB) {
		audittest.RequireNoOpenMajor(ft, records(t, true), day)
		reached = true
	})
	assert.True(t, f.failedNow)
	assert.False(t, reached, "the test stops at the failed requirement")
	for _, fn := range []func(testing.TB){
		func(ft testing.TB) { audittest.RequireCovers(ft, audit.Programme{}, basis) },
		func(ft testing.TB) { audittest.RequireValidRecords(ft, audit.Records{}, basis) },
		func(ft testing.TB) { audittest.RequireReady(ft, audit.Records{}, basis, audit.ReadinessInput{}, day) },
		func(ft testing.TB) { audittest.RequireValidSoA(ft, soa.SoA{}, soa.ValidateOptions{}) },
		func(ft testing.TB) {
			audittest.RequireNoUnacceptedRisk(ft, risk.Register{Criteria: risk.Standard5x5(), Risks: []risk.Risk{{ID: "R", Likelihood: 9}}}, day)
		},
	} {
		f := run(fn)
		assert.True(t, f.failedNow)
		assert.Len(t, f.msgs, 1)
	}
}
