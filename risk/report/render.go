package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/htmldoc"
	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/risk"
)

//go:embed report.html.tmpl
var reportSource string

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"textColour":  risk.TextColour,
	"statusClass": statusClass,
}).Parse(reportSource))

// statusClass is the badge class of an action status in the stylesheet
// of internal/htmldoc.
func statusClass(s risk.ActionStatus) string {
	switch s {
	case risk.ActionDone:
		return "s-implemented"
	case risk.ActionInProgress:
		return "s-partially-implemented"
	case risk.ActionPlanned:
		return "s-planned"
	}
	return "s-not-applicable"
}

// KPIs returns the figures of the summary, each a number and what it
// counts, as every rendering shows them.
func (c Content) KPIs() [][2]string {
	s := c.Summary
	return [][2]string{
		{strconv.Itoa(s.Risks), "risks assessed"},
		{strconv.Itoa(s.AboveLimit), "above their limit after treatment"},
		{strconv.Itoa(s.Unaccepted), "of them without a valid acceptance"},
		{strconv.Itoa(s.PlansApproved) + " of " + strconv.Itoa(s.Risks), "treatment plans approved"},
		{strconv.Itoa(s.Open) + " of " + strconv.Itoa(s.Actions), "plan lines open"},
		{strconv.Itoa(s.Overdue), "actions overdue"},
	}
}

// LimitText returns the default acceptance limit by its label ("Medium").
func (c Content) LimitText() string { return levelOf(c.Criteria, c.Criteria.Acceptance.MaxLevel).Label }

// AppetiteTexts returns the appetites of the criteria in words, as
// "Business unit Payments, asset category customer-data: Low".
func (c Content) AppetiteTexts() []string {
	var out []string
	for _, a := range c.Criteria.Acceptance.Appetite {
		var who []string
		if a.BusinessUnit != "" {
			who = append(who, "business unit "+a.BusinessUnit)
		}
		if a.AssetCategory != "" {
			who = append(who, "asset category "+a.AssetCategory)
		}
		if len(who) == 0 {
			who = []string{"every risk"}
		}
		s := strings.Join(who, ", ")
		out = append(out, strings.ToUpper(s[:1])+s[1:]+": "+levelOf(c.Criteria, a.MaxLevel).Label)
	}
	return out
}

// HeatMapSVG returns the heat map of the three stages as an SVG document
// titled with the organisation and the day, in cells of 40 pixels so that
// it fits beside the summary on an A4 landscape page.
func (c Content) HeatMapSVG() []byte {
	b, _ := c.HeatMap.SVGWith(risk.SVGOptions{Stages: risk.Stages(), Organisation: c.Organisation, AsOf: c.AsOf, CellSize: 40}) // valid options
	return b
}

// view is what report.html.tmpl reads: the content, with the heat map
// as markup.
type view struct {
	Content
	HeatMap template.HTML
}

func (c Content) head(d Document) htmldoc.Head {
	return htmldoc.Head{Title: c.Title(), Subtitle: c.Subtitle(), Organization: c.Organisation,
		Version: c.Version, Date: c.AsOf, Letterhead: d.Letterhead}
}

// HTML returns the report as one self-contained HTML page in the look
// every document of ismskit shares (the stylesheet and title block of
// internal/htmldoc, as soa.Document.HTML): the summary, the heat map
// inline as SVG, the register ranked by residual risk with each rating
// as its level's word on its level's colour, and the treatment plan
// with every action and its overdue mark, laid out for A4 landscape.
// Every text from the document is escaped. The errors are Content's and
// a Letterhead that does not validate. The same document gives the same
// bytes.
func (d Document) HTML() ([]byte, error) {
	if err := d.Letterhead.Validate(); err != nil {
		return nil, fielderr.At("letterhead", err)
	}
	c, err := d.Content()
	if err != nil {
		return nil, err
	}
	v := view{Content: c, HeatMap: template.HTML(c.HeatMapSVG())} // SVGWith escapes every text
	return htmldoc.Execute(c.head(d), reportTemplate, v)
}

// Markdown returns the report as Markdown (CommonMark with GitHub
// tables) with the parts of HTML but the heat map, which it gives as a
// table of counts per level: the title block, the summary, the register
// ranked by residual risk (ratings as "High (L3 I4)"), the treatment plan
// with "overdue by n days" marks, and the criteria. Every text from the
// document is escaped. The errors are HTML's.
func (d Document) Markdown() ([]byte, error) {
	if err := d.Letterhead.Validate(); err != nil {
		return nil, fielderr.At("letterhead", err)
	}
	c, err := d.Content()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(htmldoc.MarkdownHead(c.head(d)))

	b.WriteString("\n## Summary\n\n")
	var parts []string
	for _, k := range c.KPIs() {
		parts = append(parts, k[0]+" "+k[1])
	}
	fmt.Fprintf(&b, "As of %s: %s.\n\n", c.AsOf, strings.Join(parts, " · "))
	t := table.Table{Header: []string{"Level", "Inherent", "Current", "Residual"}}
	for _, lc := range c.Summary.Levels {
		t.Append(lc.Level.Label, strconv.Itoa(lc.Inherent), strconv.Itoa(lc.Current), strconv.Itoa(lc.Residual))
	}
	n := strconv.Itoa(c.Summary.Risks)
	t.Append("All risks", n, n, n)
	writeMarkdown(&b, t)

	b.WriteString("\n## Risk register, ranked by residual risk\n\n")
	t = table.Table{Header: []string{"#", "Risk", "Title", "Owner", "Inherent", "Current", "Residual", "Limit", "Treatment", "Plan", "Acceptance", "Actions"}}
	for _, r := range c.Risks {
		limit := r.Limit
		if r.AboveLimit {
			limit += " (residual above)"
		}
		opt := r.Option.String()
		if r.SharedWith != "" {
			opt += " with " + r.SharedWith
		}
		actions := strconv.Itoa(r.Actions)
		if r.Overdue > 0 {
			actions += " (" + strconv.Itoa(r.Overdue) + " overdue)"
		}
		t.Append(strconv.Itoa(r.Position), r.ID, r.Title, r.Owner, r.Inherent.String(), r.Current.String(), r.Residual.String(),
			limit, opt, r.ApprovalText(), r.AcceptanceText(), actions)
	}
	writeMarkdown(&b, t)

	b.WriteString("\n## Treatment plan\n\n")
	s := c.Summary
	fmt.Fprintf(&b, "%d lines: %d open, %d overdue as of %s, %d open without a due date.\n\n", s.Actions, s.Open, s.Overdue, c.AsOf, s.NoDue)
	t = table.Table{Header: []string{"Due", "Risk", "Action", "Controls", "Owner", "Status"}}
	for _, a := range c.Plan {
		t.Append(a.DueText(), a.RiskID+" "+a.RiskTitle, a.ActionText(), a.ControlsText(), a.Owner, a.StatusText())
	}
	writeMarkdown(&b, t)

	b.WriteString("\n## Risk criteria\n\n")
	fmt.Fprintf(&b, "Criteria %s", htmldoc.MarkdownInline(c.Criteria.Ref().String()))
	if c.Criteria.Name != "" {
		fmt.Fprintf(&b, " (%s)", htmldoc.MarkdownInline(c.Criteria.Name))
	}
	fmt.Fprintf(&b, ": likelihood %d levels, impact %d levels; acceptance limit %s", len(c.Criteria.Likelihood.Levels),
		len(c.Criteria.Impact.Levels), htmldoc.MarkdownInline(c.LimitText()))
	if a := c.AppetiteTexts(); len(a) > 0 {
		fmt.Fprintf(&b, "; appetites: %s", htmldoc.MarkdownInline(strings.Join(a, "; ")))
	}
	b.WriteString(".\n\n")
	t = table.Table{Header: []string{"Level", "Colour", "Meaning"}}
	for _, lc := range c.Summary.Levels {
		t.Append(lc.Level.Label, lc.Level.Colour, lc.Level.Description)
	}
	writeMarkdown(&b, t)
	return b.Bytes(), nil
}

// DueText returns the due date with its overdue mark, as "2026-02-28
// (overdue by 273 days)", or "none".
func (a Action) DueText() string {
	if a.Due.IsZero() {
		return "none"
	}
	if a.Overdue {
		return a.Due.String() + " (overdue by " + strconv.Itoa(a.DaysOverdue) + " days)"
	}
	return a.Due.String()
}

// ActionText returns the action as "A1 Rate-limit logins", or "No action
// recorded for this planned control".
func (a Action) ActionText() string {
	if a.NoAction {
		return "No action recorded for this planned control"
	}
	return strings.TrimSpace(a.ID + " " + a.Title)
}

// ControlsText returns the controls, one a line.
func (a Action) ControlsText() string {
	s := make([]string, len(a.Controls))
	for i, c := range a.Controls {
		s[i] = c.String()
	}
	return strings.Join(s, "\n")
}

// writeMarkdown writes t with the text of its rows escaped.
func writeMarkdown(b *bytes.Buffer, t table.Table) {
	_ = t.WriteMarkdownText(b) // a bytes.Buffer does not fail
}
