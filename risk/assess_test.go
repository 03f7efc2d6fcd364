package risk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

func TestReduce(t *testing.T) {
	tests := []struct {
		v    int
		f    float64
		want int
	}{
		{1, 0, 1},      // never below the lowest level
		{5, 1, 5},      // no effect
		{5, 0, 1},      // full effect
		{5, 0.5, 3},    // 1 + 4*0.5
		{4, 0.5, 3},    // 1 + 1.5, a half rounds upwards
		{4, 0.25, 2},   // 1 + 0.75
		{5, 0.75, 4},   // 1 + 3
		{3, 0.7, 2},    // 1 + 1.4
		{5, 0.625, 4},  // 1 + 2.5 -> 4
		{10, 0.05, 1},  // 1 + 0.45
		{2, 0.5, 2},    // 1 + 0.5 -> 2
		{5, 0.375, 3},  // 1 + 1.5 -> 3
		{5, 0.49, 3},   // 1 + 1.96
		{5, 1.5, 5},    // a fraction above 1 never raises
		{3, 0.7499, 2}, // 1 + 1.4998
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, reduce(tt.v, tt.f), "reduce(%d, %g)", tt.v, tt.f)
	}
}

func TestAssess(t *testing.T) {
	c5 := iso27002.MustParse("5.15")
	c8 := iso27002.MustParse("8.5")
	custom := iso27002.MustParse("acme:drill")
	tests := []struct {
		name                     string
		risk                     Risk
		inherent, current, resid [2]int
		levels                   [3]string
	}{
		{
			name:     "no controls",
			risk:     Risk{ID: "r", Likelihood: 4, Impact: 4},
			inherent: [2]int{4, 4}, current: [2]int{4, 4}, resid: [2]int{4, 4},
			levels: [3]string{"high", "high", "high"},
		},
		{
			name: "implemented likelihood, planned impact",
			risk: Risk{ID: "r", Likelihood: 5, Impact: 5, Controls: []AppliedControl{
				{Control: c5, Status: Implemented, LikelihoodEffect: 50},
				{Control: c8, Status: Planned, ImpactEffect: 50},
			}},
			inherent: [2]int{5, 5}, current: [2]int{3, 5}, resid: [2]int{3, 3},
			levels: [3]string{"critical", "high", "medium"},
		},
		{
			name: "two 50% controls combine to 75%",
			risk: Risk{ID: "r", Likelihood: 5, Impact: 3, Controls: []AppliedControl{
				{Control: c5, Status: Implemented, LikelihoodEffect: 50},
				{Control: custom, Status: Implemented, LikelihoodEffect: 50},
			}},
			inherent: [2]int{5, 3}, current: [2]int{2, 3}, resid: [2]int{2, 3},
			levels: [3]string{"high", "medium", "medium"},
		},
		{
			name: "residual starts from a stated current risk",
			risk: Risk{ID: "r", Likelihood: 5, Impact: 5, Current: &Estimate{Likelihood: 3, Impact: 5}, Controls: []AppliedControl{
				{Control: c8, Status: Planned, LikelihoodEffect: 50},
			}},
			inherent: [2]int{5, 5}, current: [2]int{3, 5}, resid: [2]int{2, 5},
			levels: [3]string{"critical", "high", "high"},
		},
		{
			name:     "stated residual wins",
			risk:     Risk{ID: "r", Likelihood: 3, Impact: 3, Residual: &Estimate{Likelihood: 1, Impact: 1}},
			inherent: [2]int{3, 3}, current: [2]int{3, 3}, resid: [2]int{1, 1},
			levels: [3]string{"medium", "medium", "low"},
		},
		{
			name: "per-property impact: the highest counts",
			risk: Risk{ID: "r", Likelihood: 2, Impact: 2, Properties: []Property{Confidentiality, Availability}, PropertyImpacts: []PropertyImpact{
				{Property: Confidentiality, Impact: 5}, {Property: Availability, Impact: 3},
			}},
			inherent: [2]int{2, 5}, current: [2]int{2, 5}, resid: [2]int{2, 5},
			levels: [3]string{"high", "high", "high"},
		},
		{
			name: "full effect reaches the lowest level",
			risk: Risk{ID: "r", Likelihood: 5, Impact: 2, Controls: []AppliedControl{
				{Control: c5, Status: Planned, LikelihoodEffect: 100},
			}},
			inherent: [2]int{5, 2}, current: [2]int{5, 2}, resid: [2]int{1, 2},
			levels: [3]string{"high", "high", "low"},
		},
	}
	a, err := NewAssessor(Standard5x5())
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := a.Assess(tt.risk)
			require.NoError(t, err)
			assert.Equal(t, tt.inherent, [2]int{got.Inherent.Likelihood, got.Inherent.Impact}, "inherent")
			assert.Equal(t, tt.current, [2]int{got.Current.Likelihood, got.Current.Impact}, "current")
			assert.Equal(t, tt.resid, [2]int{got.Residual.Likelihood, got.Residual.Impact}, "residual")
			assert.Equal(t, tt.levels, [3]string{got.Inherent.Level, got.Current.Level, got.Residual.Level})
			assert.Equal(t, got.Inherent.Likelihood*got.Inherent.Impact, got.Inherent.Score)
			assert.Equal(t, CriteriaRef{ID: "standard-5x5", Version: "1"}, got.Criteria)
			assert.Equal(t, "r", got.RiskID)
			assert.Equal(t, got.Residual, got.Rating(Residual))
			assert.Equal(t, got.Current, got.Rating(Current))
			assert.Equal(t, got.Inherent, got.Rating(Inherent))
		})
	}
}

func TestAssessErrors(t *testing.T) {
	a, err := NewAssessor(Standard5x5())
	require.NoError(t, err)
	r := Risk{
		ID: "r", Likelihood: 7, Impact: 0,
		PropertyImpacts: []PropertyImpact{{Property: Integrity, Impact: 6}},
		Controls:        []AppliedControl{{Control: iso27002.MustParse("5.1"), Status: Planned, LikelihoodEffect: 120, ImpactEffect: -1}},
		Current:         &Estimate{Likelihood: 0, Impact: 3},
		Residual:        &Estimate{Likelihood: 2, Impact: 9},
	}
	_, err = a.Assess(r)
	requireFieldErr(t, err, "likelihood", ismskit.ErrOutOfRange)
	requireFieldErr(t, err, "propertyImpacts[0].impact", ismskit.ErrOutOfRange)
	requireFieldErr(t, err, "controls[0].likelihoodEffect", ismskit.ErrOutOfRange)
	requireFieldErr(t, err, "controls[0].impactEffect", ismskit.ErrOutOfRange)
	requireFieldErr(t, err, "current.likelihood", ismskit.ErrOutOfRange)
	requireFieldErr(t, err, "residual.impact", ismskit.ErrOutOfRange)
	assert.Len(t, fieldErrors(err), 6)

	_, err = a.Assess(Risk{ID: "r", Likelihood: 1})
	requireFieldErr(t, err, "impact", ismskit.ErrOutOfRange)
	assert.EqualError(t, err, "impact: 0 is outside the scale 1..5")

	_, err = NewAssessor(Criteria{})
	require.ErrorIs(t, err, ismskit.ErrMissing)
	require.ErrorIs(t, err, ErrInvalidCriteria)
}

func TestAcceptanceLimit(t *testing.T) {
	c := Standard5x5() // default limit: medium
	c.Acceptance.Appetite = []Appetite{
		{AssetCategory: "customer-data", MaxLevel: "low"},
		{BusinessUnit: "research", MaxLevel: "high"},
		{BusinessUnit: "research", AssetCategory: "lab", MaxLevel: "critical"},
	}
	assets := []Asset{{ID: "db", Category: "customer-data"}, {ID: "gpu", Category: "lab"}, {ID: "web"}}
	a, err := NewAssessor(c, assets...)
	require.NoError(t, err)
	tests := []struct {
		name   string
		bu     string
		assets []string
		want   string
	}{
		{"default", "", []string{"web"}, "medium"},
		{"category", "", []string{"db"}, "low"},
		{"business unit looser", "research", []string{"web"}, "high"},
		{"pair", "research", []string{"gpu"}, "high"}, // the bu-only appetite also matches; strictest wins
		{"strictest wins", "research", []string{"db", "gpu"}, "low"},
		{"category alone does not match the pair", "", []string{"gpu"}, "medium"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := a.Assess(Risk{ID: "r", BusinessUnit: tt.bu, Assets: tt.assets, Likelihood: 5, Impact: 5})
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Limit)
			assert.Equal(t, got.Residual.Rank > got.LimitRank, got.AboveCriteria())
		})
	}
}

func TestAssessorCopiesCriteria(t *testing.T) {
	c := Standard4x4()
	a, err := NewAssessor(c)
	require.NoError(t, err)
	c.Matrix.Cells[0][0] = "critical"
	c.RiskLevels[0].Label = "changed"
	got := a.Criteria()
	assert.Equal(t, "low", got.Matrix.Cells[0][0])
	assert.Equal(t, "Low", got.RiskLevels[0].Label)
	got.Matrix.Cells[1][1] = "critical"
	assert.Equal(t, Standard4x4(), a.Criteria())
	r, err := a.Rate(1, 1)
	require.NoError(t, err)
	assert.Equal(t, "low", r.Level)
}

func TestAssessRegister(t *testing.T) {
	reg := testRegister()
	as, err := AssessRegister(reg)
	require.NoError(t, err)
	require.Len(t, as, 3)
	assert.Equal(t, "R-1", as[0].RiskID)
	assert.Equal(t, "low", as[0].Limit) // customer-data appetite
	assert.Equal(t, [2]int{4, 3}, [2]int{as[0].Current.Likelihood, as[0].Current.Impact})
	assert.Equal(t, [2]int{3, 3}, [2]int{as[0].Residual.Likelihood, as[0].Residual.Impact})

	reg.Risks[1].Likelihood = 9
	as, err = AssessRegister(reg)
	requireFieldErr(t, err, "risks[1].likelihood", ismskit.ErrOutOfRange)
	assert.Len(t, as, 2, "the other risks are still assessed")

	reg.Criteria.Version = ""
	as, err = AssessRegister(reg)
	requireFieldErr(t, err, "criteria.version", ismskit.ErrMissing)
	assert.Nil(t, as)
}

func TestAssessAllocs(t *testing.T) {
	reg := loadSample(t)
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	require.NoError(t, err)
	r := reg.Risks[0]
	allocs := testing.AllocsPerRun(100, func() {
		sinkAssessment, _ = a.Assess(r)
	})
	assert.Zero(t, allocs)
}

// TestAssessDeterministic: the same register gives the same result on
// every run.
func TestAssessDeterministic(t *testing.T) {
	reg := loadSample(t)
	first, err := AssessRegister(reg)
	require.NoError(t, err)
	for range 5 {
		again, err := AssessRegister(reg)
		require.NoError(t, err)
		require.Equal(t, first, again)
	}
}
