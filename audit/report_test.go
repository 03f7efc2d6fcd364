package audit

import (
	"regexp"
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
	assert.Contains(t, md, `Row \| with &lt;b&gt;pipes&lt;/b&gt; and a newline`)
}

// TestMarkdownEscapesEveryField puts Markdown syntax into every text field
// of a report, the readiness IDs, titles and reasons included, and checks
// that none of it survives unescaped: the rendered document has exactly
// the structure of the report (its tables keep their columns), and no
// value breaks out of its code span.
func TestMarkdownEscapesEveryField(t *testing.T) {
	const evil = "x | [a](javascript:alert(1)) <img src=x> *b* _c_ `d` ~~e~~ &amp; # f\nG\r\n![i](j)"
	md := string(everyField(evil, "` <script>x</script> `").Markdown())
	checkMarkdown(t, md, string(everyField("x", "` <script>x</script> `").Markdown()))
	// A malformed digest is text, not a code span that it could leave.
	assert.Contains(t, md, "SHA-256 \\` &lt;script&gt;x&lt;/script&gt; \\`")
}

// checkMarkdown checks that md, a report with text in its fields, has the
// structure of plain, the same report with plain text: the same number of
// lines, as many cells in each table row as in its header, and, once the
// backslash escapes are taken out, none of the syntax that could start a
// link, an image, HTML, an entity, emphasis, code or strikethrough.
func checkMarkdown(t *testing.T, md, plain string) {
	t.Helper()
	require.Equal(t, strings.Count(plain, "\n"), strings.Count(md, "\n"), "no value adds a line")
	unescaped := regexp.MustCompile(`\\.|&(lt|gt|amp);`).ReplaceAllString(md, "")
	for _, c := range []string{"<", ">", "[", "]", "_", "~", "&"} {
		require.NotContains(t, unescaped, c)
	}
	var codeSpans int
	for _, line := range strings.Split(unescaped, "\n") {
		if strings.Contains(line, "SHA-256 `") {
			codeSpans++
			continue
		}
		require.NotContains(t, line, "`", line)
		require.Equal(t, 0, strings.Count(strings.ReplaceAll(line, "**", ""), "*"), "only our bold text: %s", line)
	}
	require.LessOrEqual(t, codeSpans, 1)
	cells := func(line string) int { return strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") }
	var header int
	for _, line := range strings.Split(md, "\n") {
		switch {
		case !strings.HasPrefix(line, "|"):
			header = 0
		case header == 0:
			header = cells(line)
		default:
			require.Equal(t, header, cells(line), line)
		}
	}
}

// everyField is a report with text in every field, and the given digest.
func everyField(text, digest string) *Report {
	return &Report{Title: text, Standard: text, AsOf: asOf,
		Scope: ReportScope{CycleStart: asOf, CycleEnd: asOf, Uncovered: []string{text},
			Audits: []AuditLine{{ID: text, Kind: Internal, Title: text, Start: asOf, End: asOf, Auditors: []string{text}}}},
		Summary: Summary{ByResult: []ResultCount{{Result: Major, Count: 1}}},
		Findings: []FindingGroup{{Result: Major, Findings: []FindingLine{{ID: text, Audit: text, Subject: text, Title: text, Date: asOf, Auditor: text, Statement: text,
			Evidence: []Evidence{{ID: text, What: text, Where: text, When: asOf, SHA256: digest}}, Actions: []string{text}}}}},
		Actions: []ActionLine{{ID: text, Finding: text, State: Planned, Owner: text, Due: asOf}},
		Readiness: Readiness{Clauses: []Score{{ID: text, Title: text}}, Themes: []Score{{ID: text, Title: text}},
			Overall: Score{ID: text, Title: text}, Reasons: []Reason{{Kind: OpenMajor, Subject: text, Detail: text}}},
	}
}

// TestHTMLEscapesEveryField does the same for HTML: no markup of the
// values survives.
func TestHTMLEscapesEveryField(t *testing.T) {
	h, err := everyField(`<img src=x onerror=alert(1)> "q" 'a' & </td>`, `"><script>x</script>`).HTML()
	require.NoError(t, err)
	for _, raw := range []string{"<img", "<script", `"><script`, "</td> &", "& </td>"} {
		assert.NotContains(t, string(h), raw)
	}
	z, err := everyField("x", "y").HTML()
	require.NoError(t, err)
	tags := regexp.MustCompile(`<[a-z/][^>]*>`)
	assert.Equal(t, len(tags.FindAllIndex(z, -1)), len(tags.FindAllIndex(h, -1)), "the same elements as with plain text")
}

func TestRenderNil(t *testing.T) {
	var r *Report
	assert.Equal(t, (&Report{}).Markdown(), r.Markdown())
	h, err := r.HTML()
	require.NoError(t, err)
	z, err := (&Report{}).HTML()
	require.NoError(t, err)
	assert.Equal(t, z, h)
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
	assert.Contains(t, md, "No nonconformities, observations or opportunities for improvement were recorded")
	assert.True(t, strings.Contains(md, "## Corrective actions\n\nNone was needed."))
}

func TestDecodeReportStrict(t *testing.T) {
	_, err := DecodeReport([]byte(`{"title": "x", "sumary": {}}`))
	assert.ErrorIs(t, err, ismskit.ErrUnknownField)
	assert.Equal(t, []string{"sumary"}, errPaths(err))
	_, err = DecodeReport([]byte(`{"readiness": {"reasons": [{"kind": "bad"}]}}`))
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, []string{"readiness.reasons[0].kind"}, errPaths(err))
}
