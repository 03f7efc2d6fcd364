package risk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/iso27002"
)

func mk(id string, rank, score int) Assessment {
	r := Rating{Rank: rank, Score: score, Level: []string{"low", "medium", "high"}[rank]}
	return Assessment{RiskID: id, Inherent: r, Current: r, Residual: r}
}

func TestRank(t *testing.T) {
	in := []Assessment{mk("R-10", 1, 6), mk("R-2", 2, 9), mk("R-9", 1, 6), mk("R-1", 1, 8), mk("R-3", 0, 2), mk("R-4", 2, 9)}
	got := Rank(in, Residual)
	var ids []string
	var pos []int
	for _, r := range got {
		ids = append(ids, r.RiskID)
		pos = append(pos, r.Position)
	}
	assert.Equal(t, []string{"R-2", "R-4", "R-1", "R-9", "R-10", "R-3"}, ids, "level, score, then natural ID order")
	assert.Equal(t, []int{1, 1, 3, 4, 4, 6}, pos, "ties share a position")
	assert.Equal(t, "R-10", in[0].RiskID, "the input is not modified")

	sorted := append([]Assessment(nil), in...)
	SortAssessments(sorted, Inherent)
	for i := range sorted {
		assert.Equal(t, ids[i], sorted[i].RiskID)
	}
	assert.Negative(t, Compare(in[1], in[0], Residual))
	assert.Positive(t, Compare(in[0], in[1], Residual))
	assert.Zero(t, Compare(in[0], in[0], Residual))
	assert.Empty(t, Rank(nil, Residual))
}

func TestRankStages(t *testing.T) {
	a := Assessment{RiskID: "a", Inherent: Rating{Rank: 2, Score: 9}, Residual: Rating{Rank: 0, Score: 1}}
	b := Assessment{RiskID: "b", Inherent: Rating{Rank: 1, Score: 4}, Residual: Rating{Rank: 1, Score: 4}}
	assert.Equal(t, "a", Rank([]Assessment{b, a}, Inherent)[0].RiskID)
	assert.Equal(t, "b", Rank([]Assessment{a, b}, Residual)[0].RiskID)
}

func TestAggregate(t *testing.T) {
	reg := testRegister()
	reg.Risks[2].Controls = []AppliedControl{
		{Control: iso27002.MustParse("acme:waf"), Status: Implemented},
		{Control: iso27002.MustParse("A.13.1.1"), Status: Implemented},
		{Control: iso27002.MustParse("8.20"), Status: Planned},
	}
	as, err := AssessRegister(reg)
	require.NoError(t, err)

	byAsset := Aggregate(reg, as, ByAsset, Inherent)
	require.Len(t, byAsset, 2)
	assert.Equal(t, "db", byAsset[0].Key)
	assert.Equal(t, []string{"R-1"}, byAsset[0].Risks)
	assert.Equal(t, "critical", byAsset[0].MaxLevel)
	assert.Equal(t, "web", byAsset[1].Key)
	assert.Equal(t, []string{"R-2", "R-10"}, byAsset[1].Risks)
	assert.Equal(t, []int{1, 0, 1, 0}, byAsset[1].LevelCounts) // low 4, high 12
	assert.Equal(t, 16, byAsset[1].TotalScore)

	byOwner := Aggregate(reg, as, ByOwner, Residual)
	require.Len(t, byOwner, 2)
	assert.Equal(t, "cmo", byOwner[0].Key)
	assert.Equal(t, "cto", byOwner[1].Key)
	assert.Equal(t, []string{"R-1", "R-10"}, byOwner[1].Risks)

	byTheme := Aggregate(reg, as, ByTheme, Residual)
	var keys []string
	for _, g := range byTheme {
		keys = append(keys, g.Key)
	}
	assert.Equal(t, []string{"", "A.13", "acme:", "technological"}, keys)
	assert.Equal(t, []string{"R-2"}, byTheme[0].Risks, "risks without controls go under the empty key")
	assert.Equal(t, []string{"R-1", "R-10"}, byTheme[3].Risks, "R-1 counts once for two technological controls")

	byControl := Aggregate(reg, as, ByControl, Residual)
	keys = nil
	for _, g := range byControl {
		keys = append(keys, g.Key)
	}
	assert.Equal(t, []string{"", "8.7", "8.13", "8.20", "A.13.1.1", "acme:waf"}, keys)

	// assessments of unknown risks are ignored, risks without one left out
	partial := Aggregate(reg, []Assessment{as[0], {RiskID: "ghost"}}, ByOwner, Residual)
	require.Len(t, partial, 1)
	assert.Equal(t, []string{"R-1"}, partial[0].Risks)
}

func TestControlTheme(t *testing.T) {
	assert.Equal(t, "organizational", ControlTheme(iso27002.MustParse("5.1")))
	assert.Equal(t, "people", ControlTheme(iso27002.MustParse("6.3")))
	assert.Equal(t, "physical", ControlTheme(iso27002.MustParse("7.4")))
	assert.Equal(t, "A.9", ControlTheme(iso27002.MustParse("A.9.4.1")))
	assert.Equal(t, "nist:", ControlTheme(iso27002.MustParse("nist:ac-2")))
	assert.Equal(t, "custom", ControlTheme(iso27002.MustParse("CLOUD-1")))
	assert.Equal(t, "", ControlTheme(iso27002.ControlID{}))
}
