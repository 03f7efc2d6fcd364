package fair

import (
	"bytes"
	"encoding/json"
	"iter"
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Result is the outcome of a simulation: the loss of every iteration and
// its statistics. It is immutable once returned and safe for concurrent
// use. It keeps 8 bytes per iteration (and as much again for each node
// kept with Options.KeepNodes); percentiles come from a selection
// algorithm, not from a full sort.
//
// The zero value and a nil *Result hold no iterations: their statistics
// are 0 (NaN for percentiles and value at risk). Get a Result from
// [Simulate].
type Result struct {
	// losses holds one loss per iteration, reordered by selection so
	// that losses[k] has rank k for every k in pivots.
	losses   []float64
	pivots   []int     // sorted
	suffix   []float64 // suffix[i]: the sum of losses[pivots[i]:]
	mean, m2 float64
	min, max float64
	nodes    []nodeResult // sorted by key; nil unless nodes were kept
}

// nodeResult is the kept draws of one node of the taxonomy.
type nodeResult struct {
	key string
	r   *Result
}

// pivotPercentiles are the percentiles whose ranks (and those of their
// standard errors and expected shortfalls) a Result places, so that their
// queries are immediate and other queries touch at most the range between
// two pivots.
var pivotPercentiles = [...]float64{1, 10, 50, 90, 99, 99.9}

// newResult builds a Result from losses (taken over, no NaN): it places
// the pivot ranks, then computes the statistics from the arrangement it
// leaves, so that the same losses in the same order always give the same
// bits.
func newResult(losses []float64) *Result {
	r := &Result{losses: losses}
	r.index()
	r.stats()
	return r
}

// newResults builds the Results of several loss vectors, as newResult
// does for each. Vectors of the same length have the same pivots, so
// their statistics are computed two at a time: each sum still adds the
// same values in the same order (the bits are those of newResult), but
// the two dependency chains overlap instead of running one after the
// other.
// Each pair is indexed just before its statistics, while its losses are
// still in cache.
func newResults(vecs [][]float64) []*Result {
	rs := make([]*Result, len(vecs))
	for i, v := range vecs {
		rs[i] = &Result{losses: v}
	}
	i := 0
	for ; i+1 < len(rs); i += 2 {
		r, q := rs[i], rs[i+1]
		r.index()
		q.index()
		if len(r.losses) == len(q.losses) {
			statsPair(r, q)
		} else {
			r.stats()
			q.stats()
		}
	}
	if i < len(rs) {
		rs[i].index()
		rs[i].stats()
	}
	return rs
}

// pivotRanks returns the sorted, distinct ranks a Result of n losses
// places.
func pivotRanks(n int) []int {
	if n == 0 {
		return nil
	}
	ks := make([]int, 0, 5*len(pivotPercentiles))
	for _, p := range pivotPercentiles {
		k, lo, hi := percentileRanks(n, p)
		ks = append(ks, k, lo, hi)
		if a := shortfallRank(n, p/100); a < n {
			ks = append(ks, a)
		}
	}
	slices.Sort(ks)
	return slices.Compact(ks)
}

// percentileRanks returns the rank below the p-th percentile (type 7)
// and the ranks lo and hi of its standard error: the order statistics
// one binomial standard deviation, sqrt(n p (1-p)), on each side.
func percentileRanks(n int, p float64) (k, lo, hi int) {
	h := p / 100 * float64(n-1)
	k = int(h)
	d := math.Sqrt(float64(n) * p / 100 * (1 - p/100))
	lo = max(0, int(math.Floor(h-d)))
	hi = min(n-1, int(math.Ceil(h+d)))
	return k, lo, hi
}

// shortfallRank returns the first rank of the tail that the expected
// shortfall at level averages: n - floor(n (1-level)).
func shortfallRank(n int, level float64) int {
	return n - int(math.Floor(float64(n)*(1-level)))
}

// index places the pivot ranks. Losses are never negative, and often 0
// (the years without a loss event): one pass first gathers the zeros, so
// that only the ranks above them need a selection.
func (r *Result) index() {
	a := r.losses
	ks := pivotRanks(len(a))
	r.pivots = ks
	z := 0
	for _, v := range a {
		z += b2i(v <= 0)
	}
	if z > 0 {
		partitionLE(a, 0)
	}
	if z == 0 {
		multiSelectPar(a, ks, selectParts)
		return
	}
	i, _ := slices.BinarySearch(ks, z) // ranks below z are zeros, in place
	rest := make([]int, len(ks)-i)
	for j, k := range ks[i:] {
		rest[j] = k - z
	}
	multiSelectPar(a[z:], rest, selectParts)
}

// stats computes the moments, the extremes and the suffix sums from the
// arrangement of the losses, in one order whatever the machine.
func (r *Result) stats() {
	n := len(r.losses)
	r.suffix = nil
	r.mean, r.m2, r.min, r.max = 0, 0, 0, 0
	if n == 0 {
		return
	}
	r.suffix = make([]float64, len(r.pivots))
	// Sums of the segments [pivots[i], pivots[i+1]), then suffix sums.
	seg := make([]float64, len(r.pivots)+1)
	start := 0
	mn, mx := r.losses[0], r.losses[0]
	for i := 0; i <= len(r.pivots); i++ {
		end := n
		if i < len(r.pivots) {
			end = r.pivots[i]
		}
		var s float64
		for _, v := range r.losses[start:end] {
			s += v
			if v < mn {
				mn = v
			}
			if v > mx {
				mx = v
			}
		}
		seg[i] = s
		start = end
	}
	var acc float64
	for i := len(r.pivots) - 1; i >= 0; i-- {
		acc += seg[i+1]
		r.suffix[i] = acc
	}
	var total float64
	for _, s := range seg {
		total += s
	}
	r.mean = total / float64(n)
	var m2 float64
	for _, v := range r.losses {
		d := v - r.mean
		m2 += d * d
	}
	r.m2, r.min, r.max = m2, mn, mx
}

// statsPair is stats for two Results of the same length (and so the
// same pivots), interleaved: every accumulator of r and of q adds the
// same values in the same order as stats does, so the results are
// bit-identical to two calls of stats.
func statsPair(r, q *Result) {
	n := len(r.losses)
	if n == 0 || len(q.losses) != n {
		r.stats()
		q.stats()
		return
	}
	a, b := r.losses, q.losses[:n]
	np := len(r.pivots)
	r.suffix, q.suffix = make([]float64, np), make([]float64, np)
	segA, segB := make([]float64, np+1), make([]float64, np+1)
	start := 0
	mnA, mxA, mnB, mxB := a[0], a[0], b[0], b[0]
	for i := 0; i <= np; i++ {
		end := n
		if i < np {
			end = r.pivots[i]
		}
		var sa, sb float64
		x, y := a[start:end], b[start:end]
		y = y[:len(x)]
		for k, va := range x {
			vb := y[k]
			sa += va
			sb += vb
			if va < mnA {
				mnA = va
			}
			if va > mxA {
				mxA = va
			}
			if vb < mnB {
				mnB = vb
			}
			if vb > mxB {
				mxB = vb
			}
		}
		segA[i], segB[i] = sa, sb
		start = end
	}
	var accA, accB float64
	for i := np - 1; i >= 0; i-- {
		accA += segA[i+1]
		accB += segB[i+1]
		r.suffix[i] = accA
		q.suffix[i] = accB
	}
	var totalA, totalB float64
	for i := range segA {
		totalA += segA[i]
		totalB += segB[i]
	}
	r.mean = totalA / float64(n)
	q.mean = totalB / float64(n)
	meanA, meanB := r.mean, q.mean
	var m2A, m2B float64
	for k, va := range a {
		da := va - meanA
		m2A += da * da
		db := b[k] - meanB
		m2B += db * db
	}
	r.m2, r.min, r.max = m2A, mnA, mxA
	q.m2, q.min, q.max = m2B, mnB, mxB
}

// Iterations returns the number of iterations.
func (r *Result) Iterations() int {
	if r == nil {
		return 0
	}
	return len(r.losses)
}

// Mean returns the mean loss: the annualised loss expectancy.
func (r *Result) Mean() float64 {
	if r == nil {
		return 0
	}
	return r.mean
}

// StdDev returns the sample standard deviation (divisor n-1; 0 for one
// iteration).
func (r *Result) StdDev() float64 {
	if r.Iterations() < 2 {
		return 0
	}
	return math.Sqrt(r.m2 / float64(len(r.losses)-1))
}

// StandardError returns the Monte Carlo standard error of the mean,
// StdDev()/sqrt(n): the mean is within about two standard errors of the
// model's exact mean 95% of the time.
func (r *Result) StandardError() float64 {
	n := r.Iterations()
	if n < 2 {
		return 0
	}
	return r.StdDev() / math.Sqrt(float64(n))
}

// Min returns the smallest loss.
func (r *Result) Min() float64 {
	if r == nil {
		return 0
	}
	return r.min
}

// Max returns the largest loss.
func (r *Result) Max() float64 {
	if r == nil {
		return 0
	}
	return r.max
}

// Losses yields every iteration's loss, in an unspecified but
// deterministic order.
//
//	for loss := range r.Losses() { ... }
func (r *Result) Losses() iter.Seq[float64] {
	return func(yield func(float64) bool) {
		if r == nil {
			return
		}
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
// on the sorted losses. It returns NaN for p outside [0, 100] or a result
// without iterations.
func (r *Result) Percentile(p float64) float64 {
	n := r.Iterations()
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

// PercentileStandardError returns the Monte Carlo standard error of
// Percentile(p), estimated from the order statistics one binomial
// standard deviation d = sqrt(n p (1-p)) on each side of the percentile:
// d (x[hi] - x[lo]) / (hi - lo), which tends to sqrt(p(1-p)/n)/f(q) for a
// loss density f at the percentile q. It is 0 for p = 0, p = 100 and
// inside an atom (the zero-loss years of Event mode), and NaN for p
// outside [0, 100] or a result without iterations.
func (r *Result) PercentileStandardError(p float64) float64 {
	n := r.Iterations()
	if !(p >= 0 && p <= 100) || n == 0 {
		return math.NaN()
	}
	_, lo, hi := percentileRanks(n, p)
	if hi <= lo {
		return 0
	}
	d := math.Sqrt(float64(n) * p / 100 * (1 - p/100))
	return d * (r.rank(hi) - r.rank(lo)) / float64(hi-lo)
}

// rank returns the value of rank k without modifying r.
func (r *Result) rank(k int) float64 {
	i, found := slices.BinarySearch(r.pivots, k)
	if found {
		return r.losses[k]
	}
	start, end := r.segment(i)
	if k == start {
		return minOf(r.losses[start:end])
	}
	if k == end-1 {
		return maxOf(r.losses[start:end])
	}
	seg := slices.Clone(r.losses[start:end])
	selectK(seg, k-start)
	return seg[k-start]
}

// segment returns the unordered range between pivots i-1 and i.
func (r *Result) segment(i int) (start, end int) {
	start, end = 0, len(r.losses)
	if i > 0 {
		start = r.pivots[i-1] + 1
	}
	if i < len(r.pivots) {
		end = r.pivots[i]
	}
	return start, end
}

// sumFrom returns the sum of the losses of rank k and above.
func (r *Result) sumFrom(k int) float64 {
	n := len(r.losses)
	if k >= n {
		return 0
	}
	i, found := slices.BinarySearch(r.pivots, k)
	if found {
		return r.suffix[i]
	}
	start, end := r.segment(i)
	var s float64
	if i < len(r.pivots) {
		s = r.suffix[i]
	}
	seg := slices.Clone(r.losses[start:end])
	if k > start {
		selectK(seg, k-start)
	}
	for _, v := range seg[k-start:] {
		s += v
	}
	return s
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

// ExpectedShortfall returns the expected shortfall (tail value at risk,
// conditional value at risk) at a level in [0, 1]: the mean of the worst
// share 1-level of the losses, by Acerbi and Tasche's estimator
//
//	(x[n-1] + ... + x[n-m'] + (m - m') x[n-m'-1]) / m,  m = n(1-level), m' = floor(m)
//
// on the sorted losses. It is the mean at level 0 and the maximum at
// level 1; it returns NaN for a level outside [0, 1] or a result without
// iterations.
func (r *Result) ExpectedShortfall(level float64) float64 {
	n := r.Iterations()
	if !(level >= 0 && level <= 1) || n == 0 {
		return math.NaN()
	}
	m := float64(n) * (1 - level)
	switch {
	case level == 0:
		return r.mean
	case m <= 0:
		return r.max
	}
	a := shortfallRank(n, level)
	s := r.sumFrom(a)
	if frac := m - float64(n-a); frac > 0 && a > 0 {
		s += frac * r.rank(a-1)
	}
	return s / m
}

// Exceedance returns the probability that a loss is strictly greater than
// amount, as the share of iterations (0 for a result without iterations).
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
	n := float64(r.Iterations())
	if n == 0 {
		for j, a := range amounts {
			pts[j].Amount = a
		}
		return pts
	}
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
	start, end := r.segment(i)
	c := n - end
	for _, v := range r.losses[start:end] {
		c += b2i(v > a)
	}
	return c
}

// Node returns the kept draws of one node of the taxonomy, by its JSON
// key ("lef", "vuln", "lm", "secondary[0].slm"), as a Result of their
// own: one value per iteration for the frequency side (lef, tef, cf, poa,
// vuln, tcap, rs) and, in Rate mode, for the magnitude side; one value per
// loss event for the magnitude side (lm, pl, sr and their children) in
// Event and Bernoulli modes. It returns nil when the node was not
// simulated or Options.KeepNodes was not set. With pooled vulnerability,
// vuln holds the pooled probability in every iteration.
func (r *Result) Node(key string) *Result {
	if r == nil {
		return nil
	}
	i, ok := slices.BinarySearchFunc(r.nodes, key, func(n nodeResult, k string) int { return cmpString(n.key, k) })
	if !ok {
		return nil
	}
	return r.nodes[i].r
}

// NodeKeys returns the keys of the nodes kept, sorted.
func (r *Result) NodeKeys() []string {
	if r == nil || len(r.nodes) == 0 {
		return nil
	}
	keys := make([]string, len(r.nodes))
	for i, n := range r.nodes {
		keys[i] = n.key
	}
	return keys
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// DefaultPercentiles returns the percentiles a Summary shows by default:
// 1, 10, 50, 90, 99 and 99.9.
func DefaultPercentiles() []float64 { return []float64{1, 10, 50, 90, 99, 99.9} }

// Summary is the JSON form of a result's statistics: the risk analysis
// result of ISO/IEC 27001 6.1.2 d in money. The zero value describes no
// iterations.
type Summary struct {
	// Iterations is the number of iterations; 0 for a distribution
	// computed without sampling ([AnalyticLoss]).
	Iterations int `json:"iterations"`
	// Mean is the mean loss (annualised loss expectancy).
	Mean float64 `json:"mean"`
	// StandardError is the Monte Carlo standard error of Mean
	// (StdDev/sqrt(iterations)); 0 without sampling.
	StandardError float64 `json:"standardError"`
	// StdDev is the sample standard deviation (n-1).
	StdDev float64 `json:"stddev"`
	// Min is the smallest loss.
	Min float64 `json:"min"`
	// Max is the largest loss.
	Max float64 `json:"max"`
	// Percentiles maps a percentile, written as the shortest decimal
	// ("1", "99.9"), to its loss (type 7).
	Percentiles map[string]float64 `json:"percentiles"`
	// PercentileStandardErrors maps each percentile, keyed as in
	// Percentiles, to its Monte Carlo standard error
	// ([Result.PercentileStandardError]); absent without sampling.
	PercentileStandardErrors map[string]float64 `json:"percentileStandardErrors,omitempty"`
	// ExpectedShortfall maps each percentile p, keyed as in Percentiles,
	// to the expected shortfall at level p/100: the mean of the worst
	// (100-p)% of the losses ([Result.ExpectedShortfall]).
	ExpectedShortfall map[string]float64 `json:"expectedShortfall,omitempty"`
	// Exceedance maps an amount, written as the shortest decimal
	// ("100000"), to the probability of a loss strictly above it.
	Exceedance map[string]float64 `json:"exceedance,omitempty"`
	// Nodes maps the key of each node kept with Options.KeepNodes
	// ([Result.Node]) to its summary (without exceedance).
	Nodes map[string]Summary `json:"nodes,omitempty"`
}

// Summary returns the statistics of r with the given percentiles (nil
// means DefaultPercentiles) and exceedance amounts, with the expected
// shortfall and the standard error of each percentile. A percentile
// outside [0, 100] or a non-finite amount is an ErrParameter naming its
// index; a result without iterations is an ErrMissing.
func (r *Result) Summary(percentiles, amounts []float64) (Summary, error) {
	if percentiles == nil {
		percentiles = DefaultPercentiles()
	}
	var l fielderr.List
	checkLevels(&l, percentiles, amounts)
	if r.Iterations() == 0 {
		l.Add("", errorf(ismskit.ErrMissing, "the result has no iterations"))
	}
	if err := l.Err(); err != nil {
		return Summary{}, err
	}
	s := r.summary(percentiles, amounts)
	for _, nd := range r.nodes {
		if s.Nodes == nil {
			s.Nodes = make(map[string]Summary, len(r.nodes))
		}
		s.Nodes[nd.key] = nd.r.summary(percentiles, nil)
	}
	return s, nil
}

// summary is Summary for checked levels and a result with iterations,
// without the nodes.
func (r *Result) summary(percentiles, amounts []float64) Summary {
	s := Summary{
		Iterations:               r.Iterations(),
		Mean:                     r.mean,
		StandardError:            r.StandardError(),
		StdDev:                   r.StdDev(),
		Min:                      r.min,
		Max:                      r.max,
		Percentiles:              make(map[string]float64, len(percentiles)),
		PercentileStandardErrors: make(map[string]float64, len(percentiles)),
		ExpectedShortfall:        make(map[string]float64, len(percentiles)),
	}
	for _, p := range percentiles {
		k := formatKey(p)
		s.Percentiles[k] = r.Percentile(p)
		s.PercentileStandardErrors[k] = r.PercentileStandardError(p)
		s.ExpectedShortfall[k] = r.ExpectedShortfall(p / 100)
	}
	if len(amounts) > 0 {
		s.Exceedance = make(map[string]float64, len(amounts))
		for _, pt := range r.ExceedanceCurve(amounts) {
			s.Exceedance[formatKey(pt.Amount)] = pt.Probability
		}
	}
	return s
}

func checkLevels(l *fielderr.List, percentiles, amounts []float64) {
	if len(percentiles) > MaxLevels {
		l.Add("percentiles", errorf(ismskit.ErrTooLarge, "%d percentiles are more than the limit %d", len(percentiles), MaxLevels))
		percentiles = percentiles[:MaxLevels]
	}
	if len(amounts) > MaxLevels {
		l.Add("exceedance", errorf(ismskit.ErrTooLarge, "%d amounts are more than the limit %d", len(amounts), MaxLevels))
		amounts = amounts[:MaxLevels]
	}
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

// MaxLevels bounds the percentiles and the exceedance amounts of one
// summary (and of an Analysis), each.
const MaxLevels = 10_000

// formatKey writes a percentile or an amount as a JSON object key.
func formatKey(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// resultJSON is the JSON form of a Result: its losses in their stored
// order and the nodes kept.
type resultJSON struct {
	Losses []float64             `json:"losses"`
	Nodes  map[string]resultJSON `json:"nodes,omitempty"`
}

func (r *Result) toJSON() resultJSON {
	j := resultJSON{Losses: r.losses}
	if j.Losses == nil {
		j.Losses = []float64{}
	}
	for _, nd := range r.nodes {
		if j.Nodes == nil {
			j.Nodes = make(map[string]resultJSON, len(r.nodes))
		}
		j.Nodes[nd.key] = nd.r.toJSON()
	}
	return j
}

// MarshalJSON writes the losses, in their stored order, and the nodes
// kept: {"losses": [...], "nodes": {"lef": {"losses": [...]}}}. It is
// 8 to 25 bytes per iteration; a report wants [Result.Summary] instead.
func (r Result) MarshalJSON() ([]byte, error) { return json.Marshal(r.toJSON()) }

// UnmarshalJSON reads what MarshalJSON writes and recomputes the
// statistics, so that the result is equal to the one encoded. Unknown
// fields are an error; so is a result with more than MaxIterations
// losses.
func (r *Result) UnmarshalJSON(data []byte) error {
	if r == nil {
		return fielderr.At("", errorf(ismskit.ErrMissing, "no Result to decode into"))
	}
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var j resultJSON
	if err := dec.Decode(&j); err != nil {
		return fielderr.At("", errorf(ismskit.ErrType, "result: %v", err))
	}
	res, err := fromJSON(j, "")
	if err != nil {
		return err
	}
	*r = *res
	return nil
}

func fromJSON(j resultJSON, path string) (*Result, error) {
	if len(j.Losses) > MaxIterations {
		return nil, fielderr.At(fielderr.JoinPath(path, "losses"), errorf(ismskit.ErrTooLarge, "%d losses are more than the limit %d", len(j.Losses), MaxIterations))
	}
	r := &Result{losses: j.Losses}
	if len(r.losses) == 0 {
		r.losses = nil
	}
	if ks := pivotRanks(len(r.losses)); arranged(r.losses, ks) {
		r.pivots = ks
	} else {
		r.index()
	}
	r.stats()
	keys := make([]string, 0, len(j.Nodes))
	for k := range j.Nodes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		nr, err := fromJSON(j.Nodes[k], fielderr.Key(fielderr.JoinPath(path, "nodes"), k))
		if err != nil {
			return nil, err
		}
		r.nodes = append(r.nodes, nodeResult{key: k, r: nr})
	}
	return r, nil
}

// arranged reports whether a is partitioned at the ranks ks: every
// element before ks[i] is at most a[ks[i]] and every element after it at
// least a[ks[i]].
func arranged(a []float64, ks []int) bool {
	if len(a) == 0 {
		return true
	}
	lo := math.Inf(-1)
	start := 0
	for i := 0; i <= len(ks); i++ {
		end, hi := len(a), math.Inf(1)
		if i < len(ks) {
			end, hi = ks[i], a[ks[i]]
		}
		if hi < lo {
			return false
		}
		for _, v := range a[start:end] {
			if !(v >= lo && v <= hi) {
				return false
			}
		}
		lo, start = hi, end+1
	}
	return true
}

// maxOf returns the largest element of a non-empty slice without NaN.
func maxOf(a []float64) float64 {
	m := a[0]
	for _, v := range a[1:] {
		if v > m {
			m = v
		}
	}
	return m
}
