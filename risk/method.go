package risk

import (
	"math"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

// MatrixMethod is the classic qualitative method of ISO/IEC 27005:2022
// as a scoring.Method: a likelihood and an impact looked up in the
// criteria's matrix. Its vector is "L:3/I:4" (likelihood 3, impact 4, in
// either order); the result's Score is the cell's score, its Severity the
// level ID, and its Parts the likelihood and impact with their scale
// labels.
//
// Its version is "1/" followed by the criteria reference
// ("1/nimbus-5x5@2026.1"), because the matrix decides the result: scores
// made under other criteria are not comparable. Build it with
// Assessor.Method. It is immutable and safe for concurrent use; the zero
// value has no criteria and scores nothing.
type MatrixMethod struct {
	a *Assessor
}

var _ scoring.Method = MatrixMethod{}

// Method returns the matrix scoring method of the Assessor's criteria.
func (a *Assessor) Method() MatrixMethod { return MatrixMethod{a: a} }

// Name returns "matrix".
func (MatrixMethod) Name() string { return "matrix" }

// Version returns "1/criteriaID@criteriaVersion", or "1" without criteria.
func (m MatrixMethod) Version() string {
	if m.a.usable() != nil {
		return "1"
	}
	return "1/" + m.a.criteria.Ref().String()
}

// Score parses and scores a vector "L:n/I:m". Every problem is reported,
// joined, as a *ismskit.Error named after the component ("L", "I") wrapping
// the sentinels of package scoring: ErrSyntax (not KEY:VALUE),
// ErrUnknownMetric, ErrDuplicateMetric, ErrMissingMetric, ErrOutOfRange
// (outside the scale, or not a number), and ErrConfig for a zero
// MatrixMethod.
func (m MatrixMethod) Score(vector string) (scoring.Result, error) {
	if m.a.usable() != nil {
		return scoring.Result{}, errf(scoring.ErrConfig, "matrix method without criteria; use Assessor.Method")
	}
	var l fielderr.List
	vals := [2]int{}
	seen := [2]bool{}
	names := [2]string{"L", "I"}
	limits := [2]int{m.a.nl, m.a.ni}
	for i, comp := range strings.Split(vector, "/") {
		key, val, ok := strings.Cut(comp, ":")
		if !ok || key == "" || val == "" {
			l.Add(fielderr.Index("vector", i), errf(ismskit.ErrSyntax, "component %q is not KEY:VALUE", comp))
			continue
		}
		k := -1
		for j, n := range names {
			if key == n {
				k = j
			}
		}
		if k < 0 {
			l.Add(strconv.Quote(key), errf(cvss.ErrUnknownMetric, "unknown component %q (want L and I)", key))
			continue
		}
		if seen[k] {
			l.Add(key, errf(cvss.ErrDuplicateMetric, "%s given twice", key))
			continue
		}
		seen[k] = true
		v, err := strconv.Atoi(val)
		if err != nil || v < 1 || v > limits[k] {
			l.Add(key, errf(ismskit.ErrOutOfRange, "%q is outside the scale 1..%d", val, limits[k]))
			continue
		}
		vals[k] = v
	}
	for k, n := range names {
		if !seen[k] {
			l.Add(n, errf(cvss.ErrMissingMetric, "%s is missing", n))
		}
	}
	if err := l.Err(); err != nil {
		return scoring.Result{}, err
	}
	r := m.a.rate(vals[0], vals[1])
	c := m.a.criteria
	return scoring.Result{
		Method:   m.Name(),
		Version:  m.Version(),
		Vector:   "L:" + strconv.Itoa(r.Likelihood) + "/I:" + strconv.Itoa(r.Impact),
		Score:    float64(r.Score),
		Severity: r.Level,
		Parts: []scoring.Part{
			{Name: "likelihood", Score: float64(r.Likelihood), Level: c.Likelihood.Label(r.Likelihood)},
			{Name: "impact", Score: float64(r.Impact), Level: c.Impact.Label(r.Impact)},
		},
	}, nil
}

// NewScoreRecord returns the record of a scoring result to keep in
// Risk.Scoring.
func NewScoreRecord(res scoring.Result) *ScoreRecord {
	return &ScoreRecord{Method: res.Method, Version: res.Version, Vector: res.Vector, Score: res.Score, Severity: res.Severity}
}

// ScoreMappingVersion is the version of the rule by which
// Assessor.EstimateFromScore maps a scoring result to a likelihood and an
// impact. Keep it with estimates made by the rule: another version may
// map the same result elsewhere.
const ScoreMappingVersion = "1"

// EstimateFromScore maps the result of a scoring method onto the
// likelihood and impact scales of the Assessor's criteria (ISO/IEC
// 27005:2022 clause 8.3, assessing likelihood and consequences), by
// version 1 of the mapping (ScoreMappingVersion):
//
//   - "matrix", a result of these criteria (Assessor.Method): its
//     likelihood and impact parts, as they are.
//   - "cvss", every version (2.0, 3.0, 3.1 and 4.0): CVSS rates the
//     severity of a vulnerability from 0.0 to 10.0 without splitting it
//     into likelihood and impact, so both come from the result's overall
//     score s (for 2.0 and 3.x the environmental score when the vector
//     has environmental metrics, for 4.0 the score of every metric
//     given): on a scale of n levels, the level ⌈s × n / 10⌉, and at
//     least 1. Each level thus takes an equal share of 0..10: on a
//     5-level scale, 0.0 to 2.0 is level 1, 2.1 to 4.0 level 2, and 8.1
//     to 10.0 level 5, so a critical vulnerability lands in the top
//     cell of a 5×5 matrix and the risk's level is the criteria's.
//
// A nil or zero Assessor is an ismskit.ErrMissing error. A result of
// another method, or of a matrix of other criteria, is an
// error (scoring.ErrUnknownMethod, scoring.ErrVersionMismatch), as is a
// CVSS score outside 0..10 (ismskit.ErrOutOfRange).
func (a *Assessor) EstimateFromScore(res scoring.Result) (Estimate, error) {
	if err := a.usable(); err != nil {
		return Estimate{}, err
	}
	switch res.Method {
	case "matrix":
		if res.Version != a.Method().Version() {
			return Estimate{}, errf(scoring.ErrVersionMismatch, "matrix result of %s, the criteria are %s", res.Version, a.Method().Version())
		}
		l, _ := res.Part("likelihood")
		i, _ := res.Part("impact")
		e := Estimate{Likelihood: int(l.Score), Impact: int(i.Score)}
		if e.Likelihood < 1 || e.Likelihood > a.nl || e.Impact < 1 || e.Impact > a.ni || float64(e.Likelihood) != l.Score || float64(e.Impact) != i.Score {
			return Estimate{}, errf(ismskit.ErrOutOfRange, "matrix result L%v I%v is outside the %dx%d matrix", l.Score, i.Score, a.nl, a.ni)
		}
		return e, nil
	case "cvss":
		if !(res.Score >= 0 && res.Score <= 10) {
			return Estimate{}, errf(ismskit.ErrOutOfRange, "CVSS score %v is outside 0.0..10.0", res.Score)
		}
		t := int(math.Round(res.Score * 10))
		level := func(n int) int { return max(1, (t*n+99)/100) }
		return Estimate{Likelihood: level(a.nl), Impact: level(a.ni)}, nil
	}
	return Estimate{}, errf(scoring.ErrUnknownMethod, "no likelihood and impact mapping for method %q", res.Method)
}

// ScoredEstimate scores the vector of r.Scoring again, with the CVSS
// method (any version) or the Assessor's matrix method, and maps the
// result with EstimateFromScore. It is the likelihood and impact that
// the risk's score gives, to compare with its stated ones or to fill
// them in. Errors: ismskit.ErrMissing for a nil or zero Assessor, and at
// "scoring" when the risk (or its score) is nil,
// the method's errors under "scoring.vector", and those of
// EstimateFromScore at "scoring".
func (a *Assessor) ScoredEstimate(r *Risk) (Estimate, error) {
	if err := a.usable(); err != nil {
		return Estimate{}, err
	}
	if r == nil || r.Scoring == nil {
		return Estimate{}, fielderr.At("scoring", ismskit.ErrMissing)
	}
	s := r.Scoring
	var res scoring.Result
	var err error
	switch s.Method {
	case "cvss":
		res, err = scoring.CVSS{}.Score(s.Vector)
	case "matrix":
		res, err = a.Method().Score(s.Vector)
	default:
		return Estimate{}, fielderr.At("scoring.method", errf(scoring.ErrUnknownMethod, "no likelihood and impact mapping for method %q", s.Method))
	}
	if err != nil {
		return Estimate{}, fielderr.Prefix("scoring.vector", err)
	}
	e, err := a.EstimateFromScore(res)
	if err != nil {
		return Estimate{}, fielderr.At("scoring", err)
	}
	return e, nil
}

// checkCVSS checks a CVSS score record: its vector parses, and its
// version, score and severity are the vector's. Problems are relative to
// the record ("vector.AV", "score").
func checkCVSS(s *ScoreRecord) error {
	res, err := scoring.CVSS{}.Score(s.Vector)
	if err != nil {
		return fielderr.Prefix("vector", err)
	}
	var l fielderr.List
	if res.Version != s.Version {
		l.Add("version", errf(ismskit.ErrInconsistent, "version %s, but the vector is CVSS %s", s.Version, res.Version))
	}
	if res.Score != s.Score {
		l.Add("score", errf(ismskit.ErrInconsistent, "score %v, but the vector scores %v", s.Score, res.Score))
	}
	if s.Severity != "" && res.Severity != s.Severity {
		l.Add("severity", errf(ismskit.ErrInconsistent, "severity %q, but the vector's is %q", s.Severity, res.Severity))
	}
	return l.Err()
}
