package audit

import (
	"math"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"

	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func allControls(cat *iso27002.Catalog) []iso27002.ControlID {
	var out []iso27002.ControlID
	for id := range cat.IDs() {
		out = append(out, id)
	}
	return out
}

func TestPlanCoversEverything(t *testing.T) {
	all2022 := allControls(iso27002.Catalog2022())
	tests := []struct {
		name      string
		basis     Basis
		slots     int
		highRisk  int
		wantTimes int // audits per high-risk control
		auditors  []Auditor
	}{
		{"one slot", testBasis(), 1, 0, 1, nil},
		{"three slots", testBasis(), 3, 0, 3, nil},
		{"six slots default", testBasis(), 6, 0, 3, nil},
		{"six slots twice", testBasis(), 6, 2, 2, nil},
		{"more wanted than slots", testBasis(), 2, 5, 2, nil},
		{"whole Annex A", Basis{Applicable: all2022, HighRisk: ids("5.15", "8.24", "8.34")}, 4, 0, 3, nil},
		{"no SoA", Basis{}, 3, 0, 0, nil},
		{"more slots than clauses", Basis{Applicable: ids("5.1")}, 40, 0, 0, nil},
		{"2013 edition", Basis{Standard: iso27001.MustNew(iso27001.Edition2013), Catalog: iso27002.Catalog2013(),
			Applicable: allControls(iso27002.Catalog2013()), HighRisk: ids("A.12.6.1")}, 3, 0, 3, []Auditor{{Name: "X"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.auditors == nil {
				tt.auditors = testAuditors
			}
			p, err := Plan(PlanOptions{Basis: tt.basis, CycleStart: d("2026-01-05"), Slots: slots(t, d("2026-01-05"), tt.slots, 2),
				Auditors: tt.auditors, HighRiskAudits: tt.highRisk})
			require.NoError(t, err)
			require.Len(t, p.Audits, tt.slots)
			require.NoError(t, p.CheckCoverage(tt.basis))
			require.NoError(t, (&Records{Programme: p}).Validate(tt.basis), "a planned programme validates")
			c, err := p.Coverage(tt.basis)
			require.NoError(t, err)
			assert.Empty(t, c.Uncovered())
			for _, ct := range c.Controls {
				if ct.HighRisk {
					assert.Len(t, ct.Audits, tt.wantTimes, "high-risk %s", ct.Control)
				} else {
					assert.Len(t, ct.Audits, 1, "%s", ct.Control)
				}
			}
			for _, it := range c.Items {
				assert.Len(t, it.Audits, 1, "%s", it.Item)
			}
			for _, a := range p.Audits {
				for _, au := range a.Auditors {
					assert.True(t, au.Independent(a.Scope), "%s audits %s", au.Name, a.ID)
				}
				assert.True(t, a.Auditors[0].Lead)
			}
			again, err := Plan(PlanOptions{Basis: tt.basis, CycleStart: d("2026-01-05"), Slots: slots(t, d("2026-01-05"), tt.slots, 2),
				Auditors: tt.auditors, HighRiskAudits: tt.highRisk})
			require.NoError(t, err)
			assert.Equal(t, p, again, "deterministic")
		})
	}
}

func TestPlanGolden(t *testing.T) {
	r := &Records{Programme: testProgramme(t)}
	b, err := EncodeRecords(*r)
	require.NoError(t, err)
	golden(t, "programme.json", b)
}

func TestPlanCompactsWholeClauses(t *testing.T) {
	p := testProgramme(t)
	assert.Equal(t, []iso27001.ClauseID{iso27001.MustParseClauseID("4"), iso27001.MustParseClauseID("5"),
		iso27001.MustParseClauseID("6.1.1"), iso27001.MustParseClauseID("6.1.2")}, p.Audits[0].Scope.Clauses)
}

func TestPlanSharesAuditors(t *testing.T) {
	p, err := Plan(PlanOptions{Basis: Basis{}, CycleStart: d("2026-01-05"), Slots: slots(t, d("2026-01-05"), 3, 1),
		Auditors: []Auditor{{Name: "A"}, {Name: "B"}, {Name: "C"}}, AuditorsPerAudit: 2})
	require.NoError(t, err)
	var got []string
	for _, a := range p.Audits {
		got = append(got, a.Auditors[0].Name+"+"+a.Auditors[1].Name)
		assert.True(t, a.Auditors[0].Lead)
		assert.False(t, a.Auditors[1].Lead)
	}
	assert.Equal(t, []string{"A+B", "B+C", "C+A"}, got)
}

func TestPlanErrors(t *testing.T) {
	good := func() PlanOptions {
		return PlanOptions{Basis: testBasis(), CycleStart: d("2026-01-05"), Slots: slots(t, d("2026-01-05"), 3, 2), Auditors: testAuditors}
	}
	tests := []struct {
		name   string
		mutate func(*PlanOptions)
		want   []string // "path: sentinel"
		kinds  []error
	}{
		{"empty", func(o *PlanOptions) { *o = PlanOptions{} }, []string{"cycleStart", "slots", "auditors"}, []error{ismskit.ErrMissing}},
		{"negative counts", func(o *PlanOptions) { o.AuditorsPerAudit, o.HighRiskAudits = -1, -2 },
			[]string{"auditorsPerAudit", "highRiskAudits"}, []error{ismskit.ErrOutOfRange}},
		{"bad basis", func(o *PlanOptions) {
			o.Basis.HighRisk = ids("5.2")
			o.Basis.Applicable = append(o.Basis.Applicable, ids("A.5.1.1")...)
		},
			[]string{"basis.applicable[10]", "basis.highRisk[0]"}, []error{ismskit.ErrUnknownControl, ErrNotInSoA}},
		{"slot dates", func(o *PlanOptions) {
			o.Slots[1].End = d("2027-01-01")
			o.Slots[2].Start, o.Slots[2].End = d("2029-06-01"), d("2029-06-02")
			o.Slots[0].ID = ""
		}, []string{"slots[0].id", "slots[1].end", "slots[2].end"}, []error{ismskit.ErrMissing, ismskit.ErrDateOrder}},
		{"slots out of order", func(o *PlanOptions) { o.Slots[0], o.Slots[1] = o.Slots[1], o.Slots[0] }, []string{"slots[1].start"}, []error{ismskit.ErrDateOrder}},
		{"duplicate slot", func(o *PlanOptions) { o.Slots[2].ID = o.Slots[0].ID }, []string{"slots[2].id"}, []error{ismskit.ErrDuplicateID}},
		{"nobody independent", func(o *PlanOptions) {
			o.Auditors = []Auditor{{Name: "Z", Responsible: Scope{Clauses: []iso27001.ClauseID{iso27001.MustParseClauseID("9")}}}}
		}, []string{"slots[2]"}, []error{ErrNoIndependentAuditor}},
		{"auditor responsible for unknown clause", func(o *PlanOptions) {
			o.Auditors = append(o.Auditors, Auditor{Responsible: Scope{Clauses: []iso27001.ClauseID{iso27001.MustParseClauseID("7.6")}}})
		}, []string{"auditors[3].name", "auditors[3].responsible.clauses[0]"}, []error{ismskit.ErrMissing, iso27001.ErrUnknownItem}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := good()
			tt.mutate(&o)
			p, err := Plan(o)
			require.Error(t, err)
			assert.Zero(t, p)
			paths := errPaths(err)
			for _, w := range tt.want {
				assert.Contains(t, paths, w)
			}
			for _, k := range tt.kinds {
				assert.ErrorIs(t, err, k)
			}
		})
	}
}

// errPaths returns the paths of every *ismskit.Error inside err.
func errPaths(err error) []string {
	return fielderr.Paths(err)
}

func TestEvenSlots(t *testing.T) {
	s := slots(t, d("2026-01-31"), 6, 3)
	var got []string
	for _, x := range s {
		got = append(got, x.ID+" "+x.Start.String()+".."+x.End.String())
	}
	assert.Equal(t, []string{
		"IA-1 2026-01-31..2026-02-02", "IA-2 2026-07-31..2026-08-02", "IA-3 2027-01-31..2027-02-02",
		"IA-4 2027-07-31..2027-08-02", "IA-5 2028-01-31..2028-02-02", "IA-6 2028-07-31..2028-08-02",
	}, got)
	assert.Len(t, slots(t, d("2026-01-01"), MaxCycleDays, MaxCycleDays), MaxCycleDays)
	assert.Equal(t, d("2026-01-31"), slots(t, d("2026-01-31"), 1, 1)[0].End, "one day")
}

func TestEvenSlotsLimits(t *testing.T) {
	tests := []struct {
		name    string
		start   ismskit.Date
		n, days int
		path    string
		kind    error
	}{
		{"no slot", d("2026-01-01"), 0, 1, "n", ismskit.ErrOutOfRange},
		{"negative count", d("2026-01-01"), -5, 1, "n", ismskit.ErrOutOfRange},
		{"a billion slots", d("2026-01-01"), 1e9, 1, "n", ismskit.ErrTooLarge},
		{"MaxInt slots", d("2026-01-01"), math.MaxInt, 1, "n", ismskit.ErrTooLarge},
		{"one slot too many", d("2026-01-01"), MaxCycleDays + 1, 1, "n", ismskit.ErrTooLarge},
		{"zero days", d("2026-01-01"), 3, 0, "days", ismskit.ErrOutOfRange},
		{"MinInt days", d("2026-01-01"), 3, math.MinInt, "days", ismskit.ErrOutOfRange},
		{"days longer than a cycle", d("2026-01-01"), 3, MaxCycleDays + 1, "days", ismskit.ErrTooLarge},
		{"no start", ismskit.Date{}, 3, 1, "cycleStart", ismskit.ErrMissing},
		{"after 9999", d("9999-06-01"), 3, 1, "cycleStart", ismskit.ErrOutOfRange},
		{"slot ends after 9999", d("9996-12-31"), 3, 2, "cycleStart", ismskit.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EvenSlots(tt.start, tt.n, tt.days)
			assert.Nil(t, got)
			require.ErrorIs(t, err, tt.kind)
			assert.Equal(t, []string{tt.path}, errPaths(err))
		})
	}
}

func TestCoverageReportsGaps(t *testing.T) {
	b := testBasis()
	p := testProgramme(t)
	// Drop 5.7 from its only audit, 8.8 from two of its three audits and
	// clause 4 from the first audit.
	a0 := &p.Audits[0]
	a0.Scope.Clauses = a0.Scope.Clauses[1:]
	a0.Scope.Controls = ids("5.1", "5.15", "5.23", "8.13")
	p.Audits[1].Scope.Controls = ids("6.3", "7.1", "8.13")
	err := p.CheckCoverage(b)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrNotCovered)
	assert.ErrorIs(t, err, ErrUnderAudited)
	paths := errPaths(err)
	assert.Contains(t, paths, `items["4.1.p1"]`)
	assert.Contains(t, paths, `items["4.3.p2"]`)
	assert.Contains(t, paths, `controls["5.7"]`)
	assert.Contains(t, paths, `controls["8.8"]`)
	assert.Contains(t, err.Error(), `controls["8.8"]: audited less often than required for a high-risk area: 1 of 3 audits`)
	c, err := p.Coverage(b)
	require.NoError(t, err)
	u := c.Uncovered()
	assert.Contains(t, u, "5.7")
	assert.Contains(t, u, "4.3.p2")
	assert.NotContains(t, u, "8.8")
	assert.True(t, strings.HasPrefix(u[0], "4."), "items first")
	// Certification body audits do not count.
	p.Audits = append(p.Audits, Audit{ID: "S1", Kind: Surveillance, Start: d("2027-01-01"), End: d("2027-01-01"),
		Scope: Scope{Clauses: []iso27001.ClauseID{iso27001.MustParseClauseID("4")}, Controls: ids("5.7")}, Auditors: []Auditor{{Name: "CB"}}})
	c, err = p.Coverage(b)
	require.NoError(t, err)
	assert.Contains(t, c.Uncovered(), "5.7")
	_, err = p.Coverage(Basis{HighRisk: ids("5.1"), Applicable: ids("5.2")})
	assert.ErrorIs(t, err, ErrNotInSoA)
	assert.ErrorIs(t, p.CheckCoverage(Basis{Applicable: ids("A.5.1.1")}), ismskit.ErrUnknownControl)
}

func TestScopeOverlap(t *testing.T) {
	c := iso27001.MustParseClauseID
	s := Scope{Clauses: []iso27001.ClauseID{c("9")}, Controls: ids("5.1"), Sites: []string{"Lyon"}, Processes: []string{"Payroll"}}
	tests := []struct {
		name string
		o    Scope
		want []string
	}{
		{"none", Scope{Clauses: []iso27001.ClauseID{c("8")}, Controls: ids("5.2"), Sites: []string{"Oslo"}}, nil},
		{"subclause", Scope{Clauses: []iso27001.ClauseID{c("9.2.2")}}, []string{"clause 9.2.2"}},
		{"parent clause", Scope{Clauses: []iso27001.ClauseID{c("4"), c("9.1")}}, []string{"clause 9.1"}},
		{"all kinds", Scope{Controls: ids("5.1"), Sites: []string{"Lyon"}, Processes: []string{"Payroll"}},
			[]string{"control 5.1", "site Lyon", "process Payroll"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, s.Overlap(tt.o))
			assert.Equal(t, tt.want == nil, Auditor{Responsible: s}.Independent(tt.o))
		})
	}
	assert.True(t, Scope{}.IsZero())
	assert.False(t, s.IsZero())
}

// flatten returns the leaves of a tree of joined errors.
func flatten(err error) []error {
	return fielderr.Flatten(err)
}
