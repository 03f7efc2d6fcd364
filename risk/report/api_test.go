package report

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/risk"
)

// TestAPI: every exported type marshals with encoding/json and decodes
// back equal, its zero value included; no exported function or method
// panics on zero arguments.
func TestAPI(t *testing.T) {
	d := sampleDocument(t)
	c, err := d.Content()
	require.NoError(t, err)
	var noAction Action
	for _, a := range c.Plan {
		if a.NoAction {
			noAction = a
			break
		}
	}
	small := Document{Register: risk.Register{Name: "x", Criteria: risk.Standard3x3()}, Version: "1", AsOf: asOf,
		Letterhead: ismskit.Letterhead{Classification: "Internal"}}
	apitest.JSON(t, ".",
		Document{}, small,
		Content{}, c,
		Risk{}, c.Risks[0],
		Rated{}, c.Risks[0].Residual,
		Action{}, c.Plan[0], noAction,
		Control{}, c.Plan[0].Controls[0],
		Summary{}, c.Summary,
		LevelCount{}, c.Summary.Levels[0],
	)
	apitest.ZeroCalls(t, ".", map[string]any{}, Document{}, Content{}, Risk{}, Rated{}, Action{}, Control{}, Summary{}, LevelCount{})
}
