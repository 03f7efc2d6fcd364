package risk

import (
	"math"
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Assessor rates risks against one set of criteria (ISO/IEC 27001:2022
// clause 6.1.2 d and e): it holds the matrix as a flat lookup grid, the
// acceptance limits and the categories of the register's assets. It is
// built once by NewAssessor and is immutable, so one Assessor may be
// used from many goroutines at once. A nil or zero Assessor rates
// nothing: its methods return an ismskit.ErrMissing error or a zero
// result.
type Assessor struct {
	criteria Criteria
	nl, ni   int
	cells    []cell // index (l-1)*ni + (i-1)
	levelIDs []string
	maxRank  int
	appetite []appetiteRule
	// assetMask[id] has bit k set when asset id is of the category of
	// appetite rule k; only assets of such categories are present.
	assetMask map[string]uint64
	catRules  bool // some rule names a category
}

type cell struct {
	rank  int32
	score int32
}

type appetiteRule struct {
	bu, cat string
	rank    int
}

// maxAppetite is the number of appetite rules an Assessor supports.
const maxAppetite = 64

// NewAssessor validates c and returns an Assessor for it. assets are the
// register's assets, whose categories select the appetites of
// AcceptanceCriteria; they may be omitted when no appetite names an
// asset category. Errors are those of Criteria.Validate.
func NewAssessor(c Criteria, assets ...Asset) (*Assessor, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	a := &Assessor{
		criteria: c.Clone(),
		nl:       len(c.Likelihood.Levels),
		ni:       len(c.Impact.Levels),
		levelIDs: make([]string, len(c.RiskLevels)),
	}
	rank := make(map[string]int, len(c.RiskLevels))
	for i, lv := range c.RiskLevels {
		rank[lv.ID] = i
		a.levelIDs[i] = lv.ID
	}
	a.cells = make([]cell, a.nl*a.ni)
	for l := range a.nl {
		for i := range a.ni {
			score := (l + 1) * (i + 1)
			if len(c.Matrix.Scores) > 0 {
				score = c.Matrix.Scores[l][i]
			}
			a.cells[l*a.ni+i] = cell{rank: int32(rank[c.Matrix.Cells[l][i]]), score: int32(score)}
		}
	}
	a.maxRank = rank[c.Acceptance.MaxLevel]
	for _, ap := range c.Acceptance.Appetite {
		a.appetite = append(a.appetite, appetiteRule{bu: ap.BusinessUnit, cat: ap.AssetCategory, rank: rank[ap.MaxLevel]})
		a.catRules = a.catRules || ap.AssetCategory != ""
	}
	a.assetMask = make(map[string]uint64)
	for _, as := range assets {
		for k, ap := range a.appetite {
			if ap.cat != "" && ap.cat == as.Category {
				a.assetMask[as.ID] |= 1 << k
			}
		}
	}
	return a, nil
}

// Criteria returns a copy of the criteria the Assessor was built from;
// the zero Criteria for a nil or zero Assessor.
func (a *Assessor) Criteria() Criteria {
	if a == nil {
		return Criteria{}
	}
	return a.criteria.Clone()
}

// usable returns an error for a nil Assessor or one not built by
// NewAssessor.
func (a *Assessor) usable() error {
	if a == nil || a.nl == 0 || a.ni == 0 {
		return &ismskit.Error{Err: errf(ismskit.ErrMissing, "no assessor: build one with NewAssessor")}
	}
	return nil
}

// Rating is a risk rated through the matrix: the likelihood and impact,
// the level of their cell, the level's rank (its index in
// Criteria.RiskLevels, 0 for the lowest) and the cell's score. The zero
// value is not a rating (likelihood and impact start at 1).
type Rating struct {
	// 6.1.2 d 2: a value of the likelihood scale.
	Likelihood int `json:"likelihood"`
	// 6.1.2 d 1: a value of the impact scale.
	Impact int `json:"impact"`
	// 6.1.2 d 3: ID of the risk level.
	Level string `json:"level"`
	// Index of Level in Criteria.RiskLevels; higher is more severe.
	Rank int `json:"rank"`
	// Score of the matrix cell.
	Score int `json:"score"`
}

// String returns the level and the cell, as "high (L3 I4)"; "L0 I0" for
// the zero Rating.
func (r Rating) String() string {
	cell := cellText(r.Likelihood, r.Impact)
	if r.Level == "" {
		return cell
	}
	return r.Level + " (" + cell + ")"
}

// cellText writes a cell of the matrix as "L3 I4".
func cellText(likelihood, impact int) string {
	return "L" + strconv.Itoa(likelihood) + " I" + strconv.Itoa(impact)
}

// Rate returns the rating of a likelihood and an impact. A value outside
// its scale is a *ismskit.Error at "likelihood" or "impact" wrapping
// ismskit.ErrOutOfRange; a nil or zero Assessor gives an
// ismskit.ErrMissing error.
func (a *Assessor) Rate(likelihood, impact int) (Rating, error) {
	if err := a.usable(); err != nil {
		return Rating{}, err
	}
	if likelihood < 1 || likelihood > a.nl || impact < 1 || impact > a.ni {
		var l fielderr.List
		a.checkPair(&l, "", likelihood, impact)
		return Rating{}, l.Err()
	}
	return a.rate(likelihood, impact), nil
}

func (a *Assessor) rate(l, i int) Rating {
	c := a.cells[(l-1)*a.ni+(i-1)]
	return Rating{Likelihood: l, Impact: i, Level: a.levelIDs[c.rank], Rank: int(c.rank), Score: int(c.score)}
}

func (a *Assessor) checkPair(l *fielderr.List, prefix string, likelihood, impact int) {
	if likelihood < 1 || likelihood > a.nl {
		l.Add(fielderr.JoinPath(prefix, "likelihood"), outOfScale(likelihood, a.nl))
	}
	if impact < 1 || impact > a.ni {
		l.Add(fielderr.JoinPath(prefix, "impact"), outOfScale(impact, a.ni))
	}
}

func outOfScale(v, n int) error {
	return errf(ismskit.ErrOutOfRange, "%d is outside the scale 1..%d", v, n)
}

// Assessment is the result of analysing and evaluating one risk (ISO/IEC
// 27001:2022 clause 6.1.2 d and e): its inherent, current and residual
// ratings, the criteria used, and the acceptance limit and maximum
// acceptance age that apply to it. The zero value is an empty result for no risk.
type Assessment struct {
	// ID of the risk.
	RiskID string `json:"riskId"`
	// 6.1.2 b: the criteria the ratings were made with.
	Criteria CriteriaRef `json:"criteria"`
	// Before any control.
	Inherent Rating `json:"inherent"`
	// With the implemented controls.
	Current Rating `json:"current"`
	// After the planned treatment.
	Residual Rating `json:"residual"`
	// 6.1.2 a 1: the highest acceptable level for this risk.
	Limit string `json:"limit"`
	// Rank of Limit.
	LimitRank int `json:"limitRank"`
	// 6.1.2 a 1: the longest an acceptance of the risk counts, in months
	// (AcceptanceCriteria.MaxAgeMonths); 0 means no maximum.
	AcceptanceMaxAgeMonths int `json:"acceptanceMaxAgeMonths,omitempty"`
}

// String returns the three ratings and the limit, as "R-1: inherent
// high (L4 I4), current high (L3 I4), residual medium (L2 I4), limit
// medium".
func (a Assessment) String() string {
	return a.RiskID + ": inherent " + a.Inherent.String() + ", current " + a.Current.String() +
		", residual " + a.Residual.String() + ", limit " + a.Limit
}

// Rating returns the rating at stage s, or the zero Rating for a stage
// that is not valid.
func (a Assessment) Rating(s Stage) Rating {
	switch s {
	case Inherent:
		return a.Inherent
	case Current:
		return a.Current
	case Residual:
		return a.Residual
	}
	return Rating{}
}

// AboveCriteria reports whether the residual level is above the
// acceptance limit, so that the risk owner must accept it explicitly
// (6.1.3 f).
func (a Assessment) AboveCriteria() bool { return a.Residual.Rank > a.LimitRank }

// Assess rates r: inherent, current and residual (ISO/IEC 27005:2022
// clause 7.3), and finds the acceptance limit that applies to it.
//
// The rules, in order:
//
//  1. The inherent risk is r.Likelihood and r.InherentImpact() (the
//     highest of Impact and the per-property impacts).
//  2. The current risk is r.Current when stated; otherwise the inherent
//     risk reduced by the effects of the implemented controls.
//  3. The residual risk is r.Residual when stated; otherwise the current
//     risk reduced by the effects of the planned controls.
//  4. Effects combine multiplicatively, as independent barriers: each
//     control removes its percentage of what the previous ones left, so
//     two controls of 50% leave 25%. The remaining fraction f scales the
//     distance above the lowest level: a value v becomes 1 + (v−1)·f
//     rounded to the nearest level, a half step upwards, so that a tie
//     keeps the riskier level (4 with 50% gives 2.5, rounded to 3). The
//     arithmetic is float64 with a tolerance of 1e-9, so that 2.4999999999
//     counts as 2.5. Likelihood and impact are reduced apart, each by its
//     own effects; a level never drops below 1.
//  5. The limit is the acceptance level of AcceptanceCriteria (see its
//     documentation for appetites).
//
// Errors are *ismskit.Error values relative to the risk ("likelihood",
// "controls[2].likelihoodEffect", "residual.impact") wrapping
// ismskit.ErrOutOfRange, all of them joined; a nil or zero Assessor gives
// an ismskit.ErrMissing error. Assess does not allocate unless it returns
// an error, and it does not check the consistency of the result (see
// Check).
func (a *Assessor) Assess(r Risk) (Assessment, error) {
	if err := a.usable(); err != nil {
		return Assessment{}, err
	}
	out := Assessment{RiskID: r.ID, Criteria: a.criteria.Ref()}
	li, ii := r.Likelihood, r.InherentImpact()
	bad := li < 1 || li > a.nl || ii < 1 || ii > a.ni
	curL, curI, resL, resI := 1.0, 1.0, 1.0, 1.0
	for k := range r.Controls {
		c := &r.Controls[k]
		if c.LikelihoodEffect < 0 || c.LikelihoodEffect > 100 || c.ImpactEffect < 0 || c.ImpactEffect > 100 {
			bad = true
			continue
		}
		fl := 1 - float64(c.LikelihoodEffect)/100
		fi := 1 - float64(c.ImpactEffect)/100
		if c.Status == Implemented {
			curL *= fl
			curI *= fi
		} else {
			resL *= fl
			resI *= fi
		}
	}
	if st := r.Current; st != nil && (st.Likelihood < 1 || st.Likelihood > a.nl || st.Impact < 1 || st.Impact > a.ni) {
		bad = true
	}
	if st := r.Residual; st != nil && (st.Likelihood < 1 || st.Likelihood > a.nl || st.Impact < 1 || st.Impact > a.ni) {
		bad = true
	}
	if bad {
		if err := a.assessErr(&r); err != nil {
			return Assessment{}, err
		}
		return Assessment{}, &ismskit.Error{Err: errf(ismskit.ErrOutOfRange, "risk %q cannot be rated", r.ID)}
	}
	out.Inherent = a.rate(li, ii)
	cl, ci := reduce(li, curL), reduce(ii, curI)
	if st := r.Current; st != nil {
		cl, ci = st.Likelihood, st.Impact
	}
	out.Current = a.rate(cl, ci)
	rl, ri := reduce(cl, resL), reduce(ci, resI)
	if st := r.Residual; st != nil {
		rl, ri = st.Likelihood, st.Impact
	}
	out.Residual = a.rate(rl, ri)
	out.LimitRank = a.limit(&r)
	out.Limit = a.levelIDs[out.LimitRank]
	out.AcceptanceMaxAgeMonths = a.criteria.Acceptance.MaxAgeMonths
	return out, nil
}

// assessErr lists every out-of-scale value of r; it runs only on the
// error path of Assess.
func (a *Assessor) assessErr(r *Risk) error {
	var l fielderr.List
	if r.Likelihood < 1 || r.Likelihood > a.nl {
		l.Add("likelihood", outOfScale(r.Likelihood, a.nl))
	}
	if r.Impact != 0 || len(r.PropertyImpacts) == 0 {
		if r.Impact < 1 || r.Impact > a.ni {
			l.Add("impact", outOfScale(r.Impact, a.ni))
		}
	}
	for k, pi := range r.PropertyImpacts {
		if pi.Impact < 1 || pi.Impact > a.ni {
			l.Add(fielderr.Index("propertyImpacts", k)+".impact", outOfScale(pi.Impact, a.ni))
		}
	}
	for k, c := range r.Controls {
		p := fielderr.Index("controls", k)
		if c.LikelihoodEffect < 0 || c.LikelihoodEffect > 100 {
			l.Add(p+".likelihoodEffect", errf(ismskit.ErrOutOfRange, "%d is outside 0..100 percent", c.LikelihoodEffect))
		}
		if c.ImpactEffect < 0 || c.ImpactEffect > 100 {
			l.Add(p+".impactEffect", errf(ismskit.ErrOutOfRange, "%d is outside 0..100 percent", c.ImpactEffect))
		}
	}
	if st := r.Current; st != nil {
		a.checkPair(&l, "current", st.Likelihood, st.Impact)
	}
	if st := r.Residual; st != nil {
		a.checkPair(&l, "residual", st.Likelihood, st.Impact)
	}
	return l.Err()
}

// reduce applies the remaining fraction f to the distance of v above 1,
// rounding to the nearest level, halves upwards (rule 4 of Assess).
func reduce(v int, f float64) int {
	if v <= 1 || f >= 1 {
		return v
	}
	x := float64(v-1) * f
	return 1 + int(math.Floor(x+0.5+1e-9))
}

// limit returns the rank of the acceptance limit for r.
func (a *Assessor) limit(r *Risk) int {
	var mask uint64
	if a.catRules {
		for _, id := range r.Assets {
			mask |= a.assetMask[id]
		}
	}
	best := -1
	for k, ap := range a.appetite {
		if ap.bu != "" && ap.bu != r.BusinessUnit {
			continue
		}
		if ap.cat != "" && mask&(1<<k) == 0 {
			continue
		}
		if best < 0 || ap.rank < best {
			best = ap.rank
		}
	}
	if best < 0 {
		return a.maxRank
	}
	return best
}

// AssessRegister builds an Assessor from the register's criteria and
// assets and assesses every risk, in register order. A problem with the
// criteria is reported under "criteria" and stops there; a risk that
// cannot be rated is reported under "risks[i]" and left out of the
// result, and the others are still assessed. All problems are joined.
// Assessments.Of looks up the assessment of a risk by its ID.
func AssessRegister(reg Register) (Assessments, error) {
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	if err != nil {
		return nil, fielderr.Prefix("criteria", err)
	}
	out := make(Assessments, 0, len(reg.Risks))
	var l fielderr.List
	for i := range reg.Risks {
		as, err := a.Assess(reg.Risks[i])
		if err != nil {
			l.AddItem(fielderr.Index("risks", i), reg.Risks[i].ID, err)
			continue
		}
		out = append(out, as)
	}
	return out, l.Err()
}
