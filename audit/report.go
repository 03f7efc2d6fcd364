package audit

import (
	"cmp"
	"io"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Report is an audit report (9.2.2 f: results reported to management):
// scope, summary, findings by severity, corrective actions and readiness,
// as of a date. NewReport builds one; Markdown, HTML and JSON render it,
// and DecodeReport reads the JSON back. ReportSchema is the JSON Schema of
// its JSON form. The zero value is an empty report; Markdown and HTML
// render a nil *Report as an empty one.
type Report struct {
	// Title of the report.
	Title string `json:"title"`
	// The organisation audited.
	Organization string `json:"organization,omitempty"`
	// The edition of ISO/IEC 27001 audited ("ISO/IEC 27001:2022/Amd 1:2024").
	Standard string `json:"standard"`
	// The day the report is made for; later findings and changes are left
	// out.
	AsOf ismskit.Date `json:"asOf"`
	// What the programme audits.
	Scope ReportScope `json:"scope"`
	// Counts.
	Summary Summary `json:"summary"`
	// Findings other than conforming and not audited, grouped by result,
	// most severe first; empty groups are left out.
	Findings []FindingGroup `json:"findings"`
	// Corrective actions, in document order.
	Actions []ActionLine `json:"actions"`
	// Readiness scores and verdict.
	Readiness Readiness `json:"readiness"`
}

// ReportScope is the scope section of a report.
// The zero value is an empty scope.
type ReportScope struct {
	// The programme's cycle.
	CycleStart ismskit.Date `json:"cycleStart"`
	CycleEnd   ismskit.Date `json:"cycleEnd"`
	// The audits, ordered by start date then ID.
	Audits []AuditLine `json:"audits"`
	// Items and controls no internal audit of the cycle covers.
	Uncovered []string `json:"uncovered"`
}

// AuditLine is one audit of the report's scope section (9.2.2 b and c),
// copied from the programme.
// The zero value is an empty line.
type AuditLine struct {
	// ID of the audit.
	ID string `json:"id"`
	// Internal or one of the certification body's audits.
	Kind Kind `json:"kind"`
	// Title of the audit.
	Title string `json:"title,omitempty"`
	// First and last day.
	Start ismskit.Date `json:"start"`
	End   ismskit.Date `json:"end"`
	// The clauses, controls, sites and processes in scope.
	Clauses   []iso27001.ClauseID  `json:"clauses"`
	Controls  []iso27002.ControlID `json:"controls"`
	Sites     []string             `json:"sites,omitempty"`
	Processes []string             `json:"processes,omitempty"`
	// Auditors by name, the lead first.
	Auditors []string `json:"auditors"`
	// The lead auditor's name, when one of the auditors is marked lead.
	Lead string `json:"lead,omitempty"`
}

// Summary counts findings and actions as of the report's date.
// The zero value counts nothing.
type Summary struct {
	// Findings counts every finding up to the date.
	Findings int `json:"findings"`
	// ByResult counts the findings per result, most severe first, every
	// result listed.
	ByResult []ResultCount `json:"byResult"`
	// Corrective actions: all, closed (effective), overdue and
	// ineffective as of the date.
	Actions     int `json:"actions"`
	Closed      int `json:"closed"`
	Overdue     int `json:"overdue"`
	Ineffective int `json:"ineffective"`
}

// ResultCount is the number of findings with one result.
// The zero value counts nothing.
type ResultCount struct {
	// The result counted.
	Result Result `json:"result"`
	// How many findings have it.
	Count int `json:"count"`
}

// FindingGroup is the findings of one result.
// The zero value is an empty group.
type FindingGroup struct {
	// The result shared by the findings.
	Result Result `json:"result"`
	// The findings, in document order.
	Findings []FindingLine `json:"findings"`
}

// FindingLine is one finding of a report (9.2.2 f).
// The zero value is an empty line.
type FindingLine struct {
	// ID of the finding.
	ID string `json:"id"`
	// ID of its audit.
	Audit string `json:"audit"`
	// The item or control ID.
	Subject string `json:"subject"`
	// The control's title, or the item's checklist text.
	Title string `json:"title"`
	// When it was examined, by whom, and what was found.
	Date      ismskit.Date `json:"date"`
	Auditor   string       `json:"auditor"`
	Statement string       `json:"statement,omitempty"`
	// The evidence examined, with digests.
	Evidence []Evidence `json:"evidence,omitempty"`
	// IDs of the corrective actions raised for it.
	Actions []string `json:"actions,omitempty"`
}

// ActionLine is one corrective action of a report (10.2), as of its date.
// The zero value is an empty line.
type ActionLine struct {
	// ID of the action.
	ID string `json:"id"`
	// ID of the nonconformity it corrects.
	Finding string `json:"finding"`
	// The state as of the report's date.
	State State `json:"state"`
	// The corrective action and its owner and due date, once planned.
	Action string       `json:"action,omitempty"`
	Owner  string       `json:"owner,omitempty"`
	Due    ismskit.Date `json:"due,omitzero"`
	// Planned, not implemented and past its due date.
	Overdue bool `json:"overdue,omitempty"`
	// Its last effectiveness review failed.
	Ineffective bool `json:"ineffective,omitempty"`
}

// NewReport builds the audit report of the records as of the day asOf:
// everything dated later is left out. It validates the records as Assess
// does and returns the same errors. Evaluate builds the report from an
// organisation's documents in one call.
func NewReport(r Records, b Basis, in ReadinessInput, asOf ismskit.Date) (*Report, error) {
	rb, err := r.checkAt(b, asOf)
	if err != nil {
		return nil, err
	}
	return r.report(rb, r.assess(rb, b, in, asOf)), nil
}

// report builds the report of checked records, with their readiness rd.
func (r Records) report(rb *basis, rd *Readiness) *Report {
	day := rd.AsOf
	rep := &Report{Title: "Audit report", Organization: r.Organization, Standard: rb.std.Name(), AsOf: day,
		Findings: []FindingGroup{}, Actions: []ActionLine{}}
	if r.Organization != "" {
		rep.Title = "Audit report: " + r.Organization
	}
	p := &r.Programme
	rep.Scope = ReportScope{CycleStart: p.CycleStart, CycleEnd: p.CycleEnd, Audits: []AuditLine{}, Uncovered: []string{}}
	for _, a := range p.Audits {
		al := AuditLine{ID: a.ID, Kind: a.Kind, Title: a.Title, Start: a.Start, End: a.End,
			Clauses: slices.Clone(a.Scope.Clauses), Controls: slices.Clone(a.Scope.Controls),
			Sites: slices.Clone(a.Scope.Sites), Processes: slices.Clone(a.Scope.Processes), Auditors: []string{}}
		// The lead first, the others in programme order.
		if al.Clauses == nil {
			al.Clauses = []iso27001.ClauseID{}
		}
		if al.Controls == nil {
			al.Controls = []iso27002.ControlID{}
		}
		for _, au := range a.Auditors {
			if au.Lead {
				al.Auditors = append(al.Auditors, au.Name)
				if al.Lead == "" {
					al.Lead = au.Name
				}
			}
		}
		for _, au := range a.Auditors {
			if !au.Lead {
				al.Auditors = append(al.Auditors, au.Name)
			}
		}
		rep.Scope.Audits = append(rep.Scope.Audits, al)
	}
	slices.SortStableFunc(rep.Scope.Audits, func(x, y AuditLine) int {
		if c := x.Start.Compare(y.Start); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	if u := p.coverage(rb).Uncovered(); u != nil {
		rep.Scope.Uncovered = u
	}

	evidence := make(map[string]Evidence, len(r.Evidence))
	for _, e := range r.Evidence {
		evidence[e.ID] = e
	}
	actionsOf := map[string][]string{}
	for _, a := range r.Actions {
		st := a.StateAt(day)
		if st == 0 {
			continue
		}
		actionsOf[a.Finding] = append(actionsOf[a.Finding], a.ID)
		line := ActionLine{ID: a.ID, Finding: a.Finding, State: st, Overdue: a.IsOverdue(day), Ineffective: st == Ineffective}
		if st >= Planned {
			line.Action, line.Owner, line.Due = a.Action, a.Owner, a.Due
		}
		rep.Actions = append(rep.Actions, line)
		rep.Summary.Actions++
		switch {
		case st == Effective:
			rep.Summary.Closed++
		case line.Overdue:
			rep.Summary.Overdue++
		case line.Ineffective:
			rep.Summary.Ineffective++
		}
	}

	counts := map[Result]int{}
	groups := map[Result][]FindingLine{}
	for _, f := range r.Findings {
		if f.Date.After(day) {
			continue
		}
		rep.Summary.Findings++
		counts[f.Result]++
		if f.Result == Conforming || f.Result == NotAudited {
			continue
		}
		fl := FindingLine{ID: f.ID, Audit: f.Audit, Subject: f.Subject(), Title: subjectTitle(rb, f), Date: f.Date,
			Auditor: f.Auditor, Statement: f.Statement, Actions: slices.Clone(actionsOf[f.ID])}
		for _, e := range f.Evidence {
			fl.Evidence = append(fl.Evidence, evidence[e])
		}
		groups[f.Result] = append(groups[f.Result], fl)
	}
	for _, res := range Results() {
		rep.Summary.ByResult = append(rep.Summary.ByResult, ResultCount{Result: res, Count: counts[res]})
		if g := groups[res]; len(g) > 0 {
			rep.Findings = append(rep.Findings, FindingGroup{Result: res, Findings: g})
		}
	}
	rep.Readiness = *rd
	return rep
}

func subjectTitle(b *basis, f Finding) string {
	if f.Item.IsValid() {
		it, _ := b.std.Item(f.Item)
		return it.Text
	}
	c, _ := b.cat.Lookup(f.Control)
	return c.DisplayTitle()
}

// reportJSON is Report without its methods, for decoding.
type reportJSON Report

// UnmarshalJSON decodes a report strictly, as DecodeReport does with the
// default limits.
func (r *Report) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*reportJSON)(r))
}

// EncodeReport returns the JSON form of r, indented by two spaces and
// ending in a newline; the output is deterministic and DecodeReport reads
// it back.
func EncodeReport(r Report) ([]byte, error) { return codec.Encode(reportJSON(r)) }

// WriteReport writes the JSON form of r to w, as EncodeReport returns it.
func WriteReport(w io.Writer, r Report) error { return codec.Write(w, reportJSON(r)) }

// DecodeReport decodes a report's JSON strictly, as DecodeRecords does.
func DecodeReport(data []byte, opts ...ismskit.DecodeOption) (Report, error) {
	r, err := codec.Decode[reportJSON](data, opts)
	return Report(r), err
}

// ReadReport reads a report from r, never past the byte limit, and
// decodes it as DecodeReport does.
func ReadReport(r io.Reader, opts ...ismskit.DecodeOption) (Report, error) {
	return codec.Read(r, opts, DecodeReport)
}
