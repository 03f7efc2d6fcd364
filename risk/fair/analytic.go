package fair

import (
	"bytes"
	"encoding/json"
	"math"
	"math/cmplx"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// LossDistribution is the annual loss distribution of one scenario
// computed without sampling ([AnalyticLoss]). It is immutable and safe for
// concurrent use. The zero value and a nil *LossDistribution describe no
// scenario: their statistics are 0 (NaN for percentiles).
type LossDistribution struct {
	mode           FrequencyMode
	mean, variance float64
	// Event mode: P(S <= x) at x = 0 (the atom of years without an event)
	// and at the grid points (k + 1/2) h, k = 0 .. len(cdf)-1; beyond the
	// grid the probability of exceeding is below tail.
	p0   float64
	h    float64
	cdf  []float64
	tail float64
	// Bernoulli mode: the probability of the event and the magnitude.
	prob float64
	lm   Estimate
	// Event mode with a constant magnitude: the count's distribution.
	count []float64 // P(N = n)
	c     float64
}

// Grid sizes of the event mode: the annual loss is computed on
// analyticPoints points, up to an amount exceeded with a probability of
// at most analyticTail.
const (
	analyticPoints = 1 << 17
	analyticTail   = 1e-7
	lefNodes       = 4096 // bins of an uncertain LEF
)

// MaxAnalyticRate bounds the LEF of AnalyticLoss in Event mode: the work
// grows with the number of events a year can hold. The analytic
// distribution is for rare events; frequent ones are well served by the
// simulation.
const MaxAnalyticRate = 100

// AnalyticLoss computes the annual loss distribution of a scenario without
// sampling, for the rare, high-impact events whose tail Monte Carlo would
// need billions of iterations to see:
//
//   - in Event mode, the compound (mixed) Poisson distribution of the sum
//     of a Poisson(LEF) number of independent magnitudes LM, by the fast
//     Fourier transform of LM discretised by rounding on 2^17 points, with
//     exponential tilting against aliasing, and the LEF's own distribution
//     (a fixed rate or any estimate, discretised on 4096 bins) mixed in
//     through the probability generating function of the count; with a
//     constant LM, exactly from the count's distribution;
//   - in Bernoulli mode, exactly: P(loss > x) = E[LEF] P(LM > x).
//
// The exceedance probabilities are accurate to about 1e-4 or better for
// every continuous family of LM (and exact for a constant one); an
// empirical LM, whose losses are sums of its values, is placed on the
// grid, so amounts within a grid step of such a sum may be off by that
// sum's probability. The mean and the standard deviation are exact. PERT
// estimates use the classic form unless their Form says Moment. The
// scenario must give LEF directly, and LM directly or as PL alone (Rate
// mode, TEF, Vuln and secondary loss need the simulation): anything else
// is an ErrParameter. It is safe for concurrent use.
func AnalyticLoss(s Scenario, mode FrequencyMode) (*LossDistribution, error) {
	var l fielderr.List
	switch {
	case mode == 0:
		l.Add("mode", errorf(ismskit.ErrMissing, "mode is required (event or bernoulli)"))
	case !mode.IsValid():
		l.Add("mode", errorf(ismskit.ErrUnknownValue, "frequency mode %d is not valid", int(mode)))
	case mode == Rate:
		l.Add("mode", errorf(ErrParameter, "the analytic loss distribution is for event and bernoulli modes; rate mode needs the simulation"))
	}
	s.Nodes.check(&l, "")
	if l.Len() == 0 {
		s.Nodes.checkRate(&l, "", mode)
		if ub := s.Nodes.upper(nLEF); mode == Event && ub > MaxAnalyticRate {
			l.Add("lef", errorf(ErrParameter, "LEF may reach %g events a year, above the limit %g of the analytic distribution", ub, float64(MaxAnalyticRate)))
		}
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	lef := s.LEF
	if lef == nil {
		l.Add("lef", errorf(ErrParameter, "the analytic loss distribution needs lef given directly"))
	}
	lm := s.LM
	if lm == nil {
		if s.Nodes.anyGiven(nSR) {
			l.Add("sr", errorf(ErrParameter, "the analytic loss distribution needs lm given directly, or pl without secondary loss"))
		}
		lm = s.PL
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	d := &LossDistribution{mode: mode}
	ml, vl := lef.moments(roleFrequency)
	mx, vx := lm.moments(roleAmount)
	ex2 := vx + mx*mx
	d.mean = ml * mx
	if mode == Bernoulli {
		d.prob, d.lm = ml, *lm
		d.variance = ml*ex2 - d.mean*d.mean
		return d, nil
	}
	d.variance = ml*ex2 + vl*mx*mx
	nodes, weights := lefBins(lef)
	if lm.Dist == Constant || (lm.Dist == Empirical && len(lm.Values) == 1) {
		c := lm.Value
		if lm.Dist == Empirical {
			c = lm.Values[0]
		}
		d.c = c
		d.count = mixedPoisson(nodes, weights, analyticTail*1e-3)
		return d, nil
	}
	d.event(lm, nodes, weights)
	return d, nil
}

// lefBins discretises a frequency estimate: bins of its support with
// their exact probabilities (CDF differences), at their midpoints
// (geometric for a lognormal).
func lefBins(e *Estimate) (nodes, weights []float64) {
	switch e.Dist {
	case Constant:
		return []float64{e.Value}, []float64{1}
	case Empirical:
		for _, v := range e.Values {
			nodes = append(nodes, v)
			weights = append(weights, 1/float64(len(e.Values)))
		}
		return nodes, weights
	}
	lo, hi := e.support(roleFrequency)
	if hi <= lo {
		return []float64{lo}, []float64{1}
	}
	logScale := e.Dist == LogNormal
	at := func(i int) float64 {
		f := float64(i) / lefNodes
		if logScale {
			return lo * math.Pow(hi/lo, f)
		}
		return lo + f*(hi-lo)
	}
	prev := e.cdf(lo, roleFrequency)
	if prev > 0 {
		nodes, weights = append(nodes, lo), append(weights, prev)
	}
	for i := range lefNodes {
		a, b := at(i), at(i+1)
		c := e.cdf(b, roleFrequency)
		if i == lefNodes-1 {
			c = 1
		}
		if w := c - prev; w > 0 {
			mid := (a + b) / 2
			if logScale {
				mid = math.Sqrt(a * b)
			}
			nodes, weights = append(nodes, mid), append(weights, w)
		}
		prev = c
	}
	return nodes, weights
}

// mixedPoisson returns P(N = n) for a Poisson count whose mean has the
// discrete distribution (nodes, weights), up to the n whose tail is below
// tail.
func mixedPoisson(nodes, weights []float64, tail float64) []float64 {
	var out []float64
	var cum float64
	terms := make([]float64, len(nodes)) // Poisson(n; lambda_i), updated in n
	for i, l := range nodes {
		terms[i] = math.Exp(-l)
	}
	for n := 0; ; n++ {
		if n > 0 {
			for i, l := range nodes {
				terms[i] *= l / float64(n)
			}
		}
		var p float64
		for i, t := range terms {
			p += weights[i] * t
		}
		out = append(out, p)
		cum += p
		if 1-cum < tail && n > 0 || n > 4*MaxEventRate {
			return out
		}
	}
}

// event computes the event-mode grid.
func (d *LossDistribution) event(lm *Estimate, nodes, weights []float64) {
	count := mixedPoisson(nodes, weights, analyticTail*1e-3)
	d.p0 = count[0]
	// The grid's end: beyond n_max events of at most the LM's
	// (1 - tail/n_max)-quantile each, the loss is exceeded with a
	// probability below about 2 tail.
	nmax := float64(len(count) - 1)
	for n := range count {
		var rest float64
		for _, p := range count[n+1:] {
			rest += p
		}
		if rest < analyticTail {
			nmax = float64(max(n, 1))
			break
		}
	}
	top := nmax * lm.quantile(1-analyticTail/nmax, roleAmount)
	_, hiLM := lm.support(roleAmount)
	if lm.Dist != LogNormal && lm.Dist != Normal {
		top = min(top, nmax*hiLM)
	}
	m := analyticPoints
	d.h = top / float64(m-m/8) // room above the top against aliasing
	d.tail = 2 * analyticTail
	h := d.h
	mass := discretise(lm, m, h)
	f := make([]complex128, m)
	for k, v := range mass {
		f[k] = complex(v, 0)
	}
	// Exponential tilting: aliased mass is damped by e^-theta m.
	theta := 20.0 / float64(m)
	for k := range f {
		f[k] *= complex(math.Exp(-theta*float64(k)), 0)
	}
	fft(f, false)
	for k, z := range f {
		// The count's probability generating function at the transform,
		// by Horner's rule.
		acc := complex(count[len(count)-1], 0)
		for n := len(count) - 2; n >= 0; n-- {
			acc = acc*z + complex(count[n], 0)
		}
		f[k] = acc
	}
	fft(f, true)
	d.cdf = make([]float64, m)
	var cum float64
	for k := range f {
		p := real(f[k]) / float64(m) * math.Exp(theta*float64(k))
		cum += max(p, 0)
		d.cdf[k] = min(cum, 1)
	}
}

// discretise returns the masses of LM rounded to the grid of step h:
// f[k] = P((k-1/2)h < X <= (k+1/2)h) (from X <= h/2 for k = 0), for k < m;
// the mass beyond the grid is left out, which leaves the distribution of
// the annual loss on the grid exact. The CDF is computed exactly at every
// 64th edge, and each such interval's mass is shared among its bins in
// proportion to the density at their centres.
func discretise(lm *Estimate, m int, h float64) []float64 {
	f := make([]float64, m)
	if lm.Dist == Empirical {
		w := 1 / float64(len(lm.Values))
		for _, v := range lm.Values {
			if k := int(math.Round(v / h)); k < m {
				f[k] += w
			}
		}
		return f
	}
	const step = 64
	edge := func(k int) float64 { // the upper edge of bin k
		return (float64(k) + 0.5) * h
	}
	prev := 0.0
	for start := 0; start < m; start += step {
		end := min(start+step, m)
		c := lm.cdf(edge(end-1), roleAmount)
		mass := c - prev
		prev = c
		if mass <= 0 {
			continue
		}
		var sum float64
		for k := start; k < end; k++ {
			d := lm.pdf(float64(k)*h, roleAmount)
			if math.IsInf(d, 0) || math.IsNaN(d) {
				sum = 0
				break
			}
			f[k] = d
			sum += d
		}
		if sum <= 0 {
			// No usable density (a point mass, an unbounded density at an
			// end): the CDF at each edge of the interval.
			p := lm.cdf(edge(start)-h, roleAmount)
			if start == 0 {
				p = 0
			}
			for k := start; k < end; k++ {
				q := lm.cdf(edge(k), roleAmount)
				f[k] = q - p
				p = q
			}
			continue
		}
		for k := start; k < end; k++ {
			f[k] *= mass / sum
		}
	}
	return f
}

// fft transforms x in place (len a power of two), inverse without the
// 1/n factor.
func fft(x []complex128, inverse bool) {
	n := len(x)
	for i, j := 1, 0; i < n; i++ {
		bit := n >> 1
		for ; j&bit != 0; bit >>= 1 {
			j ^= bit
		}
		j ^= bit
		if i < j {
			x[i], x[j] = x[j], x[i]
		}
	}
	sign := -1.0
	if inverse {
		sign = 1
	}
	// One table of twiddle factors, the last stage's: a stage of length
	// size uses every (n/size)-th of them, equal to the bit to what it
	// would compute itself (the angles differ by a power of two, which
	// floating point scales exactly).
	ang := sign * 2 * math.Pi / float64(n)
	tw := make([]complex128, n/2)
	for k := range tw {
		tw[k] = cmplx.Rect(1, ang*float64(k))
	}
	for size := 2; size <= n; size <<= 1 {
		half := size / 2
		stride := n / size
		for start := 0; start < n; start += size {
			for k := range half {
				a, b := x[start+k], x[start+k+half]*tw[k*stride]
				x[start+k], x[start+k+half] = a+b, a-b
			}
		}
	}
}

// lossDistributionJSON is the JSON form of a LossDistribution: its whole
// state, so that it decodes back equal.
type lossDistributionJSON struct {
	Mode     FrequencyMode `json:"mode,omitzero"`
	Mean     float64       `json:"mean"`
	Variance float64       `json:"variance"`
	P0       float64       `json:"p0,omitzero"`
	Step     float64       `json:"step,omitzero"`
	CDF      []float64     `json:"cdf,omitempty"`
	Tail     float64       `json:"tail,omitzero"`
	Prob     float64       `json:"prob,omitzero"`
	LM       *Estimate     `json:"lm,omitempty"`
	Count    []float64     `json:"count,omitempty"`
	Constant float64       `json:"constant,omitzero"`
}

// MarshalJSON writes the whole computed distribution (the event grid is
// 2^17 values), so that UnmarshalJSON gives it back equal; a report wants
// [LossDistribution.Summary] instead.
func (d LossDistribution) MarshalJSON() ([]byte, error) {
	j := lossDistributionJSON{Mode: d.mode, Mean: d.mean, Variance: d.variance, P0: d.p0, Step: d.h,
		CDF: d.cdf, Tail: d.tail, Prob: d.prob, Count: d.count, Constant: d.c}
	if d.lm.Dist != 0 {
		lm := d.lm
		j.LM = &lm
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes. It checks the shape, not
// the arithmetic: decode only distributions this package wrote.
func (d *LossDistribution) UnmarshalJSON(data []byte) error {
	if d == nil {
		return fielderr.At("", errorf(ismskit.ErrMissing, "no LossDistribution to decode into"))
	}
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var j lossDistributionJSON
	if err := dec.Decode(&j); err != nil {
		return fielderr.At("", errorf(ismskit.ErrType, "loss distribution: %v", err))
	}
	if len(j.CDF) > analyticPoints || len(j.Count) > 4*MaxEventRate+1 {
		return fielderr.At("", errorf(ismskit.ErrTooLarge, "loss distribution: more values than AnalyticLoss makes"))
	}
	*d = LossDistribution{mode: j.Mode, mean: j.Mean, variance: j.Variance, p0: j.P0, h: j.Step,
		cdf: j.CDF, tail: j.Tail, prob: j.Prob, count: j.Count, c: j.Constant}
	if j.LM != nil {
		d.lm = *j.LM
	}
	return nil
}

// Mean returns the mean annual loss, exactly: E[LEF] E[LM].
func (d *LossDistribution) Mean() float64 {
	if d == nil {
		return 0
	}
	return d.mean
}

// StdDev returns the standard deviation of the annual loss, exactly.
func (d *LossDistribution) StdDev() float64 {
	if d == nil {
		return 0
	}
	return math.Sqrt(max(d.variance, 0))
}

// Exceedance returns the probability that the annual loss is strictly
// greater than amount (0 for a NaN amount).
func (d *LossDistribution) Exceedance(amount float64) float64 {
	if d == nil || math.IsNaN(amount) {
		return 0
	}
	if amount < 0 {
		return 1 - d.atZero()
	}
	switch {
	case d.mode == Bernoulli:
		return d.prob * (1 - d.lm.cdf(amount, roleAmount))
	case d.count != nil:
		if d.c == 0 {
			return 0
		}
		k := int(math.Floor(amount / d.c)) // N <= k means no excess
		var cum float64
		for n := 0; n <= k && n < len(d.count); n++ {
			cum += d.count[n]
		}
		return clamp01(1 - cum)
	case d.cdf == nil:
		return 0
	}
	return clamp01(1 - d.cdfAt(amount))
}

// atZero returns P(loss <= 0).
func (d *LossDistribution) atZero() float64 {
	switch {
	case d.mode == Bernoulli:
		return 1 - d.prob + d.prob*d.lm.cdf(0, roleAmount)
	case d.count != nil:
		if d.c == 0 {
			return 1
		}
		return d.count[0]
	}
	return d.p0
}

// cdfAt interpolates P(S <= x) on the event grid: the atom at 0, then
// linearly between the points (k + 1/2) h.
func (d *LossDistribution) cdfAt(x float64) float64 {
	if !(d.h > 0) || len(d.cdf) < 2 {
		return 1
	}
	u := x/d.h - 0.5
	if u < 0 {
		return d.p0 + (d.cdf[0]-d.p0)*(x/(d.h/2))
	}
	k := int(u)
	if k >= len(d.cdf)-1 {
		return 1 - d.tail
	}
	f := u - float64(k)
	return d.cdf[k] + f*(d.cdf[k+1]-d.cdf[k])
}

// ExceedanceCurve returns the exceedance probability at each amount.
func (d *LossDistribution) ExceedanceCurve(amounts []float64) []Point {
	pts := make([]Point, len(amounts))
	for i, a := range amounts {
		pts[i] = Point{Amount: a, Probability: d.Exceedance(a)}
	}
	return pts
}

// Percentile returns the smallest amount whose probability of being
// exceeded is at most 1 - p/100, p in [0, 100], by bisection on the
// exceedance; NaN outside [0, 100]. Percentiles above 100(1 - 1e-7) are
// the (1 - 1e-7)-quantile.
func (d *LossDistribution) Percentile(p float64) float64 {
	if d == nil || !(p >= 0 && p <= 100) || d.mode == 0 {
		return math.NaN()
	}
	q := max(1-p/100, analyticTail)
	if d.Exceedance(0) <= q {
		return 0
	}
	hi := max(d.mean, 1)
	for d.Exceedance(hi) > q && hi < 1e300 {
		hi *= 2
	}
	lo := 0.0
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if d.Exceedance(mid) > q {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// Summary returns the distribution's statistics in the shape a simulated
// Summary has: Iterations and the standard errors are 0 (nothing was
// sampled), Max is the (1 - 1e-7)-quantile, the percentiles and the
// exceedance come from the computed distribution. Percentiles nil means DefaultPercentiles; a percentile
// outside [0, 100] or a non-finite amount is an ErrParameter.
func (d *LossDistribution) Summary(percentiles, amounts []float64) (Summary, error) {
	if percentiles == nil {
		percentiles = DefaultPercentiles()
	}
	var l fielderr.List
	checkLevels(&l, percentiles, amounts)
	if d == nil || d.mode == 0 {
		l.Add("", errorf(ismskit.ErrMissing, "no loss distribution"))
	}
	if err := l.Err(); err != nil {
		return Summary{}, err
	}
	s := Summary{Mean: d.mean, StdDev: d.StdDev(), Min: 0, Max: d.Percentile(100),
		ExpectedShortfall: nil,
		Percentiles:       make(map[string]float64, len(percentiles))}
	if d.Exceedance(0) >= 1 {
		s.Min = d.Percentile(0)
	}
	for _, p := range slices.Clone(percentiles) {
		s.Percentiles[formatKey(p)] = d.Percentile(p)
	}
	if len(amounts) > 0 {
		s.Exceedance = make(map[string]float64, len(amounts))
		for _, a := range amounts {
			s.Exceedance[formatKey(a)] = d.Exceedance(a)
		}
	}
	return s, nil
}
