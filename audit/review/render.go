package review

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/iso27002"
)

// block is one part of a rendered pack: a heading, a paragraph or a
// table. Markdown and HTML render the same blocks, so that the two
// forms say the same.
type block struct {
	Level   int // heading level, 0 for a paragraph or a table
	Heading string
	Text    string   // a paragraph, one line
	Lines   []string // a paragraph of several lines
	Header  []string
	Rows    [][]string
}

// blocks lays the pack out.
func (p *Pack) blocks() []block {
	var bs []block
	h := func(level int, s string) { bs = append(bs, block{Level: level, Heading: s}) }
	para := func(s string) { bs = append(bs, block{Text: s}) }
	tab := func(header []string, rows [][]string) {
		if len(rows) > 0 {
			bs = append(bs, block{Header: header, Rows: rows})
		}
	}
	h(1, p.Title)
	lines := []string{"Standard: " + p.Standard, "Prepared as of: " + p.AsOf.String(),
		"Period under review: " + p.Since.String() + " to " + p.AsOf.String()}
	if p.PreviousReview != "" {
		lines = append(lines, "Previous review: "+p.PreviousReview)
	}
	bs = append(bs, block{Lines: lines})
	h(2, "Inputs")
	for i := range p.Inputs {
		in := &p.Inputs[i]
		h(3, in.Item.String()+" "+in.Title)
		para(in.Summary)
		inputTables(in, tab)
	}
	h(2, "Proposed decisions")
	if len(p.Proposals) == 0 {
		para("None.")
	}
	tab([]string{"ID", "Kind", "Decision", "Owner", "Due", "Inputs"}, decisionRows(p.Proposals))
	if m := p.Meeting; m != nil {
		h(2, "Decisions")
		text := "Held on " + m.Date.String() + " as review " + m.ID
		if m.Chair != "" {
			text += ", chaired by " + m.Chair
		}
		if len(m.Attendees) > 0 {
			text += "; attendees: " + strings.Join(m.Attendees, ", ")
		}
		if m.DocumentID != "" {
			text += "; minutes: " + m.DocumentID
		}
		para(text + ".")
		if len(m.Decisions) == 0 {
			para("No decision was taken.")
		}
		tab([]string{"ID", "Kind", "Decision", "Owner", "Due", "Inputs"}, decisionRows(m.Decisions))
	}
	return bs
}

func decisionRows(ds []Decision) [][]string {
	var rows [][]string
	for _, d := range ds {
		var ins []string
		for _, it := range d.Inputs {
			ins = append(ins, it.String())
		}
		rows = append(rows, []string{d.ID, d.Kind.String(), d.Decision, d.Owner, d.Due.String(), strings.Join(ins, ", ")})
	}
	return rows
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

func controlList(cs []iso27002.ControlID) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, ", ")
}

func lower(s fmt.Stringer) string { return strings.ToLower(s.String()) }

// inputTables adds the tables of an input's data.
func inputTables(in *Input, tab func([]string, [][]string)) {
	var rows [][]string
	for _, a := range in.Actions {
		st := "not tracked"
		if a.Status != 0 {
			st = a.Improvement + " " + lower(a.Status)
		}
		rows = append(rows, []string{a.Review, a.Decision, a.Owner, a.Due.String(), st, yes(a.Overdue)})
	}
	tab([]string{"Review", "Decision", "Owner", "Due", "Status", "Overdue"}, rows)
	rows = nil
	for _, is := range in.Issues {
		rows = append(rows, []string{is.ID, is.Origin.String(), is.Description, lower(is.Change)})
	}
	tab([]string{"Issue", "Origin", "Description", "Change"}, rows)
	rows = nil
	for _, r := range in.Requirements {
		addr := "undecided"
		if r.Addressed != nil {
			addr = map[bool]string{true: "yes", false: "no"}[*r.Addressed]
		}
		rows = append(rows, []string{r.Party + " " + r.Name, r.Requirement, addr, lower(r.Change)})
	}
	tab([]string{"Party", "Requirement", "Addressed", "Change"}, rows)
	if n := in.Nonconformities; n != nil {
		rows = nil
		for _, x := range n.Items {
			state := "no corrective action"
			if x.Action != "" {
				state = x.Action + " " + lower(x.State)
			}
			rows = append(rows, []string{x.Finding, lower(x.Result), x.Subject, x.Date.String(), x.Statement, state, x.Owner, x.Due.String(), yes(x.Overdue)})
		}
		tab([]string{"Finding", "Result", "Subject", "Date", "Statement", "Corrective action", "Owner", "Due", "Overdue"}, rows)
	}
	rows = nil
	for _, e := range in.Metrics {
		val := ""
		if e.Status != monitor.NoData {
			val = e.Unit.Format(e.Value) + " on " + e.Measured.String()
		}
		rows = append(rows, []string{e.Title, val, e.Target.String(), lower(e.Status), lower(e.Trend), yes(e.Overdue), controlList(e.Controls)})
	}
	tab([]string{"Metric", "Value", "Target", "Status", "Trend", "Overdue", "Controls"}, rows)
	rows = nil
	for _, c := range in.Checks {
		rows = append(rows, []string{c.Check, controlList(c.Controls), c.AsOf.String(), itoa(c.Total), itoa(c.Failed), yes(c.Stale), c.Evidence})
	}
	tab([]string{"Check", "Controls", "Ran for", "Population", "Failed", "Stale", "Evidence"}, rows)
	rows = nil
	for _, a := range in.Audits {
		rows = append(rows, []string{a.Audit + " " + a.Title, a.Kind.String(), a.Start.String() + " to " + a.End.String(), yes(a.InPeriod),
			itoa(a.Major), itoa(a.Minor), itoa(a.Observations), itoa(a.Opportunities)})
	}
	tab([]string{"Audit", "Kind", "Dates", "In the period", "Major", "Minor", "Observations", "Opportunities"}, rows)
	rows = nil
	for _, o := range in.Objectives {
		rows = append(rows, []string{o.Objective, o.Description, o.Owner, o.Due.String(), lower(o.Status), o.Reason})
	}
	tab([]string{"Objective", "Description", "Owner", "Due", "Status", "Why"}, rows)
	rows = nil
	for _, f := range in.Feedback {
		rows = append(rows, []string{f.Date.String(), f.From, f.Summary})
	}
	tab([]string{"Date", "From", "Feedback"}, rows)
	if r := in.Risks; r != nil {
		rows = nil
		for _, x := range r.AboveCriteria {
			acc := "no"
			if x.Accepted {
				acc = "yes"
			}
			rows = append(rows, []string{x.Risk, x.Title, x.Owner, x.Level, x.Limit, acc})
		}
		tab([]string{"Risk above the criteria", "Title", "Owner", "Residual", "Limit", "Accepted"}, rows)
		rows = nil
		for _, a := range r.Overdue {
			rows = append(rows, []string{a.Risk, a.Action, a.Title, a.Owner, a.Due.String(), a.Status.String()})
		}
		tab([]string{"Risk", "Overdue action", "Title", "Owner", "Due", "Status"}, rows)
	}
	rows = nil
	for _, it := range in.Opportunities {
		rows = append(rows, []string{it.ID, it.Title, it.Source.String() + " " + it.Reference, it.Owner, lower(it.Status), it.Raised.String(), it.Due.String()})
	}
	tab([]string{"Item", "Improvement", "Source", "Owner", "Status", "Raised", "Due"}, rows)
}

// mdEscaper escapes with a backslash every ASCII punctuation character
// that can start or end Markdown syntax inside a line (emphasis, code,
// links and images, HTML and entities, headings, strikethrough, table
// cells), and turns line breaks into spaces, so that text stays one line
// of plain text.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"&", `\&`, "#", `\#`, "~", `\~`, "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")

func md(s string) string { return mdEscaper.Replace(s) }

// Markdown renders the pack as a Markdown document (CommonMark with
// GitHub tables). Every value from the documents is escaped, so that no
// text of the user's can start a link, an image, HTML, emphasis or a new
// table cell. The output is deterministic; a nil *Pack renders as the
// zero Pack.
func (p *Pack) Markdown() []byte {
	if p == nil {
		p = &Pack{}
	}
	var b bytes.Buffer
	for _, bl := range p.blocks() {
		switch {
		case bl.Level > 0:
			b.WriteString(strings.Repeat("#", bl.Level) + " " + md(bl.Heading) + "\n\n")
		case bl.Header != nil:
			row := func(cells []string) {
				b.WriteString("|")
				for _, c := range cells {
					b.WriteString(" " + md(c) + " |")
				}
				b.WriteString("\n")
			}
			row(bl.Header)
			b.WriteString("|" + strings.Repeat("---|", len(bl.Header)) + "\n")
			for _, r := range bl.Rows {
				row(r)
			}
			b.WriteString("\n")
		case bl.Lines != nil:
			lines := make([]string, len(bl.Lines))
			for i, l := range bl.Lines {
				lines[i] = md(l)
			}
			b.WriteString(strings.Join(lines, "  \n") + "\n\n")
		default:
			b.WriteString(md(bl.Text) + "\n\n")
		}
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

//go:embed pack.html.tmpl
var packHTML string

var htmlTemplate = template.Must(template.New("pack").Parse(packHTML))

// HTML renders the pack as one standalone, printable HTML5 page with its
// own small style sheet; every value is escaped by html/template. The
// output is deterministic; a nil *Pack renders as the zero Pack. An error
// can only come from the template engine.
func (p *Pack) HTML() ([]byte, error) {
	if p == nil {
		p = &Pack{}
	}
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, struct {
		Title  string
		Blocks []block
	}{p.Title, p.blocks()}); err != nil {
		return nil, fmt.Errorf("review: rendering HTML: %w", err)
	}
	return b.Bytes(), nil
}
