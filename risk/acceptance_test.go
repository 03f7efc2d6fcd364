package risk

import (
	"slices"
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
	as, err := a.Assess(r)
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
			got, rec := AcceptanceOf(r, as, tt.asOf)
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

	gaps, err = NeedingAcceptance(testRegister(), ismskit.Date{})
	require.ErrorIs(t, err, ismskit.ErrMissing, "the date matters and nothing reads the clock")
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
	as, err := a.Assess(r)
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
	st, _ := AcceptanceOf(r2, as, day("2026-02-01"))
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
	assert.False(t, PlanApproved(r, day("2026-01-01")))
	r.Approvals = []Approval{{By: "cto", At: day("2026-01-10")}}
	assert.False(t, PlanApproved(r, day("2026-01-09")), "not yet given")
	assert.True(t, PlanApproved(r, day("2026-01-10")))
	r.Owner = "ciso"
	assert.False(t, PlanApproved(r, day("2026-02-01")), "the owner changed")
}

func TestAcceptanceMaxAge(t *testing.T) {
	reg := testRegister()
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	require.NoError(t, err)
	r := reg.Risks[0]
	as, err := a.Assess(r)
	require.NoError(t, err)
	accept := func(at, expires string) []Acceptance {
		ac := Acceptance{By: "cto", At: day(at), Criteria: as.Criteria, Likelihood: as.Residual.Likelihood, Impact: as.Residual.Impact, Level: as.Residual.Level}
		if expires != "" {
			ac.Expires = day(expires)
		}
		return []Acceptance{ac}
	}
	tests := []struct {
		name        string
		maxAge      int
		at, expires string
		asOf        string
		want        AcceptanceStatus
	}{
		{"no maximum", 0, "2020-01-10", "", "2026-06-01", AcceptanceValid},
		{"within 12 months", 12, "2026-01-10", "", "2027-01-09", AcceptanceValid},
		{"12 months to the day", 12, "2026-01-10", "", "2027-01-10", AcceptanceTooOld},
		{"older", 12, "2024-01-10", "", "2026-06-01", AcceptanceTooOld},
		{"month end: the last day of February", 1, "2026-01-31", "", "2026-02-27", AcceptanceValid},
		{"month end: from the last day of February", 1, "2026-01-31", "", "2026-02-28", AcceptanceTooOld},
		{"its own expiry comes first", 12, "2026-01-10", "2026-03-01", "2026-03-01", AcceptanceExpired},
		{"expired and too old: expired", 1, "2026-01-10", "2026-02-01", "2026-06-01", AcceptanceExpired},
		{"an expiry after the maximum age does not help", 6, "2026-01-10", "2030-01-01", "2026-07-10", AcceptanceTooOld},
		{"beyond the last date is no maximum", MaxAcceptanceAge, "9950-01-10", "", "9999-12-31", AcceptanceValid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asm := as
			asm.AcceptanceMaxAgeMonths = tt.maxAge
			r.Acceptances = accept(tt.at, tt.expires)
			got, rec := AcceptanceOf(r, asm, day(tt.asOf))
			assert.Equal(t, tt.want, got)
			require.NotNil(t, rec)
		})
	}

	// the criteria carry the maximum age into every assessment
	reg.Criteria.Acceptance.MaxAgeMonths = 12
	reg.Criteria.Acceptance.Appetite = nil // R-1's residual is then acceptable only with a record
	reg.Criteria.Acceptance.MaxLevel = "low"
	as2, err := AssessRegister(reg)
	require.NoError(t, err)
	assert.Equal(t, 12, as2[0].AcceptanceMaxAgeMonths)
	reg.Risks[0], err = reg.Risks[0].Accept("cto", day("2026-01-10"), as2[0], ismskit.Date{}, "")
	require.NoError(t, err)
	un, err := NeedingAcceptance(reg, day("2026-12-01"))
	require.NoError(t, err)
	assert.NotContains(t, riskIDs(un), "R-1")
	un, err = NeedingAcceptance(reg, day("2027-01-10"))
	require.NoError(t, err)
	require.Contains(t, riskIDs(un), "R-1")
	assert.Equal(t, AcceptanceTooOld, un[slices.Index(riskIDs(un), "R-1")].Status)
}

func riskIDs(us []Unaccepted) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.RiskID)
	}
	return out
}

func TestMaxAgeValidated(t *testing.T) {
	for _, tt := range []struct {
		months int
		ok     bool
	}{{0, true}, {12, true}, {MaxAcceptanceAge, true}, {-1, false}, {MaxAcceptanceAge + 1, false}} {
		c := Standard5x5()
		c.Acceptance.MaxAgeMonths = tt.months
		if tt.ok {
			assert.NoError(t, c.Validate(), "%d", tt.months)
		} else {
			requireFieldErr(t, c.Validate(), "acceptance.maxAgeMonths", ismskit.ErrOutOfRange)
		}
	}
}
