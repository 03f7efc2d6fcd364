// Package randstream provides deterministic random streams addressed by a
// seed and a pair of stream indices, so that parallel Monte Carlo code can
// give chunk i of a simulation stream i whatever goroutine runs it. Results
// then depend on the seed alone, never on GOMAXPROCS or on scheduling.
//
// A [Stream] is a PCG generator (math/rand/v2's 128-bit PCG with DXSM
// output) whose state is derived from (seed, a, b) through a SplitMix64
// mixer, so that neighbouring indices give unrelated streams. Stream adds
// the variates the simulation needs (uniform, standard normal by the
// ziggurat method, standard exponential, gamma, beta and Poisson) as
// methods on the concrete type, so the hot path makes no interface calls.
//
// A Stream is not safe for concurrent use; give each goroutine its own and
// [Stream.Reset] it for each chunk. The package has no mutable global
// state: the ziggurat tables are computed once and never written again.
package randstream

import (
	"math"
	"math/rand/v2"
)

// Stream is a seeded random stream. The zero value is a valid stream
// (equivalent to Reset(0, 0, 0)); use [New] or [Stream.Reset] to choose one.
type Stream struct {
	pcg rand.PCG
}

// New returns the stream addressed by seed and the indices a and b.
func New(seed, a, b uint64) *Stream {
	s := new(Stream)
	s.Reset(seed, a, b)
	return s
}

// Reset repositions s at the start of the stream addressed by (seed, a, b).
// The same triple always gives the same sequence.
func (s *Stream) Reset(seed, a, b uint64) {
	h1 := mix(seed ^ 0x6a09e667f3bcc908)
	h1 = mix(h1 ^ a)
	h1 = mix(h1 ^ b)
	h2 := mix(h1 ^ 0xbb67ae8584caa73b)
	s.pcg.Seed(h1, h2)
	if s.pcg == (rand.PCG{}) {
		s.pcg.Seed(1, 2)
	}
}

// mix is the SplitMix64 finaliser.
func mix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Uint64 returns a uniformly distributed 64-bit value.
func (s *Stream) Uint64() uint64 { return s.pcg.Uint64() }

// Float64 returns a uniform value in [0, 1) with 53 random bits.
func (s *Stream) Float64() float64 {
	return float64(int64(s.pcg.Uint64()>>11)) * 0x1p-53
}

// Open returns a uniform value in the open interval (0, 1), safe to pass
// to math.Log.
func (s *Stream) Open() float64 {
	return (float64(int64(s.pcg.Uint64()>>12)) + 0.5) * 0x1p-52
}

// Ziggurat constants for the standard normal, 128 layers (Marsaglia and
// Tsang, "The Ziggurat Method for Generating Random Variables", 2000).
const (
	zigR = 3.442619855899
	zigV = 9.91256303526217e-3
	zigM = 2147483648.0
)

type zigTables struct {
	k [128]uint32
	w [128]float64
	f [128]float64
}

var zig = makeZig()

func makeZig() *zigTables {
	t := new(zigTables)
	dn := zigR
	tn := dn
	q := zigV / math.Exp(-0.5*dn*dn)
	t.k[0] = uint32(dn / q * zigM)
	t.k[1] = 0
	t.w[0] = q / zigM
	t.w[127] = dn / zigM
	t.f[0] = 1
	t.f[127] = math.Exp(-0.5 * dn * dn)
	for i := 126; i >= 1; i-- {
		dn = math.Sqrt(-2 * math.Log(zigV/dn+math.Exp(-0.5*dn*dn)))
		t.k[i+1] = uint32(dn / tn * zigM)
		tn = dn
		t.f[i] = math.Exp(-0.5 * dn * dn)
		t.w[i] = dn / zigM
	}
	return t
}

// Norm returns a standard normal variate.
func (s *Stream) Norm() float64 {
	for {
		u := s.pcg.Uint64()
		i := u & 127
		h := int32(u >> 32)
		x := float64(h) * zig.w[i]
		a := h
		if a < 0 {
			a = -a
		}
		if uint32(a) < zig.k[i] {
			return x
		}
		if i == 0 {
			// Base strip: sample the tail beyond zigR.
			for {
				tx := -math.Log(s.Open()) / zigR
				ty := -math.Log(s.Open())
				if ty+ty >= tx*tx {
					if h > 0 {
						return zigR + tx
					}
					return -zigR - tx
				}
			}
		}
		if zig.f[i]+s.Float64()*(zig.f[i-1]-zig.f[i]) < math.Exp(-0.5*x*x) {
			return x
		}
	}
}

// Exp returns a standard exponential variate (rate 1).
func (s *Stream) Exp() float64 { return -math.Log(s.Open()) }

// Gamma returns a gamma variate with the given shape and scale 1
// (Marsaglia and Tsang 2000; shapes below 1 use the boost
// G(a) = G(a+1) * U^(1/a)). Shape must be positive and finite. Code that
// draws many variates of one shape should use [NewGamma] instead.
func (s *Stream) Gamma(shape float64) float64 {
	g := NewGamma(shape)
	return g.Sample(s)
}

// Gamma is a gamma distribution with scale 1 and its sampling constants
// precomputed. The zero value is not usable; use [NewGamma].
type Gamma struct {
	d, c     float64
	invShape float64 // 1/shape when shape < 1 (boost), else 0
}

// NewGamma returns the gamma distribution of the given shape (positive and
// finite).
func NewGamma(shape float64) Gamma {
	var g Gamma
	a := shape
	if shape < 1 {
		g.invShape = 1 / shape
		a = shape + 1
	}
	g.d = a - 1.0/3
	g.c = 1 / math.Sqrt(9*g.d)
	return g
}

// Sample draws one variate from s.
func (g *Gamma) Sample(s *Stream) float64 {
	x := g.sampleGE1(s)
	if g.invShape != 0 {
		x *= math.Exp(math.Log(s.Open()) * g.invShape)
	}
	return x
}

func (g *Gamma) sampleGE1(s *Stream) float64 {
	d, c := g.d, g.c
	for {
		var x, v float64
		for {
			x = s.Norm()
			v = 1 + c*x
			if v > 0 {
				break
			}
		}
		v = v * v * v
		u := s.Open()
		x2 := x * x
		if u < 1-0.0331*x2*x2 {
			return d * v
		}
		if math.Log(u) < 0.5*x2+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

// Beta returns a beta variate with shapes a and b (both positive), as
// X/(X+Y) with X ~ Gamma(a) and Y ~ Gamma(b). Code that draws many
// variates of one pair of shapes should use [NewBeta], which is faster.
func (s *Stream) Beta(a, b float64) float64 {
	d := Beta{x: NewGamma(a), y: NewGamma(b), mean: a / (a + b)}
	return d.Sample(s)
}

// Beta is a beta distribution with its sampling constants precomputed.
// When both shapes are at least 1 the density is bounded and unimodal, and
// Beta samples it exactly by rejection from a 512-step hat (a table
// method). Each step is split into a rectangle under the density, which
// is accepted at once, and the wedge above it, which is tested against the
// density; the rectangles hold almost all the mass, so almost every draw
// costs one 64-bit output and no transcendental function. Other shapes
// use X/(X+Y) with X ~ Gamma(a) and Y ~ Gamma(b). The zero value is not
// usable; use [NewBeta]. A Beta is immutable once built and may be shared
// by goroutines, each with its own Stream.
type Beta struct {
	x, y  Gamma
	mean  float64
	table *betaTable
}

const (
	betaBins    = 512
	betaRegions = 2 * betaBins // a rectangle and a wedge per bin
	// Bits of one 64-bit output: the region, the alias threshold and the
	// position inside the bin.
	betaRegionBits = 10
	betaThreshBits = 27
	betaFracBits   = 64 - betaRegionBits - betaThreshBits
)

// BetaTableBytes is the memory one table of a [Beta] with both shapes at
// least 1 takes, so that callers can bound the memory of many of them.
const BetaTableBytes = int(unsafeSizeofBetaTable)

// betaTable is the hat (upper bound) and squeeze (lower bound) of the
// beta density on each of betaBins equal bins, with an alias table that
// picks a rectangle (under the squeeze) or a wedge (between the squeeze
// and the hat) in proportion to its area.
type betaTable struct {
	am1, bm1 float64 // a-1, b-1
	logMode  float64 // log density at the mode (unnormalised)
	hat      [betaBins]float32
	squeeze  [betaBins]float32
	thresh   [betaRegions]uint32 // alias threshold, scaled to 2^betaThreshBits
	alias    [betaRegions]uint16
}

const unsafeSizeofBetaTable = 3*8 + betaBins*4*2 + betaRegions*4 + betaRegions*2

// NewBeta returns the beta distribution with shapes a and b (both
// positive and finite).
func NewBeta(a, b float64) Beta {
	d := Beta{x: NewGamma(a), y: NewGamma(b), mean: a / (a + b)}
	if a >= 1 && b >= 1 {
		d.table = newBetaTable(a, b)
	}
	return d
}

// logf is the unnormalised log density; it is 0 at the mode.
func (t *betaTable) logf(x float64) float64 {
	var v float64
	if t.am1 != 0 {
		v += t.am1 * math.Log(x)
	}
	if t.bm1 != 0 {
		v += t.bm1 * math.Log1p(-x)
	}
	return v - t.logMode
}

func (t *betaTable) f(x float64) float64 { return math.Exp(t.logf(x)) }

func newBetaTable(a, b float64) *betaTable {
	t := &betaTable{am1: a - 1, bm1: b - 1}
	mode := 0.0
	switch {
	case a == 1 && b == 1:
		mode = 0.5
	case a == 1:
		mode = 0
	case b == 1:
		mode = 1
	default:
		mode = (a - 1) / (a + b - 2)
	}
	t.logMode = t.logf(mode) // logMode is still 0 here
	var weights [betaRegions]float64
	var total float64
	for i := range betaBins {
		x0 := float64(i) / betaBins
		x1 := float64(i+1) / betaBins
		f0, f1 := t.f(x0), t.f(x1)
		if math.IsNaN(f0) {
			f0 = 0
		}
		if math.IsNaN(f1) {
			f1 = 0
		}
		hi := max(f0, f1)
		if mode > x0 && mode < x1 {
			hi = 1
		}
		// Margins absorb rounding in Log, Exp and the float32 tables: the
		// hat stays above the density and the squeeze below it.
		hat := float32(hi*(1+1e-6) + 1e-30)
		if float64(hat) < hi {
			hat = math.Nextafter32(hat, 2)
		}
		sq := float32(min(f0, f1) * (1 - 1e-6))
		if float64(sq) > min(f0, f1) {
			sq = math.Nextafter32(sq, 0)
		}
		t.hat[i], t.squeeze[i] = hat, sq
		weights[2*i] = float64(sq)
		weights[2*i+1] = float64(hat) - float64(sq)
		total += float64(hat)
	}
	vose(weights[:], func(i int, p float64, alias int) {
		t.thresh[i] = uint32(p * (1 << betaThreshBits))
		t.alias[i] = uint16(alias)
	})
	return t
}

// vose builds Vose's alias table for weights (not negative, not all
// zero): set(i, p, a) says that slot i keeps its own index with
// probability p and gives alias a otherwise.
func vose(weights []float64, set func(i int, p float64, alias int)) {
	n := len(weights)
	var total float64
	for _, w := range weights {
		total += w
	}
	prob := make([]float64, n)
	var small, large []int
	for i, w := range weights {
		prob[i] = w * float64(n) / total
		if prob[i] < 1 {
			small = append(small, i)
		} else {
			large = append(large, i)
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s := small[len(small)-1]
		small = small[:len(small)-1]
		l := large[len(large)-1]
		set(s, prob[s], l)
		prob[l] -= 1 - prob[s]
		if prob[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range append(small, large...) {
		set(i, 1, i)
	}
}

// Alias picks an index in proportion to its weight from one 64-bit
// output (Vose's alias method). The zero value is not usable; use
// [NewAlias]. An Alias is immutable and may be shared by goroutines.
type Alias struct {
	thresh []uint64 // scaled to 2^32
	alias  []uint32
}

// NewAlias returns the alias table of weights: at least one, none
// negative, not all zero.
func NewAlias(weights []float64) *Alias {
	a := &Alias{thresh: make([]uint64, len(weights)), alias: make([]uint32, len(weights))}
	vose(weights, func(i int, p float64, alias int) {
		a.thresh[i] = uint64(p * (1 << 32))
		a.alias[i] = uint32(alias)
	})
	return a
}

// Pick returns an index from s: the high 32 bits of one output choose a
// slot, the low 32 bits its own index or its alias.
func (a *Alias) Pick(s *Stream) int {
	u := s.pcg.Uint64()
	i := (u >> 32) * uint64(len(a.thresh)) >> 32
	if u&(1<<32-1) >= a.thresh[i] {
		return int(a.alias[i])
	}
	return int(i)
}

// Sample draws one variate from s.
func (d *Beta) Sample(s *Stream) float64 {
	if t := d.table; t != nil {
		return t.sample(s)
	}
	return d.ratio(s)
}

// Fill writes lo + scale*X for len(dst) variates X, drawing exactly what
// as many calls of Sample would. Its loop holds the common case of the
// table method, so that it costs no call per variate.
func (d *Beta) Fill(dst []float64, lo, scale float64, s *Stream) {
	t := d.table
	if t == nil {
		for i := range dst {
			dst[i] = lo + scale*d.ratio(s)
		}
		return
	}
	for i := range dst {
		u := s.pcg.Uint64()
		r := u >> (64 - betaRegionBits)
		a := uint64(t.alias[r])
		if uint32(u>>betaFracBits)&betaThreshMask >= t.thresh[r] {
			r = a
		}
		x := float64(r>>1)*betaBinWidth + float64(u&betaFracMask)*betaFracScale
		if r&1 != 0 {
			x = t.wedge(s, x, r>>1)
		}
		dst[i] = lo + scale*x
	}
}

const (
	betaBinWidth   = 1.0 / betaBins
	betaFracScale  = betaBinWidth / (1 << betaFracBits)
	betaThreshMask = 1<<betaThreshBits - 1
	betaFracMask   = 1<<betaFracBits - 1
)

// sample draws one variate by the table method.
func (t *betaTable) sample(s *Stream) float64 {
	u := s.pcg.Uint64()
	r := u >> (64 - betaRegionBits)
	a := uint64(t.alias[r])
	if uint32(u>>betaFracBits)&betaThreshMask >= t.thresh[r] {
		r = a // a conditional move, not a branch
	}
	x := float64(r>>1)*betaBinWidth + float64(u&betaFracMask)*betaFracScale
	if r&1 == 0 {
		return x // under the squeeze
	}
	return t.wedge(s, x, r>>1)
}

// wedge finishes a draw that fell in the wedge of a bin at x: it accepts
// x when a uniform height between the squeeze and the hat lies under the
// density, and otherwise starts a new draw.
func (t *betaTable) wedge(s *Stream, x float64, bin uint64) float64 {
	sq := float64(t.squeeze[bin])
	y := sq + s.Float64()*(float64(t.hat[bin])-sq)
	if y < t.f(x) {
		return x
	}
	return t.sample(s)
}

func (d *Beta) ratio(s *Stream) float64 {
	x := d.x.Sample(s)
	y := d.y.Sample(s)
	if t := x + y; t > 0 {
		return x / t
	}
	// Both underflowed (tiny shapes): fall back on the mean.
	return d.mean
}

// Poisson returns a Poisson variate with mean lambda (lambda >= 0 and
// finite). Small means use sequential inversion, most draws of a mean
// below 1 decided by bounds on e^-lambda without computing it; means of 10
// and more use Hörmann's transformed rejection (PTRS, 1993).
func (s *Stream) Poisson(lambda float64) int64 {
	switch {
	case !(lambda > 0):
		return 0
	case lambda < 10:
		return s.invert(lambda, s.Float64())
	default:
		return s.ptrs(lambda)
	}
}

// PoissonFill replaces each mean in x (>= 0 and finite) by a Poisson
// variate with that mean, drawing exactly what as many calls of Poisson
// would, and returns their sum. Its loop decides most draws of small
// means without a call.
func (s *Stream) PoissonFill(x []float64) int64 {
	var total int64
	for i, lambda := range x {
		var k int64
		switch {
		case !(lambda > 0):
		case lambda < 1:
			u := s.Float64()
			l2 := lambda * lambda
			if u > 1-lambda+l2/2-l2*lambda/6-poissonMargin {
				k = s.invert(lambda, u)
			}
		default:
			k = s.Poisson(lambda)
		}
		x[i] = float64(k)
		total += k
	}
	return total
}

// poissonMargin keeps the bounds on e^-lambda far above rounding, so that
// they never decide a draw differently from the inversion.
const poissonMargin = 1e-14

// invert returns the Poisson(lambda) variate of the uniform u by
// sequential inversion, lambda in (0, 10).
func (s *Stream) invert(lambda, u float64) int64 {
	if lambda < 1 {
		// The Taylor polynomials of e^-l of degrees 6 and 7 bound it
		// (an alternating series of decreasing terms): lo <= e^-l <= hi,
		// 1.0/5040 apart at most. The cumulative probabilities of 0, 1
		// and 2 events are e^-l times 1, 1+l and 1+l+l^2/2; a u farther
		// than poissonMargin from the bounds of one is decided without
		// Exp, as the inversion below would decide it.
		l := lambda
		l2 := l * l
		hi := 1 - l*(1-l*(1.0/2)*(1-l*(1.0/3)*(1-l*(1.0/4)*(1-l*(1.0/5)*(1-l*(1.0/6))))))
		lo := hi - l2*l2*l2*l*(1.0/5040)
		if u <= lo-poissonMargin {
			return 0
		}
		if u > hi+poissonMargin {
			s1 := 1 + l
			if u <= lo*s1-poissonMargin {
				return 1
			}
			if s2 := s1 + l2*0.5; u > hi*s1+poissonMargin && u <= lo*s2-poissonMargin {
				return 2
			}
		}
	}
	p := math.Exp(-lambda)
	c := p
	var k int64
	for u > c {
		k++
		p *= lambda / float64(k)
		c += p
		if p == 0 || k > 1000 {
			break
		}
	}
	return k
}

func (s *Stream) ptrs(lam float64) int64 {
	slam := math.Sqrt(lam)
	loglam := math.Log(lam)
	b := 0.931 + 2.53*slam
	a := -0.059 + 0.02483*b
	invalpha := 1.1239 + 1.1328/(b-3.4)
	vr := 0.9277 - 3.6224/(b-2)
	for {
		u := s.Float64() - 0.5
		v := s.Open()
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*a/us+b)*u + lam + 0.43)
		if us >= 0.07 && v <= vr {
			return int64(k)
		}
		if k < 0 || (us < 0.013 && v > us) {
			continue
		}
		lg, _ := math.Lgamma(k + 1)
		if math.Log(v)+math.Log(invalpha)-math.Log(a/(us*us)+b) <= -lam+k*loglam-lg {
			return int64(k)
		}
	}
}
