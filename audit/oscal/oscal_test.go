package oscal_test

import (
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"

	"github.com/ismskit/ismskit/internal/oscalschema"

	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/oscal"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nist holds NIST's OSCAL 1.2.1 schemas (internal/oscalschema).
var nist oscalschema.Validator

func validate(t testing.TB, model string, doc []byte) {
	t.Helper()
	require.NoError(t, nist.Validate(model, doc))
}

var (
	date = ismskit.MustParseDate
	ctl  = iso27002.MustParse
)

// testRecords is a small programme of two audits: a nonconformity closed
// by an effective action, one with an open action, one without any, an
// observation, a conforming line and one not audited.
func testRecords() audit.Records {
	auditors := []audit.Auditor{{Name: "R. Visser", Lead: true}, {Name: "K. Smit", External: true}}
	return audit.Records{
		Organization: "Example Ledger Ltd",
		Programme: audit.Programme{CycleStart: date("2026-01-12"), CycleEnd: date("2029-01-11"), Audits: []audit.Audit{
			{ID: "IA-1", Kind: audit.Internal, Title: "Access and operations", Start: date("2026-03-09"), End: date("2026-03-11"),
				Scope:    audit.Scope{Clauses: []iso27001.ClauseID{iso27001.MustParseClauseID("9.1")}, Controls: []iso27002.ControlID{ctl("5.18"), ctl("8.8")}, Sites: []string{"Utrecht office"}},
				Auditors: auditors},
			{ID: "S1", Kind: audit.Stage1, Start: date("2026-10-05"), End: date("2026-10-06"), Auditors: []audit.Auditor{{Name: "Cert Body Auditor", External: true}}},
		}},
		Evidence: []audit.Evidence{
			audit.NewEvidence("E-ACC", "Access review tickets of 2025", "tickets/ACCESS-REVIEW", date("2026-03-10"), []byte("reviews")),
			{ID: "E-VULN", What: "Scanner export", When: date("2026-03-10")},
		},
		Findings: []audit.Finding{
			{ID: "F-1", Audit: "IA-1", Control: ctl("5.18"), Result: audit.Minor, Date: date("2026-03-10"), Auditor: "R. Visser",
				Statement: "The access review skipped three SaaS tools.", Evidence: []string{"E-ACC"}},
			{ID: "F-2", Audit: "IA-1", Control: ctl("8.8"), Result: audit.Major, Date: date("2026-03-10"), Auditor: "K. Smit",
				Statement: "Critical vulnerabilities older than 30 days\non six hosts.", Evidence: []string{"E-VULN", "E-ACC"}},
			{ID: "F-3", Audit: "IA-1", Item: iso27001.MustParseItemID("9.1.p1"), Result: audit.Minor, Date: date("2026-03-11"), Auditor: "R. Visser",
				Statement: "No monitoring results retained."},
			{ID: "F-4", Audit: "IA-1", Control: ctl("5.18"), Result: audit.Observation, Date: date("2026-03-11"), Auditor: "R. Visser", Statement: "Review cadence undocumented."},
			{ID: "F-5", Audit: "IA-1", Item: iso27001.MustParseItemID("9.1.p1"), Result: audit.Conforming, Date: date("2026-03-11"), Auditor: "K. Smit"},
			{ID: "F-6", Audit: "IA-1", Control: ctl("8.8"), Result: audit.NotAudited, Date: date("2026-03-11"), Auditor: "K. Smit"},
			{ID: "F-7", Audit: "S1", Item: iso27001.MustParseItemID("4.3.p2"), Result: audit.Conforming, Date: date("2026-10-06"), Auditor: "Cert Body Auditor"},
		},
		Actions: []audit.CorrectiveAction{
			{ID: "CA-1", Finding: "F-1", State: audit.Effective, Correction: "Reviewed the three tools.", RootCause: "Tool list out of date.",
				Action: "Generate the review list from the SaaS inventory.", Owner: "IT", Due: date("2026-05-01"), Review: "The June review covered every tool.",
				History: []audit.Transition{
					{To: audit.Raised, Date: date("2026-03-12"), By: "R. Visser"},
					{To: audit.Corrected, Date: date("2026-03-20"), Note: "Reviewed the three tools."},
					{To: audit.Analysed, Date: date("2026-03-25"), Note: "Tool list out of date."},
					{To: audit.Planned, Date: date("2026-03-26"), Note: "Generate the review list from the SaaS inventory."},
					{To: audit.Implemented, Date: date("2026-04-20")},
					{To: audit.Effective, Date: date("2026-07-01"), Note: "The June review covered every tool."},
				}},
			{ID: "CA-2", Finding: "F-2", State: audit.Planned, Correction: "Patched the six hosts.", RootCause: "No owner for patch SLAs.",
				Action: "Name an owner and alert on SLA breaches.", Owner: "Platform team", Due: date("2026-06-30"),
				History: []audit.Transition{
					{To: audit.Raised, Date: date("2026-03-12")},
					{To: audit.Corrected, Date: date("2026-03-13"), Note: "Patched the six hosts."},
					{To: audit.Analysed, Date: date("2026-03-20"), Note: "No owner for patch SLAs."},
					{To: audit.Planned, Date: date("2026-03-21"), Note: "Name an owner and alert on SLA breaches."},
				}},
		},
	}
}

func testRegister() *risk.Register {
	due := ismskit.NewDate(2026, 12, 31)
	return &risk.Register{Name: "Example Ledger Ltd", Risks: []risk.Risk{
		{ID: "R-1", Title: "Ransomware encrypts the ledger", Owner: "CTO", Treatment: risk.Treatment{Option: risk.Modify, Rationale: "Backups alone are too slow.", Plan: []risk.Action{
			{ID: "A-1", Title: "Roll out endpoint protection", Owner: "IT", Due: due, Controls: []iso27002.ControlID{ctl("8.7")}, Status: risk.ActionInProgress},
			{ID: "A-2", Title: "Restore drill", Owner: "IT", Status: risk.ActionPlanned},
			{ID: "A-3", Title: "Offline backups", Owner: "IT", Status: risk.ActionDone},
		}}},
		{ID: "R-2", Title: "Office flood", Owner: "COO", Treatment: risk.Treatment{Option: risk.Retain}},
		{ID: "R-3", Title: "Supplier breach", Owner: "CFO", Treatment: risk.Treatment{Option: risk.Share, Plan: []risk.Action{
			{ID: "A-1", Title: "Dropped idea", Owner: "CFO", Status: risk.ActionCancelled},
		}}},
	}}
}

func TestExportResults(t *testing.T) {
	out, err := oscal.ExportResults(testRecords(), oscal.Options{})
	require.NoError(t, err)
	validate(t, "assessment-results", out)
	goldenfile.Check(t, filepath.Join("testdata", "assessment-results.json"), out)
	again, err := oscal.ExportResults(testRecords(), oscal.Options{})
	require.NoError(t, err)
	assert.Equal(t, out, again, "byte-identical for the same input")

	var doc struct {
		AR struct {
			Metadata struct {
				LastModified string `json:"last-modified"`
				Parties      []struct{ Name, Type string }
			} `json:"metadata"`
			Results []struct {
				Title            string
				Start, End       string
				ReviewedControls struct {
					Selections []struct {
						IncludeAll      *struct{} `json:"include-all"`
						IncludeControls []struct {
							ControlID string `json:"control-id"`
						} `json:"include-controls"`
					} `json:"control-selections"`
				} `json:"reviewed-controls"`
				Observations []struct{ UUID string }
				Findings     []struct {
					Title  string
					Target struct {
						Type     string
						TargetID string `json:"target-id"`
						Status   struct{ State, Reason string }
					}
					RelatedObservations []struct {
						UUID string `json:"observation-uuid"`
					} `json:"related-observations"`
					RelatedRisks []struct {
						UUID string `json:"risk-uuid"`
					} `json:"related-risks"`
				}
				Risks []struct {
					UUID, Status, Statement string
					Remediations            []struct {
						Lifecycle string
						Tasks     []struct{ Type string }
					}
					RiskLog struct{ Entries []struct{ Start string } } `json:"risk-log"`
				}
			}
		} `json:"assessment-results"`
	}
	require.NoError(t, json.Unmarshal(out, &doc))
	ar := doc.AR
	assert.Equal(t, "2026-10-06T00:00:00Z", ar.Metadata.LastModified, "the latest date of the records")
	assert.Len(t, ar.Metadata.Parties, 4, "the organisation and three auditors, each once")
	require.Len(t, ar.Results, 2)
	ia := ar.Results[0]
	assert.Equal(t, "2026-03-09T00:00:00Z", ia.Start)
	require.Len(t, ia.ReviewedControls.Selections, 2)
	assert.Equal(t, "a.5.18", ia.ReviewedControls.Selections[0].IncludeControls[0].ControlID)
	assert.Equal(t, "c.9.1", ia.ReviewedControls.Selections[1].IncludeControls[0].ControlID)
	assert.NotNil(t, ar.Results[1].ReviewedControls.Selections[0].IncludeAll, "an audit without clauses or controls covers the whole ISMS")
	assert.Len(t, ia.Observations, 2, "each evidence record once per audit")

	require.Len(t, ia.Findings, 6)
	type st struct{ typ, id, state, reason string }
	var got []st
	for _, f := range ia.Findings {
		got = append(got, st{f.Target.Type, f.Target.TargetID, f.Target.Status.State, f.Target.Status.Reason})
	}
	assert.Equal(t, []st{
		{"objective-id", "a.5.18_obj", "not-satisfied", "fail"},
		{"objective-id", "a.8.8_obj", "not-satisfied", "fail"},
		{"statement-id", "c.9.1.p1", "not-satisfied", "fail"},
		{"objective-id", "a.5.18_obj", "satisfied", "other"},
		{"statement-id", "c.9.1.p1", "satisfied", "pass"},
		{"objective-id", "a.8.8_obj", "not-satisfied", "other"},
	}, got)
	assert.Len(t, ia.Findings[1].RelatedObservations, 2)

	require.Len(t, ia.Risks, 3, "one per nonconformity")
	assert.Equal(t, ia.Risks[0].UUID, ia.Findings[0].RelatedRisks[0].UUID)
	assert.Equal(t, "closed", ia.Risks[0].Status)
	assert.Equal(t, "completed", ia.Risks[0].Remediations[0].Lifecycle)
	assert.Len(t, ia.Risks[0].RiskLog.Entries, 6, "the whole history")
	assert.Contains(t, ia.Risks[0].Statement, "Tool list out of date.")
	assert.Equal(t, "remediating", ia.Risks[1].Status)
	assert.Equal(t, "planned", ia.Risks[1].Remediations[0].Lifecycle)
	assert.Equal(t, "milestone", ia.Risks[1].Remediations[0].Tasks[0].Type)
	assert.Equal(t, "open", ia.Risks[2].Status, "no corrective action yet")

	when := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	out2, err := oscal.ExportResults(testRecords(), oscal.Options{LastModified: when, Version: "2", PlanHref: "programme.json"})
	require.NoError(t, err)
	validate(t, "assessment-results", out2)
	assert.Contains(t, string(out2), `"last-modified": "2026-12-01T09:00:00Z"`)
	assert.Contains(t, string(out2), `"href": "programme.json"`)
}

func TestExportPOAM(t *testing.T) {
	recs := testRecords()
	in := oscal.POAMInput{Records: &recs, Register: testRegister()}
	out, err := oscal.ExportPOAM(in, oscal.Options{})
	require.NoError(t, err)
	validate(t, "poam", out)
	goldenfile.Check(t, filepath.Join("testdata", "poam.json"), out)
	again, err := oscal.ExportPOAM(in, oscal.Options{})
	require.NoError(t, err)
	assert.Equal(t, out, again)

	items := poamItems(t, out)
	assert.Equal(t, []string{
		"Corrective action CA-2 for major nonconformity F-2",
		"Nonconformity F-3 awaits corrective action",
		"Roll out endpoint protection",
		"Restore drill",
	}, items, "open work only: CA-1 is effective, A-3 done, R-3's action cancelled")

	// As of a day before CA-1 was found effective, it is still open; as of
	// a day before F-2 was found, F-2 is not there yet.
	early, err := oscal.ExportPOAM(in, oscal.Options{AsOf: ismskit.NewDate(2026, 6, 1)})
	require.NoError(t, err)
	validate(t, "poam", early)
	assert.Contains(t, poamItems(t, early), "Corrective action CA-1 for minor nonconformity F-1")
	assert.Contains(t, string(early), `"last-modified": "2026-06-01T00:00:00Z"`)
	before, err := oscal.ExportPOAM(oscal.POAMInput{Records: &recs}, oscal.Options{AsOf: ismskit.NewDate(2026, 3, 1)})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable, "nothing open yet")
	assert.Nil(t, before)

	_, err = oscal.ExportPOAM(oscal.POAMInput{Register: testRegister()}, oscal.Options{SSPHref: "nimbus-ssp.json"})
	assert.ErrorIs(t, err, ismskit.ErrMissing, "a register alone gives no date, and none is invented")
	only, err := oscal.ExportPOAM(oscal.POAMInput{Register: testRegister()}, oscal.Options{SSPHref: "nimbus-ssp.json", AsOf: ismskit.NewDate(2026, 6, 1)})
	require.NoError(t, err)
	validate(t, "poam", only)
	assert.Len(t, poamItems(t, only), 2)
	assert.Contains(t, string(only), `"href": "nimbus-ssp.json"`)

	_, err = oscal.ExportPOAM(oscal.POAMInput{}, oscal.Options{})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
}

func poamItems(t *testing.T, out []byte) []string {
	t.Helper()
	var doc struct {
		POAM struct {
			Items []struct{ Title string } `json:"poam-items"`
		} `json:"plan-of-action-and-milestones"`
	}
	require.NoError(t, json.Unmarshal(out, &doc))
	var titles []string
	for _, it := range doc.POAM.Items {
		titles = append(titles, it.Title)
	}
	return titles
}

func TestExportErrors(t *testing.T) {
	_, err := oscal.ExportResults(audit.Records{}, oscal.Options{})
	assert.Equal(t, []string{"options.lastModified", "records.findings"}, paths(err))
	future := testRecords()
	future.Findings = nil
	_, err = oscal.ExportResults(future, oscal.Options{})
	assert.Equal(t, []string{"records.findings"}, paths(err), "planned audits have no results")

	r := testRecords()
	r.Programme.Audits[0].Title = "two\nlines"
	r.Programme.Audits[0].Scope.Sites[0] = "Utrecht "
	r.Findings[0].Evidence = []string{"E-NONE"}
	r.Findings[3].Audit = "IA-9"
	r.Findings[4].Item = iso27001.ItemID{}
	r.Actions[1].Owner = " Platform"
	r.Actions[1].Due = ismskit.NewDate(3100, 1, 1)
	_, err = oscal.ExportResults(r, oscal.Options{Version: " 1"})
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	assert.Equal(t, []string{
		"options.version",
		"records.programme.audits[0].title",
		"records.programme.audits[0].scope.sites[0]",
		"records.findings[0].evidence[0]",
		"records.actions[1].owner",
		"records.actions[1].due",
		"records.actions[1].due",
		"records.findings[1]",
		"records.findings[4]",
		"records.findings[3].audit",
	}, paths(err))

	reg := testRegister()
	reg.Risks[0].Title = "a\nb"
	reg.Risks[0].Treatment.Plan[1].Controls = []iso27002.ControlID{{}}
	_, err = oscal.ExportPOAM(oscal.POAMInput{Register: reg}, oscal.Options{AsOf: ismskit.NewDate(1066, 1, 1)})
	assert.Equal(t, []string{
		"options.asOf",
		"register.risks[0].title",
		"register.risks[0].treatment.plan[1].controls[0]",
	}, paths(err))
}

// paths returns the path of every *ismskit.Error in err, in order.
func paths(err error) []string {
	return fielderr.Paths(err)
}

func TestConcurrentExports(t *testing.T) {
	r, reg := testRecords(), testRegister()
	want, err := oscal.ExportPOAM(oscal.POAMInput{Records: &r, Register: reg}, oscal.Options{})
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := oscal.ExportPOAM(oscal.POAMInput{Records: &r, Register: reg}, oscal.Options{})
			assert.NoError(t, err)
			assert.Equal(t, want, got)
			_, err = oscal.ExportResults(r, oscal.Options{})
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	assert.Equal(t, testRecords(), r, "the records are not modified")
	assert.Equal(t, testRegister(), reg, "the register is not modified")
}
