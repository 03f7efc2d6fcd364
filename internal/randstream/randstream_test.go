package randstream

import (
	"fmt"
	"math"

	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStreamsAreAddressed(t *testing.T) {
	draw := func(seed, a, b uint64) []uint64 {
		s := New(seed, a, b)
		out := make([]uint64, 8)
		for i := range out {
			out[i] = s.Uint64()
		}
		return out
	}
	assert.Equal(t, draw(1, 2, 3), draw(1, 2, 3), "same address, same stream")
	seen := map[uint64]bool{}
	for seed := range uint64(4) {
		for a := range uint64(4) {
			for b := range uint64(4) {
				first := draw(seed, a, b)[0]
				require.False(t, seen[first], "streams (%d,%d,%d) collide", seed, a, b)
				seen[first] = true
			}
		}
	}
	// Reset rewinds.
	s := New(9, 9, 9)
	x := s.Float64()
	s.Reset(9, 9, 9)
	assert.Equal(t, x, s.Float64())
	var zero Stream
	assert.NotPanics(t, func() { zero.Uint64() })
}

// moments returns the mean and variance of n draws.
func moments(n int, f func() float64) (mean, variance float64) {
	var m, m2 float64
	for i := range n {
		v := f()
		d := v - m
		m += d / float64(i+1)
		m2 += d * (v - m)
	}
	return m, m2 / float64(n-1)
}

func TestVariates(t *testing.T) {
	const n = 200_000
	s := New(42, 0, 0)
	b25, b11, b13 := betaOf(2, 5), betaOf(1, 1), betaOf(1, 3)
	tests := []struct {
		name       string
		f          func() float64
		mean, vari float64
		lo, hi     float64
	}{
		{"float64", s.Float64, 0.5, 1.0 / 12, 0, 1},
		{"open", s.Open, 0.5, 1.0 / 12, 0, 1},
		{"norm", s.Norm, 0, 1, math.Inf(-1), math.Inf(1)},
		{"exp", s.Exp, 1, 1, 0, math.Inf(1)},
		{"gamma 0.3", func() float64 { return s.Gamma(0.3) }, 0.3, 0.3, 0, math.Inf(1)},
		{"gamma 2.5", func() float64 { return s.Gamma(2.5) }, 2.5, 2.5, 0, math.Inf(1)},
		{"beta table 2,5", b25.sample(s), 2.0 / 7, 10.0 / (49 * 8), 0, 1},
		{"beta table 1,1", b11.sample(s), 0.5, 1.0 / 12, 0, 1},
		{"beta table 1,3", b13.sample(s), 0.25, 3.0 / (16 * 5), 0, 1},
		{"beta gamma-ratio 2,5", func() float64 { return s.Beta(2, 5) }, 2.0 / 7, 10.0 / (49 * 8), 0, 1},
		{"beta gamma-ratio 0.5,0.7", func() float64 { return s.Beta(0.5, 0.7) }, 0.5 / 1.2, 0.35 / (1.44 * 2.2), 0, 1},
		{"poisson 0.7", func() float64 { return float64(s.Poisson(0.7)) }, 0.7, 0.7, 0, math.Inf(1)},
		{"poisson 35", func() float64 { return float64(s.Poisson(35)) }, 35, 35, 0, math.Inf(1)},
		{"poisson 0", func() float64 { return float64(s.Poisson(0)) }, 0, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var bad int
			f := func() float64 {
				v := tc.f()
				if !(v >= tc.lo && v <= tc.hi) || (tc.name == "open" && (v == 0 || v == 1)) {
					bad++
				}
				return v
			}
			m, v := moments(n, f)
			assert.Zero(t, bad, "draws outside the support")
			se := math.Sqrt(tc.vari / n)
			assert.InDelta(t, tc.mean, m, 4*se+1e-12)
			assert.InDelta(t, tc.vari, v, 0.03*tc.vari+1e-12)
		})
	}
}

func TestBetaTableCDF(t *testing.T) {
	// For Beta(1, 2) the CDF is 1-(1-x)^2; for Beta(2, 2) it is 3x^2-2x^3.
	const n = 200_000
	s := New(1, 2, 3)
	d12, d22 := NewBeta(1, 2), NewBeta(2, 2)
	for _, x := range []float64{0.1, 0.3, 0.5, 0.8} {
		var c12, c22 int
		s.Reset(1, 2, uint64(x*10))
		for range n {
			if d12.Sample(s) <= x {
				c12++
			}
			if d22.Sample(s) <= x {
				c22++
			}
		}
		for _, c := range []struct {
			got  int
			want float64
		}{{c12, 1 - (1-x)*(1-x)}, {c22, 3*x*x - 2*x*x*x}} {
			se := math.Sqrt(c.want * (1 - c.want) / n)
			assert.InDelta(t, c.want, float64(c.got)/n, 4*se)
		}
	}
}

type betaOf2 struct{ d Beta }

func betaOf(a, b float64) *betaOf2 { return &betaOf2{NewBeta(a, b)} }

func (b *betaOf2) sample(s *Stream) func() float64 {
	return func() float64 { return b.d.Sample(s) }
}

var sink float64

func BenchmarkNorm(b *testing.B) {
	s := New(1, 0, 0)
	var t float64
	for b.Loop() {
		t += s.Norm()
	}
	sink = t
}

func BenchmarkBetaTable(b *testing.B) {
	s := New(1, 0, 0)
	d := NewBeta(2, 5)
	var t float64
	for b.Loop() {
		t += d.Sample(s)
	}
	sink = t
}

func BenchmarkBetaGammaRatio(b *testing.B) {
	s := New(1, 0, 0)
	d := NewBeta(0.8, 5)
	var t float64
	for b.Loop() {
		t += d.Sample(s)
	}
	sink = t
}

func ExampleNew() {
	a := New(2026, 0, 7) // seed 2026, family 0, chunk 7
	b := New(2026, 0, 7)
	fmt.Println(a.Uint64() == b.Uint64())
	// Output: true
}

func TestBetaTableSize(t *testing.T) {
	assert.Equal(t, int(unsafe.Sizeof(betaTable{})), BetaTableBytes)
}

// plainInversion is the Poisson draw of mean lam for the uniform u by
// sequential inversion, without any shortcut: the reference the stream's
// bounds must agree with.
func plainInversion(lam, u float64) int64 {
	var k int64
	p := math.Exp(-lam)
	c := p
	for u > c {
		k++
		p *= lam / float64(k)
		c += p
		if p == 0 || k > 1000 {
			break
		}
	}
	return k
}

// TestPoissonMatchesInversion: the bounds that decide most draws of small
// means give exactly what plain sequential inversion gives, draw for draw,
// and PoissonFill draws what Poisson does.
func TestPoissonMatchesInversion(t *testing.T) {
	s1, s2, s3 := New(1, 2, 3), New(1, 2, 3), New(1, 2, 3)
	var means, got []float64
	for i := range 500_000 {
		lam := float64(i%1000) / 1000 * 1.5
		k := s1.Poisson(lam)
		var want int64
		if lam > 0 {
			want = plainInversion(lam, s2.Float64())
		}
		require.Equal(t, want, k, "draw %d, mean %g", i, lam)
		means = append(means, lam)
		got = append(got, float64(k))
		if len(means) == 1000 {
			total := s3.PoissonFill(means)
			require.Equal(t, got, means)
			var sum float64
			for _, v := range got {
				sum += v
			}
			require.Equal(t, int64(sum), total)
			means, got = means[:0], got[:0]
		}
	}
	assert.Equal(t, s1.Uint64(), s3.Uint64(), "the same draws were consumed")
}

func TestAlias(t *testing.T) {
	w := []float64{1, 0, 3, 6}
	a := NewAlias(w)
	s := New(7, 0, 0)
	const n = 200_000
	var counts [4]int
	for range n {
		counts[a.Pick(s)]++
	}
	assert.Zero(t, counts[1], "a zero weight is never picked")
	for i, c := range counts {
		p := w[i] / 10
		assert.InDelta(t, p, float64(c)/n, 4*math.Sqrt(p*(1-p)/n)+1e-9, "index %d", i)
	}
}

// BenchmarkBetaFill is the simulation's hot path: a chunk of 8192 PERT
// variates (shapes of PERT(0.1, 0.5, 2)) by the table method.
func BenchmarkBetaFill(b *testing.B) {
	s := New(1, 0, 0)
	d := NewBeta(1+4*0.4/1.9, 1+4*1.5/1.9)
	dst := make([]float64, 8192)
	b.ReportAllocs()
	for b.Loop() {
		d.Fill(dst, 0.1, 1.9, s)
	}
	sink = dst[0]
}

// TestPoissonBoundsAtTheEdges gives invert uniforms at and next to the
// cumulative probabilities the inversion computes, where the bounds that
// spare it an Exp must not decide differently.
func TestPoissonBoundsAtTheEdges(t *testing.T) {
	var s Stream
	for i := 1; i < 20_000; i++ {
		lam := float64(i) / 20_000
		p := math.Exp(-lam)
		c := p
		for k := 1; k <= 4; k++ {
			for _, u := range []float64{c, math.Nextafter(c, 0), math.Nextafter(c, 1), c - 1e-14, c + 1e-14, c - 1e-12, c + 1e-12} {
				require.Equal(t, plainInversion(lam, u), s.invert(lam, u), "mean %g, u %g", lam, u)
			}
			p *= lam / float64(k)
			c += p
		}
	}
}

// BenchmarkPoissonFill draws 8192 Poisson variates of means spread like
// a PERT(0.05, 0.2, 1) frequency times 1 to 2 (the event-mode portfolio
// benchmark's), most of them below 1.
func BenchmarkPoissonFill(b *testing.B) {
	s := New(1, 0, 0)
	d := NewBeta(1+4*0.15/0.95, 1+4*0.8/0.95)
	means := make([]float64, 8192)
	x := make([]float64, len(means))
	for i := range means {
		f := 1 + float64(i%97)/97
		means[i] = f * (0.05 + 0.95*d.Sample(s))
	}
	b.ReportAllocs()
	for b.Loop() {
		copy(x, means)
		s.PoissonFill(x)
	}
	sink = x[0]
}
