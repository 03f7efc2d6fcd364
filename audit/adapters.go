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
// that Basis.HighRisk asks the planner to audit more often. The controls
// that treat a risk are risk.Risk.TreatingControls: its applied controls
// and the controls of the actions of its plan that are not cancelled.
// level is a level ID of the register's criteria ("medium": risks rated
// "high" or above count); an unknown level is an ismskit.ErrUnknownValue
// error at "level". Risks that cannot be assessed are reported in the
// error, as by risk.AssessRegister, and the controls of the others are
// still returned.
func HighRiskControls(reg risk.Register, level string, stage risk.Stage) ([]iso27002.ControlID, error) {
	rank, err := levelRank(reg.Criteria, level)
	if err != nil {
		return nil, &ismskit.Error{Path: "level", Err: err}
	}
	as, err := risk.AssessRegister(reg)
	return highRisk(reg, as, rank, stage), err
}

// levelRank returns the rank of a level of c.
func levelRank(c risk.Criteria, level string) (int, error) {
	rank, err := c.Rank(level)
	if err != nil {
		ids := make([]string, len(c.RiskLevels))
		for i, l := range c.RiskLevels {
			ids[i] = l.ID
		}
		return 0, fmt.Errorf("%w: %q is not a level of the criteria %q (levels: %v)", ismskit.ErrUnknownValue, clip(level), clip(c.ID), ids)
	}
	return rank, nil
}

// highRisk returns the controls treating the risks of reg whose rating at
// stage in as ranks above rank, sorted, without duplicates.
func highRisk(reg risk.Register, as []risk.Assessment, rank int, stage risk.Stage) []iso27002.ControlID {
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
		for _, c := range r.TreatingControls() {
			if c.IsValid() {
				out = append(out, c)
			}
		}
	}
	sortControls(out)
	return slices.Compact(out)
}

// BasisOf returns the Basis of a Statement of Applicability: its included
// controls are the applicable ones, highRisk are the controls treating
// risks above the caller's level (see HighRiskControls), and the catalog
// is cat, or when cat is nil the built-in catalog of the SoA's edition.
// An SoA on the 2013 catalog is audited against ISO/IEC 27001:2013 clauses;
// any other against iso27001.Latest(). Undecided and excluded controls are
// not applicable. The SoA is not validated here: pass it as
// ReadinessInput.SoA, or use Evaluate, which does both.
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
