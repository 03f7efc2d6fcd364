package soa

import (
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// ValidateOptions tells Validate what to check an SoA against. The zero
// value checks against the built-in catalog of the header's edition,
// without a register, and does not require evidence.
type ValidateOptions struct {
	// The catalog the SoA must cover; nil means the built-in catalog of
	// Header.Edition (an SoA of a custom catalog must pass it).
	Catalog *iso27002.Catalog `json:"catalog,omitempty"`
	// The risk register. When set, risk-treatment reasons must name its
	// risks, and a control any of its risks is treated with must not be
	// excluded.
	Register *risk.Register `json:"register,omitempty"`
	// RequireEvidence makes an implemented control without an evidence
	// reference an error (ErrNoEvidence).
	RequireEvidence bool `json:"requireEvidence,omitempty"`
}

// Validate checks s against the rules of ISO/IEC 27001:2022 clause
// 6.1.3 and reports every problem at once (up to
// ismskit.DefaultMaxProblems, then one ismskit.ErrMoreProblems), each a
// *ismskit.Error whose path names the entry and field
// ("entries[12].justification"), whose Item and message name the control
// ("5.13"), joined with errors.Join:
//
//   - the header has an organisation, a version and a date (ErrMissing),
//     and its edition is the catalog's (ErrInconsistent);
//   - every control of the catalog has an entry (ErrMissingControl),
//     none has two (ismskit.ErrDuplicateID), every entry's control is in the
//     catalog (ErrUnknownControl), and entries are in natural order
//     (ErrInconsistent);
//   - no control is undecided (ErrUndecided);
//   - an included control has a reason (ErrNoReason) and a status
//     (ErrNoStatus), and is not marked not-applicable (ErrInconsistent);
//   - an excluded control has a justification (ErrNoJustification), no
//     status other than not-applicable (ErrInconsistent), and does not
//     treat a risk, by its own reasons or by the register
//     (ErrExcludedRiskControl);
//   - a reason has a kind (ErrUnknownValue); a risk-treatment reason
//     lists risks that the register holds (ErrMissing, ismskit.ErrUnknownReference)
//     and the other kinds list none (ErrInconsistent); a legal,
//     regulatory or contractual reason has a reference (ErrMissing);
//   - an inherited or shared control names its provider (ErrNoProvider);
//   - with RequireEvidence, an implemented control has evidence
//     (ErrNoEvidence); evidence items are never empty (ErrMissing).
//
// When there is no catalog to check against (ValidateOptions.Catalog is
// nil and the header's edition has no built-in catalog, as for the zero
// SoA), Validate reports that once at header.edition (ErrEdition), and
// every other problem all the same: only the checks that need the catalog
// (missing and unknown controls) are left out. An SoA without entries is
// then reported at "entries" (ErrMissing).
//
// It returns nil when s is valid.
func (s SoA) Validate(opts ValidateOptions) error {
	var l fielderr.List
	cat := opts.Catalog
	if cat == nil {
		var err error
		if cat, err = iso27002.BuiltIn(s.Header.Edition); err != nil {
			cat = nil
			l.Add("header.edition", errf(ErrEdition, "no catalog to check the entries against: the edition %s has no built-in catalog%s; pass ValidateOptions.Catalog", s.Header.Edition, editionHint(s.Entries)))
		}
	}
	h := &s.Header
	if strings.TrimSpace(h.Organization) == "" {
		l.Add("header.organization", errf(ismskit.ErrMissing, "the organisation is missing"))
	}
	if strings.TrimSpace(h.Version) == "" {
		l.Add("header.version", errf(ismskit.ErrMissing, "the version is missing"))
	}
	if h.Date.IsZero() {
		l.Add("header.date", errf(ismskit.ErrMissing, "the date is missing"))
	}
	if (h.ApprovedBy == "") != h.ApprovedAt.IsZero() {
		l.Add("header.approvedBy", errf(ismskit.ErrMissing, "an approval needs both approvedBy and approvedAt"))
	}
	if cat != nil && h.Edition != cat.Edition() {
		l.Add("header.edition", errf(ismskit.ErrInconsistent, "the header says edition %s but the catalog %s is %s", h.Edition, cat.Name(), cat.Edition()))
	}

	var risks map[string]bool
	var riskControls map[iso27002.ControlID]string // control -> first risk ID
	if opts.Register != nil {
		reg := opts.Register
		risks = make(map[string]bool, len(reg.Risks))
		for i := range reg.Risks {
			risks[reg.Risks[i].ID] = true
		}
		riskControls = map[iso27002.ControlID]string{}
		riskUses(reg, func(u *riskUse) {
			if _, ok := riskControls[u.control]; !ok {
				riskControls[u.control] = reg.Risks[u.risk].ID
			}
		})
	}

	seen := make(map[iso27002.ControlID]int, len(s.Entries))
	var prev iso27002.ControlID
	for i := range s.Entries {
		e := &s.Entries[i]
		p := fielderr.Index("entries", i)
		id := e.Control
		pr := entryProblems{&l, e}
		switch {
		case !id.IsValid():
			l.Add(p+".control", errf(ismskit.ErrMissing, "the entry names no control"))
		case cat != nil && !cat.Has(id):
			pr.add(p+".control", errf(ismskit.ErrUnknownControl, "%s is not in %s", id, cat.Name()))
		case cat != nil && withdrawn(cat, id):
			pr.add(p+".control", errf(iso27002.ErrWithdrawn, "%s is withdrawn from %s", id, cat.Name()))
		}
		if id.IsValid() {
			if j, dup := seen[id]; dup {
				pr.add(p+".control", errf(ismskit.ErrDuplicateID, "%s is listed twice (also entries[%d])", id, j))
			} else {
				seen[id] = i
			}
			if prev.IsValid() && id.Compare(prev) < 0 {
				pr.add(p+".control", errf(ismskit.ErrInconsistent, "%s comes after %s: entries are in natural order", id, prev))
			}
			prev = id
		}
		validateEntry(&l, p, e, risks, riskControls, opts.RequireEvidence)
	}
	switch {
	case cat != nil:
		for ctl := range cat.Select() { // the controls in force
			if _, ok := seen[ctl.ID]; !ok {
				l.AddItem("entries", ctl.ID.String(), errf(ErrMissingControl, "%s %s has no entry", ctl.ID, ctl.DisplayTitle()))
			}
		}
	case len(s.Entries) == 0:
		l.Add("entries", errf(ismskit.ErrMissing, "the SoA has no entries"))
	}
	return l.Err()
}

// entryProblems adds the problems of one entry to a list, naming the
// entry's control as their Item (computed only for a problem).
type entryProblems struct {
	l *fielderr.List
	e *Entry
}

func (p entryProblems) add(path string, err error) { p.l.AddItem(path, itemOf(p.e.Control), err) }

// editionHint says which built-in edition the entries' controls belong
// to, when they all belong to one, for the message of a missing catalog.
func editionHint(entries []Entry) string {
	var ed iso27002.Edition
	for i := range entries {
		e := entries[i].Control.Edition()
		if e == 0 || ed != 0 && e != ed {
			return ""
		}
		ed = e
	}
	if ed == 0 {
		return ""
	}
	return " (the entries are controls of edition " + ed.String() + ": is the header's edition " + ed.String() + "?)"
}

func validateEntry(l *fielderr.List, p string, e *Entry, risks map[string]bool, riskControls map[iso27002.ControlID]string, requireEvidence bool) {
	id := e.Control
	pr := entryProblems{l, e}
	switch e.Applicability {
	case Undecided:
		pr.add(p+".applicability", errf(ErrUndecided, "%s is undecided: include it with a reason or exclude it with a justification", id))
	case Included:
		if len(e.Reasons) == 0 {
			pr.add(p+".reasons", errf(ErrNoReason, "%s is included without a reason", id))
		}
		switch e.Status {
		case 0:
			pr.add(p+".status", errf(ErrNoStatus, "%s is included without an implementation status", id))
		case NotApplicable:
			pr.add(p+".status", errf(ismskit.ErrInconsistent, "%s is included but its status is not-applicable", id))
		}
	case Excluded:
		if strings.TrimSpace(e.Justification) == "" {
			pr.add(p+".justification", errf(ErrNoJustification, "%s is excluded without a justification", id))
		}
		if e.Status != 0 && e.Status != NotApplicable {
			pr.add(p+".status", errf(ismskit.ErrInconsistent, "%s is excluded but its status is %s", id, e.Status.code()))
		}
		if e.TreatsRisk() {
			pr.add(p+".applicability", errf(ErrExcludedRiskControl, "%s is excluded but treats risks %s", id, strings.Join(riskIDs(e), ", ")))
		} else if r, ok := riskControls[id]; ok {
			pr.add(p+".applicability", errf(ErrExcludedRiskControl, "%s is excluded but risk %s is treated with it", id, r))
		}
	default:
		pr.add(p+".applicability", errf(ismskit.ErrUnknownValue, "%s: applicability %d is not defined", id, uint8(e.Applicability)))
	}
	if e.Status != 0 && !e.Status.IsValid() {
		pr.add(p+".status", errf(ismskit.ErrUnknownValue, "%s: status %d is not defined", id, uint8(e.Status)))
	}
	for j, r := range e.Reasons {
		rp := fielderr.Index(p+".reasons", j)
		switch {
		case !r.Kind.IsValid():
			pr.add(rp+".kind", errf(ismskit.ErrUnknownValue, "%s: reason kind %d is not defined", id, uint8(r.Kind)))
		case r.Kind == RiskTreatment:
			if len(r.Risks) == 0 {
				pr.add(rp+".risks", errf(ismskit.ErrMissing, "%s: a risk-treatment reason lists no risk", id))
			}
			for k, rid := range r.Risks {
				if strings.TrimSpace(rid) == "" {
					pr.add(fielderr.Index(rp+".risks", k), errf(ismskit.ErrMissing, "%s: empty risk ID", id))
				} else if risks != nil && !risks[rid] {
					pr.add(fielderr.Index(rp+".risks", k), errf(ismskit.ErrUnknownReference, "%s: risk %q is not in the register", id, rid))
				}
			}
		default:
			if len(r.Risks) > 0 {
				pr.add(rp+".risks", errf(ismskit.ErrInconsistent, "%s: a %s reason lists risks", id, r.Kind.code()))
			}
			if r.Kind.NeedsReference() && strings.TrimSpace(r.Reference) == "" {
				pr.add(rp+".reference", errf(ismskit.ErrMissing, "%s: a %s reason needs a reference", id, r.Kind.code()))
			}
		}
	}
	switch e.Responsibility {
	case Own:
	case Inherited, Shared:
		if strings.TrimSpace(e.Provider) == "" {
			pr.add(p+".provider", errf(ErrNoProvider, "%s is %s but names no provider", id, e.Responsibility.code()))
		}
	default:
		pr.add(p+".responsibility", errf(ismskit.ErrUnknownValue, "%s: responsibility %d is not defined", id, uint8(e.Responsibility)))
	}
	for k, ev := range e.Evidence {
		if strings.TrimSpace(ev) == "" {
			pr.add(fielderr.Index(p+".evidence", k), errf(ismskit.ErrMissing, "%s: empty evidence reference", id))
		}
	}
	if requireEvidence && e.Applicability == Included && e.Status == Implemented && len(e.Evidence) == 0 {
		pr.add(p+".evidence", errf(ErrNoEvidence, "%s is implemented but cites no evidence", id))
	}
}

func riskIDs(e *Entry) []string {
	var out []string
	for _, r := range e.Reasons {
		if r.Kind == RiskTreatment {
			out = append(out, r.Risks...)
		}
	}
	return out
}

// withdrawn reports whether the catalog has withdrawn the control id.
func withdrawn(cat *iso27002.Catalog, id iso27002.ControlID) bool {
	c, ok := cat.Lookup(id)
	return ok && c.Withdrawn
}
