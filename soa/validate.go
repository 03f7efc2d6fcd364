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
	Catalog *iso27002.Catalog
	// The risk register. When set, risk-treatment reasons must name its
	// risks, and a control any of its risks is treated with must not be
	// excluded.
	Register *risk.Register
	// RequireEvidence makes an implemented control without an evidence
	// reference an error (ErrNoEvidence).
	RequireEvidence bool
}

// Validate checks s against the rules of ISO/IEC 27001:2022 clause
// 6.1.3 and reports every problem at once, each a *ismskit.Error whose path
// names the entry and field ("entries[12].justification") and whose
// message names the control, joined with errors.Join:
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
// It returns nil when s is valid.
func (s SoA) Validate(opts ValidateOptions) error {
	var l fielderr.List
	cat := opts.Catalog
	if cat == nil {
		var err error
		if cat, err = iso27002.BuiltIn(s.Header.Edition); err != nil {
			l.Add("header.edition", errf(ErrEdition, "no built-in catalog for edition %s: pass ValidateOptions.Catalog", s.Header.Edition))
			return l.Err()
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
	if h.Edition != cat.Edition() {
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
		switch {
		case !id.IsValid():
			l.Add(p+".control", errf(ismskit.ErrMissing, "the entry names no control"))
		case !cat.Has(id):
			l.Add(p+".control", errf(ismskit.ErrUnknownControl, "%s is not in %s", id, cat.Name()))
		}
		if id.IsValid() {
			if j, dup := seen[id]; dup {
				l.Add(p+".control", errf(ismskit.ErrDuplicateID, "%s is listed twice (also entries[%d])", id, j))
			} else {
				seen[id] = i
			}
			if prev.IsValid() && id.Compare(prev) < 0 {
				l.Add(p+".control", errf(ismskit.ErrInconsistent, "%s comes after %s: entries are in natural order", id, prev))
			}
			prev = id
		}
		validateEntry(&l, p, e, risks, riskControls, opts.RequireEvidence)
	}
	for ctl := range cat.Controls() {
		if _, ok := seen[ctl.ID]; !ok {
			l.Add("entries", errf(ErrMissingControl, "%s %s has no entry", ctl.ID, ctl.DisplayTitle()))
		}
	}
	return l.Err()
}

func validateEntry(l *fielderr.List, p string, e *Entry, risks map[string]bool, riskControls map[iso27002.ControlID]string, requireEvidence bool) {
	id := e.Control
	switch e.Applicability {
	case Undecided:
		l.Add(p+".applicability", errf(ErrUndecided, "%s is undecided: include it with a reason or exclude it with a justification", id))
	case Included:
		if len(e.Reasons) == 0 {
			l.Add(p+".reasons", errf(ErrNoReason, "%s is included without a reason", id))
		}
		switch e.Status {
		case 0:
			l.Add(p+".status", errf(ErrNoStatus, "%s is included without an implementation status", id))
		case NotApplicable:
			l.Add(p+".status", errf(ismskit.ErrInconsistent, "%s is included but its status is not-applicable", id))
		}
	case Excluded:
		if strings.TrimSpace(e.Justification) == "" {
			l.Add(p+".justification", errf(ErrNoJustification, "%s is excluded without a justification", id))
		}
		if e.Status != 0 && e.Status != NotApplicable {
			l.Add(p+".status", errf(ismskit.ErrInconsistent, "%s is excluded but its status is %s", id, e.Status))
		}
		if e.TreatsRisk() {
			l.Add(p+".applicability", errf(ErrExcludedRiskControl, "%s is excluded but treats risks %s", id, strings.Join(riskIDs(e), ", ")))
		} else if r, ok := riskControls[id]; ok {
			l.Add(p+".applicability", errf(ErrExcludedRiskControl, "%s is excluded but risk %s is treated with it", id, r))
		}
	default:
		l.Add(p+".applicability", errf(ismskit.ErrUnknownValue, "%s: applicability %d is not defined", id, uint8(e.Applicability)))
	}
	if e.Status != 0 && !e.Status.IsValid() {
		l.Add(p+".status", errf(ismskit.ErrUnknownValue, "%s: status %d is not defined", id, uint8(e.Status)))
	}
	for j, r := range e.Reasons {
		rp := fielderr.Index(p+".reasons", j)
		switch {
		case !r.Kind.IsValid():
			l.Add(rp+".kind", errf(ismskit.ErrUnknownValue, "%s: reason kind %d is not defined", id, uint8(r.Kind)))
		case r.Kind == RiskTreatment:
			if len(r.Risks) == 0 {
				l.Add(rp+".risks", errf(ismskit.ErrMissing, "%s: a risk-treatment reason lists no risk", id))
			}
			for k, rid := range r.Risks {
				if strings.TrimSpace(rid) == "" {
					l.Add(fielderr.Index(rp+".risks", k), errf(ismskit.ErrMissing, "%s: empty risk ID", id))
				} else if risks != nil && !risks[rid] {
					l.Add(fielderr.Index(rp+".risks", k), errf(ismskit.ErrUnknownReference, "%s: risk %q is not in the register", id, rid))
				}
			}
		default:
			if len(r.Risks) > 0 {
				l.Add(rp+".risks", errf(ismskit.ErrInconsistent, "%s: a %s reason lists risks", id, r.Kind))
			}
			if r.Kind.NeedsReference() && strings.TrimSpace(r.Reference) == "" {
				l.Add(rp+".reference", errf(ismskit.ErrMissing, "%s: a %s reason needs a reference", id, r.Kind))
			}
		}
	}
	switch e.Responsibility {
	case Own:
	case Inherited, Shared:
		if strings.TrimSpace(e.Provider) == "" {
			l.Add(p+".provider", errf(ErrNoProvider, "%s is %s but names no provider", id, e.Responsibility))
		}
	default:
		l.Add(p+".responsibility", errf(ismskit.ErrUnknownValue, "%s: responsibility %d is not defined", id, uint8(e.Responsibility)))
	}
	for k, ev := range e.Evidence {
		if strings.TrimSpace(ev) == "" {
			l.Add(fielderr.Index(p+".evidence", k), errf(ismskit.ErrMissing, "%s: empty evidence reference", id))
		}
	}
	if requireEvidence && e.Applicability == Included && e.Status == Implemented && len(e.Evidence) == 0 {
		l.Add(p+".evidence", errf(ErrNoEvidence, "%s is implemented but cites no evidence", id))
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
