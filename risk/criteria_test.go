package risk

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStandardCriteriaValid(t *testing.T) {
	for _, c := range []Criteria{Standard3x3(), Standard4x4(), Standard5x5()} {
		t.Run(c.ID, func(t *testing.T) {
			require.NoError(t, c.Validate())
			n := len(c.Likelihood.Levels)
			assert.Len(t, c.Matrix.Cells, n)
			// the corner cells are the lowest and the highest level
			assert.Equal(t, c.RiskLevels[0].ID, c.Matrix.Cells[0][0])
			assert.Equal(t, c.RiskLevels[len(c.RiskLevels)-1].ID, c.Matrix.Cells[n-1][n-1])
		})
	}
	assert.Equal(t, "standard-5x5@1", Standard5x5().Ref().String())
}

func TestProductMatrix(t *testing.T) {
	m, err := ProductMatrix(3, 4, []string{"low", "medium", "high"}, []int{1, 4, 8})
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"low", "low", "low", "medium"},
		{"low", "medium", "medium", "high"},
		{"low", "medium", "high", "high"},
	}, m.Cells)
	assert.Equal(t, [][]int{{1, 2, 3, 4}, {2, 4, 6, 8}, {3, 6, 9, 12}}, m.Scores)
}

func TestSumMatrix(t *testing.T) {
	m, err := SumMatrix(3, 3, []string{"low", "high"}, []int{2, 5})
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"low", "low", "low"}, {"low", "low", "high"}, {"low", "high", "high"}}, m.Cells)
	assert.Equal(t, 6, m.Scores[2][2])
}

func TestMatrixBuilderErrors(t *testing.T) {
	tests := []struct {
		name       string
		nl, ni     int
		levels     []string
		thresholds []int
	}{
		{"too small", 2, 3, []string{"a"}, []int{1}},
		{"too large", 3, 11, []string{"a"}, []int{1}},
		{"count mismatch", 3, 3, []string{"a", "b"}, []int{1}},
		{"no levels", 3, 3, nil, nil},
		{"not increasing", 3, 3, []string{"a", "b"}, []int{3, 3}},
		{"first above lowest", 3, 3, []string{"a", "b"}, []int{2, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ProductMatrix(tt.nl, tt.ni, tt.levels, tt.thresholds)
			require.ErrorIs(t, err, ErrInvalidCriteria)
		})
	}
}

func TestCriteriaValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(c *Criteria)
		path   string
		kind   error
	}{
		{"no id", func(c *Criteria) { c.ID = "" }, "id", ismskit.ErrMissing},
		{"no version", func(c *Criteria) { c.Version = "" }, "version", ismskit.ErrMissing},
		{"scale too short", func(c *Criteria) { c.Likelihood.Levels = c.Likelihood.Levels[:2] }, "likelihood.levels", ErrInvalidCriteria},
		{"scale too long", func(c *Criteria) {
			for i := 6; i <= 11; i++ {
				c.Impact.Levels = append(c.Impact.Levels, ScaleLevel{Value: i, Label: "x"})
			}
		}, "impact.levels", ErrInvalidCriteria},
		{"value out of order", func(c *Criteria) { c.Impact.Levels[1].Value = 7 }, "impact.levels[1].value", ErrInvalidCriteria},
		{"no label", func(c *Criteria) { c.Impact.Levels[2].Label = "" }, "impact.levels[2].label", ismskit.ErrMissing},
		{"band reversed", func(c *Criteria) {
			lo, hi := 10.0, 1.0
			c.Impact.Levels[0].Band = &Band{Min: &lo, Max: &hi}
		}, "impact.levels[0].band", ErrInvalidCriteria},
		{"one level", func(c *Criteria) { c.RiskLevels = c.RiskLevels[:1] }, "riskLevels", ErrInvalidCriteria},
		{"duplicate level", func(c *Criteria) { c.RiskLevels[1].ID = "low" }, "riskLevels[1].id", ismskit.ErrDuplicateID},
		{"level without id", func(c *Criteria) { c.RiskLevels[1].ID = "" }, "riskLevels[1].id", ismskit.ErrMissing},
		{"level without label", func(c *Criteria) { c.RiskLevels[1].Label = "" }, "riskLevels[1].label", ismskit.ErrMissing},
		{"bad colour", func(c *Criteria) { c.RiskLevels[0].Colour = "green" }, "riskLevels[0].colour", ErrInvalidCriteria},
		{"unused level", func(c *Criteria) {
			c.RiskLevels = append(c.RiskLevels, Level{ID: "extreme", Label: "Extreme", Colour: "#000000"})
		}, "riskLevels[4]", ErrInvalidCriteria},
		{"matrix rows", func(c *Criteria) { c.Matrix.Cells = c.Matrix.Cells[:4] }, "matrix.cells", ErrInvalidCriteria},
		{"matrix columns", func(c *Criteria) { c.Matrix.Cells[2] = c.Matrix.Cells[2][:3] }, "matrix.cells[2]", ErrInvalidCriteria},
		{"matrix unknown level", func(c *Criteria) { c.Matrix.Cells[0][1] = "tiny" }, "matrix.cells[0][1]", ismskit.ErrUnknownReference},
		{"scores rows", func(c *Criteria) { c.Matrix.Scores = c.Matrix.Scores[:1] }, "matrix.scores", ErrInvalidCriteria},
		{"scores columns", func(c *Criteria) { c.Matrix.Scores[4] = nil }, "matrix.scores[4]", ErrInvalidCriteria},
		{"no max level", func(c *Criteria) { c.Acceptance.MaxLevel = "" }, "acceptance.maxLevel", ismskit.ErrMissing},
		{"unknown max level", func(c *Criteria) { c.Acceptance.MaxLevel = "tiny" }, "acceptance.maxLevel", ismskit.ErrUnknownReference},
		{"appetite matches all", func(c *Criteria) { c.Acceptance.Appetite = []Appetite{{MaxLevel: "low"}} }, "acceptance.appetite[0]", ismskit.ErrMissing},
		{"too many appetites", func(c *Criteria) {
			for i := range 65 {
				c.Acceptance.Appetite = append(c.Acceptance.Appetite, Appetite{BusinessUnit: fmt.Sprint("bu", i), MaxLevel: "low"})
			}
		}, "acceptance.appetite", ErrInvalidCriteria},
		{"appetite unknown level", func(c *Criteria) {
			c.Acceptance.Appetite = []Appetite{{BusinessUnit: "x", MaxLevel: "tiny"}}
		}, "acceptance.appetite[0].maxLevel", ismskit.ErrUnknownReference},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Standard5x5()
			tt.mutate(&c)
			err := c.Validate()
			requireFieldErr(t, err, tt.path, tt.kind)
		})
	}
}

func TestCriteriaValidateReportsEverything(t *testing.T) {
	c := Standard5x5()
	c.ID, c.Version = "", ""
	c.RiskLevels[0].Colour = "red"
	err := c.Validate()
	assert.Len(t, fieldErrors(err), 3)
}

func TestNonSquareMatrix(t *testing.T) {
	c := Standard5x5()
	c.Likelihood = scale("Likelihood", "Low", "Medium", "High")
	m, err := SumMatrix(3, 5, []string{"low", "medium", "high", "critical"}, []int{2, 4, 6, 8})
	require.NoError(t, err)
	c.Matrix = m
	a, err := NewAssessor(c)
	require.NoError(t, err)
	r, err := a.Rate(3, 5)
	require.NoError(t, err)
	assert.Equal(t, Rating{Likelihood: 3, Impact: 5, Level: "critical", Rank: 3, Score: 8}, r)
	_, err = a.Rate(4, 1)
	requireFieldErr(t, err, "likelihood", ismskit.ErrOutOfRange)
	assert.EqualError(t, err, "likelihood: 4 is outside the scale 1..3")
}

func TestDecodeCriteria(t *testing.T) {
	data, err := json.Marshal(Standard3x3())
	require.NoError(t, err)
	c, err := DecodeCriteria(data)
	require.NoError(t, err)
	assert.Equal(t, Standard3x3(), c)

	_, err = DecodeCriteria([]byte(`{"id":"x","versoin":"1"}`))
	requireFieldErr(t, err, "versoin", ismskit.ErrUnknownField)
}

func TestScaleLabel(t *testing.T) {
	s := Standard4x4().Impact
	assert.Equal(t, 4, s.Len())
	assert.Equal(t, "Minor", s.Label(1))
	assert.Equal(t, "Severe", s.Label(4))
	assert.Empty(t, s.Label(0))
	assert.Empty(t, s.Label(5))
}
