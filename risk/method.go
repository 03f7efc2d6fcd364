package risk

import (
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring"
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
			l.Add(fielderr.Index("vector", i), errf(scoring.ErrSyntax, "component %q is not KEY:VALUE", comp))
			continue
		}
		k := -1
		for j, n := range names {
			if key == n {
				k = j
			}
		}
		if k < 0 {
			l.Add(strconv.Quote(key), errf(scoring.ErrUnknownMetric, "unknown component %q (want L and I)", key))
			continue
		}
		if seen[k] {
			l.Add(key, errf(scoring.ErrDuplicateMetric, "%s given twice", key))
			continue
		}
		seen[k] = true
		v, err := strconv.Atoi(val)
		if err != nil || v < 1 || v > limits[k] {
			l.Add(key, errf(scoring.ErrOutOfRange, "%q is outside the scale 1..%d", val, limits[k]))
			continue
		}
		vals[k] = v
	}
	for k, n := range names {
		if !seen[k] {
			l.Add(n, errf(scoring.ErrMissingMetric, "%s is missing", n))
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
