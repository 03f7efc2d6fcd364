package soa

import (
	"bytes"
	_ "embed"
	"html/template"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/table"
)

// Count is the number of entries of an SoA, or of one theme of it, by
// applicability and by status.
type Count struct {
	// The theme ("organizational", "A.9 Access control"); "" for the
	// total.
	Theme string
	// Entries counted.
	Entries int
	// By applicability.
	Included, Excluded, Undecided int
	// By status; the zero Status counts the entries without one.
	ByStatus map[Status]int
}

// Summary counts the entries of an SoA per theme and status.
type Summary struct {
	// Every entry.
	Total Count
	// One count per theme, in the order the themes first appear.
	Themes []Count
}

// Summary counts the entries of s, in total and per theme.
func (s SoA) Summary() Summary {
	sum := Summary{Total: Count{ByStatus: map[Status]int{}}}
	at := map[string]int{}
	for i := range s.Entries {
		e := &s.Entries[i]
		j, ok := at[e.Theme]
		if !ok {
			j = len(sum.Themes)
			at[e.Theme] = j
			sum.Themes = append(sum.Themes, Count{Theme: e.Theme, ByStatus: map[Status]int{}})
		}
		sum.Total.add(e)
		sum.Themes[j].add(e)
	}
	return sum
}

func (c *Count) add(e *Entry) {
	c.Entries++
	switch e.Applicability {
	case Included:
		c.Included++
	case Excluded:
		c.Excluded++
	case Undecided:
		c.Undecided++
	}
	c.ByStatus[e.Status]++
}

// summaryTable is the summary as rows of text: theme, entries,
// applicability counts, status counts, then a total row.
func (sum Summary) table() table.Table {
	t := table.Table{Header: []string{"Theme", "Controls", "Included", "Excluded", "Undecided"}}
	for _, st := range Statuses() {
		t.Header = append(t.Header, st.Label())
	}
	t.Header = append(t.Header, "No status")
	row := func(name string, c Count) {
		r := []string{name, strconv.Itoa(c.Entries), strconv.Itoa(c.Included), strconv.Itoa(c.Excluded), strconv.Itoa(c.Undecided)}
		for _, st := range Statuses() {
			r = append(r, strconv.Itoa(c.ByStatus[st]))
		}
		t.Rows = append(t.Rows, append(r, strconv.Itoa(c.ByStatus[0])))
	}
	for _, c := range sum.Themes {
		name := c.Theme
		if name == "" {
			name = "(none)"
		}
		row(name, c)
	}
	row("Total", sum.Total)
	return t
}

// SummaryTable returns the summary as a header and rows of text cells:
// one row per theme and a "Total" row; columns Theme, Controls,
// Included, Excluded, Undecided, one per status label, and No status.
// The spreadsheet export's summary sheet is this table.
func (sum Summary) SummaryTable() (header []string, rows [][]string) {
	t := sum.table()
	return t.Header, t.Rows
}

// ReasonText returns a reason in words for people: "Risk treatment:
// R-01, R-02", "Legal: GDPR Art. 32 (note)".
func (r Reason) ReasonText() string {
	var b strings.Builder
	b.WriteString(r.Kind.Label())
	switch {
	case len(r.Risks) > 0:
		b.WriteString(": ")
		b.WriteString(strings.Join(r.Risks, ", "))
	case r.Reference != "":
		b.WriteString(": ")
		b.WriteString(r.Reference)
	}
	if r.Note != "" {
		b.WriteString(" (")
		b.WriteString(r.Note)
		b.WriteString(")")
	}
	return b.String()
}

// ApplicableText returns "Yes", "No" or "Undecided".
func (e Entry) ApplicableText() string {
	switch e.Applicability {
	case Included:
		return "Yes"
	case Excluded:
		return "No"
	case Undecided:
		return "Undecided"
	}
	return e.Applicability.String()
}

// ResponsibilityText returns "" for the organisation's own control,
// "Inherited from P" or "Shared with P" otherwise.
func (e Entry) ResponsibilityText() string {
	switch e.Responsibility {
	case Own:
		return ""
	case Inherited:
		return "Inherited from " + e.Provider
	case Shared:
		return "Shared with " + e.Provider
	}
	return e.Responsibility.String()
}

func reasonsText(e *Entry) []string {
	out := make([]string, len(e.Reasons))
	for i, r := range e.Reasons {
		out[i] = r.ReasonText()
	}
	return out
}

func (h Header) rows() [][2]string {
	approved := "Draft, not approved"
	if h.ApprovedBy != "" {
		approved = h.ApprovedBy + ", " + h.ApprovedAt.String()
	}
	return [][2]string{
		{"Organisation", h.Organization},
		{"Scope", h.Scope},
		{"Version", h.Version},
		{"Date", h.Date.String()},
		{"Prepared by", h.PreparedBy},
		{"Approved", approved},
		{"Catalog", h.Catalog + " (edition " + h.Edition.String() + ")"},
	}
}

var mdHeader = []string{"Control", "Title", "Applicable", "Reasons for inclusion", "Justification for exclusion", "Status", "Implementation", "Owner", "Target date", "Responsibility", "Evidence"}

func (e *Entry) humanRow() []string {
	return []string{e.Control.String(), e.Title, e.ApplicableText(), strings.Join(reasonsText(e), "\n"), e.Justification,
		e.Status.Label(), e.Implementation, e.Owner, e.TargetDate.String(), e.ResponsibilityText(), strings.Join(e.Evidence, "\n")}
}

// mdText escapes the characters that Markdown would read as HTML.
var mdText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Markdown returns s as a Markdown document: the header, the summary per
// theme and status, and one table row per entry. Line breaks inside
// cells become <br>; pipes are escaped, and so are "&", "<" and ">" in
// the entries, so that no text is read as HTML. The same SoA gives the same
// bytes.
func Markdown(s SoA) []byte {
	var b bytes.Buffer
	b.WriteString("# Statement of Applicability\n\n")
	head := table.Table{Header: []string{"Field", "Value"}}
	for _, r := range s.Header.rows() {
		head.Append(r[0], r[1])
	}
	_ = head.WriteMarkdown(&b) // a bytes.Buffer does not fail
	b.WriteString("\n## Summary\n\n")
	st := s.Summary().table()
	_ = st.WriteMarkdown(&b)
	b.WriteString("\n## Controls\n\n")
	t := table.Table{Header: mdHeader}
	for i := range s.Entries {
		row := s.Entries[i].humanRow()
		for j := range row {
			row[j] = mdText.Replace(row[j])
		}
		t.Rows = append(t.Rows, row)
	}
	_ = t.WriteMarkdown(&b)
	return b.Bytes()
}

//go:embed soa.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("soa").Parse(htmlSource))

type htmlView struct {
	Header  [][2]string
	Summary table.Table
	Columns []string
	Rows    []htmlRow
	Title   string
}

type htmlRow struct {
	Class string
	Cells [][]string // each cell as lines
}

// HTML returns s as one self-contained HTML page (inline CSS, no scripts,
// no external resources) laid out for printing on landscape A4: the
// header, the summary and the table of entries, with undecided and
// excluded rows marked. The same SoA gives the same bytes.
func HTML(s SoA) ([]byte, error) {
	v := htmlView{Summary: s.Summary().table(), Columns: mdHeader, Title: "Statement of Applicability"}
	if s.Header.Organization != "" {
		v.Title += " - " + s.Header.Organization
	}
	v.Header = s.Header.rows()
	for i := range s.Entries {
		e := &s.Entries[i]
		r := htmlRow{Class: e.Applicability.String()}
		for j, c := range e.humanRow() {
			if j == 3 {
				r.Cells = append(r.Cells, reasonsText(e))
				continue
			}
			if j == 10 {
				r.Cells = append(r.Cells, e.Evidence)
				continue
			}
			r.Cells = append(r.Cells, []string{c})
		}
		v.Rows = append(v.Rows, r)
	}
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
