package monitor

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
)

var asOf = ismskit.MustParseDate("2026-11-28")

func d(s string) ismskit.Date { return ismskit.MustParseDate(s) }

// sampleRecords is the built-in metrics, three of them linked to
// objectives, with five months of results before the checks of
// 2026-11-28.
func sampleRecords(t testing.TB) Records {
	t.Helper()
	ms := Builtin()
	for i := range ms {
		switch ms[i].ID {
		case "fixable-vulnerabilities":
			ms[i].Objectives = []string{"OBJ-1"}
		case "restore-tests-passed":
			ms[i].Objectives = []string{"OBJ-2"}
		case "training-coverage", "mfa-coverage":
			ms[i].Objectives = []string{"OBJ-3"}
		}
	}
	hist := map[string][]float64{
		"mfa-coverage":               {66.7, 66.7, 80, 83.3, 66.7},
		"unused-credentials":         {5, 4, 4, 3, 2},
		"fixable-vulnerabilities":    {12, 11, 9, 9, 9},
		"training-coverage":          {40, 45, 50, 50, 50},
		"access-reviews-on-time":     {66.7, 66.7, 66.7, 33.3, 33.3},
		"restore-tests-passed":       {66.7, 66.7, 33.3, 33.3, 33.3},
		"suppliers-assessed":         {50, 50, 50, 50, 50},
		"incidents-closed-in-target": {100, 100, 66.7, 66.7, 50},
	}
	days := []string{"2026-06-20", "2026-07-20", "2026-08-20", "2026-09-20", "2026-10-20"}
	r := Records{Organization: "Nimbus Ledger B.V. (fictional)", Metrics: ms}
	for _, m := range ms {
		for i, v := range hist[m.ID] {
			r.Results = append(r.Results, Measurement{Metric: m.ID, Date: d(days[i]), Value: v, By: "Security engineer"})
		}
	}
	return r
}

// checkResults runs the built-in checks on the sample evidence of
// package checks.
func checkResults(t testing.TB) []checks.Result {
	t.Helper()
	res, err := checks.Builtin().Run(osDirFS("../checks/testdata"), asOf)
	require.NoError(t, err)
	return res
}
