package review

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/risk"
)

var asOf = ismskit.MustParseDate("2026-11-28")

func d(s string) ismskit.Date { return ismskit.MustParseDate(s) }

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// testInputs gathers the sample documents of the other packages' tests:
// the Northwind ISMS records (one earlier review, on 2026-03-18), a
// baseline with one issue less and one requirement undecided, the
// Nimbus risk register, the Example Ltd audit records, the measurement
// records and the check results of 2026-11-28, two items of feedback and
// an improvement register fed from them.
func testInputs(t testing.TB) Inputs {
	t.Helper()
	recs, err := iso27001.DecodeRecords(readFile(t, "../../iso27001/testdata/records/sample.json"))
	require.NoError(t, err)
	base, err := iso27001.DecodeRecords(readFile(t, "../../iso27001/testdata/records/sample.json"))
	require.NoError(t, err)
	base.Issues = base.Issues[:2]
	base.Issues[1].Description = "Growth of the engineering team"
	base.InterestedParties[0].Requirements[0].Addressed = nil
	reg, err := risk.DecodeRegister(readFile(t, "../../risk/testdata/register.json"))
	require.NoError(t, err)
	aud, err := audit.DecodeRecords(readFile(t, "../../audit/testdata/records.json"))
	require.NoError(t, err)
	mon, err := monitor.DecodeRecords(readFile(t, "../monitor/testdata/records.json"))
	require.NoError(t, err)
	res, err := checks.Builtin().Run(os.DirFS("../checks/testdata"), asOf)
	require.NoError(t, err)
	evals, err := mon.Evaluate(asOf)
	require.NoError(t, err)
	imp := Register{Organization: recs.Organization, Items: []Improvement{
		{ID: "IMP-1", Title: "Automate the quarterly access review", Source: FromReview, Reference: "MR-2026/D-1", Owner: "CTO",
			Status: InProgress, Raised: d("2026-03-18"), Due: d("2026-09-30")},
		{ID: "IMP-2", Title: "Publish the patch policy", Source: FromOther, Owner: "CISO", Status: Done, Raised: d("2026-01-10"), Closed: d("2026-02-01")},
	}}
	imp = imp.Feed(FeedInput{Audit: &aud, Metrics: evals, Checks: res, Owner: "Information security manager"}, asOf)
	return Inputs{
		Records: recs, Baseline: &base, Register: &reg, Audit: &aud, Monitoring: &mon, Checks: res,
		Feedback: []Feedback{
			{Date: d("2026-10-02"), From: "Customer questionnaire (Acme Bank)", Party: "IP-1", Summary: "Asks for evidence of quarterly restore tests."},
			{Date: d("2026-01-20"), From: "Staff survey", Summary: "Security training <b>too long</b> | split it."},
		},
		Improvements: &imp,
	}
}
