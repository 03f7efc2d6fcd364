package audit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/iso27001"
)

func testReportDocument(t *testing.T) ReportDocument {
	return ReportDocument{Report: *testReport(t), Version: "1.2", Auditees: []string{"CTO", "IT Manager"},
		Distribution: []string{"Management team", "Certification body, on request"}, ApprovedBy: "CEO", ApprovedAt: asOf,
		Letterhead: ismskit.Letterhead{Classification: "Confidential", Colour: "#2E5E3E"}}
}

func TestReportDocumentGolden(t *testing.T) {
	d := testReportDocument(t)
	h, err := d.HTML()
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/report-document.html", h)
	md := d.Markdown()
	goldenfile.Check(t, "testdata/report-document.md", md)

	text := string(h)
	for _, want := range []string{
		"<h1>Audit report</h1>", `<p class="org">Example Ltd</p>`, "<dd>1.2</dd>", `<span class="marking">Confidential</span>`,
		"--accent: #2E5E3E;", "<h2>Executive summary</h2>", "<svg", "Findings by result (besides 1 conforming result)",
		"<th>Auditees</th><td>CTO, IT Manager</td>", "<li>Management team</li>", "<td>Ben (lead)</td>",
		"CA-2 (planned): Escalate cancelled patch windows to the CTO. Owner: Eve. Due 2027-02-28. Overdue.", "<th>Approved by</th><td>CEO</td><td>2027-03-01</td>",
		"Clause 9 Performance evaluation has never been audited.",
		"The gap analysis and the readiness score answer two questions.",
	} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, text, "open-major-nonconformity", "reasons as sentences, not codes")
	mdText := string(md)
	assert.Contains(t, mdText, "The audits recorded 4 checklist results: 1 conforming and 3 findings: 1 major nonconformity, 1 minor nonconformity and 1 observation.")
	assert.Contains(t, mdText, "**Auditees.** CTO, IT Manager")
	assert.Contains(t, mdText, "11. Clause 9 Performance evaluation has never been audited.")
	assert.Contains(t, mdText, "| Prepared by | Chloe | 2027-03-01 |  |")
	assert.NotContains(t, mdText, "open-major-nonconformity")
}

func TestReportDocumentDefaults(t *testing.T) {
	d := ReportDocument{Report: *testReport(t)}.WithDefaults()
	assert.Equal(t, DefaultObjectives, d.Objectives)
	assert.Equal(t, DefaultMethod, d.Method)
	assert.True(t, strings.HasPrefix(d.Criteria, "ISO/IEC 27001:2022/Amd 1:2024: the requirements of clauses 4 to 10"), d.Criteria)
	assert.Equal(t, "Chloe", d.PreparedBy, "the lead auditor of the latest audit")
	kept := ReportDocument{Objectives: "Own", Criteria: "Own", Method: "Own", PreparedBy: "Me"}.WithDefaults()
	assert.Equal(t, ReportDocument{Objectives: "Own", Criteria: "Own", Method: "Own", PreparedBy: "Me"}, kept)

	z := ReportDocument{}
	assert.Equal(t, []string{
		"No audit of the programme has taken place yet; this report shows the state of the ISMS of the organisation as of an unstated date.",
		"The audits recorded 0 checklist results: 0 conforming and no findings.",
		"No corrective action was needed.",
		"As of an unstated date the ISMS is not yet ready for certification: 0 matters must be resolved first. The readiness score is 0.0% over 0 requirement items and applicable controls.",
	}, z.ExecutiveSummary())
	_, err := z.HTML()
	require.NoError(t, err)
	_, err = ReportDocument{Letterhead: ismskit.Letterhead{Colour: "#12"}}.HTML()
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
}

func TestReasonSentenceAndVerdict(t *testing.T) {
	assert.Equal(t, "Clause 9.3 has never been audited.", Reason{Detail: "clause 9.3 has never been audited"}.Sentence())
	assert.Equal(t, "Éclair.", Reason{Detail: " éclair. "}.Sentence())
	assert.Equal(t, "", Reason{}.Sentence())
	var rd *Readiness
	assert.Equal(t, "Not ready for certification.", rd.Verdict())
	assert.Equal(t, "Ready for certification.", (&Readiness{Ready: true}).Verdict())
	assert.Equal(t, "Not ready for certification: 1 matter to resolve first.", (&Readiness{Reasons: []Reason{{}}}).Verdict())
	assert.Equal(t, "#C0392B", ResultFill(Major))
	assert.Equal(t, "#999999", ResultFill(Result(99)))
}

func TestReadinessDocument(t *testing.T) {
	rep := testReport(t)
	gap := &iso27001.GapReport{Evidenced: 143, Total: 156, Readiness: 91.7}
	d := ReadinessDocument{Readiness: rep.Readiness, Organization: "Example <Ltd>", Version: "3", Gap: gap}
	h, err := d.HTML()
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/readiness.html", h)
	md := d.Markdown()
	goldenfile.Check(t, "testdata/readiness.md", md)
	assert.Contains(t, string(h), "<h1>Certification readiness</h1>")
	assert.Contains(t, string(h), "Here it is 91.7%: 143 of 156 items are evidenced.")
	assert.Contains(t, string(h), "Example &lt;Ltd&gt;")
	assert.Contains(t, string(md), "**Example &lt;Ltd&gt;**")
	assert.Contains(t, string(md), "## What the scores mean")
	assert.Contains(t, string(md), "Here it is 91.7%: 143 of 156 items are evidenced.")

	h, err = ReadinessDocument{}.HTML()
	require.NoError(t, err)
	assert.Contains(t, string(h), "Not ready for certification.")
	assert.NotContains(t, string(ReadinessDocument{}.Markdown()), "Here it is 9")
}
