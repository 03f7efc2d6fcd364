package risk

import (
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// AcceptanceOf returns the state at asOf of the acceptance in force for
// r, given its assessment a, and a copy of that acceptance (nil when
// there is none). The acceptance in force is the last one dated at or
// before asOf; later records are not yet made, and a zero asOf is before
// every record. It is checked in this order:
//
//  1. given by the risk owner, else AcceptanceNotByOwner;
//  2. made with the criteria and residual rating of a, else
//     AcceptanceStale;
//  3. asOf before its own Expires, if any, else AcceptanceExpired;
//  4. asOf before the end of the criteria's maximum age
//     (a.AcceptanceMaxAgeMonths months after it was made; see
//     AcceptanceCriteria), if any, else AcceptanceTooOld.
//
// An acceptance that passes all four is AcceptanceValid.
func AcceptanceOf(r Risk, a Assessment, asOf ismskit.Date) (AcceptanceStatus, *Acceptance) {
	var last *Acceptance
	for i := range r.Acceptances {
		if !r.Acceptances[i].At.IsZero() && !r.Acceptances[i].At.After(asOf) {
			last = &r.Acceptances[i]
		}
	}
	if last == nil {
		return NoAcceptance, nil
	}
	cp := *last
	switch {
	case last.By != r.Owner:
		return AcceptanceNotByOwner, &cp
	case last.Criteria != a.Criteria || last.Likelihood != a.Residual.Likelihood ||
		last.Impact != a.Residual.Impact || last.Level != a.Residual.Level:
		return AcceptanceStale, &cp
	case !last.Expires.IsZero() && !asOf.Before(last.Expires):
		return AcceptanceExpired, &cp
	case tooOld(last.At, a.AcceptanceMaxAgeMonths, asOf):
		return AcceptanceTooOld, &cp
	}
	return AcceptanceValid, &cp
}

// tooOld reports whether an acceptance made at at is maxMonths months old
// or older at asOf; a maxMonths of 0 (or an end beyond the last Date) is
// no maximum.
func tooOld(at ismskit.Date, maxMonths int, asOf ismskit.Date) bool {
	if maxMonths <= 0 {
		return false
	}
	end := at.AddDate(0, maxMonths, 0)
	return !end.IsZero() && !asOf.Before(end)
}

// Unaccepted is a risk whose residual level is above its acceptance
// limit and that has no valid acceptance by its owner (ISO/IEC
// 27001:2022 clause 6.1.3 f), as NeedingAcceptance lists it. The zero
// value describes no risk.
type Unaccepted struct {
	// ID of the risk.
	RiskID string `json:"riskId"`
	// The risk owner who must accept or treat further.
	Owner string `json:"owner"`
	// The residual rating.
	Residual Rating `json:"residual"`
	// The highest acceptable level for the risk.
	Limit string `json:"limit"`
	// Why no acceptance is valid.
	Status AcceptanceStatus `json:"status"`
}

// String returns the risk, its residual rating, its limit and why no
// acceptance counts, as "R-6 (owner CTO): residual high (L2 I5) above
// low, acceptance Stale".
func (u Unaccepted) String() string {
	return u.RiskID + " (owner " + u.Owner + "): residual " + u.Residual.String() + " above " + u.Limit +
		", acceptance " + u.Status.String()
}

// NeedingAcceptance lists, at asOf, every risk of the register whose
// residual level is above the acceptance criteria and that has no valid
// acceptance by its owner (ISO/IEC 27001:2022 clause 6.1.3 f), in
// priority order (see Compare). Risks that cannot be assessed are
// reported in the error, as by AssessRegister, and are not listed: they
// need fixing first. A zero asOf is an ismskit.ErrMissing error: the
// answer depends on the date, and nothing reads the clock.
func NeedingAcceptance(reg Register, asOf ismskit.Date) ([]Unaccepted, error) {
	if asOf.IsZero() {
		return nil, &ismskit.Error{Err: errf(ismskit.ErrMissing, "no asOf date for the acceptance check")}
	}
	as, err := AssessRegister(reg)
	if as == nil && err != nil {
		return nil, err
	}
	byID := make(map[string]*Risk, len(reg.Risks))
	for i := range reg.Risks {
		byID[reg.Risks[i].ID] = &reg.Risks[i]
	}
	as = slices.Clone(as)
	SortAssessments(as, Residual)
	var out []Unaccepted
	for _, a := range as {
		if !a.AboveCriteria() {
			continue
		}
		r := byID[a.RiskID]
		st, _ := AcceptanceOf(*r, a, asOf)
		if st == AcceptanceValid {
			continue
		}
		out = append(out, Unaccepted{RiskID: a.RiskID, Owner: r.Owner, Residual: a.Residual, Limit: a.Limit, Status: st})
	}
	return out, err
}

// Approve returns a copy of r with the approval appended (6.1.3 f). The
// history is append-only: an approval without approver or time is
// ErrMissing, and one dated before the last approval is ismskit.ErrDateOrder. r
// itself is not modified.
func (r Risk) Approve(ap Approval) (Risk, error) {
	var l fielderr.List
	required(&l, "by", ap.By)
	if ap.At.IsZero() {
		l.Add("at", ismskit.ErrMissing)
	} else if n := len(r.Approvals); n > 0 && ap.At.Before(r.Approvals[n-1].At) {
		l.Add("at", errf(ismskit.ErrDateOrder, "approval dated before the last one"))
	}
	if err := l.Err(); err != nil {
		return r, err
	}
	r.Approvals = append(slices.Clip(r.Approvals), ap)
	return r, nil
}

// Accept returns a copy of r with an acceptance of its current residual
// risk appended (6.1.3 f): the rating and criteria are taken from a, the
// assessment of r. expires may be the zero time (no expiry). Errors, all
// joined: ErrMissing for no acceptor or time, ismskit.ErrDateOrder for a time
// before the last acceptance or an expiry not after it, ErrInconsistent
// when a is the assessment of another risk. r itself is not modified.
func (r Risk) Accept(by string, at ismskit.Date, a Assessment, expires ismskit.Date, comment string) (Risk, error) {
	var l fielderr.List
	required(&l, "by", by)
	if at.IsZero() {
		l.Add("at", ismskit.ErrMissing)
	} else if n := len(r.Acceptances); n > 0 && at.Before(r.Acceptances[n-1].At) {
		l.Add("at", errf(ismskit.ErrDateOrder, "acceptance dated before the last one"))
	}
	if !expires.IsZero() && !expires.After(at) {
		l.Add("expires", errf(ismskit.ErrDateOrder, "expiry not after the acceptance"))
	}
	if a.RiskID != r.ID {
		l.Add("riskId", errf(ismskit.ErrInconsistent, "assessment of risk %q given for risk %q", a.RiskID, r.ID))
	}
	if err := l.Err(); err != nil {
		return r, err
	}
	r.Acceptances = append(slices.Clip(r.Acceptances), Acceptance{
		By: by, At: at, Criteria: a.Criteria,
		Likelihood: a.Residual.Likelihood, Impact: a.Residual.Impact, Level: a.Residual.Level,
		Expires: expires, Comment: comment,
	})
	return r, nil
}

// CheckHistory reports where next, a later version of the register
// prev, breaks the append-only rule of approvals and acceptances: a risk
// of prev missing from next, or a record of prev changed or removed.
// Each problem is a *ismskit.Error with the path in next (or in prev for a
// missing risk) wrapping ErrHistoryRewritten; all are joined.
func CheckHistory(prev, next Register) error {
	var l fielderr.List
	idx := make(map[string]int, len(next.Risks))
	for i, r := range next.Risks {
		if _, dup := idx[r.ID]; !dup {
			idx[r.ID] = i
		}
	}
	for i, old := range prev.Risks {
		if len(old.Approvals) == 0 && len(old.Acceptances) == 0 {
			continue
		}
		j, ok := idx[old.ID]
		if !ok {
			l.AddItem(fielderr.Index("risks", i), old.ID, errf(ErrHistoryRewritten, "risk %q with approval or acceptance records was removed", old.ID))
			continue
		}
		nr := next.Risks[j]
		p := fielderr.Index("risks", j)
		for k, ap := range old.Approvals {
			if k >= len(nr.Approvals) || !sameApproval(ap, nr.Approvals[k]) {
				l.AddItem(fielderr.Index(p+".approvals", k), old.ID, errf(ErrHistoryRewritten, "approval by %q at %s changed or removed", ap.By, ap.At))
			}
		}
		for k, ac := range old.Acceptances {
			if k >= len(nr.Acceptances) || !sameAcceptance(ac, nr.Acceptances[k]) {
				l.AddItem(fielderr.Index(p+".acceptances", k), old.ID, errf(ErrHistoryRewritten, "acceptance by %q at %s changed or removed", ac.By, ac.At))
			}
		}
	}
	return l.Err()
}

func sameApproval(a, b Approval) bool {
	return a.By == b.By && a.At == b.At && a.Comment == b.Comment
}

func sameAcceptance(a, b Acceptance) bool {
	return a.By == b.By && a.At == b.At && a.Criteria == b.Criteria &&
		a.Likelihood == b.Likelihood && a.Impact == b.Impact && a.Level == b.Level &&
		a.Expires == b.Expires && a.Comment == b.Comment
}

// PlanApproved reports whether the treatment plan of r counts as
// approved by its owner at asOf (6.1.3 f): the last approval dated at or
// before asOf was given by the current risk owner. A zero asOf is before
// every approval, so it gives false.
func PlanApproved(r Risk, asOf ismskit.Date) bool {
	var last *Approval
	for i := range r.Approvals {
		if !r.Approvals[i].At.After(asOf) {
			last = &r.Approvals[i]
		}
	}
	return last != nil && last.By != "" && last.By == r.Owner
}
