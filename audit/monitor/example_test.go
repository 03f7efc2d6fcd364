package monitor_test

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/iso27001"
)

// Measure the built-in metrics from the checks of an evidence folder,
// add the results to the history, and evaluate metrics and objectives.
func Example() {
	asOf := ismskit.MustParseDate("2026-11-28")
	metrics := monitor.Builtin()
	metrics[2].Objectives = []string{"OBJ-1"} // fixable-vulnerabilities
	records := monitor.Records{Metrics: metrics, Results: []monitor.Measurement{
		{Metric: "fixable-vulnerabilities", Date: ismskit.MustParseDate("2026-10-28"), Value: 9},
	}}

	results, err := checks.Builtin().Run(os.DirFS("../checks/testdata"), asOf)
	if err != nil {
		fmt.Println(err)
		return
	}
	records = records.Add(monitor.FromChecks(records.Metrics, results)...)
	evals, err := records.Evaluate(asOf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(evals[2].Summary)
	objectives := []iso27001.Objective{{ID: "OBJ-1", Description: "Patch what can be patched", Due: ismskit.MustParseDate("2027-03-31")}}
	for _, o := range monitor.EvaluateObjectives(objectives, evals, asOf) {
		fmt.Printf("%s: %s (%s)\n", o.Objective, o.Status, o.Reason)
	}
	// Output:
	// Fixable high and critical vulnerabilities: 5 on 2026-11-28, target <= 0 (warning up to 5): warning, improving from 9.
	// OBJ-1: At risk (short of the target: fixable-vulnerabilities)
}

// Evaluate one metric from its results over time.
func ExampleEvaluate() {
	m := monitor.Metric{ID: "phishing-clicks", Title: "Phishing simulation click rate", Unit: monitor.Percent,
		Frequency: checks.Monthly, Target: monitor.Target{Direction: monitor.LowerIsBetter, Value: 5, Threshold: 8, Tolerance: 0.5}}
	results := []monitor.Measurement{
		{Metric: "phishing-clicks", Date: ismskit.MustParseDate("2026-09-15"), Value: 9.5},
		{Metric: "phishing-clicks", Date: ismskit.MustParseDate("2026-10-15"), Value: 6.2},
	}
	ev := monitor.Evaluate(m, results, ismskit.MustParseDate("2026-11-28"))
	fmt.Println(ev.Status, ev.Trend, ev.Overdue)
	fmt.Println(ev.Summary)
	// Output:
	// Warning Improving true
	// Phishing simulation click rate: 6.2% on 2026-10-15, target <= 5 (warning up to 8): warning, improving from 9.5%; overdue since 2026-11-15.
}

// A metric definition must say what 9.1 asks for; Validate names what is
// missing.
func ExampleRecords_Validate() {
	r := monitor.Records{Metrics: []monitor.Metric{{ID: "m", Title: "Patch time", Unit: monitor.Days, Method: "Median days from advisory to deployed fix",
		Frequency: checks.Monthly, AnalysisFrequency: checks.Quarterly, Target: monitor.Target{Direction: monitor.LowerIsBetter, Value: 14, Threshold: 30}}}}
	fmt.Println(r.Validate())
	// Output:
	// metrics[0].measuredBy (m): missing value
	// metrics[0].analysedBy (m): missing value
}

// The built-in metrics, each computed from a built-in check.
func ExampleBuiltin() {
	for _, m := range monitor.Builtin() {
		fmt.Printf("%-27s %-8s %-33s %v\n", m.ID, m.Unit, m.Target, m.Controls)
	}
	// Output:
	// mfa-coverage                Percent  >= 100 (warning down to 95)       [5.17 8.5]
	// unused-credentials          Count    <= 0 (warning up to 2)            [5.16 5.18]
	// fixable-vulnerabilities     Count    <= 0 (warning up to 5)            [8.8]
	// training-coverage           Percent  >= 95 (warning down to 85)        [6.3]
	// access-reviews-on-time      Percent  >= 100 (warning down to 90)       [5.15 5.18]
	// restore-tests-passed        Percent  >= 100 (warning down to 90)       [5.30 8.13]
	// suppliers-assessed          Percent  >= 100 (warning down to 80)       [5.19 5.22]
	// incidents-closed-in-target  Percent  >= 90 (warning down to 75)        [5.24 5.26]
}

// Read the measurement records strictly.
func ExampleDecodeRecords() {
	_, err := monitor.DecodeRecords([]byte(`{"metrics": [{"id": "m", "unit": "percentage"}]}`))
	fmt.Println(err)
	// Output:
	// metrics[0].unit: unit "percentage": want percent, count, days
}
