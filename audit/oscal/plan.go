package oscal

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/oscalmodel"
	catoscal "github.com/ismskit/ismskit/iso27002/oscal"
)

// ExportPlan returns the audit programme of r (ISO/IEC 27001:2022 clause
// 9.2.2) and the checklists of its audits as an OSCAL 1.2.1 assessment
// plan in JSON, the plan that ExportResults' import-ap names
// (Options.PlanHref):
//
//   - every audit of the programme is a task (type "action") with its
//     dates as its timing, its kind, sites and processes as properties,
//     and its auditors, parties in the "assessor" role, as the task's
//     responsible roles;
//   - the reviewed controls are the controls and requirements the audits
//     cover, by the ids of iso27002/oscal's catalogs, as ExportResults
//     gives them for each audit;
//   - every line of the checklists is an assessment objective of the
//     plan's local definitions (objectives-and-methods), with the id
//     "a.8.8_obj" for a control, or "c.9.1.p1_obj" for a requirement item
//     of clause 9.1: its check as the objective's prose, the evidence to
//     look for as "look-for" properties and the audit as an "audit-id"
//     property. A subject checked in several audits is one objective. The
//     findings of ExportResults about a control target these objectives.
//
// The plan imports the system security plan of soa/oscal
// (Options.SSPHref). Its last-modified is Options.LastModified, or
// AsOf, or the programme's CycleStart: the date of the programme it is
// made from. It reports, as ExportResults does, each problem with its
// path: a checklist of an audit that is not in the programme
// ("checklists[1].audit", ismskit.ErrUnknownReference), a line without a
// subject, dates outside OSCAL's years, values OSCAL cannot hold, and a
// programme without audits (ismskit.ErrMissing).
func ExportPlan(r audit.Records, checklists []audit.Checklist, opts Options) ([]byte, error) {
	var errs fielderr.List
	org := r.Organization
	md, ps := auditMetadata(&errs, "Internal audit programme", "an audit programme and its checklists (ISO/IEC 27001:2022 clause 9.2.2)",
		r, opts, r.Programme.CycleStart)

	doc := &assessmentPlan{Metadata: md, ImportSSP: href{Href: or(opts.SSPHref, "ssp.json")}}
	audits := map[string]bool{}
	var assessors []string
	var controls []controlSelection
	std := opts.standard()
	for i, a := range r.Programme.Audits {
		p := fielderr.Index("records.programme.audits", i)
		audits[a.ID] = true
		res := auditResult(&errs, p, org, a, std)
		controls = append(controls, res.ReviewedControls.ControlSelections...)
		t := task{
			UUID:        oscalmodel.UUID("audit-task:" + org + ":" + a.ID),
			Type:        "action",
			Title:       res.Title,
			Description: res.Description,
			Props:       res.Props,
			Timing:      &timing{WithinDateRange: &dateRange{Start: res.Start, End: dateTime(&errs, p+".end", a.End)}},
		}
		who := ps.auditors(&errs, p, a.Auditors)
		for _, u := range who {
			assessors = appendOnce(assessors, u)
		}
		if len(who) > 0 {
			t.ResponsibleRoles = []responsibleRole{{RoleID: "assessor", PartyUUIDs: who}}
		}
		doc.Tasks = append(doc.Tasks, t)
	}
	if len(r.Programme.Audits) == 0 {
		errs.Add("records.programme.audits", fielderr.Errorf(ismskit.ErrMissing, "an assessment plan needs at least one audit of the programme"))
	}
	doc.ReviewedControls = reviewedControls{ControlSelections: mergeSelections(controls)}

	seen := map[string]int{}
	var objectives []localObjective
	for i, cl := range checklists {
		cp := fielderr.Index("checklists", i)
		if !audits[cl.Audit] {
			errs.Add(cp+".audit", fielderr.Errorf(ismskit.ErrUnknownReference, "no audit %q in the programme", cl.Audit))
			continue
		}
		for j, ln := range cl.Lines {
			lp := fielderr.Index(cp+".lines", j)
			obj, ok := objectiveOf(&errs, lp, ln)
			if !ok {
				continue
			}
			if k, dup := seen[obj.Parts[0].ID]; dup {
				objectives[k].Props = appendProp(objectives[k].Props, nsProp("audit-id", cl.Audit))
				continue
			}
			obj.Props = []prop{nsProp("audit-id", cl.Audit)}
			seen[obj.Parts[0].ID] = len(objectives)
			objectives = append(objectives, obj)
		}
	}
	if len(objectives) > 0 {
		doc.LocalDefinitions = &localDefinitions{ObjectivesAndMethods: objectives,
			Remarks: "One assessment objective per subject of the audit checklists, in ismskit's own words: what the auditor checks and the evidence to look for."}
	}
	ps.roles(&doc.Metadata, assessors)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return oscalmodel.EncodeDocument(&apDoc{AP: doc}, "assessment-plan", &doc.UUID)
}

// objectiveOf returns the assessment objective of a checklist line.
func objectiveOf(errs *fielderr.List, lp string, ln audit.Line) (localObjective, bool) {
	var controlID string
	switch {
	case ln.Control.IsValid():
		controlID = catoscal.ControlToken(ln.Control)
	case ln.Item.IsValid():
		controlID = catoscal.ClauseToken(ln.Item.Clause())
	default:
		errs.Add(lp, fielderr.Errorf(ismskit.ErrMissing, "the line names neither a requirement item nor a control"))
		return localObjective{}, false
	}
	id := objectiveID(ln.Control, ln.Item)
	pt := apPart{ID: id, Name: "assessment-objective", Props: []prop{{Name: "label", Value: ln.Subject()}},
		Prose: text(ln.Check, "Check "+ln.Subject()+".")}
	for k, lf := range ln.LookFor {
		pr := props{errs: errs}
		pr.add("look-for", fielderr.Index(lp+".lookFor", k), lf)
		pt.Props = append(pt.Props, pr.list...)
	}
	obj := localObjective{ControlID: controlID, Parts: []apPart{pt}}
	if ln.HighRisk {
		obj.Description = "A control that treats a high risk: checked in more depth."
	}
	return obj, true
}

func appendProp(ps []prop, p prop) []prop {
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}

// mergeSelections merges the control selections of several audits into
// one: include-all if any audit covers the whole ISMS, else the union of
// the controls, each once, in the order first seen.
func mergeSelections(sels []controlSelection) []controlSelection {
	out := controlSelection{Description: "The controls of ISO/IEC 27002 and the requirements of ISO/IEC 27001 the programme's audits cover, by their ids in iso27002/oscal's catalogs."}
	seen := map[string]bool{}
	for _, s := range sels {
		if s.IncludeAll != nil {
			return []controlSelection{{IncludeAll: &struct{}{}, Remarks: "An audit of the programme covers the whole ISMS."}}
		}
		for _, c := range s.IncludeControls {
			if !seen[c.ControlID] {
				seen[c.ControlID] = true
				out.IncludeControls = append(out.IncludeControls, c)
			}
		}
	}
	if len(out.IncludeControls) == 0 {
		return []controlSelection{{IncludeAll: &struct{}{}}}
	}
	return []controlSelection{out}
}
