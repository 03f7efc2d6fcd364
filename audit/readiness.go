package audit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// ReadinessInput is what the readiness verdict needs besides the audit
// records and the Basis, as plain values from the other packages.
// Evaluate fills it from an organisation's documents; Assess and
// NewReport take it from callers who build the Basis themselves. The zero
// value means "no gap analysis made, SoA not checked".
type ReadinessInput struct {
	// Gap is the gap analysis of the ISMS records (iso27001.Analyze) as of
	// the same date. Its MissingDocuments block certification; nil means
	// no gap analysis was made, which blocks certification too.
	Gap *iso27001.GapReport `json:"gap,omitempty"`
	// SoA is the Statement of Applicability. Assess validates it
	// (soa.SoA.Validate) against the Basis's catalog and Register, and an
	// SoA that does not validate blocks certification. nil means the SoA
	// is not checked, for a product that keeps its SoA in its own store.
	SoA *soa.SoA `json:"soa,omitempty"`
	// Register is the risk register the SoA's risk-treatment reasons are
	// checked against; nil checks them against no register.
	Register *risk.Register `json:"register,omitempty"`
}

// soaProblem validates the SoA of in against b's catalog, and returns the
// first problem, the control it is about (if any) and how many problems
// there are; nil when the SoA validates or is not given.
func (in ReadinessInput) soaProblem(b Basis) (first *ismskit.Error, control string, n int) {
	if in.SoA == nil {
		return nil, "", 0
	}
	ps := ismskit.Problems(in.SoA.Validate(soa.ValidateOptions{Catalog: b.Catalog, Register: in.Register}))
	if len(ps) == 0 {
		return nil, "", 0
	}
	p := ps[0]
	control = p.Item
	var i int
	if _, err := fmt.Sscanf(p.Path, "entries[%d]", &i); control == "" && err == nil && i >= 0 && i < len(in.SoA.Entries) {
		control = in.SoA.Entries[i].Control.String()
	}
	return p, control, len(ps)
}

// Readiness is how ready the ISMS is for certification as of a date: a
// score per clause, per control theme and overall, and the verdict with
// its reasons. Assess computes it. The zero value is an empty result that
// is not ready.
//
// # The formula
//
// The subjects are the requirement items of the edition (notes excluded)
// and the applicable controls of the SoA. For each subject, take its latest
// finding dated on or before the as-of day (a later finding replaces an
// earlier one; on the same day the later in the document wins). It earns
//
//	1    conforming, observation or opportunity for improvement;
//	1    a nonconformity whose corrective action is effective as of the day;
//	0.5  a minor nonconformity otherwise;
//	0    a major nonconformity otherwise, not audited, or no finding.
//
// A score is 100 * points / subjects over the subjects of a group, rounded
// to one decimal: per top-level clause (4 to 10, the items of the clause
// and its subclauses), per theme of the applicable controls
// (organizational, people, physical, technological; the Annex A clause of
// a 2013 control; the group or namespace of a custom one) and overall (all
// subjects, each counting once). A group without subjects scores 100.
//
// # The verdict
//
// The ISMS is ready for certification when none of these holds, and each
// that holds is a Reason:
//
//   - a major nonconformity dated on or before the day is open (its
//     corrective action, if any, is not effective as of the day);
//   - an item asking for mandatory documented information is missing,
//     expired or unapproved in the gap analysis, or there is no gap
//     analysis;
//   - the SoA does not validate;
//   - a clause with requirement items of its own (4.1, ..., 10.2) has no
//     audited finding (any result but not-audited) on or before the day;
//     when that holds for every such clause under a top-level clause, the
//     top-level clause is the one reason ("6" rather than 6.1.1, ..., 6.3).
type Readiness struct {
	// The day the readiness is assessed for.
	AsOf ismskit.Date `json:"asOf"`
	// Clauses scores each top-level clause, 4 to 10.
	Clauses []Score `json:"clauses"`
	// Themes scores the applicable controls per theme.
	Themes []Score `json:"themes"`
	// Overall scores every subject.
	Overall Score `json:"overall"`
	// Ready is true when Reasons is empty.
	Ready bool `json:"ready"`
	// Reasons says why the ISMS is not ready, blocking ones first.
	Reasons []Reason `json:"reasons"`
}

// Score is the readiness of a group of subjects; see Readiness for the
// formula.
// The zero value is an empty group.
type Score struct {
	// ID of the group: a clause ("6"), a theme ("organizational"), or
	// "overall".
	ID string `json:"id"`
	// Title of the group.
	Title string `json:"title"`
	// Subjects counts the items and controls of the group.
	Subjects int `json:"subjects"`
	// Audited counts those with an audited finding.
	Audited int `json:"audited"`
	// Points is the sum of the subjects' points.
	Points float64 `json:"points"`
	// Score is 100 * Points / Subjects, rounded to one decimal; 100 when
	// there are no subjects.
	Score float64 `json:"score"`
}

// Reason is one reason the ISMS is not ready for certification.
// The zero value is a reason of no kind.
type Reason struct {
	// What kind of obstacle. Required.
	Kind ReasonKind `json:"kind"`
	// What it is about: a finding ID (OpenMajor), a requirement item ID
	// (MissingDocument), a clause ID (ClauseNotAudited), the control of the
	// SoA's first problem (InvalidSoA, when the problem is about one
	// control); empty for a missing gap analysis.
	Subject string `json:"subject,omitempty"`
	// A sentence for people.
	Detail string `json:"detail"`
}

// Assess computes the readiness of the ISMS as of the day asOf (no clock
// is read) from the audit records, the basis and the other inputs; see
// Readiness for the formula and the verdict. It first validates the
// records against b and returns Validate's error if they are invalid; a
// zero asOf is an ismskit.ErrMissing error at "asOf". Evaluate does the
// same from an organisation's documents in one call.
func Assess(r Records, b Basis, in ReadinessInput, asOf ismskit.Date) (*Readiness, error) {
	rb, err := r.checkAt(b, asOf)
	if err != nil {
		return nil, err
	}
	return r.assess(rb, b, in, asOf), nil
}

// effectiveAt returns the IDs of the findings whose corrective action was
// effective at the end of day.
func effectiveAt(actions []CorrectiveAction, day ismskit.Date) map[string]bool {
	out := map[string]bool{}
	for _, a := range actions {
		if a.StateAt(day) == Effective {
			out[a.Finding] = true
		}
	}
	return out
}

// subjectState is what the findings say about one subject as of a day.
type subjectState struct {
	points  float64
	audited bool
}

func (r Records) assess(b *basis, given Basis, in ReadinessInput, day ismskit.Date) *Readiness {
	effective := effectiveAt(r.Actions, day)
	latest := map[string]*Finding{}
	auditedClause := map[iso27001.ClauseID]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Date.After(day) {
			continue
		}
		if prev, ok := latest[f.Subject()]; !ok || !f.Date.Before(prev.Date) {
			latest[f.Subject()] = f
		}
		if f.Item.IsValid() && f.Result.Audited() {
			auditedClause[f.Item.Clause()] = true
		}
	}
	state := func(subject string) subjectState {
		f, ok := latest[subject]
		if !ok {
			return subjectState{}
		}
		s := subjectState{audited: f.Result.Audited()}
		switch {
		case f.Result == Conforming || f.Result == Observation || f.Result == Opportunity:
			s.points = 1
		case f.Result.IsNonconformity() && effective[f.ID]:
			s.points = 1
		case f.Result == Minor:
			s.points = 0.5
		}
		return s
	}

	out := &Readiness{AsOf: day, Clauses: []Score{}, Themes: []Score{}, Reasons: []Reason{}}
	overall := Score{ID: "overall", Title: "Overall"}
	add := func(sc *Score, s subjectState) {
		sc.Subjects++
		sc.Points += s.points
		if s.audited {
			sc.Audited++
		}
	}
	for top := range b.std.Children(iso27001.ClauseID{}) {
		sc := Score{ID: top.ID.String(), Title: top.Title}
		for _, it := range b.items {
			if top.ID.Contains(it.ID.Clause()) {
				s := state(it.ID.String())
				add(&sc, s)
				add(&overall, s)
			}
		}
		out.Clauses = append(out.Clauses, finish(sc))
	}
	var themes []Score
	themeIdx := map[string]int{}
	for _, id := range b.applicable {
		ctl, _ := b.cat.Lookup(id)
		tid, title := themeOf(b.cat, ctl)
		i, ok := themeIdx[tid]
		if !ok {
			i = len(themes)
			themeIdx[tid] = i
			themes = append(themes, Score{ID: tid, Title: title})
		}
		s := state(id.String())
		add(&themes[i], s)
		add(&overall, s)
	}
	for _, t := range themes {
		out.Themes = append(out.Themes, finish(t))
	}
	out.Overall = finish(overall)

	// The verdict.
	for _, f := range r.Findings {
		if f.Result == Major && !f.Date.After(day) && !effective[f.ID] {
			out.Reasons = append(out.Reasons, Reason{Kind: OpenMajor, Subject: f.ID,
				Detail: fmt.Sprintf("major nonconformity %s against %s (audit %s) has no effective corrective action", f.ID, f.Subject(), f.Audit)})
		}
	}
	if in.Gap == nil {
		out.Reasons = append(out.Reasons, Reason{Kind: NoGapAnalysis, Detail: "no gap analysis was given, so mandatory documented information is unchecked"})
	} else {
		for _, d := range in.Gap.MissingDocuments {
			out.Reasons = append(out.Reasons, Reason{Kind: MissingDocument, Subject: d.Item.String(),
				Detail: fmt.Sprintf("documented information for %s (%s) is %s", d.Item, strings.ToLower(d.Kind.String()), strings.ToLower(d.Status.String()))})
		}
	}
	if p, control, n := in.soaProblem(given); p != nil {
		detail := "the Statement of Applicability does not validate: " + p.Error()
		if n > 1 {
			detail += fmt.Sprintf(" (and %d more %s)", n-1, plural(n-1, "problem", "problems"))
		}
		out.Reasons = append(out.Reasons, Reason{Kind: InvalidSoA, Subject: control, Detail: detail})
	}
	// A top-level clause none of whose parts was audited is one reason;
	// otherwise each part never audited is.
	for top := range b.std.Children(iso27001.ClauseID{}) {
		var missing []iso27001.ClauseID
		parts := 0
		for _, u := range b.units {
			if top.ID.Contains(u) {
				parts++
				if !auditedClause[u] {
					missing = append(missing, u)
				}
			}
		}
		if parts > 0 && len(missing) == parts {
			missing = []iso27001.ClauseID{top.ID}
		}
		for _, u := range missing {
			c, _ := b.std.Clause(u)
			out.Reasons = append(out.Reasons, Reason{Kind: ClauseNotAudited, Subject: u.String(),
				Detail: fmt.Sprintf("clause %s %s has never been audited", u, c.Title)})
		}
	}
	out.Ready = len(out.Reasons) == 0
	return out
}

// clone returns a copy of rd that shares no memory with it.
func (rd *Readiness) clone() *Readiness {
	c := *rd
	c.Clauses, c.Themes, c.Reasons = slices.Clone(rd.Clauses), slices.Clone(rd.Themes), slices.Clone(rd.Reasons)
	return &c
}

func finish(s Score) Score {
	s.Score = 100
	if s.Subjects > 0 {
		s.Score = round1(100 * s.Points / float64(s.Subjects))
	}
	return s
}

// themeOf returns the group a control is scored in.
func themeOf(cat *iso27002.Catalog, c iso27002.Control) (id, title string) {
	switch {
	case c.Theme.IsValid():
		code, _ := c.Theme.MarshalText()
		return string(code), c.Theme.String()
	case c.ID.Edition() == iso27002.Edition2013:
		g, _ := cat.Group(c.ID.Clause())
		return c.ID.Clause(), g.Title
	case c.Group != "":
		g, ok := cat.Group(c.Group)
		if ok {
			return c.Group, g.Title
		}
		return c.Group, c.Group
	}
	return c.ID.Namespace(), c.ID.Namespace()
}

// OpenMajors returns the major nonconformities dated on or before the
// calendar day of asOf that no corrective action had made effective by
// then, in document order. They block certification.
func OpenMajors(r Records, asOf ismskit.Date) []Finding {
	day := asOf
	effective := effectiveAt(r.Actions, day)
	var out []Finding
	for _, f := range r.Findings {
		if f.Result == Major && !f.Date.After(day) && !effective[f.ID] {
			f.Evidence = slices.Clone(f.Evidence)
			out = append(out, f)
		}
	}
	return out
}
