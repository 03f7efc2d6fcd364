package fair

import (
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/randstream"
)

// Estimate is a calibrated estimate of one node of the FAIR taxonomy: a
// distribution family and its parameters. Which parameters apply depends
// on Dist; the others must be zero. The zero value is invalid (no Dist).
//
// Values are in the node's unit: events per year for frequencies, a share
// in [0, 1] for probabilities, money for magnitudes, and any common scale
// (for example 0 to 100) for threat capability and resistance strength.
type Estimate struct {
	// Dist is the distribution family. Required.
	Dist Dist `json:"dist"`
	// Value is the constant's value. Constant only.
	Value float64 `json:"value,omitzero"`
	// Low is the minimum (uniform, triangular, PERT) or the 5th percentile
	// (lognormal).
	Low float64 `json:"low,omitzero"`
	// Mode is the most likely value. Triangular and PERT; low <= mode <= high.
	Mode float64 `json:"mode,omitzero"`
	// High is the maximum (uniform, triangular, PERT) or the 95th
	// percentile (lognormal); low <= high.
	High float64 `json:"high,omitzero"`
	// Mean is the mean of the normal before truncation. Normal only.
	Mean float64 `json:"mean,omitzero"`
	// StdDev is the standard deviation of the normal before truncation.
	// Normal only; not negative.
	StdDev float64 `json:"stddev,omitzero"`
	// Gamma is the weight of the mode in a PERT estimate; zero means the
	// usual 4. PERT only; positive when set.
	Gamma float64 `json:"gamma,omitzero"`
	// Form is the PERT parameterisation; the zero value is Classic, the
	// form of Vose, riskquant and tensorflow-probability (pyfair uses
	// Moment). PERT only.
	Form PERTForm `json:"form,omitzero"`
	// Values is the sample an Empirical estimate draws from, each value
	// equally likely (a bootstrap of data the user has, such as past
	// incident costs). Empirical only; 1 to MaxValues values.
	Values []float64 `json:"values,omitempty"`
	// Bins are the bins of a Histogram estimate, in increasing order and
	// not overlapping: a bin is picked in proportion to its weight, then a
	// value uniformly inside it. Histogram only; 1 to MaxValues bins.
	Bins []Bin `json:"bins,omitempty"`
}

// Bin is one bin of a Histogram estimate. The zero value is an empty bin
// at 0, which does not validate.
type Bin struct {
	// Low is the bin's lower edge.
	Low float64 `json:"low"`
	// High is the bin's upper edge; above Low.
	High float64 `json:"high"`
	// Weight is the bin's relative frequency (a count or a share); not
	// negative. The weights of an estimate need not add up to 1.
	Weight float64 `json:"weight"`
}

// MaxValues bounds the values of an Empirical estimate and the bins of a
// Histogram estimate.
const MaxValues = 1 << 20

// Sample returns the Empirical estimate that draws one of values, each
// equally likely.
func Sample(values ...float64) Estimate { return Estimate{Dist: Empirical, Values: values} }

// HistogramOf returns the Histogram estimate with the given bins.
func HistogramOf(bins ...Bin) Estimate { return Estimate{Dist: Histogram, Bins: bins} }

// DefaultGamma is the PERT mode weight used when Estimate.Gamma is zero.
const DefaultGamma = 4

// MaxValue bounds every parameter of an estimate (frequencies, amounts,
// capabilities), so that no product or sum of samples can overflow.
const MaxValue = 1e15

// maxLogNormalRatio bounds High/Low of a lognormal estimate, which keeps
// its far tail finite.
const maxLogNormalRatio = 1e12

// Fixed returns an estimate that is always v.
func Fixed(v float64) Estimate { return Estimate{Dist: Constant, Value: v} }

// UniformRange returns the uniform estimate on [low, high].
func UniformRange(low, high float64) Estimate {
	return Estimate{Dist: Uniform, Low: low, High: high}
}

// Triangle returns the triangular estimate on [low, high] with its mode.
func Triangle(low, mode, high float64) Estimate {
	return Estimate{Dist: Triangular, Low: low, Mode: mode, High: high}
}

// ClassicPERT returns the classic PERT estimate with gamma 4 (the
// default form; see [PERTForm]).
func ClassicPERT(low, mode, high float64) Estimate {
	return Estimate{Dist: PERT, Low: low, Mode: mode, High: high}
}

// MomentPERT returns the moment-matched (pyfair) PERT estimate with gamma 4.
func MomentPERT(low, mode, high float64) Estimate {
	return Estimate{Dist: PERT, Low: low, Mode: mode, High: high, Form: Moment}
}

// LogNormal90 returns the lognormal estimate whose 90% confidence interval
// is [low, high].
func LogNormal90(low, high float64) Estimate {
	return Estimate{Dist: LogNormal, Low: low, High: high}
}

// TruncNormal returns the normal estimate with the given mean and standard
// deviation, truncated to the node's domain when simulated.
func TruncNormal(mean, stddev float64) Estimate {
	return Estimate{Dist: Normal, Mean: mean, StdDev: stddev}
}

// role is the kind of quantity a node holds, which fixes its domain.
type role uint8

const (
	roleFrequency role = iota
	roleProbability
	roleAmount
	roleCapability
)

func (r role) upper() float64 {
	if r == roleProbability {
		return 1
	}
	return MaxValue
}

func (r role) noun() string {
	switch r {
	case roleFrequency:
		return "a frequency"
	case roleProbability:
		return "a probability"
	case roleAmount:
		return "an amount"
	}
	return "a capability"
}

// check validates e as a node of role r and adds every problem to l under
// the node's path.
func (e *Estimate) check(l *fielderr.List, path string, r role) {
	at := func(param string, err error) { l.Add(fielderr.JoinPath(path, param), err) }
	finite := func(param string, v float64) bool {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			at(param, errorf(ErrParameter, "%s %g is not finite", param, v))
			return false
		}
		return true
	}
	inDomain := func(param string, v float64) bool {
		if !finite(param, v) {
			return false
		}
		if v < 0 {
			at(param, errorf(ErrParameter, "%s %g is negative, and %s cannot be", param, v, r.noun()))
			return false
		}
		if v > r.upper() {
			if r == roleProbability {
				at(param, errorf(ErrParameter, "%s %g is outside [0, 1] for a probability", param, v))
			} else {
				at(param, errorf(ErrParameter, "%s %g is above the limit %g", param, v, MaxValue))
			}
			return false
		}
		return true
	}
	unused := func(used ...string) {
		vals := map[string]float64{"value": e.Value, "low": e.Low, "mode": e.Mode, "high": e.High,
			"mean": e.Mean, "stddev": e.StdDev, "gamma": e.Gamma, "form": float64(e.Form)}
		if len(e.Values) > 0 {
			vals["values"] = 1
		}
		if len(e.Bins) > 0 {
			vals["bins"] = 1
		}
		for _, k := range [...]string{"value", "low", "mode", "high", "mean", "stddev", "gamma", "form", "values", "bins"} {
			if vals[k] == 0 {
				continue
			}
			ok := false
			for _, u := range used {
				ok = ok || u == k
			}
			if !ok {
				at(k, errorf(ErrConflict, "%s is not a parameter of a %s estimate", k, e.Dist))
			}
		}
	}
	switch e.Dist {
	case Constant:
		unused("value")
		inDomain("value", e.Value)
	case Uniform:
		unused("low", "high")
		lo, hi := inDomain("low", e.Low), inDomain("high", e.High)
		if lo && hi && e.Low > e.High {
			at("high", errorf(ErrParameter, "low %g > high %g", e.Low, e.High))
		}
	case Triangular, PERT:
		if e.Dist == PERT {
			unused("low", "mode", "high", "gamma", "form")
			if e.Gamma != 0 && finite("gamma", e.Gamma) && (e.Gamma <= 0 || e.Gamma > 1e6) {
				at("gamma", errorf(ErrParameter, "gamma %g is outside (0, 1e6]", e.Gamma))
			}
			if !e.Form.IsValid() {
				at("form", errorf(ismskit.ErrUnknownValue, "PERT form %d is not valid", int(e.Form)))
			}
		} else {
			unused("low", "mode", "high")
		}
		lo, mo, hi := inDomain("low", e.Low), inDomain("mode", e.Mode), inDomain("high", e.High)
		switch {
		case lo && hi && e.Low > e.High:
			at("high", errorf(ErrParameter, "low %g > high %g", e.Low, e.High))
		case lo && hi && mo && (e.Mode < e.Low || e.Mode > e.High):
			at("mode", errorf(ErrParameter, "mode %g is outside [low %g, high %g]", e.Mode, e.Low, e.High))
		}
	case LogNormal:
		unused("low", "high")
		if r == roleProbability {
			at("dist", errorf(ErrParameter, "a lognormal is unbounded and cannot estimate a probability"))
			return
		}
		lo, hi := inDomain("low", e.Low), inDomain("high", e.High)
		switch {
		case lo && e.Low <= 0:
			at("low", errorf(ErrParameter, "low %g must be above 0 for a lognormal", e.Low))
		case lo && hi && e.Low > e.High:
			at("high", errorf(ErrParameter, "low %g > high %g", e.Low, e.High))
		case lo && hi && e.High/e.Low > maxLogNormalRatio:
			at("high", errorf(ErrParameter, "high/low ratio %g is above the limit %g", e.High/e.Low, maxLogNormalRatio))
		}
	case Normal:
		unused("mean", "stddev")
		m := finite("mean", e.Mean)
		if m && math.Abs(e.Mean) > MaxValue {
			at("mean", errorf(ErrParameter, "mean %g is outside [-%g, %g]", e.Mean, MaxValue, MaxValue))
			m = false
		}
		s := finite("stddev", e.StdDev)
		if s && (e.StdDev < 0 || e.StdDev > MaxValue) {
			at("stddev", errorf(ErrParameter, "stddev %g is outside [0, %g]", e.StdDev, MaxValue))
			s = false
		}
		if m && s {
			if e.StdDev == 0 {
				if e.Mean < 0 || e.Mean > r.upper() {
					at("mean", errorf(ErrParameter, "mean %g with stddev 0 is outside the domain of %s", e.Mean, r.noun()))
				}
			} else if ns := newNormalSampler(e.Mean, e.StdDev, r.upper()); !(ns.mass > 1e-12) {
				at("mean", errorf(ErrParameter, "normal(%g, %g) has almost no mass in the domain of %s", e.Mean, e.StdDev, r.noun()))
			}
		}
	case Empirical:
		unused("values")
		switch {
		case len(e.Values) == 0:
			at("values", errorf(ismskit.ErrMissing, "an empirical estimate needs at least one value"))
		case len(e.Values) > MaxValues:
			at("values", errorf(ismskit.ErrTooLarge, "%d values are more than the limit %d", len(e.Values), MaxValues))
		default:
			bad := 0
			for i, v := range e.Values {
				if bad < 10 && !inDomain(fielderr.Index("values", i), v) {
					bad++
				}
			}
		}
	case Histogram:
		unused("bins")
		switch {
		case len(e.Bins) == 0:
			at("bins", errorf(ismskit.ErrMissing, "a histogram estimate needs at least one bin"))
		case len(e.Bins) > MaxValues:
			at("bins", errorf(ismskit.ErrTooLarge, "%d bins are more than the limit %d", len(e.Bins), MaxValues))
		default:
			var total float64
			bad := 0
			for i, b := range e.Bins {
				if bad >= 10 {
					break
				}
				p := fielderr.Index("bins", i)
				lo, hi := inDomain(fielderr.JoinPath(p, "low"), b.Low), inDomain(fielderr.JoinPath(p, "high"), b.High)
				switch {
				case !lo || !hi:
					bad++
				case b.Low >= b.High:
					at(fielderr.JoinPath(p, "high"), errorf(ErrParameter, "low %g >= high %g", b.Low, b.High))
					bad++
				case i > 0 && b.Low < e.Bins[i-1].High:
					at(fielderr.JoinPath(p, "low"), errorf(ErrParameter, "low %g is below the previous bin's high %g: bins must be in order and not overlap", b.Low, e.Bins[i-1].High))
					bad++
				}
				if !(b.Weight >= 0 && b.Weight <= MaxValue) {
					at(fielderr.JoinPath(p, "weight"), errorf(ErrParameter, "weight %g is outside [0, %g]", b.Weight, MaxValue))
					bad++
				} else {
					total += b.Weight
				}
			}
			if bad == 0 && !(total > 0) {
				at("bins", errorf(ErrParameter, "the weights add up to 0"))
			}
		}
	case 0:
		at("dist", errorf(ismskit.ErrMissing, "dist is required"))
	default:
		at("dist", errorf(ismskit.ErrUnknownValue, "distribution %d is not valid", int(e.Dist)))
	}
}

// upper returns a bound on the values of a validated estimate: its
// maximum, or six standard deviations above the centre for the unbounded
// families.
func (e *Estimate) upper(r role) float64 {
	switch e.Dist {
	case Constant:
		return e.Value
	case LogNormal:
		mu := (math.Log(e.Low) + math.Log(e.High)) / 2
		sigma := (math.Log(e.High) - math.Log(e.Low)) / (2 * z95)
		return math.Exp(mu + 6*sigma)
	case Normal:
		return min(max(e.Mean, 0)+6*e.StdDev, r.upper())
	case Empirical:
		return slices.Max(e.Values)
	case Histogram:
		return e.Bins[len(e.Bins)-1].High
	}
	return e.High
}

// sampler draws from a validated estimate.
type sampler struct {
	dist      Dist
	lo, width float64 // constant: lo is the value
	c         float64 // triangular: (mode-low)/(high-low)
	beta      randstream.Beta
	mu, sigma float64 // lognormal
	norm      normalSampler
	values    []float64 // empirical: the sample; histogram: bin lows
	widths    []float64 // histogram: bin widths
	alias     *randstream.Alias
}

// compiler builds samplers for one simulation. It shares the beta tables
// of identical PERT shapes between estimates (a table is about
// randstream.BetaTableBytes), up to maxSharedBetas shapes, so that a
// portfolio of many scenarios with the same estimates holds one table per
// shape. It is safe for concurrent use.
type compiler struct {
	mu    sync.Mutex
	betas map[[2]float64]randstream.Beta
}

// maxSharedBetas bounds the beta tables a compiler keeps (about 10 MB);
// shapes beyond it get a table of their own that lives as long as its
// scenario's block.
const maxSharedBetas = 1024

func (c *compiler) beta(a, b float64) randstream.Beta {
	if c == nil {
		return randstream.NewBeta(a, b)
	}
	k := [2]float64{a, b}
	c.mu.Lock()
	defer c.mu.Unlock()
	if d, ok := c.betas[k]; ok {
		return d
	}
	d := randstream.NewBeta(a, b)
	if len(c.betas) < maxSharedBetas {
		if c.betas == nil {
			c.betas = make(map[[2]float64]randstream.Beta)
		}
		c.betas[k] = d
	}
	return d
}

func (e *Estimate) sampler(r role, c *compiler) sampler {
	s := sampler{dist: e.Dist, lo: e.Low, width: e.High - e.Low}
	switch e.Dist {
	case Constant:
		s.lo = e.Value
	case Uniform:
		if s.width == 0 {
			s.dist = Constant
		}
	case Triangular:
		if s.width == 0 {
			s.dist = Constant
			break
		}
		s.c = (e.Mode - e.Low) / s.width
	case PERT:
		if s.width == 0 {
			s.dist = Constant
			break
		}
		a, b := pertShapes(e)
		if a == 1 && b == 1 {
			s.dist = Uniform
			break
		}
		s.beta = c.beta(a, b)
	case LogNormal:
		s.mu, s.sigma = e.lognormalParams()
		if s.sigma == 0 {
			s.dist, s.lo = Constant, e.Low
		}
	case Normal:
		if e.StdDev == 0 {
			s.dist, s.lo = Constant, e.Mean
			break
		}
		s.norm = newNormalSampler(e.Mean, e.StdDev, r.upper())
	case Empirical:
		s.values = e.Values
		if len(e.Values) == 1 {
			s.dist, s.lo = Constant, e.Values[0]
		}
	case Histogram:
		w := make([]float64, len(e.Bins))
		s.values = make([]float64, len(e.Bins))
		s.widths = make([]float64, len(e.Bins))
		for i, b := range e.Bins {
			w[i] = b.Weight
			s.values[i] = b.Low
			s.widths[i] = b.High - b.Low
		}
		s.alias = randstream.NewAlias(w)
	}
	return s
}

// z95 is the 95th percentile of the standard normal.
const z95 = 1.6448536269514722

// pertShapes returns the beta shapes of a PERT estimate with low < high.
func pertShapes(e *Estimate) (alpha, beta float64) {
	g := e.Gamma
	if g == 0 {
		g = DefaultGamma
	}
	w := e.High - e.Low
	u := (e.Mode - e.Low) / w
	if e.Form == Classic {
		return 1 + g*u, 1 + g*(1-u)
	}
	m := (1 + g*u) / (g + 2) // mean on [0, 1]
	sd := 1 / (g + 2)        // standard deviation on [0, 1]
	nu := m*(1-m)/(sd*sd) - 1
	return m * nu, (1 - m) * nu
}

// fill writes len(dst) draws.
func (s *sampler) fill(dst []float64, st *randstream.Stream) {
	switch s.dist {
	case Constant:
		for i := range dst {
			dst[i] = s.lo
		}
	case Uniform:
		lo, w := s.lo, s.width
		for i := range dst {
			dst[i] = lo + w*st.Float64()
		}
	case Triangular:
		lo, w, c := s.lo, s.width, s.c
		hi := lo + w
		for i := range dst {
			u := st.Float64()
			if u < c {
				dst[i] = lo + w*math.Sqrt(u*c)
			} else {
				dst[i] = hi - w*math.Sqrt((1-u)*(1-c))
			}
		}
	case PERT:
		s.beta.Fill(dst, s.lo, s.width, st)
	case LogNormal:
		mu, sg := s.mu, s.sigma
		for i := range dst {
			dst[i] = math.Exp(mu + sg*st.Norm())
		}
	case Normal:
		for i := range dst {
			dst[i] = s.norm.sample(st)
		}
	case Empirical:
		v, m := s.values, uint64(len(s.values))
		for i := range dst {
			hi, _ := bits.Mul64(st.Uint64(), m)
			dst[i] = v[hi]
		}
	case Histogram:
		for i := range dst {
			k := s.alias.Pick(st)
			dst[i] = s.values[k] + s.widths[k]*st.Float64()
		}
	}
}

// normalSampler draws from a normal truncated to [0, hi].
type normalSampler struct {
	mean, sd float64
	lo, hi   float64 // the domain
	a, b     float64 // the domain in standard units
	method   uint8   // 0 rejection, 1 central inversion, 2 upper tail, 3 lower tail
	pa, pb   float64 // the CDF (or survival, in a tail) at a and b
	mass     float64 // P(a <= Z <= b)
}

func phi(z float64) float64  { return 0.5 * math.Erfc(-z/math.Sqrt2) } // standard normal CDF
func surv(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }  // 1 - phi(z)

func newNormalSampler(mean, sd, hi float64) normalSampler {
	n := normalSampler{mean: mean, sd: sd, lo: 0, hi: hi}
	n.a = (0 - mean) / sd
	n.b = math.Inf(1)
	if !math.IsInf(hi, 1) && hi < MaxValue {
		n.b = (hi - mean) / sd
	}
	switch {
	case n.a > 0: // the domain lies in the upper tail
		n.pa, n.pb = surv(n.a), surv(n.b)
		n.mass = n.pa - n.pb
		n.method = 2
	case n.b < 0: // the domain lies in the lower tail
		n.pa, n.pb = phi(n.a), phi(n.b)
		n.mass = n.pb - n.pa
		n.method = 3
	default:
		n.pa, n.pb = phi(n.a), phi(n.b)
		n.mass = n.pb - n.pa
		n.method = 1
	}
	if n.mass >= 0.25 {
		n.method = 0
	}
	return n
}

func (n *normalSampler) sample(st *randstream.Stream) float64 {
	var x float64
	switch n.method {
	case 0:
		for {
			x = n.mean + n.sd*st.Norm()
			if x >= n.lo && x <= n.hi {
				return x
			}
		}
	case 1:
		u := n.pa + (n.pb-n.pa)*st.Float64()
		x = n.mean + n.sd*(-math.Sqrt2*math.Erfcinv(2*u))
	case 2:
		u := n.pb + (n.pa-n.pb)*st.Float64()
		x = n.mean + n.sd*(math.Sqrt2*math.Erfcinv(2*u))
	default:
		u := n.pa + (n.pb-n.pa)*st.Float64()
		x = n.mean + n.sd*(-math.Sqrt2*math.Erfcinv(2*u))
	}
	return min(max(x, n.lo), n.hi)
}
