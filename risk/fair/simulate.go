package fair

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/randstream"
)

// MaxIterations bounds Options.Iterations (2^28, about 268 million
// iterations, 2 GiB of results).
const MaxIterations = 1 << 28

// MaxEventRate bounds the loss event frequency in Event mode, where each
// event costs a magnitude draw: the highest value the LEF estimate can
// reach (its high, or for a lognormal or a normal six standard deviations
// above the centre) must not exceed it.
const MaxEventRate = 1e4

// chunkSize is the number of iterations that share one random stream.
// Chunk i always uses stream i, whichever goroutine runs it, so results do
// not depend on GOMAXPROCS, on Workers or on scheduling. Changing it
// changes every result.
const chunkSize = 8192

// Options are the settings of a simulation. The zero value is invalid:
// Iterations and Mode must be set.
type Options struct {
	// Iterations is the number of simulated iterations (years, in Event
	// mode). Required; 1 to MaxIterations.
	Iterations int
	// Seed selects the random streams. The same seed and inputs give
	// byte-identical results.
	Seed uint64
	// Mode is the frequency semantics. Required.
	Mode FrequencyMode
	// Vulnerability says how TCap and RS give the vulnerability; the zero
	// value is Pooled. It matters only for scenarios that give TCap and RS.
	Vulnerability VulnerabilityMode
	// Workers is the number of goroutines; zero means GOMAXPROCS. It
	// changes the speed, never the results.
	Workers int
}

func (o *Options) check(l *fielderr.List) {
	if o.Iterations < 1 || o.Iterations > MaxIterations {
		l.Add("iterations", errorf(ismskit.ErrOutOfRange, "iterations %d is outside [1, %d]", o.Iterations, MaxIterations))
	}
	if o.Mode == 0 {
		l.Add("mode", errorf(ismskit.ErrMissing, "mode is required (rate or event)"))
	} else if !o.Mode.IsValid() {
		l.Add("mode", errorf(ismskit.ErrUnknownValue, "frequency mode %d is not valid", int(o.Mode)))
	}
	if !o.Vulnerability.IsValid() {
		l.Add("vulnerability", errorf(ismskit.ErrUnknownValue, "vulnerability mode %d is not valid", int(o.Vulnerability)))
	}
	if o.Workers < 0 {
		l.Add("workers", errorf(ErrParameter, "workers %d is negative", o.Workers))
	}
}

// Simulate runs the Monte Carlo simulation of one scenario. It validates
// the scenario and the options first and returns every problem, joined.
// It is safe for concurrent use; it runs on Options.Workers goroutines.
func Simulate(s Scenario, opt Options) (*Result, error) {
	p, err := simulate([]*Scenario{&s}, opt, nil)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// plan is a compiled scenario.
type plan struct {
	freq, mag *expr
	family    uint64 // stream family: the scenario's index
}

// simulate validates and runs scenarios summed per iteration. When means
// is not nil it receives each scenario's mean loss.
func simulate(ss []*Scenario, opt Options, means []float64) (*Result, error) {
	var l fielderr.List
	opt.check(&l)
	for i, s := range ss {
		path := ""
		if len(ss) > 1 {
			path = fielderr.Index("scenarios", i)
		}
		var sl fielderr.List
		s.Nodes.check(&sl, "")
		l.Add(path, sl.Err())
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	if opt.Mode == Event {
		for i, s := range ss {
			path := ""
			if len(ss) > 1 {
				path = fielderr.Index("scenarios", i)
			}
			s.Nodes.checkEventRate(&l, path)
		}
		if err := l.Err(); err != nil {
			return nil, err
		}
	}
	plans := make([]plan, len(ss))
	for i, s := range ss {
		plans[i] = plan{freq: s.Nodes.compile(nLEF), mag: s.Nodes.compile(nLM), family: uint64(i)}
	}
	e := newEngine(opt, len(plans))
	if opt.Vulnerability == Pooled {
		for i := range plans {
			e.pool(&plans[i], plans[i].freq)
		}
	}
	return e.run(plans, means), nil
}

type engine struct {
	opt     Options
	n       int
	chunks  int
	workers int
}

func newEngine(opt Options, scenarios int) *engine {
	e := &engine{opt: opt, n: opt.Iterations}
	e.chunks = (e.n + chunkSize - 1) / chunkSize
	e.workers = opt.Workers
	if e.workers == 0 {
		e.workers = runtime.GOMAXPROCS(0)
	}
	e.workers = max(1, min(e.workers, e.chunks))
	return e
}

// parallel calls f(w, c) for every chunk c on e.workers goroutines, each
// with its own worker w.
func (e *engine) parallel(f func(w *worker, c int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range e.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{}
			for {
				c := int(next.Add(1) - 1)
				if c >= e.chunks {
					return
				}
				f(w, c)
			}
		}()
	}
	wg.Wait()
}

func (e *engine) chunkRange(c int) (lo, hi int) {
	lo = c * chunkSize
	return lo, min(lo+chunkSize, e.n)
}

// Stream families: (scenario index * 4 + purpose, chunk).
const (
	purposeMain = 0
	purposePool = 1
)

// pool replaces every TCap > RS comparison in x by the share of
// iterations, over the whole simulation, in which it holds.
func (e *engine) pool(p *plan, x *expr) {
	if x == nil {
		return
	}
	if x.op != opGreater {
		e.pool(p, x.x)
		e.pool(p, x.y)
		return
	}
	counts := make([]int64, e.chunks)
	e.parallel(func(w *worker, c int) {
		lo, hi := e.chunkRange(c)
		w.st.Reset(e.opt.Seed, p.family*4+purposePool, uint64(c))
		a, b := w.get(hi-lo), w.get(hi-lo)
		w.eval(x.x, a)
		w.eval(x.y, b)
		var k int64
		for i := range a {
			if a[i] > b[i] {
				k++
			}
		}
		counts[c] = k
		w.put(b)
		w.put(a)
	})
	var total int64
	for _, k := range counts {
		total += k
	}
	*x = expr{op: opConst, p: float64(total) / float64(e.n)}
}

// chunkStats are the moments of one chunk, merged in chunk order.
type chunkStats struct {
	n             int
	mean, m2      float64
	minv, maxv    float64
	scenarioMeans []float64
}

func (e *engine) run(plans []plan, means []float64) *Result {
	out := make([]float64, e.n)
	stats := make([]chunkStats, e.chunks)
	e.parallel(func(w *worker, c int) {
		lo, hi := e.chunkRange(c)
		dst := out[lo:hi]
		st := &stats[c]
		if means != nil {
			st.scenarioMeans = make([]float64, len(plans))
		}
		var tmp []float64
		for i := range plans {
			p := &plans[i]
			w.st.Reset(e.opt.Seed, p.family*4+purposeMain, uint64(c))
			target := dst
			if i > 0 {
				tmp = w.get(hi - lo)
				target = tmp
			}
			if e.opt.Mode == Event {
				w.events(p, target)
			} else {
				w.rate(p, target)
			}
			if means != nil {
				st.scenarioMeans[i] = meanOf(target)
			}
			if i > 0 {
				for j := range dst {
					dst[j] += tmp[j]
				}
				w.put(tmp)
			}
		}
		st.n = hi - lo
		st.mean = meanOf(dst)
		mn, mx, m2 := dst[0], dst[0], 0.0
		for _, v := range dst {
			d := v - st.mean
			m2 += d * d
			// Losses are never NaN, so plain comparisons do (the min and
			// max builtins would also order NaN and signed zeros).
			if v < mn {
				mn = v
			}
			if v > mx {
				mx = v
			}
		}
		st.m2, st.minv, st.maxv = m2, mn, mx
	})
	r := &Result{losses: out}
	var n int
	for i := range stats {
		s := &stats[i]
		if n == 0 {
			n, r.mean, r.m2, r.min, r.max = s.n, s.mean, s.m2, s.minv, s.maxv
		} else {
			tot := n + s.n
			d := s.mean - r.mean
			r.mean += d * float64(s.n) / float64(tot)
			r.m2 += s.m2 + d*d*float64(n)*float64(s.n)/float64(tot)
			r.min = min(r.min, s.minv)
			r.max = max(r.max, s.maxv)
			n = tot
		}
	}
	for j := range means {
		var sum float64
		for i := range stats {
			sum += stats[i].scenarioMeans[j] * float64(stats[i].n)
		}
		means[j] = sum / float64(e.n)
	}
	r.index()
	return r
}

func meanOf(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// worker is one goroutine's state: its stream and scratch buffers.
type worker struct {
	st   randstream.Stream
	free [][]float64
}

func (w *worker) get(n int) []float64 {
	if k := len(w.free); k > 0 {
		b := w.free[k-1]
		w.free = w.free[:k-1]
		return b[:n]
	}
	return make([]float64, n, chunkSize)
}

func (w *worker) put(b []float64) { w.free = append(w.free, b) }

// eval writes len(dst) draws of x.
func (w *worker) eval(x *expr, dst []float64) {
	switch x.op {
	case opLeaf:
		x.leaf.fill(dst, &w.st)
	case opConst:
		for i := range dst {
			dst[i] = x.p
		}
	default:
		w.eval(x.x, dst)
		t := w.get(len(dst))
		w.eval(x.y, t)
		switch x.op {
		case opMul:
			for i := range dst {
				dst[i] *= t[i]
			}
		case opAdd:
			for i := range dst {
				dst[i] += t[i]
			}
		case opGreater:
			for i := range dst {
				if dst[i] > t[i] {
					dst[i] = 1
				} else {
					dst[i] = 0
				}
			}
		}
		w.put(t)
	}
}

// rate writes LEF x LM for each iteration.
func (w *worker) rate(p *plan, dst []float64) {
	w.eval(p.mag, dst)
	f := w.get(len(dst))
	w.eval(p.freq, f)
	for i := range dst {
		dst[i] *= f[i]
	}
	w.put(f)
}

// events writes, for each iteration, the sum of a Poisson(LEF) number of
// independent magnitudes.
func (w *worker) events(p *plan, dst []float64) {
	cnt := w.get(len(dst))
	w.eval(p.freq, cnt)
	var total int64
	for i, lam := range cnt {
		k := w.st.Poisson(lam)
		cnt[i] = float64(k)
		total += k
		dst[i] = 0
	}
	mags := w.get(chunkSize)
	i := 0
	for total > 0 {
		b := int(min(total, chunkSize))
		m := mags[:b]
		w.eval(p.mag, m)
		for j := 0; j < b; {
			for cnt[i] == 0 {
				i++
			}
			t := min(int(cnt[i]), b-j)
			s := dst[i]
			for _, v := range m[j : j+t] {
				s += v
			}
			dst[i] = s
			cnt[i] -= float64(t)
			j += t
		}
		total -= int64(b)
	}
	w.put(mags)
	w.put(cnt)
}
