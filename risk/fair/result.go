package fair

import (
	"iter"
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/ismskit/ismskit/internal/fielderr"
)

// Result is the outcome of a simulation: the loss of every iteration and
// its statistics. It is immutable once returned and safe for concurrent
// use. It keeps 8 bytes per iteration; percentiles come from a selection
// algorithm, not from a full sort.
//
// The zero value is not a valid result; get one from [Simulate].
type Result struct {
	// losses holds one loss per iteration, reordered by selection so
	// that losses[k] has rank k for every k in pivots.
	losses   []float64
	pivots   []int // sorted
	mean, m2 float64
	min, max float64
}

// pivotPercentiles are the percentiles whose ranks Simulate places, so
// that later queries touch at most the range between two of them.
var pivotPercentiles = [...]float64{1, 10, 50, 90, 99, 99.9}

// index places the pivot ranks.
func (r *Result) index() {
	n := len(r.losses)
	ks := make([]int, 0, len(pivotPercentiles))
	for _, p := range pivotPercentiles {
		ks = append(ks, int(p/100*float64(n-1)))
	}
	slices.Sort(ks)
	ks = slices.Compact(ks)
	multiSelectPar(r.losses, ks, selectParts)
	r.pivots = ks
}

// Iterations returns the number of iterations.
func (r *Result) Iterations() int { return len(r.losses) }

// Mean returns the mean loss: the annualised loss expectancy.
func (r *Result) Mean() float64 { return r.mean }

// StdDev returns the sample standard deviation (divisor n-1; 0 for one
// iteration).
func (r *Result) StdDev() float64 {
	if len(r.losses) < 2 {
		return 0
	}
	return math.Sqrt(r.m2 / float64(len(r.losses)-1))
}

// Min returns the smallest loss.
func (r *Result) Min() float64 { return r.min }

// Max returns the largest loss.
func (r *Result) Max() float64 { return r.max }

// Losses yields every iteration's loss, in an unspecified but
// deterministic order.
//
//	for loss := range r.Losses() { ... }
func (r *Result) Losses() iter.Seq[float64] {
	return func(yield func(float64) bool) {
		for _, v := range r.losses {
			if !yield(v) {
				return
			}
		}
	}
}

// Percentile returns the p-th percentile, p in [0, 100], by the linear
// definition (Hyndman and Fan type 7, the default of numpy and R): with
// h = (n-1)p/100, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])
// on the sorted losses. It returns NaN for p outside [0, 100].
func (r *Result) Percentile(p float64) float64 {
	n := len(r.losses)
	if !(p >= 0 && p <= 100) || n == 0 {
		return math.NaN()
	}
	h := p / 100 * float64(n-1)
	k := int(h)
	if k >= n-1 {
		return r.max
	}
	lo := r.rank(k)
	frac := h - float64(k)
	if frac == 0 {
		return lo
	}
	return lo + frac*(r.rank(k+1)-lo)
}

// rank returns the value of rank k without modifying r.
func (r *Result) rank(k int) float64 {
	i, found := slices.BinarySearch(r.pivots, k)
	if found {
		return r.losses[k]
	}
	start, end := 0, len(r.losses) // the unordered segment holding rank k
	if i > 0 {
		start = r.pivots[i-1] + 1
	}
	if i < len(r.pivots) {
		end = r.pivots[i]
	}
	if k == start {
		return minOf(r.losses[start:end])
	}
	seg := slices.Clone(r.losses[start:end])
	selectK(seg, k-start)
	return seg[k-start]
}

// ValueAtRisk returns the loss that is not exceeded with the given
// confidence level in (0, 1]: ValueAtRisk(0.95) is Percentile(95). It
// returns NaN for a level outside (0, 1].
func (r *Result) ValueAtRisk(level float64) float64 {
	if !(level > 0 && level <= 1) {
		return math.NaN()
	}
	return r.Percentile(level * 100)
}

// Exceedance returns the probability that a loss is strictly greater than
// amount, as the share of iterations.
func (r *Result) Exceedance(amount float64) float64 {
	return r.ExceedanceCurve([]float64{amount})[0].Probability
}

// Point is one point of a loss exceedance curve (O-RA's loss exceedance
// curve). The zero value is the point (0, 0).
type Point struct {
	// Amount is the loss.
	Amount float64 `json:"amount"`
	// Probability is the share of iterations whose loss exceeds Amount.
	Probability float64 `json:"probability"`
}

// ExceedanceCurve returns the loss exceedance curve at the given amounts,
// in their order, in one pass over the losses. Nothing exceeds a NaN
// amount.
func (r *Result) ExceedanceCurve(amounts []float64) []Point {
	pts := make([]Point, len(amounts))
	n := float64(len(r.losses))
	if len(amounts) <= 16 {
		for j, a := range amounts {
			pts[j] = Point{Amount: a, Probability: float64(r.countAbove(a)) / n}
		}
		return pts
	}
	sorted := make([]float64, 0, len(amounts))
	for _, a := range amounts {
		if !math.IsNaN(a) {
			sorted = append(sorted, a)
		}
	}
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	// below[m]: the losses above exactly m of the sorted amounts.
	below := make([]int, len(sorted)+1)
	for _, v := range r.losses {
		m, _ := slices.BinarySearch(sorted, v) // amounts < v
		below[m]++
	}
	above := make([]int, len(sorted)) // above[j]: losses > sorted[j]
	acc := 0
	for j := len(sorted) - 1; j >= 0; j-- {
		acc += below[j+1]
		above[j] = acc
	}
	for i, a := range amounts {
		pts[i].Amount = a
		if j, ok := slices.BinarySearch(sorted, a); ok {
			pts[i].Probability = float64(above[j]) / n
		}
	}
	return pts
}

// countAbove counts the losses > a, scanning only the unordered segment
// between the two pivots that bracket a.
func (r *Result) countAbove(a float64) int {
	if math.IsNaN(a) {
		return 0
	}
	n := len(r.losses)
	// The first pivot whose value exceeds a: everything from it on
	// exceeds a, everything up to the pivot before it does not.
	i := sort.Search(len(r.pivots), func(i int) bool { return r.losses[r.pivots[i]] > a })
	start, end := 0, n
	if i > 0 {
		start = r.pivots[i-1] + 1
	}
	if i < len(r.pivots) {
		end = r.pivots[i]
	}
	c := n - end
	for _, v := range r.losses[start:end] {
		c += b2i(v > a)
	}
	return c
}

// DefaultPercentiles returns the percentiles a Summary shows by default:
// 1, 10, 50, 90, 99 and 99.9.
func DefaultPercentiles() []float64 { return []float64{1, 10, 50, 90, 99, 99.9} }

// Summary is the JSON form of a result's statistics: the risk analysis
// result of ISO/IEC 27001 6.1.2 d in money. The zero value describes no
// iterations.
type Summary struct {
	// Iterations is the number of iterations.
	Iterations int `json:"iterations"`
	// Mean is the mean loss (annualised loss expectancy).
	Mean float64 `json:"mean"`
	// StdDev is the sample standard deviation (n-1).
	StdDev float64 `json:"stddev"`
	// Min is the smallest loss.
	Min float64 `json:"min"`
	// Max is the largest loss.
	Max float64 `json:"max"`
	// Percentiles maps a percentile, written as the shortest decimal
	// ("1", "99.9"), to its loss (type 7).
	Percentiles map[string]float64 `json:"percentiles"`
	// Exceedance maps an amount, written as the shortest decimal
	// ("100000"), to the probability of a loss strictly above it.
	Exceedance map[string]float64 `json:"exceedance,omitempty"`
}

// Summary returns the statistics of r with the given percentiles (nil
// means DefaultPercentiles) and exceedance amounts. A percentile outside
// [0, 100] or a non-finite amount is an ErrParameter naming its index.
func (r *Result) Summary(percentiles, amounts []float64) (Summary, error) {
	if percentiles == nil {
		percentiles = DefaultPercentiles()
	}
	var l fielderr.List
	checkLevels(&l, percentiles, amounts)
	if err := l.Err(); err != nil {
		return Summary{}, err
	}
	s := Summary{
		Iterations:  r.Iterations(),
		Mean:        r.mean,
		StdDev:      r.StdDev(),
		Min:         r.min,
		Max:         r.max,
		Percentiles: make(map[string]float64, len(percentiles)),
	}
	for _, p := range percentiles {
		s.Percentiles[formatKey(p)] = r.Percentile(p)
	}
	if len(amounts) > 0 {
		s.Exceedance = make(map[string]float64, len(amounts))
		for _, pt := range r.ExceedanceCurve(amounts) {
			s.Exceedance[formatKey(pt.Amount)] = pt.Probability
		}
	}
	return s, nil
}

func checkLevels(l *fielderr.List, percentiles, amounts []float64) {
	for i, p := range percentiles {
		if !(p >= 0 && p <= 100) {
			l.Add(fielderr.Index("percentiles", i), errorf(ErrParameter, "percentile %g is outside [0, 100]", p))
		}
	}
	for i, a := range amounts {
		if math.IsNaN(a) || math.IsInf(a, 0) {
			l.Add(fielderr.Index("exceedance", i), errorf(ErrParameter, "amount %g is not finite", a))
		}
	}
}

// formatKey writes a percentile or an amount as a JSON object key.
func formatKey(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// newResult builds a Result from losses (taken over, no NaN) in one
// sequential pass.
func newResult(losses []float64) *Result {
	r := &Result{losses: losses}
	if len(losses) == 0 {
		return r
	}
	r.min, r.max = losses[0], losses[0]
	for i, v := range losses {
		d := v - r.mean
		r.mean += d / float64(i+1)
		r.m2 += d * (v - r.mean)
		r.min = min(r.min, v)
		r.max = max(r.max, v)
	}
	r.index()
	return r
}
