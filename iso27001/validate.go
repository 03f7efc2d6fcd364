package iso27001

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Validate checks the records against their edition and reports every
// problem, joined, each as a *ismskit.Error with its path:
//
//   - edition missing (ismskit.ErrMissing) or an amendment that does not apply
//     (ErrAmendmentNotApplicable);
//   - required fields missing (ismskit.ErrMissing) and IDs given twice in a list
//     (ismskit.ErrDuplicateID);
//   - an objective without metric or target (ErrNotMeasurable);
//   - a document reviewed before it was approved (ismskit.ErrDateOrder);
//   - item and clause IDs that the edition lacks (ErrUnknownItem,
//     ErrUnknownClause), and review inputs that are not review inputs
//     (ErrNotReviewInput);
//   - references to documents not in the register (ismskit.ErrUnknownReference).
//
// A problem in a list names the element it is about by its ID (the
// objective, document or review; the role's holder, the competence
// record's person) in *ismskit.Error.Item: "objectives[2].target (O-3):
// the objective has no target". An empty organisation,
// Records{Edition: Edition2022}, is valid.
func (r Records) Validate() error {
	var l fielderr.List
	std, err := r.Standard()
	if err != nil {
		switch {
		case r.Edition == 0:
			l.Add("edition", fielderr.Errorf(ismskit.ErrMissing, "the edition is missing"))
		case !r.Edition.IsValid():
			l.Add("edition", err)
		default:
			l.Add("amendments", err)
		}
		return l.Err() // nothing else can be checked against an edition
	}
	docs := map[string]bool{}
	for _, d := range r.Documents {
		docs[d.ID] = true
	}
	// at adds err at path, naming item, the list element the user knows.
	at := func(path, item string, err error) { l.AddItem(path, item, err) }
	checkDocRef := func(path, item, id string) {
		if id != "" && !docs[id] {
			at(path, item, fielderr.Errorf(ismskit.ErrUnknownReference, "%s is not in the register", fielderr.Quote(id)))
		}
	}
	required := func(path, item, v string) {
		if v == "" {
			at(path, item, fielderr.Errorf(ismskit.ErrMissing, "missing value"))
		}
	}
	unique := func(list string) func(i int, id string) {
		seen := map[string]int{}
		return func(i int, id string) {
			p := fielderr.Index(list, i) + ".id"
			if id == "" {
				at(p, "", fielderr.Errorf(ismskit.ErrMissing, "the ID is missing"))
				return
			}
			if j, ok := seen[id]; ok {
				at(p, id, fielderr.Errorf(ismskit.ErrDuplicateID, "%s is also %s", fielderr.Quote(id), fielderr.Index(list, j)))
				return
			}
			seen[id] = i
		}
	}

	if !r.Scope.IsZero() {
		required("scope.statement", "", r.Scope.Statement)
		for i, in := range r.Scope.Interfaces {
			required(fielderr.Index("scope.interfaces", i)+".with", "", in.With)
		}
		for i, ex := range r.Scope.Exclusions {
			p := fielderr.Index("scope.exclusions", i)
			required(p+".subject", "", ex.Subject)
			required(p+".reason", ex.Subject, ex.Reason)
		}
		checkDocRef("scope.documentId", "", r.Scope.DocumentID)
	}

	u := unique("issues")
	for i, is := range r.Issues {
		p := fielderr.Index("issues", i)
		u(i, is.ID)
		if is.Origin == 0 {
			at(p+".origin", is.ID, fielderr.Errorf(ismskit.ErrMissing, "internal or external?"))
		}
		required(p+".description", is.ID, is.Description)
	}
	if r.Climate != nil {
		required("climate.rationale", "", r.Climate.Rationale)
	}

	u = unique("interestedParties")
	for i, ip := range r.InterestedParties {
		p := fielderr.Index("interestedParties", i)
		u(i, ip.ID)
		required(p+".name", ip.ID, ip.Name)
		for j, rq := range ip.Requirements {
			required(fielderr.Index(p+".requirements", j)+".description", ip.ID, rq.Description)
		}
	}

	for i, ro := range r.Roles {
		required(fielderr.Index("roles", i)+".name", ro.Holder, ro.Name)
	}

	u = unique("objectives")
	for i, o := range r.Objectives {
		p := fielderr.Index("objectives", i)
		u(i, o.ID)
		required(p+".description", o.ID, o.Description)
		if o.Metric == "" {
			at(p+".metric", o.ID, fielderr.Errorf(ErrNotMeasurable, "the objective has no metric"))
		}
		if o.Target == "" {
			at(p+".target", o.ID, fielderr.Errorf(ErrNotMeasurable, "the objective has no target"))
		}
	}

	for i, c := range r.Competence {
		p := fielderr.Index("competence", i)
		required(p+".person", "", c.Person)
		required(p+".competence", c.Person, c.Competence)
		checkDocRef(p+".documentId", c.Person, c.DocumentID)
	}

	u = unique("documents")
	for i, d := range r.Documents {
		p := fielderr.Index("documents", i)
		u(i, d.ID)
		required(p+".title", d.ID, d.Title)
		if !d.Approved.IsZero() && !d.ReviewDue.IsZero() && d.ReviewDue.Before(d.Approved) {
			at(p+".reviewDue", d.ID, fielderr.Errorf(ismskit.ErrDateOrder, "review %s before the approval %s", d.ReviewDue, d.Approved))
		}
		for j, it := range d.Evidences {
			at(fielderr.Index(p+".evidences", j), d.ID, std.CheckItem(it))
		}
		for j, c := range d.Clauses {
			at(fielderr.Index(p+".clauses", j), d.ID, std.CheckClause(c))
		}
	}

	u = unique("managementReviews")
	for i, mr := range r.ManagementReviews {
		p := fielderr.Index("managementReviews", i)
		u(i, mr.ID)
		if mr.Date.IsZero() {
			at(p+".date", mr.ID, fielderr.Errorf(ismskit.ErrMissing, "the date is missing"))
		}
		for j, in := range mr.Inputs {
			ip := fielderr.Index(p+".inputs", j) + ".item"
			if err := std.CheckItem(in.Item); err != nil {
				at(ip, mr.ID, err)
			} else if !std.isReviewInput(in.Item) {
				at(ip, mr.ID, fielderr.Errorf(ErrNotReviewInput, "%s is not a management review input of %s", in.Item, std.Name()))
			}
		}
		for j, out := range mr.Outputs {
			op := fielderr.Index(p+".outputs", j)
			if out.Kind == 0 {
				at(op+".kind", mr.ID, fielderr.Errorf(ismskit.ErrMissing, "improvement or change?"))
			}
			required(op+".decision", mr.ID, out.Decision)
		}
		checkDocRef(p+".documentId", mr.ID, mr.DocumentID)
	}
	return l.Err()
}
