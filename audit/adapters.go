package audit

import (
	"fmt"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// HighRiskControls returns the controls that treat risks rated above
// level at the given stage of assessment (risk.Inherent, risk.Current or
// risk.Residual), in natural order without duplicates: the high-risk areas
// that Basis.HighRisk asks the planner to audit more often. level is a
// level ID of the register's criteria ("medium": risks rated "high" or
// above count). Risks that cannot be assessed are reported in the error,
// as by risk.AssessRegister, and the controls of the others are still
// returned.
func HighRiskControls(reg risk.Register, level string, stage risk.Stage) ([]iso27002.ControlID, error) {
	rank := slices.IndexFunc(reg.Criteria.Levels, func(l risk.Level) bool { return l.ID == level })
	if rank < 0 {
		return nil, fmt.Errorf("%w: %q is not a level of the criteria %s", ismskit.ErrUnknownValue, level, reg.Criteria.ID)
	}
	as, err := risk.AssessRegister(reg)
	above := make(map[string]bool, len(as))
	for _, a := range as {
		if a.Rating(stage).Rank > rank {
			above[a.RiskID] = true
		}
	}
	var out []iso27002.ControlID
	for _, r := range reg.Risks {
		if !above[r.ID] {
			continue
		}
		for _, c := range r.Controls {
			if c.Control.IsValid() {
				out = append(out, c.Control)
			}
		}
	}
	sortControls(out)
	return slices.Compact(out), err
}

// BasisOf returns the Basis of a Statement of Applicability: its included
// controls are the applicable ones, highRisk are the controls treating
// risks above the caller's level (see HighRiskControls), and the catalog
// is cat, or when cat is nil the built-in catalog of the SoA's edition.
// An SoA on the 2013 catalog is audited against ISO/IEC 27001:2013 clauses;
// any other against iso27001.Latest(). Undecided and excluded controls are
// not applicable. The SoA is not validated here: pass s.Validate(...) as
// ReadinessInput.SoA.
func BasisOf(s soa.SoA, cat *iso27002.Catalog, highRisk []iso27002.ControlID) Basis {
	b := Basis{Catalog: cat, Applicable: []iso27002.ControlID{}, HighRisk: slices.Clone(highRisk)}
	if b.Catalog == nil {
		if c, err := iso27002.BuiltIn(s.Header.Edition); err == nil {
			b.Catalog = c
		}
	}
	if s.Header.Edition == iso27002.Edition2013 {
		b.Standard = iso27001.MustNew(iso27001.Edition2013)
	}
	for e := range s.Included() {
		b.Applicable = append(b.Applicable, e.Control)
	}
	return b
}
