package fair

import (
	"math"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Tolerance is a risk tolerance curve (O-RA's loss exceedance tolerance):
// for each amount, the highest probability of an annual loss above it
// that the organisation accepts, as its risk acceptance criteria
// (ISO/IEC 27001 6.1.2 a) put it in money. It is given by two or more
// points and interpolated between them linearly in the logarithm of the
// amount (linearly in the amount below an amount of 0); nothing is
// checked outside the first and last amounts. The zero value has no
// points and does not validate.
type Tolerance struct {
	// Points are the curve's points: amounts increasing, probabilities in
	// [0, 1] and not increasing. At least two, at most MaxLevels.
	Points []Point `json:"points"`
}

// Validate reports every problem of the curve, joined.
func (t *Tolerance) Validate() error {
	var l fielderr.List
	t.check(&l, "")
	return l.Err()
}

func (t *Tolerance) check(l *fielderr.List, path string) {
	if t == nil {
		l.Add(path, errorf(ismskit.ErrMissing, "no tolerance curve"))
		return
	}
	pp := fielderr.JoinPath(path, "points")
	switch {
	case len(t.Points) < 2:
		l.Add(pp, errorf(ismskit.ErrMissing, "a tolerance curve needs at least two points, not %d", len(t.Points)))
		return
	case len(t.Points) > MaxLevels:
		l.Add(pp, errorf(ismskit.ErrTooLarge, "%d points are more than the limit %d", len(t.Points), MaxLevels))
		return
	}
	for i, p := range t.Points {
		ip := fielderr.Index(pp, i)
		if !(p.Amount >= 0 && p.Amount <= MaxValue) {
			l.Add(fielderr.JoinPath(ip, "amount"), errorf(ErrParameter, "amount %g is outside [0, %g]", p.Amount, MaxValue))
		} else if i > 0 && !(p.Amount > t.Points[i-1].Amount) {
			l.Add(fielderr.JoinPath(ip, "amount"), errorf(ErrParameter, "amount %g does not increase on %g", p.Amount, t.Points[i-1].Amount))
		}
		if !(p.Probability >= 0 && p.Probability <= 1) {
			l.Add(fielderr.JoinPath(ip, "probability"), errorf(ErrParameter, "probability %g is outside [0, 1]", p.Probability))
		} else if i > 0 && p.Probability > t.Points[i-1].Probability {
			l.Add(fielderr.JoinPath(ip, "probability"), errorf(ErrParameter, "probability %g rises above %g: a tolerance curve does not increase", p.Probability, t.Points[i-1].Probability))
		}
	}
}

// At returns the tolerated probability at amount, interpolated, and false
// outside the curve's amounts or for an invalid curve.
func (t *Tolerance) At(amount float64) (float64, bool) {
	if t == nil || len(t.Points) < 2 {
		return 0, false
	}
	ps := t.Points
	if !(amount >= ps[0].Amount && amount <= ps[len(ps)-1].Amount) {
		return 0, false
	}
	for i := 1; i < len(ps); i++ {
		a, b := ps[i-1], ps[i]
		if amount > b.Amount {
			continue
		}
		if b.Amount == a.Amount {
			return b.Probability, true
		}
		f := (amount - a.Amount) / (b.Amount - a.Amount)
		if a.Amount > 0 {
			f = math.Log(amount/a.Amount) / math.Log(b.Amount/a.Amount)
		}
		return a.Probability + f*(b.Probability-a.Probability), true
	}
	return ps[len(ps)-1].Probability, true
}

// toleranceSteps is the number of amounts, evenly spaced on the curve's
// scale, checked between its first and last points (besides the points).
const toleranceSteps = 64

// grid returns the amounts a check compares: the points' amounts and
// toleranceSteps amounts between the first and the last.
func (t *Tolerance) grid() []float64 {
	ps := t.Points
	lo, hi := ps[0].Amount, ps[len(ps)-1].Amount
	out := make([]float64, 0, len(ps)+toleranceSteps)
	for _, p := range ps {
		out = append(out, p.Amount)
	}
	for i := 1; i < toleranceSteps; i++ {
		f := float64(i) / toleranceSteps
		a := lo + f*(hi-lo)
		if lo > 0 {
			a = lo * math.Pow(hi/lo, f)
		}
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}

// Verdict says whether a loss exceedance curve sits above a tolerance
// curve, and where. The zero value is a curve below its tolerance
// everywhere checked.
type Verdict struct {
	// Above is true when the probability of exceeding some amount checked
	// is above the tolerated probability there.
	Above bool `json:"above"`
	// From and To are the smallest and the largest amount checked at
	// which the curve is above the tolerance (0 when it is not above).
	From float64 `json:"from,omitzero"`
	To   float64 `json:"to,omitzero"`
	// Worst is the point checked where the curve comes closest to the
	// tolerance or exceeds it most: the largest Probability - Tolerance.
	Worst Breach `json:"worst"`
}

// Breach is one amount checked against a tolerance curve. The zero value
// is the amount 0 with nothing exceeded or tolerated.
type Breach struct {
	// Amount is the loss.
	Amount float64 `json:"amount"`
	// Probability is the probability of an annual loss above Amount.
	Probability float64 `json:"probability"`
	// Tolerance is the tolerated probability at Amount.
	Tolerance float64 `json:"tolerance"`
}

// Check compares a simulated loss exceedance curve with the tolerance at
// the points' amounts and at 64 amounts between the first and the last,
// evenly spaced on a log scale. An invalid curve or an empty result gives
// the zero Verdict; validate the curve first.
func (t *Tolerance) Check(r *Result) Verdict {
	if t.Validate() != nil || r.Iterations() == 0 {
		return Verdict{}
	}
	return t.verdict(r.ExceedanceCurve(t.grid()))
}

func (t *Tolerance) verdict(curve []Point) Verdict {
	var v Verdict
	first := true
	for _, p := range curve {
		tol, ok := t.At(p.Amount)
		if !ok {
			continue
		}
		b := Breach{Amount: p.Amount, Probability: p.Probability, Tolerance: tol}
		if first || b.Probability-b.Tolerance > v.Worst.Probability-v.Worst.Tolerance {
			v.Worst = b
		}
		first = false
		if p.Probability > tol {
			if !v.Above {
				v.From = p.Amount
			}
			v.Above, v.To = true, p.Amount
		}
	}
	return v
}
