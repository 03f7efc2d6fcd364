package audit

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Markdown renders the report as a Markdown document (CommonMark with
// GitHub tables). Every value from the records is escaped, so that no
// text of the user's can start a link, an image, HTML, emphasis or a new
// table cell; an evidence digest goes into a code span only when it is a
// well-formed SHA-256. The output is deterministic; a nil *Report renders
// as the zero Report.
func (r *Report) Markdown() []byte {
	if r == nil {
		r = &Report{}
	}
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# %s\n\n", mdText(r.Title))
	w("Standard: %s  \nAs of: %s\n\n", mdText(r.Standard), r.AsOf)

	w("## Scope\n\n")
	w("Programme cycle: %s to %s.\n\n", r.Scope.CycleStart, r.Scope.CycleEnd)
	w("| Audit | Kind | Dates | Clauses | Controls | Auditors |\n|---|---|---|---|---|---|\n")
	for _, a := range r.Scope.Audits {
		title := a.ID
		if a.Title != "" {
			title += " " + a.Title
		}
		w("| %s | %s | %s to %s | %s | %s | %s |\n", mdCell(title), mdCell(a.Kind.String()), a.Start, a.End,
			mdCell(clauseList(a.Clauses)), mdCell(controlList(a.Controls)), mdCell(strings.Join(a.Auditors, ", ")))
	}
	if len(r.Scope.Uncovered) == 0 {
		w("\nEvery requirement item and applicable control is audited in the cycle.\n\n")
	} else {
		w("\nNever audited in the cycle: %s.\n\n", mdText(strings.Join(r.Scope.Uncovered, ", ")))
	}

	w("## Summary\n\n")
	w("| Result | Findings |\n|---|---:|\n")
	for _, c := range r.Summary.ByResult {
		w("| %s | %d |\n", mdCell(c.Result.String()), c.Count)
	}
	w("| **Total** | **%d** |\n\n", r.Summary.Findings)
	w("Corrective actions: %d, of which %d closed, %d overdue, %d ineffective.\n\n",
		r.Summary.Actions, r.Summary.Closed, r.Summary.Overdue, r.Summary.Ineffective)

	w("## Findings\n\n")
	if len(r.Findings) == 0 {
		w("No nonconformities, observations or opportunities for improvement.\n\n")
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
				w(", %s", e.When)
				switch {
				case e.SHA256 == "":
				case checkDigest(e.SHA256) == nil:
					w(", sha256 `%s`", e.SHA256)
				default:
					w(", sha256 %s", mdText(e.SHA256))
				}
				w("\n")
			}
			if len(f.Actions) > 0 {
				w("  - Corrective action: %s\n", mdText(strings.Join(f.Actions, ", ")))
			}
		}
		w("\n")
	}

	w("## Corrective actions\n\n")
	if len(r.Actions) == 0 {
		w("None.\n\n")
	} else {
		w("| Action | Finding | State | Owner | Due | Note |\n|---|---|---|---|---|---|\n")
		for _, a := range r.Actions {
			w("| %s | %s | %s | %s | %s | %s |\n", mdCell(a.ID), mdCell(a.Finding), mdCell(a.State.String()), mdCell(a.Owner), a.Due, actionNote(a))
		}
		w("\n")
	}

	rd := &r.Readiness
	w("## Readiness\n\n")
	w("| Group | Subjects | Audited | Score |\n|---|---:|---:|---:|\n")
	for _, s := range rd.Clauses {
		w("| Clause %s %s | %d | %d | %s |\n", mdCell(s.ID), mdCell(s.Title), s.Subjects, s.Audited, pct(s.Score))
	}
	for _, s := range rd.Themes {
		w("| %s | %d | %d | %s |\n", mdCell(s.Title), s.Subjects, s.Audited, pct(s.Score))
	}
	w("| **%s** | **%d** | **%d** | **%s** |\n\n", mdCell(rd.Overall.Title), rd.Overall.Subjects, rd.Overall.Audited, pct(rd.Overall.Score))
	if rd.Ready {
		w("**Verdict: ready for certification.**\n")
	} else {
		w("**Verdict: not ready for certification.** Reasons:\n\n")
		for _, x := range rd.Reasons {
			w("- %s: %s\n", mdText(x.Kind.String()), mdText(x.Detail))
		}
	}
	return b.Bytes()
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

// mdEscaper escapes with a backslash every ASCII punctuation character
// that can start or end Markdown syntax inside a line (emphasis, code,
// links and images, HTML and entities, headings' closing sequences,
// strikethrough, table cells), and turns line breaks into spaces, so that
// text stays one line of plain text.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"&", `\&`, "#", `\#`, "~", `\~`, "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")

// mdText escapes text for Markdown inline content.
func mdText(s string) string { return mdEscaper.Replace(s) }

// mdCell escapes text for a Markdown table cell; mdText already escapes
// the cell separator.
func mdCell(s string) string { return mdText(s) }

//go:embed report.html.tmpl
var reportHTML string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"code":     func(r Result) string { return r.code() },
	"clauses":  clauseList,
	"controls": controlList,
	"pct":      pct,
	"note":     actionNote,
	"join":     strings.Join,
}).Parse(reportHTML))

// HTML renders the report as a standalone HTML5 page with its own small
// style sheet; every value is escaped by html/template. The output is
// deterministic; a nil *Report renders as the zero Report. An error can
// only come from the template engine.
func (r *Report) HTML() ([]byte, error) {
	if r == nil {
		r = &Report{}
	}
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, r); err != nil {
		return nil, fmt.Errorf("audit: rendering HTML: %w", err)
	}
	return b.Bytes(), nil
}
