package fair

import (
	"context"
	"hash/fnv"
	"runtime"
	"slices"
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

// DefaultMaxWork is the default budget of one simulation (Options.MaxWork):
// scenarios x iterations plus the expected number of loss events drawn, a
// measure of its CPU time (about 2^32, a minute or two on one core).
const DefaultMaxWork = 1 << 32

// MaxStored bounds the values one simulation keeps at once: the total
// loss of every iteration, the kept node draws (Options.KeepNodes) and the
// losses of the scenarios being summarised or correlated. It is 2^28
// values, 2 GiB.
const MaxStored = 1 << 28

// chunkSize is the number of iterations that share one random stream.
// Chunk i of a scenario always uses stream (seed, scenario, i), whichever
// goroutine runs it, so results do not depend on GOMAXPROCS, on Workers or
// on scheduling. Changing it changes every result.
const chunkSize = 8192

// blockValues is about how many scenario-iterations one block of a
// portfolio holds: independent scenarios are simulated and summarised in
// blocks of max(1, blockValues/iterations) scenarios.
const blockValues = 1 << 17

// Options are the settings of a simulation. The zero value is invalid:
// Iterations and Mode must be set.
type Options struct {
	// Iterations is the number of simulated iterations (years, in Event
	// and Bernoulli modes). Required; 1 to MaxIterations.
	Iterations int `json:"iterations"`
	// Seed selects the random streams. The same seed and inputs give
	// byte-identical results.
	Seed uint64 `json:"seed"`
	// Mode is the frequency semantics. Required.
	Mode FrequencyMode `json:"mode"`
	// Vulnerability says how TCap and RS give the vulnerability; the zero
	// value is Pooled. It matters only for scenarios that give TCap and RS.
	Vulnerability VulnerabilityMode `json:"vulnerability,omitzero"`
	// Workers is the number of goroutines; zero means GOMAXPROCS. It
	// changes the speed, never the results.
	Workers int `json:"workers,omitzero"`
	// KeepNodes keeps the draws of every node of a scenario simulated
	// alone ([Result.Node]), 8 bytes per iteration (or per event) and
	// node. [SimulatePortfolio] does not keep them.
	KeepNodes bool `json:"keepNodes,omitzero"`
	// MaxWork is the budget of the simulation: scenarios x iterations plus
	// the expected number of loss events drawn (the LEF's mean, with a
	// vulnerability of 1, times iterations, for every scenario and shock
	// hit). Zero means DefaultMaxWork. A simulation over budget is an
	// ismskit.ErrTooLarge before any work.
	MaxWork int64 `json:"maxWork,omitzero"`

	// Correlations are rank correlations between the scenarios of a
	// portfolio, by their names.
	Correlations []Correlation `json:"correlations,omitempty"`
	// Shocks are common shocks: events that hit several scenarios at once.
	Shocks []Shock `json:"shocks,omitempty"`
	// Percentiles are the percentiles of each scenario's summary in a
	// portfolio ([Contribution].Summary); nil means DefaultPercentiles.
	Percentiles []float64 `json:"percentiles,omitempty"`
	// Exceedance are the amounts whose exceedance probability each
	// scenario's summary in a portfolio gives.
	Exceedance []float64 `json:"exceedance,omitempty"`
	// Tolerance, when set, is checked against each scenario of a portfolio
	// ([Contribution].Tolerance).
	Tolerance *Tolerance `json:"tolerance,omitempty"`
}

func (o *Options) check(l *fielderr.List) {
	if o.Iterations < 1 || o.Iterations > MaxIterations {
		l.Add("iterations", errorf(ismskit.ErrOutOfRange, "iterations %d is outside [1, %d]", o.Iterations, MaxIterations))
	}
	if o.Mode == 0 {
		l.Add("mode", errorf(ismskit.ErrMissing, "mode is required (rate, event or bernoulli)"))
	} else if !o.Mode.IsValid() {
		l.Add("mode", errorf(ismskit.ErrUnknownValue, "frequency mode %d is not valid", int(o.Mode)))
	}
	if !o.Vulnerability.IsValid() {
		l.Add("vulnerability", errorf(ismskit.ErrUnknownValue, "vulnerability mode %d is not valid", int(o.Vulnerability)))
	}
	if o.Workers < 0 {
		l.Add("workers", errorf(ErrParameter, "workers %d is negative", o.Workers))
	}
	if o.MaxWork < 0 {
		l.Add("maxWork", errorf(ErrParameter, "maxWork %d is negative", o.MaxWork))
	}
	checkLevels(l, o.Percentiles, o.Exceedance)
	if o.Tolerance != nil {
		o.Tolerance.check(l, "tolerance")
	}
}

// Simulate runs the Monte Carlo simulation of one scenario. It validates
// the scenario and the options first and returns every problem, joined.
// It is safe for concurrent use; it runs on Options.Workers goroutines.
// PERT estimates use the classic form unless their Form says Moment.
func Simulate(s Scenario, opt Options) (*Result, error) {
	return SimulateContext(context.Background(), s, opt)
}

// SimulateContext is Simulate that stops when ctx is done: it then
// returns ctx.Err() and no result, within about one chunk of 8192
// iterations of work per worker.
func SimulateContext(ctx context.Context, s Scenario, opt Options) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	out, err := simulate(ctx, []*Scenario{&s}, opt, false)
	if err != nil {
		return nil, err
	}
	return out.total, nil
}

// simOutput is what the engine returns.
type simOutput struct {
	total     *Result
	scenarios []scenarioOutput // portfolio only
}

type scenarioOutput struct {
	mean      float64
	summary   Summary
	tolerance *Verdict
}

// validate checks the options and the scenarios, then the limits.
func validate(ss []*Scenario, opt *Options, portfolio bool) error {
	var l fielderr.List
	opt.check(&l)
	names := make(map[string]int, len(ss))
	for i, s := range ss {
		path, item := "", ""
		if portfolio {
			path, item = fielderr.Index("scenarios", i), s.Name
			checkName(&l, path, "scenarios", names, s.Name, i, "a scenario of a portfolio needs a name, which selects its random streams")
		} else {
			names[s.Name] = i
		}
		var sl fielderr.List
		s.Nodes.check(&sl, "")
		if sl.Len() == 0 && opt.Mode.IsValid() {
			s.Nodes.checkRate(&sl, "", opt.Mode)
		}
		l.AddItem(path, item, sl.Err())
	}
	checkDependence(&l, opt, names)
	if err := l.Err(); err != nil {
		return err
	}
	return checkBudget(ss, opt, names)
}

// checkBudget returns an ismskit.ErrTooLarge when the simulation would
// cost more than its budget or keep more than MaxStored values.
func checkBudget(ss []*Scenario, opt *Options, names map[string]int) error {
	n := float64(opt.Iterations)
	budget := float64(opt.MaxWork)
	if budget == 0 {
		budget = DefaultMaxWork
	}
	work := n * float64(len(ss))
	events := 0.0 // expected magnitude draws
	if opt.Mode != Rate {
		for _, s := range ss {
			events += n * s.Nodes.meanBound(nLEF)
		}
	}
	for _, sh := range opt.Shocks {
		m, _ := sh.Frequency.moments(roleFrequency)
		if opt.Mode == Rate {
			m = 1
		}
		events += n * m * float64(len(sh.Scenarios))
	}
	work += events
	if work > budget {
		return fielderr.At("iterations", errorf(ismskit.ErrTooLarge,
			"the simulation would cost about %.3g scenario-iterations and loss events, above its budget of %.3g (Options.MaxWork)", work, budget))
	}
	stored := n
	if opt.KeepNodes && len(ss) == 1 {
		var kp keeper
		ss[0].Nodes.compile(nLEF, nil, &kp)
		ss[0].Nodes.compile(nLM, nil, &kp)
		for _, mag := range kp.mag {
			if mag && opt.Mode != Rate {
				stored += events
			} else {
				stored += n
			}
		}
	}
	if len(ss) > 1 {
		largest := 0
		for _, g := range correlationGroups(opt, names) {
			largest = max(largest, len(g))
		}
		stored += n * float64(max(largest*2, blockScenarios(opt.Iterations)))
	}
	if stored > MaxStored {
		return fielderr.At("iterations", errorf(ismskit.ErrTooLarge,
			"the simulation would keep about %.3g values at once, above the limit %d", stored, MaxStored))
	}
	return nil
}

// blockScenarios is the number of independent scenarios in one block.
func blockScenarios(n int) int { return max(1, blockValues/n) }

// simulate validates and runs scenarios. A portfolio sums them per
// iteration and summarises each.
func simulate(ctx context.Context, ss []*Scenario, opt Options, portfolio bool) (*simOutput, error) {
	if err := validate(ss, &opt, portfolio); err != nil {
		return nil, err
	}
	e := newEngine(ctx, ss, opt, portfolio)
	if err := e.run(); err != nil {
		return nil, err
	}
	return e.out, nil
}

// Stream families. A scenario's streams are addressed by a hash of its
// name, so that it draws the same numbers alone and in any portfolio;
// each purpose has its own family.
const (
	purposeMain  = 0
	purposePool  = 1
	purposeShock = 2
)

func nameHash(kind, name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(name))
	return h.Sum64()
}

func family(h uint64, purpose uint64) uint64 { return h + purpose*0x9e3779b97f4a7c15 }

// plan is a compiled scenario.
type plan struct {
	freq, mag *expr
	hash      uint64 // of the scenario's name
	kept      *keeper
	shocks    []int // the shocks that hit the scenario
}

// block is a set of scenarios simulated and summed together: independent
// ones, or one group of correlated scenarios.
type block struct {
	members   []int
	corr      *corrGroup
	once      sync.Once
	prepare   func() // compiles the block, once
	plans     []plan
	vecs      [][]float64 // each member's losses (portfolio)
	remaining atomic.Int64
}

type engine struct {
	ctx       context.Context
	opt       Options
	ss        []*Scenario
	portfolio bool
	raw       bool // keep the total and the node draws in iteration order, build no Result
	n, chunks int
	workers   int
	blocks    []*block
	shocks    []compiledShock
	comp      compiler
	total     []float64

	mu       sync.Mutex
	cond     sync.Cond
	nextUnit int
	finished []bool
	prefix   int   // the first block not finished
	next     []int // per chunk: the next block to add to the total
	pending  map[[2]int][]float64
	err      error

	// Buffers reused across blocks: scenario vectors and chunk partials.
	bufMu    sync.Mutex
	vecFree  [][]float64
	partFree [][]float64

	// Node draws of a scenario simulated alone (KeepNodes).
	kept     *keeper
	nodeIter [][]float64   // [node][iteration], frequency side and Rate mode
	nodeEv   [][][]float64 // [node][chunk][event], magnitude side otherwise

	out *simOutput
}

func newEngine(ctx context.Context, ss []*Scenario, opt Options, portfolio bool) *engine {
	e := &engine{ctx: ctx, opt: opt, ss: ss, portfolio: portfolio, n: opt.Iterations}
	e.chunks = (e.n + chunkSize - 1) / chunkSize
	e.cond.L = &e.mu
	names := make(map[string]int, len(ss))
	for i, s := range ss {
		names[s.Name] = i
	}
	e.shocks = compileShocks(opt, names, &e.comp)
	e.blocks = makeBlocks(ss, opt, names)
	e.workers = opt.Workers
	if e.workers == 0 {
		e.workers = runtime.GOMAXPROCS(0)
	}
	e.workers = max(1, min(e.workers, len(e.blocks)*e.chunks))
	e.finished = make([]bool, len(e.blocks))
	e.next = make([]int, e.chunks)
	e.pending = map[[2]int][]float64{}
	e.total = make([]float64, e.n)
	e.out = &simOutput{}
	if portfolio {
		e.out.scenarios = make([]scenarioOutput, len(ss))
	}
	return e
}

// makeBlocks groups the scenarios: each group of correlated scenarios is
// one block, placed at its first member; independent scenarios fill
// blocks of blockScenarios in order.
func makeBlocks(ss []*Scenario, opt Options, names map[string]int) []*block {
	groups := correlationGroups(&opt, names)
	groupOf := map[int]*corrGroup{}
	for _, g := range groups {
		cg := newCorrGroup(g, ss, &opt)
		for _, m := range g {
			groupOf[m] = cg
		}
	}
	per := blockScenarios(opt.Iterations)
	var blocks []*block
	var open *block
	for i := range ss {
		if g, ok := groupOf[i]; ok {
			if g.members[0] == i {
				blocks = append(blocks, &block{members: g.members, corr: g})
			}
			continue
		}
		if open == nil || len(open.members) == per {
			open = &block{}
			blocks = append(blocks, open)
		}
		open.members = append(open.members, i)
	}
	return blocks
}

// run simulates every block and builds the outputs.
func (e *engine) run() error {
	units := len(e.blocks) * e.chunks
	for _, b := range e.blocks {
		b.remaining.Store(int64(e.chunks))
		b.prepare = func() { e.prepare(&worker{}, b) }
	}
	var wg sync.WaitGroup
	for range e.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{}
			for {
				u, ok := e.take(units)
				if !ok {
					return
				}
				bi, c := u/e.chunks, u%e.chunks
				b := e.blocks[bi]
				b.once.Do(b.prepare)
				if e.failed() {
					e.finish(bi)
					continue
				}
				e.unit(w, bi, c)
				if b.remaining.Add(-1) == 0 {
					e.finishBlock(w, bi)
				}
			}
		}()
	}
	wg.Wait()
	if e.err != nil {
		return e.err
	}
	if err := e.ctx.Err(); err != nil {
		return err
	}
	if e.raw {
		return nil
	}
	e.out.total = newResult(e.total)
	if !e.portfolio && e.opt.KeepNodes {
		e.out.total.nodes = e.nodeResults()
	}
	return nil
}

// take returns the next unit (block-major), waiting while it is too far
// ahead of the first unfinished block, and false when there is no more
// work or the context is done.
func (e *engine) take(units int) (int, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	window := 2*e.workers + 2
	for {
		if e.err != nil || e.ctx.Err() != nil {
			if e.err == nil {
				e.err = e.ctx.Err()
			}
			return 0, false
		}
		if e.nextUnit >= units {
			return 0, false
		}
		if e.nextUnit/e.chunks <= e.prefix+window {
			u := e.nextUnit
			e.nextUnit++
			return u, true
		}
		e.cond.Wait()
	}
}

func (e *engine) failed() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err != nil
}

// finish marks block bi finished and wakes the workers waiting for the
// window to move.
func (e *engine) finish(bi int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.finished[bi] {
		return
	}
	e.finished[bi] = true
	for e.prefix < len(e.finished) && e.finished[e.prefix] {
		e.prefix++
	}
	e.cond.Broadcast()
}

// prepare compiles a block's scenarios and pools their vulnerabilities.
func (e *engine) prepare(w *worker, b *block) {
	b.plans = make([]plan, len(b.members))
	for mi, j := range b.members {
		s := e.ss[j]
		p := plan{hash: nameHash("scenario", s.Name)}
		if e.opt.KeepNodes && !e.portfolio {
			p.kept = &keeper{}
		}
		p.freq = s.Nodes.compile(nLEF, &e.comp, p.kept)
		p.mag = s.Nodes.compile(nLM, &e.comp, p.kept)
		for si := range e.shocks {
			if slices.Contains(e.shocks[si].members, j) {
				p.shocks = append(p.shocks, si)
			}
		}
		b.plans[mi] = p
	}
	if p := b.plans[0]; p.kept != nil {
		e.kept = p.kept
		e.nodeIter = make([][]float64, len(p.kept.keys))
		e.nodeEv = make([][][]float64, len(p.kept.keys))
		for k, mag := range p.kept.mag {
			if mag && e.opt.Mode != Rate {
				e.nodeEv[k] = make([][]float64, e.chunks)
			} else {
				e.nodeIter[k] = make([]float64, e.n)
			}
		}
	}
	if e.opt.Vulnerability == Pooled {
		for mi := range b.plans {
			if !e.pool(w, &b.plans[mi], b.plans[mi].freq) {
				return
			}
		}
	}
	if e.portfolio {
		b.vecs = make([][]float64, len(b.members))
		for mi := range b.vecs {
			b.vecs[mi] = e.getBuf(&e.vecFree, e.n)
		}
	}
}

// getBuf takes a buffer of length n from a free list, or makes one. A new
// buffer holds the largest length its list is asked for: a scenario's
// vector (the iterations) or a chunk's partial sum (at most chunkSize, and
// at most the iterations). No more: a block holds blockValues/iterations
// vectors, so a capacity of chunkSize would hold 8192/iterations times the
// memory the block was sized for (13,107 vectors of 64 KB at 10
// iterations).
func (e *engine) getBuf(free *[][]float64, n int) []float64 {
	e.bufMu.Lock()
	defer e.bufMu.Unlock()
	if k := len(*free); k > 0 {
		b := (*free)[k-1]
		*free = (*free)[:k-1]
		return b[:n]
	}
	return make([]float64, n, max(n, min(e.n, chunkSize)))
}

func (e *engine) putBuf(free *[][]float64, b []float64) {
	e.bufMu.Lock()
	defer e.bufMu.Unlock()
	*free = append(*free, b)
}

func (e *engine) chunkRange(c int) (lo, hi int) {
	lo = c * chunkSize
	return lo, min(lo+chunkSize, e.n)
}

// pool replaces every TCap > RS comparison in x by the share of
// iterations, over the whole simulation, in which it holds. It reports
// false when the context is done.
func (e *engine) pool(w *worker, p *plan, x *expr) bool {
	if x == nil {
		return true
	}
	if x.op != opGreater {
		return e.pool(w, p, x.x) && e.pool(w, p, x.y)
	}
	var total int64
	for c := range e.chunks {
		if e.ctx.Err() != nil {
			return false
		}
		lo, hi := e.chunkRange(c)
		w.st.Reset(e.opt.Seed, family(p.hash, purposePool), uint64(c))
		w.setKeep(e, p, c, lo)
		a, b := w.get(hi-lo), w.get(hi-lo)
		w.eval(x.x, a)
		w.eval(x.y, b)
		for i := range a {
			total += int64(b2i(a[i] > b[i]))
		}
		w.put(b)
		w.put(a)
	}
	w.keep = nil
	*x = expr{op: opConst, p: float64(total) / float64(e.n), rec: x.rec}
	return true
}

// unit simulates chunk c of every scenario of block bi and adds the
// block's partial sum to the total in block order.
func (e *engine) unit(w *worker, bi, c int) {
	b := e.blocks[bi]
	lo, hi := e.chunkRange(c)
	var partial []float64
	direct := bi == 0 && b.corr == nil
	switch {
	case direct:
		partial = e.total[lo:hi] // the first block writes the total itself
	case b.corr == nil:
		partial = e.getBuf(&e.partFree, hi-lo)
	}
	for mi := range b.members {
		p := &b.plans[mi]
		var dst []float64
		switch {
		case b.vecs != nil:
			dst = b.vecs[mi][lo:hi]
		case mi == 0 && partial != nil:
			dst = partial
		default:
			dst = w.get(hi - lo)
		}
		e.scenarioChunk(w, p, c, dst)
		if partial != nil && &dst[0] != &partial[0] {
			if mi == 0 {
				copy(partial, dst)
			} else {
				for i := range partial {
					partial[i] += dst[i]
				}
			}
		}
		if b.vecs == nil && (partial == nil || &dst[0] != &partial[0]) {
			w.put(dst)
		}
	}
	if partial != nil {
		e.reduce(bi, c, partial, direct)
	}
}

// reduce adds block bi's partial sum of chunk c to the total once every
// earlier block's has been added, so that the total is summed in one
// order whatever the scheduling.
func (e *engine) reduce(bi, c int, partial []float64, direct bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.next[c] != bi {
		e.pending[[2]int{bi, c}] = partial
		return
	}
	lo, _ := e.chunkRange(c)
	if !direct {
		add(e.total[lo:], partial)
		e.putBuf(&e.partFree, partial)
	}
	e.next[c]++
	for {
		k := [2]int{e.next[c], c}
		p, ok := e.pending[k]
		if !ok {
			return
		}
		delete(e.pending, k)
		add(e.total[lo:], p)
		e.putBuf(&e.partFree, p)
		e.next[c]++
	}
}

func add(dst, src []float64) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] += v
	}
}

// finishBlock applies a block's correlation, adds a correlated block to
// the total, summarises each scenario of a portfolio and releases the
// block's memory.
func (e *engine) finishBlock(w *worker, bi int) {
	b := e.blocks[bi]
	defer e.finish(bi)
	if e.failed() || e.ctx.Err() != nil {
		return
	}
	if b.corr != nil {
		b.corr.reorder(e, b.vecs)
		for c := range e.chunks {
			lo, hi := e.chunkRange(c)
			var partial []float64
			if bi == 0 {
				partial = e.total[lo:hi]
			} else {
				partial = e.getBuf(&e.partFree, hi-lo)
			}
			copy(partial, b.vecs[0][lo:hi])
			for _, v := range b.vecs[1:] {
				add(partial, v[lo:hi])
			}
			e.reduce(bi, c, partial, bi == 0)
		}
	}
	if e.portfolio {
		pct := e.opt.Percentiles
		if pct == nil {
			pct = DefaultPercentiles()
		}
		rs := newResults(b.vecs)
		for mi, j := range b.members {
			r := rs[mi]
			out := scenarioOutput{mean: r.mean, summary: r.summary(pct, e.opt.Exceedance)}
			if e.opt.Tolerance != nil {
				v := e.opt.Tolerance.Check(r)
				out.tolerance = &v
			}
			e.out.scenarios[j] = out
			e.putBuf(&e.vecFree, b.vecs[mi])
			b.vecs[mi] = nil
		}
	}
	b.plans, b.vecs = nil, nil
}

// scenarioChunk writes the losses of a scenario (plan p) in chunk c.
func (e *engine) scenarioChunk(w *worker, p *plan, c int, dst []float64) {
	lo, _ := e.chunkRange(c)
	w.st.Reset(e.opt.Seed, family(p.hash, purposeMain), uint64(c))
	w.setKeep(e, p, c, lo)
	switch e.opt.Mode {
	case Rate:
		w.rate(p, dst)
	default:
		w.events(e, p, dst, nil)
	}
	w.keep = nil
	for _, si := range p.shocks {
		e.shocks[si].add(e, w, p, c, dst)
	}
}

// nodeResults builds the Results of the kept node draws.
func (e *engine) nodeResults() []nodeResult {
	kp := e.kept
	if kp == nil {
		return nil
	}
	out := make([]nodeResult, 0, len(kp.keys))
	for k, key := range kp.keys {
		vals := e.nodeIter[k]
		if vals == nil {
			for _, ev := range e.nodeEv[k] {
				vals = append(vals, ev...)
			}
		}
		out = append(out, nodeResult{key: key, r: newResult(vals)})
	}
	slices.SortFunc(out, func(a, b nodeResult) int { return cmpString(a.key, b.key) })
	return out
}

// worker is one goroutine's state: its stream and scratch buffers.
type worker struct {
	st   randstream.Stream
	free [][]float64
	keep *keepTarget
}

// keepTarget says where a worker writes kept node draws.
type keepTarget struct {
	e     *engine
	chunk int
	lo    int // the chunk's first iteration
}

func (w *worker) setKeep(e *engine, p *plan, c, lo int) {
	if p.kept == nil {
		w.keep = nil
		return
	}
	w.keep = &keepTarget{e: e, chunk: c, lo: lo}
}

// record keeps the draws of a node: per iteration, or appended per event.
func (w *worker) record(x *expr, v []float64) {
	if w.keep == nil || x.rec < 0 {
		return
	}
	e := w.keep.e
	if it := e.nodeIter[x.rec]; it != nil {
		copy(it[w.keep.lo:], v)
		return
	}
	ev := e.nodeEv[x.rec]
	ev[w.keep.chunk] = append(ev[w.keep.chunk], v...)
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
	w.record(x, dst)
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

// events writes, for each iteration, the sum of the magnitudes of its
// loss events: a Poisson(LEF) number in Event mode, one with probability
// LEF in Bernoulli mode. With counts given (a shock's), it adds the
// magnitudes of that many events per iteration instead, drawing the
// magnitudes from the current stream.
func (w *worker) events(e *engine, p *plan, dst []float64, counts []float64) {
	cnt := w.get(len(dst))
	var total int64
	if counts != nil {
		for i, k := range counts {
			cnt[i] = k
			total += int64(k)
		}
	} else {
		w.eval(p.freq, cnt)
		clear(dst)
		if e.opt.Mode == Bernoulli {
			for i, q := range cnt {
				k := b2i(w.st.Float64() < q)
				cnt[i] = float64(k)
				total += int64(k)
			}
		} else {
			total = w.st.PoissonFill(cnt)
		}
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
