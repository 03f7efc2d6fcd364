package audit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Programme is an audit programme (9.2.2): the audits planned over a
// period, normally the three years of a certification cycle, each with its
// scope, dates and auditors. Plan builds one; Records.Validate checks one;
// Programme.Coverage says what it audits how often.
//
// The zero value is an empty programme without a cycle, which validation
// rejects.
type Programme struct {
	// 9.2.2 a: first day of the period the programme covers. Required.
	CycleStart ismskit.Date `json:"cycleStart"`
	// 9.2.2 a: last day of the period; at most three years after
	// CycleStart. Required.
	CycleEnd ismskit.Date `json:"cycleEnd"`
	// How many internal audits of the cycle must cover each high-risk
	// control; 0 means DefaultHighRiskAudits (capped at the number of
	// internal audits).
	HighRiskAudits int `json:"highRiskAudits,omitempty"`
	// The audits, in any order. Only Internal audits count towards
	// coverage; the certification body's audits are listed for reference.
	Audits []Audit `json:"audits"`
}

// DefaultHighRiskAudits is the number of internal audits that cover each
// high-risk control when Programme.HighRiskAudits is 0: once in each year
// of a three-year cycle.
const DefaultHighRiskAudits = 3

// Audit is one audit of the programme (9.2.2). The zero value is an empty
// audit, which validation rejects.
type Audit struct {
	// ID is unique in the programme. Required.
	ID string `json:"id"`
	// Internal, or one of the certification body's audits. Required.
	Kind Kind `json:"kind"`
	// A short title.
	Title string `json:"title,omitempty"`
	// First day of the audit. Required; within the cycle.
	Start ismskit.Date `json:"start"`
	// Last day of the audit. Required; not before Start, within the cycle.
	End ismskit.Date `json:"end"`
	// 9.2.2 b: the scope: clauses (a clause includes its subclauses),
	// controls, sites and processes.
	Scope Scope `json:"scope"`
	// 9.2.2 c: the auditors, independent of what they audit. At least one
	// is required.
	Auditors []Auditor `json:"auditors"`
}

// Scope is what an audit covers (9.2.2 b), or what an auditor is
// responsible for in their own work. A clause includes its subclauses and
// their requirement items. The zero value is an empty scope.
type Scope struct {
	// Clauses of ISO/IEC 27001 (4 to 10.2).
	Clauses []iso27001.ClauseID `json:"clauses,omitempty"`
	// Controls of the catalog; for an audit, applicable controls of the SoA.
	Controls []iso27002.ControlID `json:"controls,omitempty"`
	// Sites (offices, data centres) by name.
	Sites []string `json:"sites,omitempty"`
	// Processes or departments by name.
	Processes []string `json:"processes,omitempty"`
}

// IsZero reports whether s covers nothing.
func (s Scope) IsZero() bool {
	return len(s.Clauses) == 0 && len(s.Controls) == 0 && len(s.Sites) == 0 && len(s.Processes) == 0
}

// Overlap returns what s and o have in common, as text ("clause 9.2",
// "control 5.15", "site Lyon", "process Payroll"): a clause overlaps
// another that contains it or that it contains. It returns nil when they
// have nothing in common.
func (s Scope) Overlap(o Scope) []string {
	var out []string
	for _, a := range s.Clauses {
		for _, b := range o.Clauses {
			if a.Contains(b) || b.Contains(a) {
				out = append(out, "clause "+b.String())
			}
		}
	}
	for _, a := range s.Controls {
		if slices.Contains(o.Controls, a) {
			out = append(out, "control "+a.String())
		}
	}
	for _, a := range s.Sites {
		if slices.Contains(o.Sites, a) {
			out = append(out, "site "+a)
		}
	}
	for _, a := range s.Processes {
		if slices.Contains(o.Processes, a) {
			out = append(out, "process "+a)
		}
	}
	return slices.Compact(out)
}

// clone returns a copy of s that shares no memory with it.
func (s Scope) clone() Scope {
	return Scope{Clauses: slices.Clone(s.Clauses), Controls: slices.Clone(s.Controls),
		Sites: slices.Clone(s.Sites), Processes: slices.Clone(s.Processes)}
}

// coversItem reports whether s covers the requirement item id.
func (s Scope) coversItem(id iso27001.ItemID) bool {
	c := id.Clause()
	for _, sc := range s.Clauses {
		if sc.Contains(c) {
			return true
		}
	}
	return false
}

// Auditor is a person who audits (9.2.2 c). The zero value is invalid.
type Auditor struct {
	// Name identifies the auditor in findings. Required.
	Name string `json:"name"`
	// Lead marks the audit's lead auditor.
	Lead bool `json:"lead,omitempty"`
	// External marks an auditor from outside the organisation.
	External bool `json:"external,omitempty"`
	// 9.2.2 c: what the auditor is responsible for in their own work; they
	// may not audit it, so an internal audit whose scope overlaps it fails
	// validation with ErrNotIndependent.
	Responsible Scope `json:"responsible,omitzero"`
}

// Independent reports whether a is independent of scope: whether nothing
// they are responsible for is in it.
func (a Auditor) Independent(scope Scope) bool { return len(a.Responsible.Overlap(scope)) == 0 }

// cycleLimit returns the last day of the longest cycle from start, three
// years, or the zero Date when that is after the year 9999.
func cycleLimit(start ismskit.Date) ismskit.Date { return start.AddDate(3, 0, -1) }

// validate checks the programme against b, reporting at paths relative to
// the programme.
func (p Programme) validate(b *basis, l *fielderr.List) {
	switch {
	case p.CycleStart.IsZero():
		l.Add("cycleStart", ismskit.ErrMissing)
	case p.CycleEnd.IsZero():
		l.Add("cycleEnd", ismskit.ErrMissing)
	case p.CycleEnd.Before(p.CycleStart):
		l.Add("cycleEnd", fmt.Errorf("%w: %s is before cycleStart %s", ismskit.ErrDateOrder, p.CycleEnd, p.CycleStart))
	case p.CycleEnd.After(cycleLimit(p.CycleStart)):
		l.Add("cycleEnd", fmt.Errorf("%w: %s is after %s", ErrCycleTooLong, p.CycleEnd, cycleLimit(p.CycleStart)))
	}
	if p.HighRiskAudits < 0 {
		l.Add("highRiskAudits", fielderr.Errorf(ismskit.ErrOutOfRange, "%d is negative", p.HighRiskAudits))
	}
	seen := make(map[string]bool, len(p.Audits))
	for i := range p.Audits {
		a := &p.Audits[i]
		var al fielderr.List
		checkID(&al, "", a.ID, seen)
		a.validate(p, b, &al)
		l.AddItem(fielderr.Index("audits", i), a.ID, al.Err())
	}
}

// validate checks an audit of p, at paths relative to the audit.
func (a *Audit) validate(p Programme, b *basis, l *fielderr.List) {
	if !a.Kind.IsValid() {
		l.Add("kind", ismskit.ErrMissing)
	}
	switch {
	case a.Start.IsZero():
		l.Add("start", ismskit.ErrMissing)
	case a.End.IsZero():
		l.Add("end", ismskit.ErrMissing)
	case a.End.Before(a.Start):
		l.Add("end", fmt.Errorf("%w: %s is before start %s", ismskit.ErrDateOrder, a.End, a.Start))
	case !p.CycleStart.IsZero() && a.Start.Before(p.CycleStart):
		l.Add("start", fmt.Errorf("%w: %s is before cycleStart %s", ismskit.ErrDateOrder, a.Start, p.CycleStart))
	case !p.CycleEnd.IsZero() && a.End.After(p.CycleEnd):
		l.Add("end", fmt.Errorf("%w: %s is after cycleEnd %s", ismskit.ErrDateOrder, a.End, p.CycleEnd))
	}
	a.Scope.validate(b, "scope", true, l)
	if len(a.Auditors) == 0 {
		l.Add("auditors", ismskit.ErrMissing)
	}
	names := make(map[string]bool, len(a.Auditors))
	for j, au := range a.Auditors {
		var al fielderr.List
		if strings.TrimSpace(au.Name) == "" {
			al.Add("name", ismskit.ErrMissing)
		} else if names[au.Name] {
			al.Add("name", fmt.Errorf("%w: %q", ismskit.ErrDuplicateID, clip(au.Name)))
		}
		names[au.Name] = true
		au.Responsible.validate(b, "responsible", false, &al)
		if a.Kind == Internal {
			if ov := au.Responsible.Overlap(a.Scope); len(ov) > 0 {
				al.Add("", fmt.Errorf("%w: %s is responsible for %s", ErrNotIndependent, clip(au.Name), strings.Join(ov, ", ")))
			}
		}
		l.AddItem(fielderr.Index("auditors", j), au.Name, al.Err())
	}
}

// validate checks the clause and control IDs of a scope; applicable says
// whether controls must be applicable (an audit's scope) or only known (an
// auditor's responsibilities).
func (s Scope) validate(b *basis, path string, applicable bool, l *fielderr.List) {
	for i, c := range s.Clauses {
		if !c.IsValid() {
			l.Add(fielderr.Index(path+".clauses", i), ismskit.ErrMissing)
		} else if err := b.checkClause(c); err != nil {
			l.Add(fielderr.Index(path+".clauses", i), err)
		}
	}
	for i, c := range s.Controls {
		check := b.checkControl
		if applicable {
			check = b.checkApplicable
		}
		l.Add(fielderr.Index(path+".controls", i), check(c))
	}
}

// audit returns the audit with the given ID.
func (p *Programme) audit(id string) (*Audit, bool) {
	for i := range p.Audits {
		if p.Audits[i].ID == id {
			return &p.Audits[i], true
		}
	}
	return nil, false
}

// highRiskAudits returns how many internal audits must cover a high-risk
// control.
func (p Programme) highRiskAudits() int {
	want := p.HighRiskAudits
	if want == 0 {
		want = DefaultHighRiskAudits
	}
	n := 0
	for _, a := range p.Audits {
		if a.Kind == Internal {
			n++
		}
	}
	return min(want, max(n, 1))
}
