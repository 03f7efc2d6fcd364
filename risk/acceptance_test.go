package risk

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAcceptanceOf(t *testing.T) {
	reg := testRegister()
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	require.NoError(t, err)
	r := reg.Risks[0]
	as, err := a.Assess(&r)
	require.NoError(t, err)
	ok := Acceptance{By: "cto", At: day("2026-01-10"), Criteria: as.Criteria, Likelihood: as.Residual.Likelihood, Impact: as.Residual.Impact, Level: as.Residual.Level, Expires: day("2027-01-10")}
	tests := []struct {
		name   string
		recs   func() []Acceptance
		asOf   ismskit.Date
		want   AcceptanceStatus
		wantAt ismskit.Date
	}{
		{"none", func() []Acceptance { return nil }, day("2026-06-01"), NoAcceptance, ismskit.Date{}},
		{"valid", func() []Acceptance { return []Acceptance{ok} }, day("2026-06-01"), AcceptanceValid, ok.At},
		{"not yet made", func() []Acceptance { return []Acceptance{ok} }, day("2026-01-09"), NoAcceptance, ismskit.Date{}},
		{"expired", func() []Acceptance { return []Acceptance{ok} }, day("2027-01-10"), AcceptanceExpired, ok.At},
		{"stale likelihood", func() []Acceptance { x := ok; x.Likelihood++; return []Acceptance{x} }, day("2026-06-01"), AcceptanceStale, ok.At},
		{"stale level", func() []Acceptance { x := ok; x.Level = "low"; return []Acceptance{x} }, day("2026-06-01"), AcceptanceStale, ok.At},
		{"stale criteria", func() []Acceptance { x := ok; x.Criteria.Version = "0"; return []Acceptance{x} }, day("2026-06-01"), AcceptanceStale, ok.At},
		{"not by owner", func() []Acceptance { x := ok; x.By = "ceo"; return []Acceptance{x} }, day("2026-06-01"), AcceptanceNotByOwner, ok.At},
		{"the last one counts", func() []Acceptance {
			old := ok
			old.At = day("2025-01-01")
			old.Impact = 1
			return []Acceptance{old, ok}
		}, day("2026-06-01"), AcceptanceValid, ok.At},
		{"a later stale one overrides", func() []Acceptance {
			x := ok
			x.At = day("2026-03-01")
			x.Level = "critical"
			return []Acceptance{ok, x}
		}, day("2026-06-01"), AcceptanceStale, day("2026-03-01")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r.Acceptances = tt.recs()
			got, rec := AcceptanceOf(&r, as, tt.asOf)
			assert.Equal(t, tt.want, got)
			if tt.wantAt.IsZero() {
				assert.Nil(t, rec)
			} else {
				require.NotNil(t, rec)
				assert.Equal(t, tt.wantAt, rec.At)
			}
		})
	}
}

func TestNeedingAcceptanceSample(t *testing.T) {
	reg := loadSample(t)
	gaps, err := NeedingAcceptance(reg, day("2026-11-28"))
	require.NoError(t, err)
	got := map[string]AcceptanceStatus{}
	var order []string
	for _, g := range gaps {
		got[g.RiskID] = g.Status
		order = append(order, g.RiskID)
		assert.NotEmpty(t, g.Owner)
	}
	// hold valid acceptances
	assert.NotContains(t, got, "R-09")
	assert.NotContains(t, got, "R-30")
	assert.NotContains(t, got, "R-28")
	assert.Equal(t, AcceptanceStale, got["R-06"])
	assert.Equal(t, AcceptanceExpired, got["R-20"])
	assert.Equal(t, AcceptanceNotByOwner, got["R-29"])
	assert.Equal(t, NoAcceptance, got["R-13"])
	// priority order: the high residual risks come first
	assert.Equal(t, []string{"R-06", "R-13"}, order[:2]) // high, score 10, then by ID

	// before R-20's acceptance expired it was valid
	gaps, err = NeedingAcceptance(reg, day("2026-05-01"))
	require.NoError(t, err)
	for _, g := range gaps {
		assert.NotEqual(t, "R-20", g.RiskID)
	}
}

func TestNeedingAcceptanceErrors(t *testing.T) {
	reg := testRegister()
	reg.Criteria.ID = ""
	gaps, err := NeedingAcceptance(reg, day("2026-01-01"))
	require.ErrorIs(t, err, ismskit.ErrMissing)
	assert.Nil(t, gaps)

	reg = testRegister()
	reg.Risks[1].Likelihood = 0
	gaps, err = NeedingAcceptance(reg, day("2026-01-01"))
	requireFieldErr(t, err, "risks[1].likelihood", ismskit.ErrOutOfRange)
	require.Len(t, gaps, 1, "the risks that could be assessed are still listed")
	assert.Equal(t, "R-1", gaps[0].RiskID)
}

func TestApproveAndAccept(t *testing.T) {
	reg := testRegister()
	r := reg.Risks[0]
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	require.NoError(t, err)
	as, err := a.Assess(&r)
	require.NoError(t, err)

	r1, err := r.Approve(Approval{By: "cto", At: day("2026-01-01")})
	require.NoError(t, err)
	assert.Len(t, r1.Approvals, 1)
	assert.Empty(t, r.Approvals, "the original is not modified")
	_, err = r1.Approve(Approval{By: "cto", At: day("2025-12-01")})
	requireFieldErr(t, err, "at", ismskit.ErrDateOrder)
	_, err = r1.Approve(Approval{})
	requireFieldErr(t, err, "by", ismskit.ErrMissing)
	requireFieldErr(t, err, "at", ismskit.ErrMissing)

	r2, err := r1.Accept("cto", day("2026-01-02"), as, day("2026-07-01"), "ok")
	require.NoError(t, err)
	require.Len(t, r2.Acceptances, 1)
	st, _ := AcceptanceOf(&r2, as, day("2026-02-01"))
	assert.Equal(t, AcceptanceValid, st)
	assert.Empty(t, r1.Acceptances)

	_, err = r2.Accept("cto", day("2026-01-01"), as, ismskit.Date{}, "")
	requireFieldErr(t, err, "at", ismskit.ErrDateOrder)
	_, err = r2.Accept("", ismskit.Date{}, Assessment{RiskID: "other"}, day("2020-01-01"), "")
	requireFieldErr(t, err, "by", ismskit.ErrMissing)
	requireFieldErr(t, err, "at", ismskit.ErrMissing)
	requireFieldErr(t, err, "riskId", ismskit.ErrInconsistent)
	_, err = r2.Accept("cto", day("2026-03-01"), as, day("2026-03-01"), "")
	requireFieldErr(t, err, "expires", ismskit.ErrDateOrder)

	// appending to a copy never writes into the other copy's array
	r3, err := r2.Accept("cto", day("2026-03-01"), as, ismskit.Date{}, "a")
	require.NoError(t, err)
	r4, err := r2.Accept("cto", day("2026-03-02"), as, ismskit.Date{}, "b")
	require.NoError(t, err)
	assert.Equal(t, "a", r3.Acceptances[1].Comment)
	assert.Equal(t, "b", r4.Acceptances[1].Comment)
}

func TestCheckHistory(t *testing.T) {
	prev := loadSample(t)
	require.NoError(t, CheckHistory(prev, prev))

	next := loadSample(t)
	r, err := next.Risks[0].Approve(Approval{By: "CTO", At: day("2026-06-01")})
	require.NoError(t, err)
	next.Risks[0] = r
	next.Risks[0], next.Risks[1] = next.Risks[1], next.Risks[0] // order may change
	require.NoError(t, CheckHistory(prev, next), "appending is allowed")

	edited := loadSample(t)
	edited.Risks[8].Acceptances[0].Level = "medium"
	edited.Risks[1].Approvals = nil
	err = CheckHistory(prev, edited)
	requireFieldErr(t, err, "risks[8].acceptances[0]", ErrHistoryRewritten)
	requireFieldErr(t, err, "risks[1].approvals[0]", ErrHistoryRewritten)

	removed := loadSample(t)
	removed.Risks = removed.Risks[1:] // R-01 had an approval
	err = CheckHistory(prev, removed)
	requireFieldErr(t, err, "risks[0]", ErrHistoryRewritten)
}

func TestPlanApproved(t *testing.T) {
	r := Risk{ID: "r", Owner: "cto"}
	assert.False(t, PlanApproved(&r, day("2026-01-01")))
	r.Approvals = []Approval{{By: "cto", At: day("2026-01-10")}}
	assert.False(t, PlanApproved(&r, day("2026-01-09")), "not yet given")
	assert.True(t, PlanApproved(&r, day("2026-01-10")))
	r.Owner = "ciso"
	assert.False(t, PlanApproved(&r, day("2026-02-01")), "the owner changed")
}
