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
// GitHub tables). The output is deterministic.
func (r *Report) Markdown() []byte {
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
		w("| %s | %s | %s to %s | %s | %s | %s |\n", mdCell(title), a.Kind, a.Start, a.End,
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
		w("| %s | %d |\n", c.Result.Title(), c.Count)
	}
	w("| **Total** | **%d** |\n\n", r.Summary.Findings)
	w("Corrective actions: %d, of which %d closed, %d overdue, %d ineffective.\n\n",
		r.Summary.Actions, r.Summary.Closed, r.Summary.Overdue, r.Summary.Ineffective)

	w("## Findings\n\n")
	if len(r.Findings) == 0 {
		w("No nonconformities, observations or opportunities for improvement.\n\n")
	}
	for _, g := range r.Findings {
		w("### %s (%d)\n\n", g.Result.Title(), len(g.Findings))
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
				if e.SHA256 != "" {
					w(", sha256 `%s`", e.SHA256)
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
			w("| %s | %s | %s | %s | %s | %s |\n", mdCell(a.ID), mdCell(a.Finding), a.State, mdCell(a.Owner), a.Due, actionNote(a))
		}
		w("\n")
	}

	rd := &r.Readiness
	w("## Readiness\n\n")
	w("| Group | Subjects | Audited | Score |\n|---|---:|---:|---:|\n")
	for _, s := range rd.Clauses {
		w("| Clause %s %s | %d | %d | %s |\n", s.ID, mdCell(s.Title), s.Subjects, s.Audited, pct(s.Score))
	}
	for _, s := range rd.Themes {
		w("| %s | %d | %d | %s |\n", mdCell(s.Title), s.Subjects, s.Audited, pct(s.Score))
	}
	w("| **%s** | **%d** | **%d** | **%s** |\n\n", rd.Overall.Title, rd.Overall.Subjects, rd.Overall.Audited, pct(rd.Overall.Score))
	if rd.Ready {
		w("**Verdict: ready for certification.**\n")
	} else {
		w("**Verdict: not ready for certification.** Reasons:\n\n")
		for _, x := range rd.Reasons {
			w("- %s: %s\n", x.Kind, mdText(x.Detail))
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

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`, "\n", " ", "\r", " ")

// mdText escapes text for Markdown inline content.
func mdText(s string) string { return mdEscaper.Replace(s) }

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string { return strings.ReplaceAll(mdText(s), "|", `\|`) }

//go:embed report.html.tmpl
var reportHTML string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"clauses":  clauseList,
	"controls": controlList,
	"pct":      pct,
	"note":     actionNote,
	"join":     strings.Join,
}).Parse(reportHTML))

// HTML renders the report as a standalone HTML5 page with its own small
// style sheet; every value is escaped by html/template. The output is
// deterministic. An error can only come from the template engine.
func (r *Report) HTML() ([]byte, error) {
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, r); err != nil {
		return nil, fmt.Errorf("audit: rendering HTML: %w", err)
	}
	return b.Bytes(), nil
}
