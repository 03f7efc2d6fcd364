package oscal

import (
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/oscalmodel"
	"github.com/ismskit/ismskit/iso27001"
	catoscal "github.com/ismskit/ismskit/iso27002/oscal"
)

// ExportResults returns the audit records r (ISO/IEC 27001:2022 clause
// 9.2: the programme's audits, their findings and evidence, and the
// corrective actions of 10.2) as OSCAL 1.2.1 assessment results in JSON,
// one result per audit that has findings: an audit without any (planned,
// or not yet recorded) has no results to report. See the package
// documentation for the mapping.
//
// It reports, each as a *ismskit.Error with the path in the records
// ("records.findings[2].audit") of kind ismskit.ErrNotEncodable (or
// ismskit.ErrMissing, ismskit.ErrUnknownReference where they say more): nil
// records, findings of audits the programme lacks, evidence references
// that lead nowhere, findings without a subject or a valid result, dates
// outside OSCAL's years, and values that OSCAL's datatypes cannot hold.
// Records that Records.Validate accepts export without error unless a
// value is over several lines or has surrounding spaces where OSCAL
// needs a single line.
func ExportResults(r audit.Records, opts Options) ([]byte, error) {
	var errs fielderr.List
	org := r.Organization
	md, ps := auditMetadata(&errs, "Internal audit results", "audit records (ISO/IEC 27001:2022 clauses 9.2 and 10.2)", r, opts, latestDate(&r))

	evidence := map[string]int{}
	for i, e := range r.Evidence {
		if _, dup := evidence[e.ID]; !dup {
			evidence[e.ID] = i
		}
	}
	actions := map[string][]actionRef{}
	for i, a := range r.Actions {
		actions[a.Finding] = append(actions[a.Finding], actionRef{i, a})
	}
	audits := map[string]bool{}
	doc := &assessmentResults{
		Metadata: md,
		ImportAP: href{Href: or(opts.PlanHref, "assessment-plan.json"),
			Remarks: "The audit programme (ISO/IEC 27001:2022 clause 9.2.2) plans these audits."},
	}
	var assessors []string
	found := map[string]bool{}
	for _, f := range r.Findings {
		found[f.Audit] = true
	}
	for i, a := range r.Programme.Audits {
		p := fielderr.Index("records.programme.audits", i)
		audits[a.ID] = true
		if !found[a.ID] {
			continue // planned, or nothing recorded yet: no results
		}
		res := auditResult(&errs, p, org, a, opts.standard())
		for _, u := range ps.auditors(&errs, p, a.Auditors) {
			assessors = appendOnce(assessors, u)
		}
		for k, f := range r.Findings {
			if f.Audit != a.ID {
				continue
			}
			fp := fielderr.Index("records.findings", k)
			var obs []string
			for j, ev := range f.Evidence {
				ei, ok := evidence[ev]
				if !ok {
					errs.Add(fielderr.Index(fp+".evidence", j), fielderr.Errorf(ismskit.ErrNotEncodable, "no evidence %q in the records", ev))
					continue
				}
				o := observationOf(&errs, fielderr.Index("records.evidence", ei), org, a.ID, r.Evidence[ei])
				if !containsObs(res.Observations, o.UUID) {
					res.Observations = append(res.Observations, o)
				}
				obs = append(obs, o.UUID)
			}
			var auditor string
			if oscalmodel.IsString(f.Auditor) {
				auditor = ps.party("person", f.Auditor)
			}
			res.Findings = append(res.Findings, findingOf(&errs, fp, org, f, auditor, obs))
			if f.Result.IsNonconformity() {
				res.Risks = append(res.Risks, nonconformityRisk(&errs, fp, org, f, actions[f.ID], ismskit.Date{}))
			}
		}
		doc.Results = append(doc.Results, res)
	}
	for k, f := range r.Findings {
		if !audits[f.Audit] {
			errs.Add(fielderr.Index("records.findings", k)+".audit", fielderr.Errorf(ismskit.ErrNotEncodable, "no audit %q in the programme", f.Audit))
		}
	}
	if len(doc.Results) == 0 {
		errs.Add("records.findings", fielderr.Errorf(ismskit.ErrNotEncodable, "assessment results need at least one finding of an audit of the programme"))
	}
	ps.roles(&doc.Metadata, assessors)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return oscalmodel.EncodeDocument(&arDoc{AR: doc}, "assessment-results", &doc.UUID)
}

func appendOnce(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func containsObs(obs []observation, uuid string) bool {
	for _, o := range obs {
		if o.UUID == uuid {
			return true
		}
	}
	return false
}

// auditResult returns the result of one audit, without its findings.
func auditResult(errs *fielderr.List, p, org string, a audit.Audit, std *iso27001.Standard) result {
	title := a.Title
	if title == "" {
		title = "Audit " + a.ID
	}
	kind := code(a.Kind)
	if kind == "" {
		errs.Add(p+".kind", fielderr.Errorf(ismskit.ErrNotEncodable, "the audit has no valid kind"))
	}
	res := result{
		UUID:        oscalmodel.UUID("audit-result:" + org + ":" + a.ID),
		Title:       line(errs, p+".title", title),
		Description: "The " + kind + " audit " + a.ID + " from " + a.Start.String() + " to " + a.End.String() + ", by " + auditorNames(a.Auditors) + ".",
		Start:       dateTime(errs, p+".start", a.Start),
	}
	if !a.End.IsZero() {
		res.End = dateTime(errs, p+".end", a.End)
	}
	pr := props{errs: errs}
	pr.add("audit-id", p+".id", a.ID)
	pr.add("audit-kind", p+".kind", kind)
	for j, s := range a.Scope.Sites {
		pr.add("site", fielderr.Index(p+".scope.sites", j), s)
	}
	for j, s := range a.Scope.Processes {
		pr.add("process", fielderr.Index(p+".scope.processes", j), s)
	}
	res.Props = pr.list

	var sel []controlSelection
	if len(a.Scope.Controls) > 0 {
		cs := controlSelection{Description: "Annex A controls in the audit's scope (ISO/IEC 27002)."}
		for j, c := range a.Scope.Controls {
			if !c.IsValid() {
				errs.Add(fielderr.Index(p+".scope.controls", j), fielderr.Errorf(ismskit.ErrNotEncodable, "the zero control"))
				continue
			}
			cs.IncludeControls = append(cs.IncludeControls, selectControl{ControlID: catoscal.ControlToken(c)})
		}
		sel = append(sel, cs)
	}
	if len(a.Scope.Clauses) > 0 {
		cs := controlSelection{Description: "Requirements of ISO/IEC 27001 in the audit's scope, by their control ids in the clauses catalog of iso27002/oscal's ExportClauses: each subclause in the scope with its own subclauses; a clause 4 to 10, a group of that catalog, by the subclauses it holds."}
		seen := map[string]bool{}
		for j, c := range a.Scope.Clauses {
			ids, err := clauseControls(std, c)
			if err != nil {
				errs.Add(fielderr.Index(p+".scope.clauses", j), err)
				continue
			}
			for _, id := range ids {
				if !seen[id] {
					seen[id] = true
					cs.IncludeControls = append(cs.IncludeControls, selectControl{ControlID: id})
				}
			}
		}
		sel = append(sel, cs)
	}
	if len(sel) == 0 || len(sel[0].IncludeControls) == 0 && (len(sel) == 1 || len(sel[1].IncludeControls) == 0) {
		sel = []controlSelection{{IncludeAll: &struct{}{},
			Remarks: "The audit's scope names no clause or control: it covers the whole ISMS."}}
	}
	res.ReviewedControls = reviewedControls{ControlSelections: sel}
	return res
}

func auditorNames(as []audit.Auditor) string {
	if len(as) == 0 {
		return "no named auditor"
	}
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	return strings.Join(names, ", ")
}

// observationOf returns the observation of an evidence record examined in
// an audit.
func observationOf(errs *fielderr.List, p, org, auditID string, e audit.Evidence) observation {
	o := observation{
		UUID:        oscalmodel.UUID("audit-evidence:" + org + ":" + auditID + ":" + e.ID),
		Title:       line(errs, p+".id", "Evidence "+e.ID),
		Description: text(e.What, "Evidence "+e.ID+"."),
		Methods:     []string{"EXAMINE"},
		Types:       []string{"finding"},
		Collected:   dateTime(errs, p+".when", e.When),
	}
	pr := props{errs: errs}
	pr.add("evidence-id", p+".id", e.ID)
	pr.add("location", p+".where", e.Where)
	pr.add("sha256", p+".sha256", e.SHA256)
	o.Props = pr.list
	return o
}

// clauseControls returns the control ids, in the clauses catalog of
// iso27002/oscal's ExportClauses, of the clause c and the clauses under
// it: the ids of c itself and of its subclauses for a subclause ("c.9.2",
// "c.9.2.1", "c.9.2.2"), and of its subclauses only for a clause 4 to 10,
// which that catalog writes as a group.
func clauseControls(std *iso27001.Standard, c iso27001.ClauseID) ([]string, error) {
	if !c.IsValid() {
		return nil, fielderr.Errorf(ismskit.ErrMissing, "the zero clause")
	}
	if _, ok := std.Clause(c); !ok {
		return nil, fielderr.Errorf(ismskit.ErrUnknownReference, "%s has no clause %s", std.Name(), c)
	}
	var out []string
	var walk func(id iso27001.ClauseID, depth int)
	walk = func(id iso27001.ClauseID, depth int) {
		if id.Depth() > 1 {
			out = append(out, catoscal.ClauseToken(id))
		}
		if depth < 4 {
			for ch := range std.Children(id) {
				walk(ch.ID, depth+1)
			}
		}
	}
	walk(c, 0)
	return out, nil
}
