package soa

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/htmldoc"
	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/iso27002"
)

// Document is a Statement of Applicability as the document people hand
// over (to a certification body, a customer, management): the SoA, and
// what its reader needs that the SoA does not hold. HTML and Markdown
// render it here, package soa/xlsx as a workbook and package soa/pdf as a
// PDF, all with the same parts:
//
//   - the title block: organisation, version, date and classification
//     marking (Letterhead);
//   - the document's fields: the ISMS scope (ScopeStatement in words,
//     with the header's Scope reference), the catalog, the state of
//     approval;
//   - the summary: counts per theme and status, overdue target dates;
//   - the controls grouped by theme, each with whether it applies, the
//     reasons in words ("Legal: GDPR Art. 32", "Risk treatment: R-29") or
//     the justification of its exclusion, its status colour-coded, its
//     target date flagged when overdue as of AsOf, the implementation
//     description, owner, responsibility and evidence;
//   - the version history (History, from Diff);
//   - the approval block: prepared by, approved by and date, with room
//     for signatures while the SoA is a draft.
//
// The zero value is an empty document; rendering it never fails.
type Document struct {
	// The Statement of Applicability.
	SoA SoA `json:"soa"`
	// The ISMS scope statement (clause 4.3) in words, which the reader
	// needs rather than the header's Scope reference; empty shows the
	// reference alone.
	ScopeStatement string `json:"scopeStatement,omitempty"`
	// The version history: the change logs between consecutive earlier
	// versions, oldest first, the last one normally ending at this SoA
	// (Diff(previous, current)).
	History []ChangeLog `json:"history,omitempty"`
	// The day target dates are compared with to flag them overdue; the
	// zero Date means the SoA's own date.
	AsOf ismskit.Date `json:"asOf,omitzero"`
	// The classification marking, logo and colour.
	Letterhead ismskit.Letterhead `json:"letterhead,omitzero"`
}

// Day returns the day target dates are compared with: AsOf, or the SoA's
// date when AsOf is zero.
func (d Document) Day() ismskit.Date {
	if d.AsOf.IsZero() {
		return d.SoA.Header.Date
	}
	return d.AsOf
}

// IsOverdue reports whether the entry is included, not yet implemented
// (nor marked not applicable) and its target date is before asOf. An
// entry without a target date is never overdue.
func (e Entry) IsOverdue(asOf ismskit.Date) bool {
	return e.Applicability == Included && !e.TargetDate.IsZero() && e.TargetDate.Before(asOf) &&
		e.Status != Implemented && e.Status != NotApplicable
}

// ThemeTitle returns the heading of the entries of a theme: "Organizational
// controls" for a theme of ISO/IEC 27002:2022 (as Entry.Theme holds it,
// "organizational"), the theme itself for others ("A.9 Access control"),
// and "Other controls" for none.
func ThemeTitle(theme string) string {
	if t, err := iso27002.ParseTheme(theme); err == nil && theme != "" && theme[0] > '9' {
		return t.String()
	}
	if strings.TrimSpace(theme) == "" {
		return "Other controls"
	}
	return theme
}

// Description returns the change log in one sentence for a version
// history: "First version." for an empty log without an older version,
// "No control changed.", or the count and the controls by kind: "3
// controls changed: 5.7 (status), 8.8 (status, evidence); added: 8.30."
func (c ChangeLog) Description() string {
	if c.IsEmpty() {
		if c.FromVersion == "" && c.FromDate.IsZero() {
			return "First version."
		}
		return "No control changed."
	}
	var mod, add, rem []string
	for _, ch := range c.Changes {
		switch ch.Kind {
		case Added:
			add = append(add, ch.Control.String())
		case Removed:
			rem = append(rem, ch.Control.String())
		default:
			fields := make([]string, len(ch.Fields))
			for i, f := range ch.Fields {
				fields[i] = fieldWords(f.Field)
			}
			mod = append(mod, ch.Control.String()+" ("+strings.Join(fields, ", ")+")")
		}
	}
	n := len(c.Changes)
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s changed", n, plural(n, "control", "controls"))
	sep := ": "
	if len(mod) > 0 {
		b.WriteString(sep + strings.Join(mod, ", "))
		sep = "; "
	}
	if len(add) > 0 {
		b.WriteString(sep + "added " + strings.Join(add, ", "))
		sep = "; "
	}
	if len(rem) > 0 {
		b.WriteString(sep + "removed " + strings.Join(rem, ", "))
	}
	b.WriteString(".")
	return b.String()
}

// fieldWords names a field of FieldChange for people.
func fieldWords(field string) string {
	switch field {
	case "targetDate":
		return "target date"
	}
	return field
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// group is the entries of one theme, for the renderers.
type group struct {
	Title   string
	Count   Count
	Entries []docRow
}

// docRow is an entry as the documents show it.
type docRow struct {
	ID, Title      string
	Applicable     string // Yes, No, Undecided
	Class          string // "", "excluded", "undecided"
	Why            []string
	Status         string // the label, or "Undecided"
	StatusClass    string
	Target         string
	Overdue        bool
	Implementation []string
	Owner          string
	Evidence       []string
}

// groups returns the entries of d grouped by theme, in the order the
// themes first appear.
func (d Document) groups() []group {
	sum := d.SoA.Summary()
	at := make(map[string]int, len(sum.Themes))
	out := make([]group, len(sum.Themes))
	for i, c := range sum.Themes {
		at[c.Theme] = i
		out[i] = group{Title: ThemeTitle(c.Theme), Count: c}
	}
	day := d.Day()
	for i := range d.SoA.Entries {
		e := &d.SoA.Entries[i]
		g := &out[at[e.Theme]]
		g.Entries = append(g.Entries, e.docRow(day))
	}
	return out
}

func (e *Entry) docRow(day ismskit.Date) docRow {
	r := docRow{ID: e.Control.String(), Title: e.Title, Applicable: e.applicableText(), Owner: e.Owner,
		Status: e.Status.String(), StatusClass: "s-" + e.Status.code(), Target: e.TargetDate.String(),
		Overdue: e.IsOverdue(day), Evidence: e.Evidence}
	switch e.Applicability {
	case Included:
		r.Why = reasonsText(e)
	case Excluded:
		r.Class = "excluded"
		if e.Justification != "" {
			r.Why = []string{e.Justification}
		}
	default:
		r.Class = "undecided"
		r.Why = reasonsText(e)
		if e.Status == 0 {
			r.Status, r.StatusClass = "Undecided", "s-not-started"
		}
	}
	if e.Status == 0 && r.Status == "" {
		r.Status, r.StatusClass = "No status", "s-none"
	}
	if e.Implementation != "" {
		r.Implementation = append(r.Implementation, e.Implementation)
	}
	if s := e.responsibilityText(); s != "" {
		r.Implementation = append(r.Implementation, s+".")
	}
	for _, n := range e.Notes {
		r.Implementation = append(r.Implementation, "Note: "+n)
	}
	return r
}

// Fields returns the labelled fields of the document block that every
// rendering shows: "ISMS scope" (the scope statement with the header's
// reference), "Control catalog" (with its edition) and "Approval" (who
// approved it and when, or that it is a draft).
func (d Document) Fields() [][2]string {
	h := d.SoA.Header
	scope := d.ScopeStatement
	switch {
	case scope == "" && h.Scope == "":
		scope = "Not stated"
	case scope == "":
		scope = h.Scope
	case h.Scope != "":
		scope += " (" + h.Scope + ")"
	}
	catalog := h.Catalog
	if catalog == "" {
		catalog = "Not stated"
	}
	if h.Edition.IsValid() {
		catalog += " (" + h.Edition.String() + " edition)"
	}
	return [][2]string{
		{"ISMS scope", scope},
		{"Control catalog", catalog},
		{"Approval", approvalText(h)},
	}
}

func approvalText(h Header) string {
	if h.ApprovedBy == "" {
		return "Draft, not yet approved"
	}
	if h.ApprovedAt.IsZero() {
		return "Approved by " + h.ApprovedBy
	}
	return "Approved by " + h.ApprovedBy + " on " + h.ApprovedAt.String()
}

// kpi is one figure of the summary.
type kpi struct {
	Value int
	Label string
}

func (d Document) kpis() []kpi {
	t := d.SoA.Summary().Total
	overdue := 0
	day := d.Day()
	for i := range d.SoA.Entries {
		if d.SoA.Entries[i].IsOverdue(day) {
			overdue++
		}
	}
	out := []kpi{{t.Entries, "controls"}, {t.Included, "applicable"}, {t.Excluded, "excluded"}}
	if t.Undecided > 0 {
		out = append(out, kpi{t.Undecided, "undecided"})
	}
	return append(out, kpi{t.Implemented, "implemented"}, kpi{t.PartiallyImplemented, "partially implemented"},
		kpi{t.Planned + t.NotStarted, "planned or not started"}, kpi{overdue, "past their target date"})
}

// summaryTable is the summary for people: themes by their titles, and
// without the Undecided and No status columns when they count nothing.
func (d Document) summaryTable() table.Table {
	sum := d.SoA.Summary()
	t := sum.table()
	drop := map[int]bool{}
	for j, h := range t.Header {
		if (h == "Undecided" && sum.Total.Undecided == 0) || (h == "No status" && sum.Total.NoStatus == 0) {
			drop[j] = true
		}
	}
	keep := func(r []string) []string {
		out := make([]string, 0, len(r))
		for j, c := range r {
			if !drop[j] {
				out = append(out, c)
			}
		}
		return out
	}
	t.Header = keep(t.Header)
	for i, r := range t.Rows {
		if i < len(sum.Themes) {
			r[0] = ThemeTitle(sum.Themes[i].Theme)
		}
		t.Rows[i] = keep(r)
	}
	return t
}

// history is one row of the version history.
type history struct {
	Version, Date, Changes string
}

func (d Document) history() []history {
	var out []history
	for i, c := range d.History {
		if i == 0 && (c.FromVersion != "" || !c.FromDate.IsZero()) {
			out = append(out, history{c.FromVersion, c.FromDate.String(), "Earlier version."})
		}
		out = append(out, history{c.ToVersion, c.ToDate.String(), c.Description()})
	}
	return out
}

func (d Document) head() htmldoc.Head {
	h := d.SoA.Header
	return htmldoc.Head{Title: "Statement of Applicability", Subtitle: "ISO/IEC 27001:2022 clause 6.1.3 d",
		Organization: h.Organization, Version: h.Version, Date: h.Date, Letterhead: d.Letterhead}
}

//go:embed document.html.tmpl
var documentSource string

var documentTemplate = template.Must(template.New("soa").Parse(documentSource))

// documentView is what document.html.tmpl reads.
type documentView struct {
	Fields   [][2]string
	KPIs     []kpi
	Summary  table.Table
	Groups   []group
	History  []history
	Header   Header
	Day      string
	Overdue  bool
	Undecide bool
}

// HTML returns the document as one self-contained HTML page (inline CSS,
// no scripts, no external resources; the logo embedded) in the look that
// every document of ismskit shares, laid out for A4 landscape: table
// headings repeat on every page, and where the browser supports it every
// page carries the organisation, the classification marking and "Page n
// of N". Every text from the document is escaped. The only error is a
// Letterhead that does not validate. The same document gives the same
// bytes.
func (d Document) HTML() ([]byte, error) {
	v := documentView{Fields: d.Fields(), KPIs: d.kpis(), Summary: d.summaryTable(), Groups: d.groups(),
		History: d.history(), Header: d.SoA.Header, Day: d.Day().String()}
	return htmldoc.Execute(d.head(), documentTemplate, v)
}

// Markdown returns the document as Markdown (CommonMark with GitHub
// tables), with the same parts as HTML: the title block, the fields, the
// summary, one table of controls per theme, the version history and the
// approval block. Every text from the document is escaped, so that none
// is read as HTML, a link or formatting; line breaks inside cells become
// <br>. The same document gives the same bytes.
func (d Document) Markdown() []byte {
	var b bytes.Buffer
	b.WriteString(htmldoc.MarkdownHead(d.head()))
	b.WriteString("\n## Document\n\n")
	f := table.Table{Header: []string{"Field", "Value"}}
	for _, r := range d.Fields() {
		f.Append(r[0], r[1])
	}
	writeMarkdown(&b, f)

	b.WriteString("\n## Summary\n\n")
	var parts []string
	for _, k := range d.kpis() {
		parts = append(parts, strconv.Itoa(k.Value)+" "+k.Label)
	}
	b.WriteString(strings.Join(parts, " · ") + ".\n\n")
	writeMarkdown(&b, d.summaryTable())

	day := d.Day().String()
	for _, g := range d.groups() {
		fmt.Fprintf(&b, "\n## %s\n\n", htmldoc.MarkdownInline(g.Title))
		fmt.Fprintf(&b, "%d controls, %d applicable, %d excluded.\n\n", g.Count.Entries, g.Count.Included, g.Count.Excluded)
		t := table.Table{Header: []string{"Control", "Title", "Applicable", "Reasons for inclusion or justification for exclusion", "Status", "Target date", "Implementation", "Owner", "Evidence"}}
		for _, r := range g.Entries {
			target := r.Target
			if r.Overdue {
				target += " (overdue on " + day + ")"
			}
			t.Append(r.ID, r.Title, r.Applicable, strings.Join(r.Why, "\n"), r.Status, target,
				strings.Join(r.Implementation, "\n"), r.Owner, strings.Join(r.Evidence, "\n"))
		}
		writeMarkdown(&b, t)
	}

	b.WriteString("\n## Version history\n\n")
	if hs := d.history(); len(hs) == 0 {
		b.WriteString("No earlier version is recorded.\n")
	} else {
		t := table.Table{Header: []string{"Version", "Date", "Changes"}}
		for _, h := range hs {
			t.Append(h.Version, h.Date, h.Changes)
		}
		writeMarkdown(&b, t)
	}

	h := d.SoA.Header
	b.WriteString("\n## Approval\n\n")
	t := table.Table{Header: []string{"Role", "Name", "Date", "Signature"}}
	t.Append("Prepared by", h.PreparedBy, h.Date.String(), "")
	t.Append("Approved by", h.ApprovedBy, h.ApprovedAt.String(), "")
	writeMarkdown(&b, t)
	return b.Bytes()
}
