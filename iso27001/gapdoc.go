package iso27001

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/htmldoc"
)

// GapDocument is the gap analysis as a document for people: the
// GapReport of Analyze, with the organisation, version and letterhead
// that every ismskit document carries. HTML and Markdown render it with
// the key figures, the evidence per clause (with a chart), the mandatory
// documented information that is missing, expired or unapproved, every
// requirement item without evidence with what it asks for, the documents
// past their review date, and what the percentage means beside the
// readiness score of the internal audits. The zero value is an empty
// analysis; rendering it never fails.
type GapDocument struct {
	// The gap analysis.
	Report GapReport `json:"report"`
	// The organisation and the version of the document.
	Organization string `json:"organization,omitempty"`
	Version      string `json:"version,omitempty"`
	// The classification marking, logo and colour.
	Letterhead ismskit.Letterhead `json:"letterhead,omitzero"`
}

// standardOf returns the edition the report names, or the latest.
func standardOf(name string) *Standard {
	for _, s := range []*Standard{Latest(), MustNew(Edition2022), MustNew(Edition2013)} {
		if s.Name() == name {
			return s
		}
	}
	return Latest()
}

// statusWords names an item status for people.
func statusWords(s ItemStatus) string {
	switch s {
	case Evidenced:
		return "Evidenced"
	case Missing:
		return "Missing"
	case Expired:
		return "Past its review date"
	case Unapproved:
		return "Not approved"
	}
	return "Not analysed"
}

// docKindWords names the documented information an item asks for.
func docKindWords(k DocKind) string {
	switch k {
	case Maintained:
		return "Document to maintain"
	case Retained:
		return "Record to retain"
	}
	return ""
}

// gapRow is a requirement item without evidence, as the document shows
// it.
type gapRow struct {
	Item, Text, Kind, Status, Documents string
}

// gapSection is the items without evidence of one top-level clause.
type gapSection struct {
	Title string
	Rows  []gapRow
}

type gapView struct {
	R        *GapReport
	KPIs     [][2]string
	Top      []ClauseGap
	Missing  []gapRow
	Sections []gapSection
	Chart    template.HTML
	Note     []string
}

func (d GapDocument) view() gapView {
	r := &d.Report
	std := standardOf(r.Standard)
	text := func(id ItemID) string {
		if it, ok := std.Item(id); ok {
			return it.Text
		}
		return ""
	}
	docs := func(ev []string) string {
		var out []string
		for _, e := range ev {
			if id, ok := strings.CutPrefix(e, "document:"); ok {
				out = append(out, id)
			}
		}
		return strings.Join(out, ", ")
	}
	v := gapView{R: r, Note: htmldoc.ScoresNote(&htmldoc.Figure{Percent: r.Readiness, Count: r.Evidenced, Total: r.Total}, nil)}
	v.KPIs = [][2]string{
		{htmldoc.Pct(r.Readiness), "of the requirement items evidenced"},
		{fmt.Sprintf("%d of %d", r.Evidenced, r.Total), "items evidenced"},
		{fmt.Sprint(r.Total - r.Evidenced), "items without evidence"},
		{fmt.Sprint(len(r.MissingDocuments)), "mandatory documents missing, expired or not approved"},
		{fmt.Sprint(len(r.OverdueReviews)), "documents past their review date"},
	}
	var bars []htmldoc.Bar
	for _, m := range r.MissingDocuments {
		v.Missing = append(v.Missing, gapRow{Item: m.Item.String(), Text: text(m.Item), Kind: docKindWords(m.Kind),
			Status: statusWords(m.Status), Documents: strings.Join(m.Documents, ", ")})
	}
	for _, c := range r.Clauses {
		if c.Clause.Depth() == 1 {
			v.Top = append(v.Top, c)
			bars = append(bars, htmldoc.Bar{Label: "Clause " + c.Clause.String() + " " + c.Title, Value: c.Readiness, Text: htmldoc.Pct(c.Readiness)})
			v.Sections = append(v.Sections, gapSection{Title: "Clause " + c.Clause.String() + " " + c.Title})
		}
		for _, it := range c.Items {
			if it.Status == Evidenced || len(v.Sections) == 0 {
				continue
			}
			s := &v.Sections[len(v.Sections)-1]
			s.Rows = append(s.Rows, gapRow{Item: it.Item.String(), Text: text(it.Item), Kind: docKindWords(it.Documented),
				Status: statusWords(it.Status), Documents: docs(it.Evidence)})
		}
	}
	kept := v.Sections[:0]
	for _, s := range v.Sections {
		if len(s.Rows) > 0 {
			kept = append(kept, s)
		}
	}
	v.Sections = kept
	v.Chart = htmldoc.BarChart("Requirement items evidenced per clause (%)", bars, 100, d.Letterhead.AccentColour())
	return v
}

func (d GapDocument) head() htmldoc.Head {
	std := d.Report.Standard
	if std == "" {
		std = "ISO/IEC 27001"
	}
	return htmldoc.Head{Title: "Gap analysis", Subtitle: "The ISMS's documents and records against clauses 4 to 10 of " + std,
		Organization: d.Organization, Version: d.Version, Date: d.Report.AsOf, Letterhead: d.Letterhead}
}

//go:embed gapdoc.html.tmpl
var gapSource string

var gapTemplate = template.Must(template.New("gap").Funcs(template.FuncMap{"pct": htmldoc.Pct}).Parse(gapSource))

// HTML renders the document as one self-contained HTML page in the look
// every ismskit document shares, laid out for A4 landscape; every text is
// escaped. The only error is a Letterhead that does not validate. The
// output is deterministic.
func (d GapDocument) HTML() ([]byte, error) {
	return htmldoc.Execute(d.head(), gapTemplate, d.view())
}

// Markdown renders the document as Markdown (CommonMark with GitHub
// tables), with the parts of HTML but the chart; every text is escaped.
// The output is deterministic.
func (d GapDocument) Markdown() []byte {
	v := d.view()
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	md := htmldoc.MarkdownInline
	b.WriteString(htmldoc.MarkdownHead(d.head()))
	w("\n## Summary\n\n")
	var parts []string
	for _, k := range v.KPIs {
		parts = append(parts, k[0]+" "+k[1])
	}
	w("%s.\n\n", md(strings.Join(parts, " · ")))
	w("| Clause | Title | Evidenced | Items | Share |\n|---|---|---:|---:|---:|\n")
	for _, c := range v.Top {
		w("| %s | %s | %d | %d | %s |\n", c.Clause, md(c.Title), c.Evidenced, c.Total, htmldoc.Pct(c.Readiness))
	}
	w("| **All** |  | **%d** | **%d** | **%s** |\n", v.R.Evidenced, v.R.Total, htmldoc.Pct(v.R.Readiness))
	w("\n## Mandatory documented information\n\n")
	if len(v.Missing) == 0 {
		w("Every item that asks for documented information has a current, approved document.\n")
	} else {
		w("| Item | What it asks for | Kind | Status | Documents |\n|---|---|---|---|---|\n")
		for _, r := range v.Missing {
			w("| %s | %s | %s | %s | %s |\n", md(r.Item), md(r.Text), md(r.Kind), md(r.Status), md(r.Documents))
		}
	}
	w("\n## Requirement items without evidence\n\n")
	if len(v.Sections) == 0 {
		w("Every requirement item is evidenced.\n")
	}
	for _, s := range v.Sections {
		w("### %s\n\n| Item | What it asks for | Status | Documents |\n|---|---|---|---|\n", md(s.Title))
		for _, r := range s.Rows {
			w("| %s | %s | %s | %s |\n", md(r.Item), md(r.Text), md(r.Status), md(r.Documents))
		}
		w("\n")
	}
	w("\n## Documents past their review date\n\n")
	if len(v.R.OverdueReviews) == 0 {
		w("None.\n")
	} else {
		w("%s.\n", md(strings.Join(v.R.OverdueReviews, ", ")))
	}
	w("\n## What the percentage means\n\n")
	for _, p := range v.Note {
		w("%s\n\n", md(p))
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
