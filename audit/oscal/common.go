package oscal

import (
	"encoding"
	"fmt"
	"strings"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/oscalmodel"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	catoscal "github.com/ismskit/ismskit/iso27002/oscal"
)

// Namespace is the ns of every property this package adds beyond OSCAL's
// core names; it is iso27002/oscal's Namespace.
const Namespace = oscalmodel.Namespace

// Options controls the references and metadata of the exports. The zero
// value is ready to use: dates then come from the documents, and the
// output is byte-identical from run to run.
type Options struct {
	// LastModified is the metadata last-modified instant. Zero means
	// AsOf, or else the latest date of what the records report (a finding,
	// an evidence record, a step of a corrective action; not the planned
	// audits). Records without any date and no LastModified or AsOf are an
	// error (ismskit.ErrMissing): the package never invents a date.
	LastModified time.Time `json:"lastModified,omitzero"`
	// AsOf is the day a plan of action and milestones describes: a
	// corrective action counts as open when it is not effective as of
	// that day, in the state its history gives for it. Zero means the
	// actions' current State. ExportResults ignores it.
	AsOf ismskit.Date `json:"asOf,omitzero"`
	// Version is the metadata version. Empty means "1.0".
	Version string `json:"version,omitempty"`
	// PlanHref is the import-ap of the assessment results: where the
	// assessment plan of ExportPlan (the audit programme and its
	// checklists, clause 9.2.2) is saved. Empty means
	// "assessment-plan.json".
	PlanHref string `json:"planHref,omitempty"`
	// Edition is the edition of ISO/IEC 27001 whose clauses the audits
	// name, for the control ids of the clauses catalog. Zero means
	// iso27001.Latest().
	Edition iso27001.Edition `json:"edition,omitzero"`
	// SSPHref is the import-ssp of the plan of action and milestones, as
	// soa/oscal's ExportSSP output is saved. Empty means "ssp.json".
	SSPHref string `json:"sspHref,omitempty"`
}

func (o Options) standard() *iso27001.Standard {
	if s, err := iso27001.New(o.Edition); err == nil && o.Edition != iso27001.Edition2022 {
		return s
	}
	return iso27001.Latest()
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func nsProp(name, value string) prop { return prop{Name: name, NS: Namespace, Value: value} }

// props collects properties and reports values OSCAL cannot hold.
type props struct {
	list []prop
	errs *fielderr.List
}

func (p *props) add(name, path, v string) {
	if v == "" {
		return
	}
	if !oscalmodel.IsString(v) {
		p.errs.Add(path, fielderr.Errorf(ismskit.ErrNotEncodable, "%q is over several lines or has surrounding spaces", v))
		return
	}
	p.list = append(p.list, nsProp(name, v))
}

func (p *props) date(name, path string, d ismskit.Date) {
	if d.IsZero() {
		return
	}
	s, err := oscalmodel.DateTime(d.Time())
	p.errs.Add(path, err)
	if err == nil {
		p.list = append(p.list, nsProp(name, s))
	}
}

// dateTime returns d as an OSCAL date-time, recording a problem at path.
func dateTime(errs *fielderr.List, path string, d ismskit.Date) string {
	if d.IsZero() {
		errs.Add(path, fielderr.Errorf(ismskit.ErrMissing, "missing date"))
		return ""
	}
	s, err := oscalmodel.Date(d)
	errs.Add(path, err)
	return s
}

// line returns s, reporting at path a value that is not a single line.
func line(errs *fielderr.List, path, s string) string {
	if !oscalmodel.IsLine(s) {
		errs.Add(path, fielderr.Errorf(ismskit.ErrNotEncodable, "%q is empty or over several lines", s))
	}
	return s
}

// text returns s, or def when s is blank (markup-multiline may not be
// empty).
func text(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// newMetadata returns the metadata of a document titled title, dated by
// opts or by latest.
func newMetadata(errs *fielderr.List, title string, opts Options, latest ismskit.Date) metadata {
	md := metadata{Title: title, Version: or(opts.Version, "1.0"), OSCALVersion: oscalmodel.Version}
	switch {
	case !opts.LastModified.IsZero():
		s, err := oscalmodel.DateTime(opts.LastModified)
		errs.Add("options.lastModified", err)
		md.LastModified = or(s, md.LastModified)
	case !opts.AsOf.IsZero():
		s, err := oscalmodel.DateTime(opts.AsOf.Time())
		errs.Add("options.asOf", err)
		md.LastModified = or(s, md.LastModified)
	case !latest.IsZero():
		s, err := oscalmodel.Date(latest)
		errs.Add("records", err)
		md.LastModified = s
	default:
		errs.Add("options.lastModified", fielderr.Errorf(ismskit.ErrMissing, "the records hold no date and neither LastModified nor AsOf is given"))
	}
	if !oscalmodel.IsString(md.Version) {
		errs.Add("options.version", fielderr.Errorf(ismskit.ErrNotEncodable, "version %q is over several lines or has surrounding spaces", md.Version))
	}
	return md
}

// latestDate returns the latest date the records hold.
func latestDate(r *audit.Records) ismskit.Date {
	var max ismskit.Date
	see := func(d ismskit.Date) {
		if max.Before(d) {
			max = d
		}
	}
	if r == nil {
		return max
	}
	for _, e := range r.Evidence {
		see(e.When)
	}
	for _, f := range r.Findings {
		see(f.Date)
	}
	for _, a := range r.Actions {
		for _, t := range a.History {
			see(t.Date)
		}
	}
	return max
}

// parties hands out the metadata parties of a document, each once.
type parties struct {
	org  string
	list []party
	seen map[string]string
}

func (p *parties) party(kind, name string, extra ...prop) string {
	key := kind + ":" + name
	if u, ok := p.seen[key]; ok {
		return u
	}
	if p.seen == nil {
		p.seen = map[string]string{}
	}
	u := oscalmodel.UUID("party:" + p.org + ":" + key)
	p.seen[key] = u
	p.list = append(p.list, party{UUID: u, Type: kind, Name: name, Props: extra})
	return u
}

// auditMetadata returns the metadata of a document made from the audit
// records r, titled title and the organisation's name, dated by opts or
// latest, with the "assessor" role, the programme's cycle as properties,
// and the parties, the organisation first.
func auditMetadata(errs *fielderr.List, title, source string, r audit.Records, opts Options, latest ismskit.Date) (metadata, *parties) {
	if r.Organization != "" {
		title += " of " + r.Organization
	}
	md := newMetadata(errs, line(errs, "records.organization", title), opts, latest)
	md.Roles = []role{{ID: "assessor", Title: "Auditor"}}
	md.Remarks = "Generated by ismskit from " + source + ". Clause and control IDs identify ISO/IEC 27001 and ISO/IEC 27002; all other text is the organisation's or ismskit's own."
	ps := &parties{org: r.Organization}
	if r.Organization != "" {
		ps.party("organization", r.Organization)
	}
	pp := props{errs: errs}
	pp.date("cycle-start", "records.programme.cycleStart", r.Programme.CycleStart)
	pp.date("cycle-end", "records.programme.cycleEnd", r.Programme.CycleEnd)
	md.Props = pp.list
	return md, ps
}

// auditors returns the party UUIDs of an audit's auditors, each once,
// adding them to the document's parties; p is the audit's path.
func (p *parties) auditors(errs *fielderr.List, path string, as []audit.Auditor) []string {
	var out []string
	for j, au := range as {
		if !oscalmodel.IsString(au.Name) {
			errs.Add(fielderr.Index(path+".auditors", j)+".name", fielderr.Errorf(ismskit.ErrNotEncodable, "auditor name %q", au.Name))
			continue
		}
		var extra []prop
		if au.Lead {
			extra = append(extra, nsProp("lead-auditor", "true"))
		}
		if au.External {
			extra = append(extra, nsProp("external", "true"))
		}
		out = appendOnce(out, p.party("person", au.Name, extra...))
	}
	return out
}

// roles completes the metadata of an audit document with its parties: the
// organisation as the "assessment-customer", the auditors as
// "assessor"s.
func (p *parties) roles(md *metadata, assessors []string) {
	md.Parties = p.list
	if p.org != "" && len(p.list) > 0 {
		md.Roles = append(md.Roles, role{ID: "assessment-customer", Title: "Audited organisation"})
		md.ResponsibleParties = append(md.ResponsibleParties, responsibleParty{RoleID: "assessment-customer", PartyUUIDs: []string{p.list[0].UUID}})
	}
	if len(assessors) > 0 {
		md.ResponsibleParties = append(md.ResponsibleParties, responsibleParty{RoleID: "assessor", PartyUUIDs: assessors})
	}
}

// findingOf returns the OSCAL finding of an audit finding.
func findingOf(errs *fielderr.List, path, org string, f audit.Finding, auditor string, observations []string) finding {
	subject := f.Subject()
	out := finding{
		UUID:        oscalmodel.UUID("finding:" + org + ":" + f.ID),
		Title:       line(errs, path+".id", f.Result.String()+" "+f.ID+": "+or(subject, "no subject")),
		Description: text(f.Statement, defaultStatement(f.Result)),
	}
	pr := props{errs: errs}
	pr.add("finding-id", path+".id", f.ID)
	pr.add("audit-id", path+".audit", f.Audit)
	pr.add("result", path+".result", code(f.Result))
	pr.add("subject", path, subject)
	pr.date("date", path+".date", f.Date)
	pr.add("auditor", path+".auditor", f.Auditor)
	for j, e := range f.Evidence {
		pr.add("evidence-id", fielderr.Index(path+".evidence", j), e)
	}
	out.Props = pr.list
	if auditor != "" {
		out.Origins = []origin{{Actors: []actor{{Type: "party", ActorUUID: auditor, RoleID: "assessor"}}}}
	}
	switch {
	case f.Control.IsValid():
		out.Target = target{Type: "objective-id", TargetID: objectiveID(f.Control, iso27001.ItemID{})}
	case f.Item.IsValid():
		out.Target = target{Type: "statement-id", TargetID: "c." + f.Item.String()}
	default:
		errs.Add(path, fielderr.Errorf(ismskit.ErrNotEncodable, "the finding names neither a requirement item nor a control"))
	}
	switch f.Result {
	case audit.Conforming:
		out.Target.Status = objectiveStatus{State: "satisfied", Reason: "pass"}
	case audit.Major, audit.Minor:
		out.Target.Status = objectiveStatus{State: "not-satisfied", Reason: "fail"}
	case audit.Observation, audit.Opportunity:
		out.Target.Status = objectiveStatus{State: "satisfied", Reason: "other"}
		out.Target.Remarks = "An " + strings.ToLower(f.Result.String()) + " is not a nonconformity."
	case audit.NotAudited:
		out.Target.Status = objectiveStatus{State: "not-satisfied", Reason: "other"}
		out.Target.Remarks = "In the audit's scope but not examined: conformity was not shown."
	default:
		errs.Add(path+".result", fielderr.Errorf(ismskit.ErrNotEncodable, "the finding has no valid result"))
	}
	for _, o := range observations {
		out.RelatedObservations = append(out.RelatedObservations, relatedObs{ObservationUUID: o})
	}
	if f.Result.IsNonconformity() {
		out.RelatedRisks = []relatedRsk{{RiskUUID: nonconformityUUID(org, f.ID)}}
	}
	return out
}

func defaultStatement(r audit.Result) string {
	if r == audit.Conforming {
		return "The evidence examined showed the requirement met."
	}
	if r == audit.NotAudited {
		return "In the audit's scope but not examined."
	}
	return "No statement recorded."
}

func nonconformityUUID(org, findingID string) string {
	return oscalmodel.UUID("nonconformity:" + org + ":" + findingID)
}

// riskStatus maps the state of a corrective action to OSCAL's risk
// status: raised, corrected and analysed are "investigating"; planned,
// implemented and ineffective are "remediating"; effective is "closed".
func riskStatus(s audit.State) string {
	switch s {
	case audit.Raised, audit.Corrected, audit.Analysed:
		return "investigating"
	case audit.Planned, audit.Implemented, audit.Ineffective:
		return "remediating"
	case audit.Effective:
		return "closed"
	}
	return "open"
}

// lifecycle maps the state of a corrective action to OSCAL's remediation
// lifecycle: "recommendation" until the action is planned (10.2 c),
// "planned" while it is carried out or after an ineffective review,
// "completed" once implemented.
func lifecycle(s audit.State) string {
	switch s {
	case audit.Planned, audit.Ineffective:
		return "planned"
	case audit.Implemented, audit.Effective:
		return "completed"
	}
	return "recommendation"
}

// actionRef is a corrective action with its index in Records.Actions.
type actionRef struct {
	i int
	a audit.CorrectiveAction
}

// stateOf is the state of a as of the day asOf (zero: its current state).
func stateOf(a audit.CorrectiveAction, asOf ismskit.Date) audit.State {
	if asOf.IsZero() {
		return a.State
	}
	return a.StateAt(asOf)
}

// nonconformityRisk returns the OSCAL risk of a nonconformity and the
// corrective actions (10.2) that handle it: the correction of each as a
// mitigating factor, each action as a remediation with its due date as a
// milestone, and the history of each as risk-log entries.
func nonconformityRisk(errs *fielderr.List, fp, org string, f audit.Finding, actions []actionRef, asOf ismskit.Date) risk {
	r := risk{
		UUID:        nonconformityUUID(org, f.ID),
		Title:       line(errs, fp+".id", f.Result.String()+" "+f.ID+": "+or(f.Subject(), "no subject")),
		Description: text(f.Statement, "No statement recorded."),
		Statement:   "A " + strings.ToLower(f.Result.String()) + " found in audit " + f.Audit + " (ISO/IEC 27001:2022 clause 9.2); it calls for correction and corrective action under clause 10.2.",
		Status:      "open",
	}
	pr := props{errs: errs}
	pr.add("finding-id", fp+".id", f.ID)
	pr.add("result", fp+".result", code(f.Result))
	var deadline ismskit.Date
	open, closed := 0, 0
	for _, ar := range actions {
		a, p := ar.a, fielderr.Index("records.actions", ar.i)
		st := stateOf(a, asOf)
		if st == 0 {
			continue // not yet raised as of the day
		}
		if st == audit.Effective {
			closed++
		} else {
			open++
			if r.Status == "open" || riskStatus(st) == "investigating" {
				r.Status = riskStatus(st)
			}
			if !a.Due.IsZero() && (deadline.IsZero() || a.Due.Before(deadline)) {
				deadline = a.Due
			}
		}
		if strings.TrimSpace(a.RootCause) != "" {
			r.Statement += "\n\nRoot cause found for corrective action " + a.ID + " (10.2 b): " + a.RootCause
		}
		if strings.TrimSpace(a.Correction) != "" {
			r.MitigatingFactors = append(r.MitigatingFactors, mitigatingFactor{
				UUID:        oscalmodel.UUID("correction:" + org + ":" + a.ID),
				Description: "Correction (10.2 a): " + a.Correction,
			})
		}
		r.Remediations = append(r.Remediations, remediation(errs, p, org, a, st))
		respUUID := oscalmodel.UUID("corrective-action:" + org + ":" + a.ID)
		for j, t := range a.History {
			if !asOf.IsZero() && asOf.Before(t.Date) {
				break
			}
			tp := fielderr.Index(p+".history", j)
			e := logEntry{
				UUID:             oscalmodel.UUID(fmt.Sprintf("corrective-action-log:%s:%s:%d", org, a.ID, j)),
				Title:            "Corrective action " + a.ID + " " + code(t.To),
				Description:      t.Note,
				Start:            dateTime(errs, tp+".date", t.Date),
				StatusChange:     riskStatus(t.To),
				RelatedResponses: []relatedResponse{{ResponseUUID: respUUID}},
			}
			lp := props{errs: errs}
			lp.add("state", tp+".to", code(t.To))
			lp.add("by", tp+".by", t.By)
			e.Props = lp.list
			if r.RiskLog == nil {
				r.RiskLog = &riskLog{}
			}
			r.RiskLog.Entries = append(r.RiskLog.Entries, e)
		}
	}
	if open == 0 && closed > 0 {
		r.Status = "closed"
	}
	if !deadline.IsZero() {
		r.Deadline = dateTime(errs, fp, deadline)
	}
	r.Props = pr.list
	return r
}

// remediation returns the OSCAL response of a corrective action in state
// st.
func remediation(errs *fielderr.List, p, org string, a audit.CorrectiveAction, st audit.State) response {
	resp := response{
		UUID:        oscalmodel.UUID("corrective-action:" + org + ":" + a.ID),
		Lifecycle:   lifecycle(st),
		Title:       line(errs, p+".id", "Corrective action "+a.ID),
		Description: text(a.Action, "No corrective action decided yet (10.2 c); the action is "+code(st)+"."),
		Remarks:     a.Review,
	}
	pr := props{errs: errs}
	pr.add("action-id", p+".id", a.ID)
	pr.add("finding-id", p+".finding", a.Finding)
	pr.add("state", p+".state", code(st))
	pr.add("owner", p+".owner", a.Owner)
	pr.date("due", p+".due", a.Due)
	resp.Props = pr.list
	if !a.Due.IsZero() {
		resp.Tasks = []task{{
			UUID:   oscalmodel.UUID("corrective-action-due:" + org + ":" + a.ID),
			Type:   "milestone",
			Title:  "Corrective action " + a.ID + " implemented",
			Timing: &timing{OnDate: &onDate{Date: dateTime(errs, p+".due", a.Due)}},
		}}
	}
	return resp
}

// code returns the JSON form of an audit enumeration
// ("major-nonconformity"), or "" for an unset or invalid value.
func code(v encoding.TextMarshaler) string {
	b, err := v.MarshalText()
	if err != nil {
		return ""
	}
	return string(b)
}

// objectiveID is the id of the assessment objective ExportPlan writes for
// a checklist line about the control c or the requirement item it:
// "a.8.8_obj", "c.9.1.p1_obj". A finding about a control targets it; a
// finding about a requirement item targets the item's statement part in
// the clauses catalog ("c.9.1.p1").
func objectiveID(c iso27002.ControlID, it iso27001.ItemID) string {
	if c.IsValid() {
		return catoscal.ControlToken(c) + "_obj"
	}
	return "c." + it.String() + "_obj"
}
