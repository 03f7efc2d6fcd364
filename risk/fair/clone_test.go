package fair

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestScenarioClone(t *testing.T) {
	lef, lm := Fixed(1), Estimate{Dist: Empirical, Values: []float64{1, 2}}
	slm := Estimate{Dist: Histogram, Bins: []Bin{{Low: 1, High: 2, Weight: 1}}}
	orig := func() Scenario {
		l, m, s := lef, lm, slm
		m.Values = []float64{1, 2}
		s.Bins = []Bin{{Low: 1, High: 2, Weight: 1}}
		return Scenario{Name: "s", Nodes: Nodes{LEF: &l, LM: &m, Secondary: []SecondaryLoss{{Form: "fines", SLM: &s}}},
			Extensions: Extensions{"a": []any{map[string]any{"b": 1.0}}}}
	}
	s := orig()
	c := s.Clone()
	assert.Equal(t, s, c)
	c.LEF.Value = 9
	c.LM.Values[0] = 9
	c.Secondary[0].SLM.Bins[0].Low = 9
	c.Secondary[0].Form = "x"
	c.Extensions["a"].([]any)[0].(map[string]any)["b"] = 2.0
	assert.Equal(t, orig(), s, "the clone shares nothing with its original")
	assert.Equal(t, Scenario{}, Scenario{}.Clone())
}
