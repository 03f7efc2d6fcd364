package fair

import (
	"math"
	"slices"
)

// The distribution functions of validated estimates: CDF, quantile and
// moments, in closed form or by the regularised incomplete beta function.
// The analytic loss distribution and the sensitivity analysis use them.

// lbeta is log B(a, b).
func lbeta(a, b float64) float64 {
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return la + lb - lab
}

// betaInc is the regularised incomplete beta function I_x(a, b), by its
// continued fraction (modified Lentz).
func betaInc(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	front := math.Exp(a*math.Log(x) + b*math.Log1p(-x) - lbeta(a, b))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(a, b, x) / a
	}
	return 1 - front*betaCF(b, a, 1-x)/b
}

func betaCF(a, b, x float64) float64 {
	const tiny = 1e-300
	fix := func(v float64) float64 {
		if math.Abs(v) < tiny {
			return tiny
		}
		return v
	}
	qab, qap, qam := a+b, a+1, a-1
	c := 1.0
	d := 1 / fix(1-qab*x/qap)
	h := d
	for m := 1; m <= 1000; m++ {
		fm := float64(m)
		m2 := 2 * fm
		aa := fm * (b - fm) * x / ((qam + m2) * (a + m2))
		d = 1 / fix(1+aa*d)
		c = fix(1 + aa/c)
		h *= d * c
		aa = -(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2))
		d = 1 / fix(1+aa*d)
		c = fix(1 + aa/c)
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-15 {
			break
		}
	}
	return h
}

// normQuantile is the standard normal quantile.
func normQuantile(u float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*u) }

// lognormalParams returns mu and sigma of a lognormal estimate.
func (e *Estimate) lognormalParams() (mu, sigma float64) {
	mu = (math.Log(e.Low) + math.Log(e.High)) / 2
	sigma = (math.Log(e.High) - math.Log(e.Low)) / (2 * z95)
	return mu, sigma
}

// cdf returns P(X <= x) for a validated estimate as a node of role r.
func (e *Estimate) cdf(x float64, r role) float64 {
	switch e.Dist {
	case Constant:
		return b2f(x >= e.Value)
	case Uniform:
		if e.High == e.Low {
			return b2f(x >= e.Low)
		}
		return clamp01((x - e.Low) / (e.High - e.Low))
	case Triangular:
		a, c, b := e.Low, e.Mode, e.High
		switch {
		case x < a:
			return 0
		case x >= b:
			return 1
		case x <= c:
			return (x - a) * (x - a) / ((b - a) * (c - a))
		}
		return 1 - (b-x)*(b-x)/((b-a)*(b-c))
	case PERT:
		if e.High == e.Low {
			return b2f(x >= e.Low)
		}
		a, b := pertShapes(e)
		return betaInc(a, b, (x-e.Low)/(e.High-e.Low))
	case LogNormal:
		if x <= 0 {
			return 0
		}
		mu, sg := e.lognormalParams()
		if sg == 0 {
			return b2f(x >= e.Low)
		}
		return phi((math.Log(x) - mu) / sg)
	case Normal:
		if e.StdDev == 0 {
			return b2f(x >= e.Mean)
		}
		if x < 0 {
			return 0
		}
		if x >= r.upper() {
			return 1
		}
		ns := newNormalSampler(e.Mean, e.StdDev, r.upper())
		z := (x - e.Mean) / e.StdDev
		switch ns.method {
		case 2: // upper tail: survival functions for accuracy
			return clamp01((ns.pa - surv(z)) / ns.mass)
		default:
			return clamp01((phi(z) - phi(ns.a)) / ns.mass)
		}
	case Empirical:
		v := e.sortedValues()
		k, _ := slices.BinarySearch(v, math.Nextafter(x, math.Inf(1)))
		return float64(k) / float64(len(v))
	case Histogram:
		var total, below float64
		for _, b := range e.Bins {
			total += b.Weight
			switch {
			case x >= b.High:
				below += b.Weight
			case x > b.Low:
				below += b.Weight * (x - b.Low) / (b.High - b.Low)
			}
		}
		return clamp01(below / total)
	}
	return 0
}

// sortedValues returns a sorted copy of an empirical estimate's values.
func (e *Estimate) sortedValues() []float64 {
	v := slices.Clone(e.Values)
	slices.Sort(v)
	return v
}

// lower returns the smallest value a validated estimate takes.
func (e *Estimate) lower() float64 {
	switch e.Dist {
	case Constant:
		return e.Value
	case Normal:
		if e.StdDev == 0 {
			return e.Mean
		}
		return 0
	case LogNormal:
		mu, sg := e.lognormalParams()
		return math.Exp(mu - 8*sg)
	case Empirical:
		return slices.Min(e.Values)
	case Histogram:
		return e.Bins[0].Low
	}
	return e.Low
}

// support returns bounds that hold the estimate's values (up to a mass of
// about 1e-15 for the unbounded families).
func (e *Estimate) support(r role) (lo, hi float64) {
	switch e.Dist {
	case LogNormal:
		mu, sg := e.lognormalParams()
		return math.Exp(mu - 8*sg), math.Exp(mu + 8*sg)
	case Normal:
		if e.StdDev == 0 {
			return e.Mean, e.Mean
		}
		return max(0, e.Mean-9*e.StdDev), min(r.upper(), e.Mean+9*e.StdDev)
	case Empirical:
		return slices.Min(e.Values), slices.Max(e.Values)
	case Histogram:
		return e.Bins[0].Low, e.Bins[len(e.Bins)-1].High
	}
	return e.lower(), e.upper(r)
}

// quantile returns the p-quantile, p in [0, 1], of a validated estimate:
// the smallest x with cdf(x) >= p.
func (e *Estimate) quantile(p float64, r role) float64 {
	switch e.Dist {
	case Constant:
		return e.Value
	case Uniform:
		return e.Low + p*(e.High-e.Low)
	case LogNormal:
		mu, sg := e.lognormalParams()
		if p <= 0 || p >= 1 || sg == 0 {
			lo, hi := e.support(r)
			if sg == 0 || p <= 0 {
				return lo
			}
			return hi
		}
		return math.Exp(mu + sg*normQuantile(p))
	case Empirical:
		v := e.sortedValues()
		k := int(math.Ceil(p*float64(len(v)))) - 1
		return v[max(0, min(len(v)-1, k))]
	}
	lo, hi := e.support(r)
	if p <= 0 {
		return lo
	}
	if p >= 1 {
		return hi
	}
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if e.cdf(mid, r) >= p {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// moments returns the mean and the variance of a validated estimate.
func (e *Estimate) moments(r role) (mean, variance float64) {
	switch e.Dist {
	case Constant:
		return e.Value, 0
	case Uniform:
		w := e.High - e.Low
		return (e.Low + e.High) / 2, w * w / 12
	case Triangular:
		a, c, b := e.Low, e.Mode, e.High
		return (a + b + c) / 3, (a*a + b*b + c*c - a*b - a*c - b*c) / 18
	case PERT:
		if e.High == e.Low {
			return e.Low, 0
		}
		al, be := pertShapes(e)
		w := e.High - e.Low
		s := al + be
		return e.Low + w*al/s, w * w * al * be / (s * s * (s + 1))
	case LogNormal:
		mu, sg := e.lognormalParams()
		m := math.Exp(mu + sg*sg/2)
		return m, math.Expm1(sg*sg) * m * m
	case Normal:
		if e.StdDev == 0 {
			return e.Mean, 0
		}
		ns := newNormalSampler(e.Mean, e.StdDev, r.upper())
		a, b := ns.a, ns.b
		pa, pb, bpb := stdPDF(a), 0.0, 0.0
		if !math.IsInf(b, 1) {
			pb = stdPDF(b)
			bpb = b * pb
		}
		z := ns.mass
		m := e.Mean + e.StdDev*(pa-pb)/z
		v := e.StdDev * e.StdDev * (1 + (a*pa-bpb)/z - ((pa-pb)/z)*((pa-pb)/z))
		return m, max(0, v)
	case Empirical:
		var s float64
		for _, v := range e.Values {
			s += v
		}
		m := float64(len(e.Values))
		mean = s / m
		var q float64
		for _, v := range e.Values {
			q += (v - mean) * (v - mean)
		}
		return mean, q / m
	case Histogram:
		var w, s, s2 float64
		for _, b := range e.Bins {
			w += b.Weight
			s += b.Weight * (b.Low + b.High) / 2
			s2 += b.Weight * (b.Low*b.Low + b.Low*b.High + b.High*b.High) / 3
		}
		mean = s / w
		return mean, max(0, s2/w-mean*mean)
	}
	return 0, 0
}

func stdPDF(z float64) float64 { return math.Exp(-z*z/2) / math.Sqrt(2*math.Pi) }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func clamp01(v float64) float64 { return min(1, max(0, v)) }

// pdf returns the density of a validated continuous estimate (0 outside
// its support; +Inf where a PERT density is unbounded). Constant and
// Empirical estimates have none: pdf returns 0 for them.
func (e *Estimate) pdf(x float64, r role) float64 {
	switch e.Dist {
	case Uniform:
		if x < e.Low || x > e.High || e.High == e.Low {
			return 0
		}
		return 1 / (e.High - e.Low)
	case Triangular:
		a, c, b := e.Low, e.Mode, e.High
		switch {
		case x < a || x > b || b == a:
			return 0
		case x < c:
			return 2 * (x - a) / ((b - a) * (c - a))
		case x == c:
			return 2 / (b - a)
		}
		return 2 * (b - x) / ((b - a) * (b - c))
	case PERT:
		w := e.High - e.Low
		if w == 0 || x < e.Low || x > e.High {
			return 0
		}
		al, be := pertShapes(e)
		u := (x - e.Low) / w
		return math.Exp((al-1)*math.Log(u)+(be-1)*math.Log1p(-u)-lbeta(al, be)) / w
	case LogNormal:
		mu, sg := e.lognormalParams()
		if x <= 0 || sg == 0 {
			return 0
		}
		z := (math.Log(x) - mu) / sg
		return stdPDF(z) / (x * sg)
	case Normal:
		if e.StdDev == 0 || x < 0 || x > r.upper() {
			return 0
		}
		ns := newNormalSampler(e.Mean, e.StdDev, r.upper())
		return stdPDF((x-e.Mean)/e.StdDev) / (e.StdDev * ns.mass)
	case Histogram:
		var total float64
		for _, b := range e.Bins {
			total += b.Weight
		}
		i, _ := slices.BinarySearchFunc(e.Bins, x, func(b Bin, x float64) int {
			switch {
			case b.High < x:
				return -1
			case b.Low > x:
				return 1
			}
			return 0
		})
		if i < len(e.Bins) && e.Bins[i].Low <= x && x <= e.Bins[i].High {
			b := e.Bins[i]
			return b.Weight / total / (b.High - b.Low)
		}
	}
	return 0
}
