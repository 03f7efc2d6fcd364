package soa

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/table"
)

// Count is the number of entries of an SoA, or of one theme of it, by
// applicability and by implementation status. Templates read the counts
// as fields ({{.Total.Implemented}}) or through ByStatus.
type Count struct {
	// The theme ("organizational", "A.9 Access control"); "" for the
	// total.
	Theme string `json:"theme"`
	// Entries counted.
	Entries int `json:"entries"`
	// Entries by applicability; an entry with an undefined applicability
	// counts in none of them.
	Included  int `json:"included"`
	Excluded  int `json:"excluded"`
	Undecided int `json:"undecided"`
	// Entries by status.
	NotStarted           int `json:"notStarted"`
	Planned              int `json:"planned"`
	PartiallyImplemented int `json:"partiallyImplemented"`
	Implemented          int `json:"implemented"`
	NotApplicable        int `json:"notApplicable"`
	// Entries without a status, or with an undefined one.
	NoStatus int `json:"noStatus"`
}

// ByStatus returns the number of entries with status st; the zero Status
// gives NoStatus, an undefined one 0.
func (c Count) ByStatus(st Status) int {
	if p := c.status(st); p != nil {
		return *p
	}
	return 0
}

// status returns the field that counts st, or nil for an undefined st.
func (c *Count) status(st Status) *int {
	switch st {
	case 0:
		return &c.NoStatus
	case NotStarted:
		return &c.NotStarted
	case Planned:
		return &c.Planned
	case PartiallyImplemented:
		return &c.PartiallyImplemented
	case Implemented:
		return &c.Implemented
	case NotApplicable:
		return &c.NotApplicable
	}
	return nil
}

// Summary counts the entries of an SoA per theme and status.
type Summary struct {
	// Every entry.
	Total Count `json:"total"`
	// One count per theme, in the order the themes first appear.
	Themes []Count `json:"themes,omitempty"`
}

// Summary counts the entries of s, in total and per theme.
func (s SoA) Summary() Summary {
	var sum Summary
	at := map[string]int{}
	for i := range s.Entries {
		e := &s.Entries[i]
		j, ok := at[e.Theme]
		if !ok {
			j = len(sum.Themes)
			at[e.Theme] = j
			sum.Themes = append(sum.Themes, Count{Theme: e.Theme})
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
	if p := c.status(e.Status); p != nil {
		*p++
	} else {
		c.NoStatus++
	}
}

// summaryTable is the summary as rows of text: theme, entries,
// applicability counts, status counts, then a total row.
func (sum Summary) table() table.Table {
	t := table.Table{Header: []string{"Theme", "Controls", "Included", "Excluded", "Undecided"}}
	for _, st := range Statuses() {
		t.Header = append(t.Header, st.String())
	}
	t.Header = append(t.Header, "No status")
	row := func(name string, c Count) {
		r := []string{name, strconv.Itoa(c.Entries), strconv.Itoa(c.Included), strconv.Itoa(c.Excluded), strconv.Itoa(c.Undecided)}
		for _, st := range Statuses() {
			r = append(r, strconv.Itoa(c.ByStatus(st)))
		}
		t.Rows = append(t.Rows, append(r, strconv.Itoa(c.NoStatus)))
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

// String returns the reason in words for people: "Risk treatment: R-01,
// R-02", "Legal: GDPR Art. 32 (note)".
func (r Reason) String() string {
	var b strings.Builder
	b.WriteString(r.Kind.String())
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

// applicableText returns "Yes", "No" or "Undecided", the Applicable
// column of the documents for people.
func (e *Entry) applicableText() string {
	switch e.Applicability {
	case Included:
		return "Yes"
	case Excluded:
		return "No"
	}
	return e.Applicability.String()
}

// responsibilityText returns "" for the organisation's own control,
// "Inherited from P" or "Shared with P" otherwise.
func (e *Entry) responsibilityText() string {
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
		out[i] = r.String()
	}
	return out
}

// Markdown returns s as a Markdown document: Document{SoA: s}.Markdown,
// the SoA as people read it, with every text escaped. The same SoA gives
// the same bytes.
func Markdown(s SoA) []byte { return Document{SoA: s}.Markdown() }

// writeMarkdown writes t with the text of its rows escaped.
func writeMarkdown(b *bytes.Buffer, t table.Table) {
	_ = t.WriteMarkdownText(b) // a bytes.Buffer does not fail
}

// HTML returns s as one self-contained HTML page laid out for printing on
// A4 landscape: Document{SoA: s}.HTML. The same SoA gives the same
// bytes.
func HTML(s SoA) ([]byte, error) { return Document{SoA: s}.HTML() }
