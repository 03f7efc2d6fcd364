package iso27001

import (
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Validate checks the records against their edition and reports every
// problem, joined, each as a *ismskit.Error with its path:
//
//   - edition missing (ismskit.ErrMissing) or an amendment that does not apply
//     (ErrAmendmentNotApplicable);
//   - required fields missing (ismskit.ErrMissing) and IDs given twice in a list
//     (ErrDuplicateID);
//   - an objective without metric or target (ErrNotMeasurable);
//   - a document reviewed before it was approved (ismskit.ErrDateOrder);
//   - item and clause IDs that the edition lacks (ErrUnknownItem,
//     ErrUnknownClause), and review inputs that are not review inputs
//     (ErrNotReviewInput);
//   - references to documents not in the register (ismskit.ErrUnknownReference).
//
// An empty organisation, Records{Edition: Edition2022}, is valid.
func (r Records) Validate() error {
	var l fielderr.List
	std, err := r.Standard()
	if err != nil {
		switch {
		case r.Edition == 0:
			l.Add("edition", ismskit.ErrMissing)
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
	checkDocRef := func(path, id string) {
		if id != "" && !docs[id] {
			l.Add(path, fmt.Errorf("%w: %q is not in the register", ismskit.ErrUnknownReference, id))
		}
	}
	required := func(path, v string) {
		if v == "" {
			l.Add(path, ismskit.ErrMissing)
		}
	}
	unique := func(list string) func(i int, id string) {
		seen := map[string]int{}
		return func(i int, id string) {
			p := fielderr.Index(list, i) + ".id"
			if id == "" {
				l.Add(p, ismskit.ErrMissing)
				return
			}
			if j, ok := seen[id]; ok {
				l.Add(p, fmt.Errorf("%w: %q, also at %s", ismskit.ErrDuplicateID, id, fielderr.Index(list, j)))
				return
			}
			seen[id] = i
		}
	}

	if !r.Scope.IsZero() {
		required("scope.statement", r.Scope.Statement)
		for i, in := range r.Scope.Interfaces {
			required(fielderr.Index("scope.interfaces", i)+".with", in.With)
		}
		for i, ex := range r.Scope.Exclusions {
			p := fielderr.Index("scope.exclusions", i)
			required(p+".subject", ex.Subject)
			required(p+".reason", ex.Reason)
		}
		checkDocRef("scope.documentId", r.Scope.DocumentID)
	}

	u := unique("issues")
	for i, is := range r.Issues {
		p := fielderr.Index("issues", i)
		u(i, is.ID)
		if is.Origin == 0 {
			l.Add(p+".origin", ismskit.ErrMissing)
		}
		required(p+".description", is.Description)
	}
	if r.Climate != nil {
		required("climate.rationale", r.Climate.Rationale)
	}

	u = unique("interestedParties")
	for i, ip := range r.InterestedParties {
		p := fielderr.Index("interestedParties", i)
		u(i, ip.ID)
		required(p+".name", ip.Name)
		for j, rq := range ip.Requirements {
			required(fielderr.Index(p+".requirements", j)+".description", rq.Description)
		}
	}

	for i, ro := range r.Roles {
		required(fielderr.Index("roles", i)+".name", ro.Name)
	}

	u = unique("objectives")
	for i, o := range r.Objectives {
		p := fielderr.Index("objectives", i)
		u(i, o.ID)
		required(p+".description", o.Description)
		if o.Metric == "" {
			l.Add(p+".metric", ErrNotMeasurable)
		}
		if o.Target == "" {
			l.Add(p+".target", ErrNotMeasurable)
		}
	}

	for i, c := range r.Competence {
		p := fielderr.Index("competence", i)
		required(p+".person", c.Person)
		required(p+".competence", c.Competence)
		checkDocRef(p+".documentId", c.DocumentID)
	}

	u = unique("documents")
	for i, d := range r.Documents {
		p := fielderr.Index("documents", i)
		u(i, d.ID)
		required(p+".title", d.Title)
		if !d.Approved.IsZero() && !d.ReviewDue.IsZero() && d.ReviewDue.Before(d.Approved) {
			l.Add(p+".reviewDue", fmt.Errorf("%w: review %s, approval %s", ismskit.ErrDateOrder, d.ReviewDue, d.Approved))
		}
		for j, it := range d.Evidences {
			l.Add(fielderr.Index(p+".evidences", j), std.CheckItem(it))
		}
		for j, c := range d.Clauses {
			l.Add(fielderr.Index(p+".clauses", j), std.CheckClause(c))
		}
	}

	u = unique("managementReviews")
	for i, mr := range r.ManagementReviews {
		p := fielderr.Index("managementReviews", i)
		u(i, mr.ID)
		if mr.Date.IsZero() {
			l.Add(p+".date", ismskit.ErrMissing)
		}
		for j, in := range mr.Inputs {
			ip := fielderr.Index(p+".inputs", j) + ".item"
			if err := std.CheckItem(in.Item); err != nil {
				l.Add(ip, err)
			} else if !std.isReviewInput(in.Item) {
				l.Add(ip, fmt.Errorf("%w: %s", ErrNotReviewInput, in.Item))
			}
		}
		for j, out := range mr.Outputs {
			op := fielderr.Index(p+".outputs", j)
			if out.Kind == 0 {
				l.Add(op+".kind", ismskit.ErrMissing)
			}
			required(op+".decision", out.Decision)
		}
		checkDocRef(p+".documentId", mr.DocumentID)
	}
	return l.Err()
}
