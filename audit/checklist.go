package audit

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Checklist is the working paper of one audit (9.2.2): a line per
// requirement item of the clauses in scope and per applicable control in
// scope, each saying what to check and what evidence to look for, with
// fields for the auditor to fill. NewChecklist builds one; Findings turns
// the filled lines into findings. The zero value is an empty checklist;
// the methods treat a nil *Checklist as one.
type Checklist struct {
	// ID of the audit.
	Audit string `json:"audit"`
	// The lines: items in the order of the standard, then controls in
	// natural order.
	Lines []Line `json:"lines"`
}

// Line is one line of a checklist: a requirement item or a control (one
// of them is set), what to check, the evidence to look for, and the
// auditor's result.
// The zero value is an empty, open line about nothing.
type Line struct {
	// The requirement item, or zero.
	Item iso27001.ItemID `json:"item,omitzero"`
	// The applicable control, or zero.
	Control iso27002.ControlID `json:"control,omitzero"`
	// Check says what conformity looks like: the item's checklist text, or
	// the control's title and summary.
	Check string `json:"check"`
	// LookFor lists evidence to ask for, in ismskit's words.
	LookFor []string `json:"lookFor"`
	// HighRisk marks a control treating a risk above the caller's level.
	HighRisk bool `json:"highRisk,omitempty"`

	// Result is the auditor's conclusion; zero while the line is open.
	Result Result `json:"result,omitzero"`
	// Statement says what was found.
	Statement string `json:"statement,omitempty"`
	// Evidence lists the IDs of the evidence records examined.
	Evidence []string `json:"evidence,omitempty"`
	// Auditor is who examined the line.
	Auditor string `json:"auditor,omitempty"`
}

// Subject returns the item or control ID of the line, as text.
func (l Line) Subject() string { return Finding{Item: l.Item, Control: l.Control}.Subject() }

// NewChecklist builds the checklist of audit a: one line per requirement
// item (notes excluded) of each clause in its scope and one per control in
// its scope, which must be applicable in b. Unknown clauses and controls
// outside the SoA are reported, all of them, at "scope.clauses[i]" and
// "scope.controls[i]".
func NewChecklist(a Audit, b Basis) (*Checklist, error) {
	rb, err := b.resolve()
	var l fielderr.List
	l.Add("basis", err)
	a.Scope.validate(rb, "scope", true, &l)
	if err := l.Err(); err != nil {
		return nil, err
	}
	c := &Checklist{Audit: a.ID, Lines: []Line{}}
	for _, it := range rb.items {
		if a.Scope.coversItem(it.ID) {
			c.Lines = append(c.Lines, Line{Item: it.ID, Check: it.Text, LookFor: itemHints(it)})
		}
	}
	ctrls := slices.Clone(a.Scope.Controls)
	sortControls(ctrls)
	ctrls = slices.Compact(ctrls)
	for _, id := range ctrls {
		ctl, _ := rb.cat.Lookup(id)
		check := ctl.DisplayTitle()
		if ctl.Summary != "" {
			check += ": " + ctl.Summary
		}
		c.Lines = append(c.Lines, Line{Control: id, Check: check, LookFor: controlHints(ctl), HighRisk: rb.highRisk[id]})
	}
	return c, nil
}

// Line returns a pointer to the line about subject ("6.1.3.d" or "5.15")
// so that it can be filled, or nil if the checklist has none.
func (c *Checklist) Line(subject string) *Line {
	if c == nil {
		return nil
	}
	for i := range c.Lines {
		if c.Lines[i].Subject() == subject {
			return &c.Lines[i]
		}
	}
	return nil
}

// Findings returns a finding for every line that has a result, dated date,
// with IDs prefix+"1", prefix+"2", ... in line order. Lines without a
// result are left out; they are still open.
func (c *Checklist) Findings(prefix string, date ismskit.Date) []Finding {
	if c == nil {
		return nil
	}
	var out []Finding
	for _, ln := range c.Lines {
		if ln.Result == 0 {
			continue
		}
		out = append(out, Finding{ID: prefix + strconv.Itoa(len(out)+1), Audit: c.Audit, Item: ln.Item, Control: ln.Control,
			Result: ln.Result, Date: date, Auditor: ln.Auditor, Statement: ln.Statement, Evidence: slices.Clone(ln.Evidence)})
	}
	return out
}

// Open returns the subjects of the lines that have no result yet.
func (c *Checklist) Open() []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, ln := range c.Lines {
		if ln.Result == 0 {
			out = append(out, ln.Subject())
		}
	}
	return out
}

// String summarises the checklist ("IA-1: 42 lines, 3 open"); a nil
// *Checklist gives "no checklist".
func (c *Checklist) String() string {
	if c == nil {
		return "no checklist"
	}
	return fmt.Sprintf("%s: %d %s, %d open", c.Audit, len(c.Lines), plural(len(c.Lines), "line", "lines"), len(c.Open()))
}
