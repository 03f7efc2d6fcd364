package report

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/risk/fair"
)

// TestAPI: every exported type marshals with encoding/json and decodes
// back equal, its zero value included; no exported function or method
// panics on zero arguments.
func TestAPI(t *testing.T) {
	lef, lm := fair.ClassicPERT(0.1, 0.5, 2), fair.LogNormal90(1e4, 1e6)
	a := fair.Analysis{Name: "x", Iterations: 1000, Seed: 1, Mode: fair.Rate,
		Scenarios: []fair.Scenario{{Name: "s", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}}}
	apitest.JSON(t, ".",
		Document{},
		Document{Analysis: a, Organisation: "Example", Version: "1", Date: ismskit.NewDate(2026, 12, 4), Currency: "EUR",
			Letterhead: ismskit.Letterhead{Classification: "Internal"}},
	)
	apitest.ZeroCalls(t, ".", map[string]any{}, Document{})
}
