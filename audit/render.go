package audit

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/htmldoc"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Markdown renders the report as a Markdown document (CommonMark with
// GitHub tables): ReportDocument{Report: *r}.Markdown, with the default
// objectives, criteria and method. Every value from the records is
// escaped. The output is deterministic; a nil *Report renders as the zero
// Report.
func (r *Report) Markdown() []byte {
	if r == nil {
		r = &Report{}
	}
	return ReportDocument{Report: *r}.Markdown()
}

// HTML renders the report as a standalone HTML5 page:
// ReportDocument{Report: *r}.HTML. The output is deterministic; a nil
// *Report renders as the zero Report.
func (r *Report) HTML() ([]byte, error) {
	if r == nil {
		r = &Report{}
	}
	return ReportDocument{Report: *r}.HTML()
}

// Markdown renders the document as Markdown (CommonMark with GitHub
// tables) with the parts that ReportDocument lists, defaults filled as
// WithDefaults does. Every value of the user's is escaped, so that no
// text can start a link, an image, HTML, emphasis or a new table cell;
// an evidence digest goes into a code span only when it is a well-formed
// SHA-256. The output is deterministic.
func (d ReportDocument) Markdown() []byte {
	d = d.WithDefaults()
	r := &d.Report
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	b.WriteString(htmldoc.MarkdownHead(d.head()))

	w("\n## Executive summary\n\n")
	for _, p := range d.ExecutiveSummary() {
		w("%s\n\n", mdText(p))
	}
	w("| Result | Count |\n|---|---:|\n")
	for _, c := range r.Summary.ByResult {
		w("| %s | %d |\n", mdCell(c.Result.String()), c.Count)
	}
	w("| **Checklist results** | **%d** |\n\n", r.Summary.Findings)

	w("## Objectives, criteria and method\n\n")
	w("**Objectives.** %s\n\n**Criteria.** %s\n\n**Method.** %s\n\n", mdText(d.Objectives), mdText(d.Criteria), mdText(d.Method))
	auditees := "Not recorded"
	if len(d.Auditees) > 0 {
		auditees = strings.Join(d.Auditees, ", ")
	}
	w("**Auditees.** %s\n\n", mdText(auditees))

	w("## Scope and auditors\n\n")
	w("The programme covers %s to %s. ", r.Scope.CycleStart, r.Scope.CycleEnd)
	if len(r.Scope.Uncovered) == 0 {
		w("Every requirement item and applicable control is audited in the cycle.\n\n")
	} else {
		w("Never audited in the cycle: %s.\n\n", mdText(strings.Join(r.Scope.Uncovered, ", ")))
	}
	w("| Audit | Kind | Dates | Auditors | Scope |\n|---|---|---|---|---|\n")
	for _, a := range r.Scope.Audits {
		title := a.ID
		if a.Title != "" {
			title += " " + a.Title
		}
		w("| %s | %s | %s to %s | %s | %s |\n", mdCell(title), mdCell(a.Kind.String()), a.Start, a.End,
			mdCell(auditorsWords(a)), mdLines(a.ScopeLines()))
	}

	w("\n## Findings\n\n")
	if len(r.Findings) == 0 {
		w("No nonconformities, observations or opportunities for improvement were recorded; every examined line conformed.\n\n")
	}
	for _, g := range r.Findings {
		w("### %s (%d)\n\n", mdText(g.Result.String()), len(g.Findings))
		for _, f := range g.Findings {
			w("- **%s** %s: %s  \n", mdText(f.ID), mdText(f.Subject), mdText(f.Title))
			w("  Audit %s, %s, %s.", mdText(f.Audit), f.Date, mdText(f.Auditor))
			if f.Statement != "" {
				w(" %s", mdText(f.Statement))
			}
			w("\n")
			for _, e := range f.Evidence {
				w("  - Evidence %s: %s", mdText(e.ID), mdText(e.What))
				if e.Where != "" {
					w(" (%s)", mdText(e.Where))
				}
				w(", examined %s", e.When)
				switch {
				case e.SHA256 == "":
				case checkDigest(e.SHA256) == nil:
					w(", SHA-256 `%s`", e.SHA256)
				default:
					w(", SHA-256 %s", mdText(e.SHA256))
				}
				w("\n")
			}
			for _, a := range r.actionsOf(f) {
				w("  - Corrective action %s\n", mdText(a.Sentence()))
			}
		}
		w("\n")
	}

	w("## Corrective actions\n\n")
	if len(r.Actions) == 0 {
		w("None was needed.\n\n")
	} else {
		w("%d corrective actions as of %s: %d closed as effective, %d overdue, %d ineffective.\n\n",
			r.Summary.Actions, r.AsOf, r.Summary.Closed, r.Summary.Overdue, r.Summary.Ineffective)
		w("| Action | Finding | State | Corrective action | Owner | Due |\n|---|---|---|---|---|---|\n")
		for _, a := range r.Actions {
			due := a.Due.String()
			if n := actionNote(a); n != "" {
				due += " (" + n + ")"
			}
			action := a.Action
			if action == "" {
				action = "Not yet planned"
			}
			w("| %s | %s | %s | %s | %s | %s |\n", mdCell(a.ID), mdCell(a.Finding), mdCell(a.State.String()), mdCell(action), mdCell(a.Owner), due)
		}
		w("\n")
	}

	readinessMarkdown(&b, &r.Readiness, nil, "##")

	w("\n## Distribution\n\n")
	if len(d.Distribution) == 0 {
		w("Not recorded.\n")
	}
	for _, p := range d.Distribution {
		w("- %s\n", mdText(p))
	}
	w("\n## Sign-off\n\n| Role | Name | Date | Signature |\n|---|---|---|---|\n")
	w("| Prepared by | %s | %s |  |\n", mdCell(d.PreparedBy), r.AsOf)
	w("| Approved by | %s | %s |  |\n", mdCell(d.ApprovedBy), d.ApprovedAt)
	return b.Bytes()
}

// readinessMarkdown writes the verdict, its reasons, the scores and the
// note on the two percentages, under headings of level h.
func readinessMarkdown(b *bytes.Buffer, rd *Readiness, gap *iso27001.GapReport, h string) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("%s Readiness and verdict\n\n**%s**\n\n", h, rd.Verdict())
	for i, x := range rd.Reasons {
		w("%d. %s\n", i+1, mdText(x.Sentence()))
	}
	if len(rd.Reasons) > 0 {
		w("\n")
	}
	w("| Group | Subjects | Audited | Score |\n|---|---:|---:|---:|\n")
	for _, s := range rd.Clauses {
		w("| Clause %s %s | %d | %d | %s |\n", mdCell(s.ID), mdCell(s.Title), s.Subjects, s.Audited, pct(s.Score))
	}
	for _, s := range rd.Themes {
		w("| %s | %d | %d | %s |\n", mdCell(s.Title), s.Subjects, s.Audited, pct(s.Score))
	}
	w("| **%s** | **%d** | **%d** | **%s** |\n\n", mdCell(rd.Overall.Title), rd.Overall.Subjects, rd.Overall.Audited, pct(rd.Overall.Score))
	w("%s# What the scores mean\n\n", h)
	for _, p := range scoresNote(gap, rd) {
		w("%s\n\n", mdText(p))
	}
}

func actionNote(a ActionLine) string {
	switch {
	case a.Overdue:
		return "overdue"
	case a.Ineffective:
		return "ineffective"
	}
	return ""
}

func pct(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) + "%" }

func clauseList(cs []iso27001.ClauseID) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, ", ")
}

func controlList(cs []iso27002.ControlID) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, ", ")
}

// mdText escapes text for Markdown inline content.
func mdText(s string) string { return htmldoc.MarkdownInline(s) }

// mdCell escapes text for a Markdown table cell; mdText already escapes
// the cell separator.
func mdCell(s string) string { return mdText(s) }

//go:embed report.html.tmpl
var reportHTML string

//go:embed readiness.html.tmpl
var readinessHTML string

var htmlFuncs = template.FuncMap{
	"code":        func(r Result) string { return r.code() },
	"clauses":     clauseList,
	"controls":    controlList,
	"pct":         pct,
	"note":        actionNote,
	"join":        strings.Join,
	"auditors":    auditorsWords,
	"scope":       AuditLine.ScopeLines,
	"actions":     func(r *Report, f FindingLine) []ActionLine { return r.actionsOf(f) },
	"actionWords": ActionLine.Sentence,
}

var (
	readinessTemplate = template.Must(template.New("readiness").Funcs(htmlFuncs).Parse(readinessHTML))
	htmlTemplate      = template.Must(template.Must(readinessTemplate.Clone()).New("report").Parse(reportHTML))
)

// readinessView is what the "readiness" template reads.
type readinessView struct {
	R     *Readiness
	Chart template.HTML
	Note  []string
}

func readinessViewOf(rd *Readiness, gap *iso27001.GapReport, accent string) readinessView {
	return readinessView{R: rd, Note: scoresNote(gap, rd),
		Chart: htmldoc.BarChart("Readiness score per clause and theme (%)", rd.scoreBars(), 100, accent)}
}

// HTML renders the document as one self-contained HTML page in the look
// every ismskit document shares, laid out for A4 landscape, with the
// parts that ReportDocument lists and two SVG charts (results, scores),
// defaults filled as WithDefaults does. Every value is escaped (by
// html/template, and in the charts for XML). The only error is a
// Letterhead that does not validate. The output is deterministic.
func (d ReportDocument) HTML() ([]byte, error) {
	d = d.WithDefaults()
	r := &d.Report
	c := r.counts()
	accent := d.Letterhead.AccentColour()
	v := struct {
		D       ReportDocument
		R       *Report
		KPIs    [][2]string
		Summary []string
		Chart   template.HTML
		Ready   readinessView
	}{D: d, R: r, Summary: d.ExecutiveSummary(),
		KPIs: [][2]string{{fmt.Sprint(c.audits), "audits"}, {fmt.Sprint(c.results), "checklist results"},
			{fmt.Sprint(c.findings), "findings"}, {fmt.Sprint(c.majors), "major nonconformities"},
			{fmt.Sprint(c.open), "corrective actions open"}, {pct(r.Readiness.Overall.Score), "readiness score"}},
		Chart: htmldoc.BarChart(c.chartTitle(), r.resultsChart(), 0, accent),
		Ready: readinessViewOf(&r.Readiness, nil, accent)}
	return htmldoc.Execute(d.head(), htmlTemplate, v)
}

// HTML renders the verdict as one self-contained HTML page in the look
// every ismskit document shares: the verdict and its reasons as
// sentences, the scores per clause and theme with a chart, and how the
// score differs from the gap analysis's percentage. The only error is a
// Letterhead that does not validate. The output is deterministic.
func (d ReadinessDocument) HTML() ([]byte, error) {
	return htmldoc.Execute(d.head(), readinessTemplate.Lookup("readiness"), readinessViewOf(&d.Readiness, d.Gap, d.Letterhead.AccentColour()))
}

// Markdown renders the verdict as Markdown, with the parts of HTML but
// the chart; every value is escaped. The output is deterministic.
func (d ReadinessDocument) Markdown() []byte {
	var b bytes.Buffer
	b.WriteString(htmldoc.MarkdownHead(d.head()))
	b.WriteString("\n")
	readinessMarkdown(&b, &d.Readiness, d.Gap, "##")
	return b.Bytes()
}

// mdLines escapes lines for one Markdown table cell, joined by "; ".
func mdLines(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = mdCell(l)
	}
	return strings.Join(out, "; ")
}
