package iso27001

import (
	"math"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/enum"
)

// ItemStatus is the outcome of the gap analysis for one requirement item.
// The zero value is unset; in JSON: "evidenced", "missing", "expired",
// "unapproved".
type ItemStatus uint8

const (
	// Evidenced: a current register document or the records show the item.
	Evidenced ItemStatus = iota + 1
	// Missing: nothing shows the item.
	Missing
	// Expired: only documents past their review date show it.
	Expired
	// Unapproved: only documents without an approval date show it.
	Unapproved
)

var itemStatuses = enum.Table{Type: "ItemStatus", What: "item status",
	Codes:  []string{"", "evidenced", "missing", "expired", "unapproved"},
	Labels: []string{"", "Evidenced", "Missing", "Expired", "Unapproved"}}

// ParseItemStatus parses "evidenced", "missing", "expired" or
// "unapproved", in any case. Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func ParseItemStatus(s string) (ItemStatus, error) {
	return enum.ParseAs[ItemStatus](&itemStatuses, s)
}

// IsValid reports whether s is one of the four outcomes.
func (s ItemStatus) IsValid() bool { return itemStatuses.Valid(int(s)) }

// String returns "Evidenced", "Missing", "Expired" or "Unapproved" (""
// for the zero value).
func (s ItemStatus) String() string { return itemStatuses.Label(int(s)) }

// MarshalText returns "evidenced", "missing", "expired" or "unapproved",
// and "" for the zero value (unset); an unknown value is an error
// wrapping ismskit.ErrUnknownValue.
func (s ItemStatus) MarshalText() ([]byte, error) { return itemStatuses.Marshal(int(s)) }

// UnmarshalText parses what MarshalText returns; "" gives the zero value.
func (s *ItemStatus) UnmarshalText(text []byte) error {
	return enum.SetText(&itemStatuses, s, text)
}

// GapReport is the result of Analyze: per clause, which requirement items
// have evidence, which mandatory documented information is missing or
// stale, and how ready the ISMS is. Percentages are rounded to one decimal.
// The zero value is an empty report.
type GapReport struct {
	// Standard is the designation the records follow.
	Standard string `json:"standard"`
	// AsOf is the date the analysis was made for.
	AsOf ismskit.Date `json:"asOf"`
	// Clauses has one entry per clause and subclause, in order.
	Clauses []ClauseGap `json:"clauses"`
	// MissingDocuments lists the items asking for documented information
	// (7.5.1 a) that no current, approved register document evidences.
	MissingDocuments []DocumentGap `json:"missingDocuments"`
	// OverdueReviews lists the IDs of register documents past their review
	// date, in register order.
	OverdueReviews []string `json:"overdueReviews"`
	// Evidenced and Total count the requirement items (notes excluded).
	Evidenced int `json:"evidenced"`
	Total     int `json:"total"`
	// Readiness is 100 * Evidenced / Total.
	Readiness float64 `json:"readiness"`
}

// ClauseGap is the gap analysis of one clause.
type ClauseGap struct {
	// Clause is the clause analysed.
	Clause ClauseID `json:"clause"`
	// Title is its title.
	Title string `json:"title"`
	// Items are the clause's own requirement items (not its subclauses').
	Items []ItemGap `json:"items"`
	// Evidenced and Total count the items of the clause and its subclauses.
	Evidenced int `json:"evidenced"`
	Total     int `json:"total"`
	// Readiness is 100 * Evidenced / Total, or 100 when Total is 0.
	Readiness float64 `json:"readiness"`
}

// ItemGap is the gap analysis of one requirement item.
type ItemGap struct {
	// Item is the requirement item analysed.
	Item ItemID `json:"item"`
	// Status is the outcome.
	Status ItemStatus `json:"status"`
	// Documented is the documented information the item asks for.
	Documented DocKind `json:"documented,omitzero"`
	// Evidence names what shows the item: "document:ID", "records:KIND"
	// or "review:ID"; for an expired or unapproved item, the stale
	// documents.
	Evidence []string `json:"evidence,omitempty"`
}

// DocumentGap is an item asking for documented information that no
// current document evidences.
type DocumentGap struct {
	// Item is the item asking for documented information.
	Item ItemID `json:"item"`
	// Kind is the documented information it asks for.
	Kind DocKind `json:"kind"`
	// Status is Missing, Expired or Unapproved.
	Status ItemStatus `json:"status"`
	// Documents are the IDs of the expired or unapproved documents.
	Documents []string `json:"documents,omitempty"`
}

// Analyze runs the gap analysis of the records as of the given day (the
// calendar date of asOf in its location; no clock is read). It first
// validates the records and returns Validate's error if they are invalid.
//
// An item counts as evidenced when
//
//  1. a register document lists it in evidences, is approved, and is not
//     past its review date; or
//  2. it asks for no documented information, and the records hold every
//     kind of record it accepts (Item.EvidencedBy: "objectives.owner"
//     holds when every objective names an owner); or
//  3. it is a management review input that a recorded review considered;
//     or
//  4. it is 7.5.1 a (the documented information the standard requires)
//     and no item asking for documented information lacks evidence.
//
// Evidence for a lettered item covers its numbered points, and a lettered
// item whose numbered points are all evidenced is evidenced. Items asking
// for documented information are evidenced by rule 1 only.
func Analyze(r Records, asOf ismskit.Date) (*GapReport, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	std, _ := r.Standard()
	day := asOf
	rep := &GapReport{Standard: std.Name(), AsOf: day, MissingDocuments: []DocumentGap{}, OverdueReviews: []string{}}

	ev := map[ItemID]*docEv{}
	for _, d := range r.Documents {
		stale := !d.ReviewDue.IsZero() && d.ReviewDue.Before(day)
		if stale {
			rep.OverdueReviews = append(rep.OverdueReviews, d.ID)
		}
		for _, it := range d.Evidences {
			e := ev[it]
			if e == nil {
				e = &docEv{}
				ev[it] = e
			}
			switch {
			case d.Approved.IsZero():
				e.unapproved = append(e.unapproved, d.ID)
			case stale:
				e.expired = append(e.expired, d.ID)
			default:
				e.current = append(e.current, d.ID)
			}
		}
	}
	reviewed := map[ItemID][]string{}
	for _, mr := range r.ManagementReviews {
		for _, in := range mr.Inputs {
			reviewed[in.Item] = appendOnce(reviewed[in.Item], mr.ID)
		}
	}
	have := r.recordKinds()

	// First pass: each item on its own evidence (rules 1 to 3, with the
	// evidence of a lettered item applied to its points).
	gaps := map[ItemID]*ItemGap{}
	var order []*ItemGap
	for it := range std.Items() {
		if it.Note {
			continue
		}
		g := &ItemGap{Item: it.ID, Documented: it.Documented}
		e := ev[it.ID]
		if p := it.ID.Parent(); p.IsValid() && ev[p] != nil {
			e = mergeEv(e, ev[p])
		}
		if e == nil {
			e = &docEv{}
		}
		var in []string
		if std.isReviewInput(it.ID) {
			in = reviewed[it.ID]
			if p := it.ID.Parent(); p.IsValid() {
				in = append(append([]string(nil), in...), reviewed[p]...)
			}
		}
		switch {
		case len(e.current) > 0:
			g.Status = Evidenced
			for _, id := range e.current {
				g.Evidence = append(g.Evidence, "document:"+id)
			}
		case it.Documented == NotDocumented && it.records != 0 && have&it.records == it.records:
			g.Status = Evidenced
			for _, k := range it.records.keys() {
				g.Evidence = append(g.Evidence, "records:"+k)
			}
		case it.Documented == NotDocumented && len(in) > 0:
			g.Status = Evidenced
			for _, id := range in {
				g.Evidence = append(g.Evidence, "review:"+id)
			}
		case len(e.expired) > 0:
			g.Status = Expired
			for _, id := range e.expired {
				g.Evidence = append(g.Evidence, "document:"+id)
			}
		case len(e.unapproved) > 0:
			g.Status = Unapproved
			for _, id := range e.unapproved {
				g.Evidence = append(g.Evidence, "document:"+id)
			}
		default:
			g.Status = Missing
		}
		gaps[it.ID] = g
		order = append(order, g)
	}
	// Second pass: a lettered item whose points are all evidenced is
	// evidenced.
	points := map[ItemID][]*ItemGap{}
	for _, g := range order {
		if p := g.Item.Parent(); p.IsValid() {
			points[p] = append(points[p], g)
		}
	}
	for _, g := range order {
		ps := points[g.Item]
		if g.Status == Evidenced || len(ps) == 0 || g.Documented != NotDocumented {
			continue
		}
		all := true
		for _, p := range ps {
			all = all && p.Status == Evidenced
		}
		if all {
			g.Status = Evidenced
			g.Evidence = []string{"points:" + ps[0].Item.String() + ".." + ps[len(ps)-1].Item.String()}
		}
	}

	docsComplete := true
	for _, g := range order {
		if g.Documented != NotDocumented && g.Status != Evidenced {
			docsComplete = false
			dg := DocumentGap{Item: g.Item, Kind: g.Documented, Status: g.Status}
			for _, e := range g.Evidence {
				dg.Documents = append(dg.Documents, e[len("document:"):])
			}
			rep.MissingDocuments = append(rep.MissingDocuments, dg)
		}
	}
	if g := gaps[ItemID{c: ClauseID{p: [3]uint8{7, 5, 1}}, kind: 'l', letter: 'a'}]; g != nil && g.Status != Evidenced && docsComplete {
		g.Status, g.Evidence = Evidenced, []string{"documents:all-required"}
	}

	for c := range std.Clauses() {
		cg := ClauseGap{Clause: c.ID, Title: c.Title, Items: []ItemGap{}}
		for _, g := range order {
			if !c.ID.Contains(g.Item.Clause()) {
				continue
			}
			cg.Total++
			if g.Status == Evidenced {
				cg.Evidenced++
			}
			if g.Item.Clause() == c.ID {
				cg.Items = append(cg.Items, *g)
			}
		}
		cg.Readiness = percent(cg.Evidenced, cg.Total)
		rep.Clauses = append(rep.Clauses, cg)
	}
	for _, g := range order {
		rep.Total++
		if g.Status == Evidenced {
			rep.Evidenced++
		}
	}
	rep.Readiness = percent(rep.Evidenced, rep.Total)
	return rep, nil
}

func percent(n, total int) float64 {
	if total == 0 {
		return 100
	}
	return math.Round(1000*float64(n)/float64(total)) / 10
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// docEv sorts the documents that list an item by their state.
type docEv struct{ current, expired, unapproved []string }

func mergeEv(a, b *docEv) *docEv {
	if a == nil {
		return b
	}
	return &docEv{
		current:    append(append([]string(nil), a.current...), b.current...),
		expired:    append(append([]string(nil), a.expired...), b.expired...),
		unapproved: append(append([]string(nil), a.unapproved...), b.unapproved...),
	}
}

// recordKinds returns the record kinds the records hold (see
// Item.EvidencedBy).
func (r Records) recordKinds() recordSet {
	var s recordSet
	set := func(k recordSet, ok bool) {
		if ok {
			s |= k
		}
	}
	set(recIssues, len(r.Issues) > 0)
	climate := r.Climate != nil
	for _, is := range r.Issues {
		climate = climate || is.Climate
	}
	set(recClimate, climate)
	set(recParties, len(r.InterestedParties) > 0)
	reqs, decided := 0, 0
	for _, p := range r.InterestedParties {
		for _, rq := range p.Requirements {
			reqs++
			if rq.Addressed != nil {
				decided++
			}
		}
	}
	set(recPartiesRequirements, reqs > 0)
	set(recPartiesAddressed, reqs > 0 && decided == reqs)
	set(recScope, r.Scope.Statement != "" && len(r.Scope.Boundaries) > 0)
	set(recScopeInterfaces, len(r.Scope.Interfaces) > 0)
	set(recRoles, len(r.Roles) > 0)
	for _, ro := range r.Roles {
		set(recRolesConformance, ro.Conformance)
		set(recRolesReporting, ro.ReportsPerformance)
	}
	all := func(f func(o Objective) bool) bool {
		if len(r.Objectives) == 0 {
			return false
		}
		for _, o := range r.Objectives {
			if !f(o) {
				return false
			}
		}
		return true
	}
	set(recObjectives, len(r.Objectives) > 0)
	set(recObjectivesMeasurable, all(func(o Objective) bool { return o.Metric != "" && o.Target != "" }))
	set(recObjectivesMonitored, all(func(o Objective) bool { return o.Monitoring != "" }))
	set(recObjectivesPlan, all(func(o Objective) bool { return o.Plan != "" }))
	set(recObjectivesResources, all(func(o Objective) bool { return o.Resources != "" }))
	set(recObjectivesOwner, all(func(o Objective) bool { return o.Owner != "" }))
	set(recObjectivesDue, all(func(o Objective) bool { return !o.Due.IsZero() }))
	set(recObjectivesEvaluation, all(func(o Objective) bool { return o.Evaluation != "" }))
	set(recCompetence, len(r.Competence) > 0)
	for _, c := range r.Competence {
		set(recCompetenceActions, len(c.Actions) > 0)
	}
	docs := len(r.Documents) > 0
	approved, versioned, retention := docs, docs, docs
	for _, d := range r.Documents {
		approved = approved && !d.Approved.IsZero()
		versioned = versioned && d.Version != ""
		retention = retention && d.Retention != ""
	}
	set(recDocuments, docs)
	set(recDocumentsApproved, approved)
	set(recDocumentsVersion, versioned)
	set(recDocumentsRetention, retention)
	set(recReviews, len(r.ManagementReviews) > 0)
	for _, mr := range r.ManagementReviews {
		set(recReviewsOutputs, len(mr.Outputs) > 0)
	}
	return s
}
