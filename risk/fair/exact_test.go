package fair

import (
	"fmt"
	"math"
)

// Exact reference values, computed from closed forms and by numerical
// integration, never from a random stream.

// exactCDF is P(X <= x) for estimate e as node role r.
func exactCDF(e Estimate, r role, x float64) float64 {
	switch e.Dist {
	case Constant:
		if x >= e.Value {
			return 1
		}
		return 0
	case Uniform:
		return math.Min(1, math.Max(0, (x-e.Low)/(e.High-e.Low)))
	case Triangular:
		a, c, b := e.Low, e.Mode, e.High
		switch {
		case x <= a:
			return 0
		case x >= b:
			return 1
		case x <= c:
			return (x - a) * (x - a) / ((b - a) * (c - a))
		}
		return 1 - (b-x)*(b-x)/((b-a)*(b-c))
	case PERT:
		al, be := pertShapes(&e)
		return betaInc(al, be, (x-e.Low)/(e.High-e.Low))
	case LogNormal:
		if x <= 0 {
			return 0
		}
		mu := (math.Log(e.Low) + math.Log(e.High)) / 2
		sg := (math.Log(e.High) - math.Log(e.Low)) / (2 * z95)
		return phi((math.Log(x) - mu) / sg)
	case Normal:
		hi := r.upper()
		if x < 0 {
			return 0
		}
		if r == roleProbability && x >= 1 {
			return 1
		}
		a := -e.Mean / e.StdDev
		b := math.Inf(1)
		if r == roleProbability {
			b = (hi - e.Mean) / e.StdDev
		}
		return (phi((x-e.Mean)/e.StdDev) - phi(a)) / (phi(b) - phi(a))
	}
	panic("unknown dist")
}

// exactPDF is the density of a PERT estimate.
func exactPDF(e Estimate, x float64) float64 {
	al, be := pertShapes(&e)
	w := e.High - e.Low
	u := (x - e.Low) / w
	if u <= 0 || u >= 1 {
		return 0
	}
	return math.Exp((al-1)*math.Log(u)+(be-1)*math.Log1p(-u)-lbeta(al, be)) / w
}

// exactMoments returns the mean and the variance of estimate e as node
// role r.
func exactMoments(e Estimate, r role) (mean, variance float64) {
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
		al, be := pertShapes(&e)
		w := e.High - e.Low
		s := al + be
		return e.Low + w*al/s, w * w * al * be / (s * s * (s + 1))
	case LogNormal:
		mu := (math.Log(e.Low) + math.Log(e.High)) / 2
		sg := (math.Log(e.High) - math.Log(e.Low)) / (2 * z95)
		m := math.Exp(mu + sg*sg/2)
		return m, (math.Exp(sg*sg) - 1) * m * m
	case Normal:
		a := -e.Mean / e.StdDev
		b := math.Inf(1)
		if r == roleProbability {
			b = (1 - e.Mean) / e.StdDev
		}
		z := phi(b) - phi(a)
		pa, pb := stdPDF(a), 0.0
		bpb := 0.0
		if !math.IsInf(b, 1) {
			pb = stdPDF(b)
			bpb = b * pb
		}
		m := e.Mean + e.StdDev*(pa-pb)/z
		v := e.StdDev * e.StdDev * (1 + (a*pa-bpb)/z - ((pa-pb)/z)*((pa-pb)/z))
		return m, v
	}
	panic("unknown dist")
}

// simpson integrates f over [a, b] with n (even) intervals.
func simpson(f func(float64) float64, a, b float64, n int) float64 {
	h := (b - a) / float64(n)
	s := f(a) + f(b)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		s += w * f(a+float64(i)*h)
	}
	return s * h / 3
}

// productCDF is P(X*Y <= z) for independent PERT X (> 0) and Y:
// the integral of f_X(x) F_Y(z/x) over X's range.
func productCDF(x, y Estimate, z float64) float64 {
	return simpson(func(v float64) float64 {
		if v <= 0 {
			return 0
		}
		return exactPDF(x, v) * exactCDF(y, roleAmount, z/v)
	}, x.Low, x.High, 4000)
}

// productQuantile inverts productCDF by bisection, to a relative 1e-10
// (about 40 steps): productCDF itself is only good to about 5e-8 (Simpson's
// rule on a density whose derivative is unbounded at an end), a relative
// error of about 3e-7 in the quantile, so that the 20 more steps of a
// fixed 60 refined nothing but the integration's error.
func productQuantile(x, y Estimate, p float64) float64 {
	lo, hi := x.Low*y.Low, x.High*y.High
	for range 60 {
		if hi-lo <= 1e-10*hi {
			break
		}
		mid := (lo + hi) / 2
		if productCDF(x, y, mid) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// expectPert returns E[g(X)] for a PERT estimate.
func expectPert(x Estimate, g func(float64) float64) float64 {
	return simpson(func(v float64) float64 { return exactPDF(x, v) * g(v) }, x.Low, x.High, 4000)
}

// poissonSF is P(N > m) for N ~ Poisson(lam).
func poissonSF(m int, lam float64) float64 {
	p := math.Exp(-lam)
	c := p
	for k := 1; k <= m; k++ {
		p *= lam / float64(k)
		c += p
	}
	return math.Max(0, 1-c)
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
