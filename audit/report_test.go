package audit

import (
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testReport(t *testing.T) *Report {
	gap := &iso27001.GapReport{MissingDocuments: []iso27001.DocumentGap{{Item: iso27001.MustParseItemID("9.2.2.p3"), Kind: iso27001.Retained, Status: iso27001.Missing}}}
	rep, err := NewReport(testRecords(t), testBasis(), ReadinessInput{Gap: gap}, asOf)
	require.NoError(t, err)
	return rep
}

func TestReportGolden(t *testing.T) {
	rep := testReport(t)
	golden(t, "report.md", rep.Markdown())
	h, err := rep.HTML()
	require.NoError(t, err)
	golden(t, "report.html", h)
	j, err := EncodeReport(*rep)
	require.NoError(t, err)
	golden(t, "report.json", j)

	back, err := DecodeReport(j)
	require.NoError(t, err)
	assert.Equal(t, *rep, back)
}

func TestReportContent(t *testing.T) {
	rep := testReport(t)
	assert.Equal(t, "Audit report: Example Ltd", rep.Title)
	assert.Equal(t, 4, rep.Summary.Findings)
	assert.Equal(t, 2, rep.Summary.Actions)
	assert.Equal(t, 1, rep.Summary.Closed)
	assert.Equal(t, 1, rep.Summary.Overdue)
	require.Len(t, rep.Findings, 3)
	assert.Equal(t, Major, rep.Findings[0].Result)
	assert.Equal(t, []string{"CA-2"}, rep.Findings[0].Findings[0].Actions)
	assert.Equal(t, "E-2", rep.Findings[0].Findings[0].Evidence[0].ID)
	assert.Empty(t, rep.Scope.Uncovered)
	assert.False(t, rep.Readiness.Ready)

	// Earlier as-of: later findings and changes are left out.
	early, err := NewReport(testRecords(t), testBasis(), ReadinessInput{}, d("2026-11-30"))
	require.NoError(t, err)
	assert.Equal(t, 2, early.Summary.Findings)
	require.Len(t, early.Actions, 1)
	assert.Equal(t, Implemented, early.Actions[0].State)
	assert.Equal(t, 0, early.Summary.Closed)
}

func TestReportEscapes(t *testing.T) {
	r := testRecords(t)
	r.Organization = "<script>alert(1)</script> | *Acme*"
	r.Findings[1].Statement = "Row | with <b>pipes</b>\nand a newline"
	rep, err := NewReport(r, testBasis(), ReadinessInput{Gap: okGap}, asOf)
	require.NoError(t, err)
	h, err := rep.HTML()
	require.NoError(t, err)
	assert.NotContains(t, string(h), "<script>")
	assert.NotContains(t, string(h), "<b>pipes")
	assert.Contains(t, string(h), "&lt;script&gt;")
	md := string(rep.Markdown())
	assert.NotContains(t, md, "<script>")
	assert.Contains(t, md, `\*Acme\*`)
	assert.Contains(t, md, "Row | with &lt;b&gt;pipes&lt;/b&gt; and a newline")
}

func TestReportUncoveredAndEmpty(t *testing.T) {
	r := testRecords(t)
	r.Findings, r.Actions = nil, nil
	r.Programme.Audits[2].Scope.Controls = ids("8.8", "8.13", "8.16")
	rep, err := NewReport(r, testBasis(), ReadinessInput{Gap: okGap}, asOf)
	require.NoError(t, err)
	assert.Equal(t, []string{"8.24"}, rep.Scope.Uncovered)
	md := string(rep.Markdown())
	assert.Contains(t, md, "Never audited in the cycle: 8.24.")
	assert.Contains(t, md, "No nonconformities, observations or opportunities for improvement.")
	assert.True(t, strings.Contains(md, "## Corrective actions\n\nNone."))
}

func TestDecodeReportStrict(t *testing.T) {
	_, err := DecodeReport([]byte(`{"title": "x", "sumary": {}}`))
	assert.ErrorIs(t, err, ismskit.ErrUnknownField)
	assert.Equal(t, []string{"sumary"}, errPaths(err))
	_, err = DecodeReport([]byte(`{"readiness": {"reasons": [{"kind": "bad"}]}}`))
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, []string{"readiness.reasons[0].kind"}, errPaths(err))
}
