package risk

import (
	"slices"
)

// Clone returns a deep copy of reg: no slice, map or pointer of the copy
// is shared with reg, so either may be changed without touching the
// other. Nil and empty slices stay as they are, so the copy equals reg.
func (reg Register) Clone() Register {
	reg.Criteria = reg.Criteria.Clone()
	reg.Assets = cloneEach(reg.Assets, cloneAsset)
	reg.Threats = cloneEach(reg.Threats, cloneThreat)
	reg.Vulnerabilities = cloneEach(reg.Vulnerabilities, cloneVulnerability)
	reg.Risks = cloneEach(reg.Risks, Risk.Clone)
	reg.Extensions = slices.Clone(reg.Extensions)
	return reg
}

func cloneAsset(a Asset) Asset {
	a.Properties = slices.Clone(a.Properties)
	a.Extensions = slices.Clone(a.Extensions)
	return a
}

func cloneThreat(t Threat) Threat {
	t.Extensions = slices.Clone(t.Extensions)
	return t
}

func cloneVulnerability(v Vulnerability) Vulnerability {
	v.Assets = slices.Clone(v.Assets)
	v.Extensions = slices.Clone(v.Extensions)
	return v
}

// Clone returns a deep copy of r, sharing no slice, map or pointer with
// it (the quantitative scenario and its extensions included).
func (r Risk) Clone() Risk {
	r.Assets = slices.Clone(r.Assets)
	r.Threats = slices.Clone(r.Threats)
	r.Vulnerabilities = slices.Clone(r.Vulnerabilities)
	r.Properties = slices.Clone(r.Properties)
	r.PropertyImpacts = slices.Clone(r.PropertyImpacts)
	r.Controls = slices.Clone(r.Controls)
	r.Current = clonePtr(r.Current)
	r.Residual = clonePtr(r.Residual)
	r.Treatment.Plan = cloneEach(r.Treatment.Plan, func(a Action) Action {
		a.Controls = slices.Clone(a.Controls)
		return a
	})
	r.Approvals = slices.Clone(r.Approvals)
	r.Acceptances = slices.Clone(r.Acceptances)
	r.Scoring = clonePtr(r.Scoring)
	if q := r.Quantitative; q != nil {
		c := q.Clone()
		r.Quantitative = &c
	}
	r.Extensions = slices.Clone(r.Extensions)
	return r
}

// Clone returns a deep copy of c, sharing no slice or pointer with it.
func (c Criteria) Clone() Criteria {
	c.Likelihood.Levels = cloneScaleLevels(c.Likelihood.Levels)
	c.Impact.Levels = cloneScaleLevels(c.Impact.Levels)
	c.RiskLevels = slices.Clone(c.RiskLevels)
	c.Matrix.Cells = cloneEach(c.Matrix.Cells, slices.Clone)
	c.Matrix.Scores = cloneEach(c.Matrix.Scores, slices.Clone)
	c.Acceptance.Appetite = slices.Clone(c.Acceptance.Appetite)
	return c
}

func cloneScaleLevels(in []ScaleLevel) []ScaleLevel {
	return cloneEach(in, func(lv ScaleLevel) ScaleLevel {
		if b := lv.Band; b != nil {
			lv.Band = &Band{Min: clonePtr(b.Min), Max: clonePtr(b.Max), Unit: b.Unit}
		}
		return lv
	})
}

// cloneEach returns a copy of s with f applied to every element; a nil s
// stays nil and an empty one empty.
func cloneEach[S ~[]E, E any](s S, f func(E) E) S {
	if s == nil {
		return nil
	}
	out := make(S, len(s))
	for i, e := range s {
		out[i] = f(e)
	}
	return out
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
