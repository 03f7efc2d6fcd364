package main

// The code of the README's section on monitoring and the management
// review: the snippet appears verbatim inside this example
// (TestReadmeSnippets checks it), so it compiles and its output is
// checked.

import (
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/audit/review"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27001"
)

func Example_readmeMonitor() {
	asOf := ismskit.MustParseDate("2026-11-28")
	evidence := sample.EvidenceFiles() // an fs.FS of exports: IdP credential report, scanner JSON, ...
	records, _ := iso27001.DecodeRecords(sample.RecordsJSON())

	results, err := checks.Builtin().Run(evidence, asOf) // each result with its evidence's SHA-256
	if err != nil {
		panic(err)
	}
	metrics := monitor.Records{Metrics: monitor.Builtin()}
	metrics = metrics.Add(monitor.FromChecks(metrics.Metrics, results)...)
	evals, err := metrics.Evaluate(asOf) // 9.1: value, target met, trend, overdue
	if err != nil {
		panic(err)
	}
	fmt.Println(evals[0].Summary)

	pack, err := review.Prepare(review.Inputs{Records: records, Monitoring: &metrics, Checks: results}, asOf) // 9.3.2 a to g
	if err != nil {
		panic(err)
	}
	fmt.Println(pack.Input("9.3.2.d.2").Summary)
	// Output:
	// MFA coverage of console users and the root user: 90.9% on 2026-11-28, target >= 100 (warning down to 95): missed.
	// 8 metrics: 1 met, 4 in warning, 3 missed; no trend yet; 0 measurements overdue. 8 control checks run: 7 with failures, 0 stale results.
}
