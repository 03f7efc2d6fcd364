package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/internal/htmldoc"
	"github.com/ismskit/ismskit/internal/pdfdoc"
)

// Encode returns d as a PDF document, defaults filled as
// audit.ReportDocument.WithDefaults does. The only error is a Letterhead
// that does not validate (paths under "letterhead").
func Encode(d audit.ReportDocument) ([]byte, error) {
	d = d.WithDefaults()
	r := &d.Report
	return pdfdoc.Render(htmldoc.Head{Title: "Audit report", Subtitle: r.Standard + ", clauses 9.2 and 10.2",
		Organization: r.Organization, Version: d.Version, Date: r.AsOf, Letterhead: d.Letterhead}, func(doc *pdfdoc.Doc) { build(doc, d) })
}

// Write writes d to w as a PDF document, as Encode returns it. A nil w is
// an error wrapping ismskit.ErrMissing.
func Write(w io.Writer, d audit.ReportDocument) error {
	return pdfdoc.Write(w, func() ([]byte, error) { return Encode(d) })
}

func build(doc *pdfdoc.Doc, d audit.ReportDocument) {
	r := &d.Report
	w := pdfdoc.Width()
	findings, conforming, majors, results := 0, 0, 0, 0
	var bars []htmldoc.Bar
	for _, rc := range r.Summary.ByResult {
		results += rc.Count
		switch rc.Result {
		case audit.Conforming:
			conforming = rc.Count
			continue
		case audit.NotAudited:
			continue
		case audit.Major:
			majors = rc.Count
		}
		findings += rc.Count
		bars = append(bars, htmldoc.Bar{Label: rc.Result.String(), Value: float64(rc.Count), Text: fmt.Sprint(rc.Count), Fill: audit.ResultFill(rc.Result)})
	}
	verdict := "Not ready"
	if r.Readiness.Ready {
		verdict = "Ready"
	}

	doc.H2("Executive summary")
	doc.KPIs([][2]string{{fmt.Sprint(len(r.Scope.Audits)), "audits"}, {fmt.Sprint(results), "checklist results"},
		{fmt.Sprint(findings), "findings"}, {fmt.Sprint(majors), "major nonconformities"},
		{fmt.Sprint(r.Summary.Actions - r.Summary.Closed), "corrective actions open"},
		{htmldoc.Pct(r.Readiness.Overall.Score), "readiness score"}, {verdict, "for certification"}})
	for _, p := range d.ExecutiveSummary() {
		doc.Para(p)
	}
	doc.Bars(fmt.Sprintf("Findings by result (besides %d conforming results)", conforming), bars, 0)

	doc.H2("Objectives, criteria and method")
	auditees := "Not recorded"
	if len(d.Auditees) > 0 {
		auditees = strings.Join(d.Auditees, ", ")
	}
	doc.Fields([][2]string{{"Objectives", d.Objectives}, {"Criteria", d.Criteria}, {"Method", d.Method}, {"Auditees", auditees}})

	doc.H2("Scope and auditors")
	cover := "Every requirement item and applicable control is audited in the cycle."
	if len(r.Scope.Uncovered) > 0 {
		cover = "Never audited in the cycle: " + strings.Join(r.Scope.Uncovered, ", ") + "."
	}
	doc.Para(fmt.Sprintf("The programme covers %s to %s. %s", r.Scope.CycleStart, r.Scope.CycleEnd, cover))
	var rows []pdfdoc.Row
	for _, a := range r.Scope.Audits {
		title := a.ID
		if a.Title != "" {
			title += " " + a.Title
		}
		auditors := make([]string, len(a.Auditors))
		for i, n := range a.Auditors {
			auditors[i] = n
			if n == a.Lead && n != "" {
				auditors[i] += " (lead)"
			}
		}
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{{Lines: []string{title}, Bold: true}, pdfdoc.Text(a.Kind.String()),
			pdfdoc.Text(a.Start.String() + " to " + a.End.String()), pdfdoc.Text(strings.Join(auditors, ", ")), {Lines: a.ScopeLines()}}})
	}
	doc.Table([]pdfdoc.Column{{Title: "Audit", Width: w * .16}, {Title: "Kind", Width: w * .1}, {Title: "Dates", Width: w * .1},
		{Title: "Auditors", Width: w * .14}, {Title: "Scope", Width: w * .5}}, rows)

	doc.H2("Findings")
	if len(r.Findings) == 0 {
		doc.Para("No nonconformities, observations or opportunities for improvement were recorded; every examined line conformed.")
	}
	for _, g := range r.Findings {
		doc.H3(fmt.Sprintf("%s (%d)", g.Result, len(g.Findings)))
		var rows []pdfdoc.Row
		fill, ink := resultColours(g.Result)
		for _, f := range g.Findings {
			var stmt []string
			if f.Statement != "" {
				stmt = append(stmt, f.Statement)
			}
			for _, e := range f.Evidence {
				s := "Evidence " + e.ID + ": " + e.What
				if e.Where != "" {
					s += " (" + e.Where + ")"
				}
				s += ", examined " + e.When.String()
				if e.SHA256 != "" {
					s += ", SHA-256 " + e.SHA256
				}
				stmt = append(stmt, s)
			}
			var actions []string
			for _, a := range r.Actions {
				if a.Finding == f.ID {
					actions = append(actions, a.Sentence())
				}
			}
			if len(actions) == 0 {
				actions = []string{"None required."}
			}
			rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
				{Lines: []string{f.ID, "Audit " + f.Audit + ", " + f.Date.String() + ", " + f.Auditor}, Fill: &fill, Ink: &ink},
				pdfdoc.Text(f.Subject + " " + f.Title), {Lines: stmt}, {Lines: actions}}})
		}
		doc.Table([]pdfdoc.Column{{Title: "Finding", Width: w * .12}, {Title: "Requirement or control", Width: w * .2},
			{Title: "Statement and evidence", Width: w * .38}, {Title: "Corrective action", Width: w * .3}}, rows)
	}

	doc.H2("Corrective actions")
	if len(r.Actions) == 0 {
		doc.Para("None was needed.")
	} else {
		doc.Para(fmt.Sprintf("%d corrective actions as of %s: %d closed as effective, %d overdue, %d ineffective.",
			r.Summary.Actions, r.AsOf, r.Summary.Closed, r.Summary.Overdue, r.Summary.Ineffective))
		var rows []pdfdoc.Row
		for _, a := range r.Actions {
			action := a.Action
			if action == "" {
				action = "Not yet planned"
			}
			due := pdfdoc.Text(a.Due.String())
			switch {
			case a.Overdue:
				due = pdfdoc.Cell{Lines: []string{a.Due.String(), "Overdue"}, Bold: true, Fill: &pdfdoc.Todo, Ink: &pdfdoc.TodoInk}
			case a.Ineffective:
				due = pdfdoc.Cell{Lines: []string{a.Due.String(), "Ineffective"}, Bold: true, Fill: &pdfdoc.Todo, Ink: &pdfdoc.TodoInk}
			}
			rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{pdfdoc.Text(a.ID), pdfdoc.Text(a.Finding), pdfdoc.Text(a.State.String()),
				pdfdoc.Text(action), pdfdoc.Text(a.Owner), due}})
		}
		doc.Table([]pdfdoc.Column{{Title: "Action", Width: w * .08}, {Title: "Finding", Width: w * .1}, {Title: "State", Width: w * .1},
			{Title: "Corrective action", Width: w * .44}, {Title: "Owner", Width: w * .17}, {Title: "Due", Width: w * .11}}, rows)
	}

	rd := &r.Readiness
	doc.H2("Readiness and verdict")
	ink := pdfdoc.TodoInk
	if rd.Ready {
		ink = pdfdoc.OKInk
	}
	doc.Strong(rd.Verdict(), ink)
	for i, x := range rd.Reasons {
		doc.Para(fmt.Sprintf("%d. %s", i+1, x.Sentence()))
	}
	rows = nil
	var scores []htmldoc.Bar
	add := func(name string, s audit.Score, bold bool) {
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{{Lines: []string{name}, Bold: bold}, {Lines: []string{fmt.Sprint(s.Subjects)}, Bold: bold},
			{Lines: []string{fmt.Sprint(s.Audited)}, Bold: bold}, {Lines: []string{htmldoc.Pct(s.Score)}, Bold: bold}}})
		if !bold {
			scores = append(scores, htmldoc.Bar{Label: name, Value: s.Score, Text: htmldoc.Pct(s.Score)})
		}
	}
	for _, s := range rd.Clauses {
		add("Clause "+s.ID+" "+s.Title, s, false)
	}
	for _, s := range rd.Themes {
		add(s.Title, s, false)
	}
	add(rd.Overall.Title, rd.Overall, true)
	doc.Table([]pdfdoc.Column{{Title: "Group", Width: 120}, {Title: "Subjects", Width: 25, Right: true},
		{Title: "Audited", Width: 25, Right: true}, {Title: "Score", Width: 25, Right: true}}, rows)
	doc.Bars("Readiness score per clause and theme (%)", scores, 100)
	for _, p := range htmldoc.ScoresNote(nil, &htmldoc.Figure{Percent: rd.Overall.Score, Count: rd.Overall.Audited, Total: rd.Overall.Subjects}) {
		doc.Note(p)
	}

	doc.H2("Distribution")
	if len(d.Distribution) == 0 {
		doc.Para("Not recorded.")
	}
	for _, p := range d.Distribution {
		doc.Para("• " + p)
	}
	doc.H2("Sign-off")
	doc.SignOff([][3]string{{"Prepared by", d.PreparedBy, r.AsOf.String()}, {"Approved by", d.ApprovedBy, d.ApprovedAt.String()}})
}

func resultColours(r audit.Result) (fill, ink pdfdoc.Colour) {
	switch r {
	case audit.Major:
		return pdfdoc.Todo, pdfdoc.TodoInk
	case audit.Minor, audit.Observation:
		return pdfdoc.Part, pdfdoc.PartInk
	case audit.Opportunity:
		return pdfdoc.Plan, pdfdoc.PlanInk
	}
	return pdfdoc.NA, pdfdoc.NAInk
}
