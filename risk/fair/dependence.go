package fair

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Correlation is a rank correlation between the annual losses of two
// scenarios of a portfolio. Correlated scenarios keep their own loss
// distributions (each draws exactly the losses it draws alone); only the
// years in which their losses fall are matched, by a Gaussian copula
// imposed by reordering in the manner of Iman and Conover (1982): for each
// group of correlated scenarios, iterations are ranked by correlated
// normal scores whose Pearson correlation 2 sin(pi r / 6) gives the rank
// (Spearman) correlation r, and each scenario's losses are rearranged to
// follow those ranks. At r = 1 the losses are comonotone: the total's
// percentiles are the sums of the scenarios' percentiles. The zero value
// names no scenario and does not validate.
type Correlation struct {
	// A names a scenario of the portfolio.
	A string `json:"a"`
	// B names another scenario of the portfolio.
	B string `json:"b"`
	// Rank is the rank correlation of their annual losses, in [-1, 1].
	// Pairs not listed have 0. The matrix of a group of correlated
	// scenarios must be positive semidefinite.
	Rank float64 `json:"rank"`
}

// Shock is a common shock: a kind of event that causes a loss event in
// several scenarios of a portfolio at once, such as the outage of a
// provider that several services rely on, or the breach of a supplier
// holding the data of several processes. Each shock event adds one loss
// event to every scenario it names, whose magnitude that scenario's LM
// gives (drawn independently for each scenario). In Event mode a year has
// a Poisson(Frequency) number of shock events, in Bernoulli mode one with
// probability Frequency, and in Rate mode each scenario's loss grows by
// Frequency x LM. The zero value does not validate.
type Shock struct {
	// Name identifies the shock and selects its random streams. Required;
	// unique.
	Name string `json:"name"`
	// Frequency is the number of shock events a year (a probability at
	// most 1 in Bernoulli mode).
	Frequency Estimate `json:"frequency"`
	// Scenarios names the scenarios each shock event hits. At least one.
	Scenarios []string `json:"scenarios"`
}

// MaxCorrelated bounds the scenarios of one group of correlated
// scenarios.
const MaxCorrelated = 1024

// checkDependence validates the correlations and the shocks of opt
// against the scenario names.
func checkDependence(l *fielderr.List, opt *Options, names map[string]int) {
	if len(opt.Correlations) > MaxLevels {
		l.Add("correlations", errorf(ismskit.ErrTooLarge, "%d correlations are more than the limit %d", len(opt.Correlations), MaxLevels))
		return
	}
	if len(opt.Shocks) > MaxLevels {
		l.Add("shocks", errorf(ismskit.ErrTooLarge, "%d shocks are more than the limit %d", len(opt.Shocks), MaxLevels))
		return
	}
	pairs := map[[2]string]int{}
	ok := true
	for i, c := range opt.Correlations {
		p := fielderr.Index("correlations", i)
		item := c.A + "/" + c.B
		for _, side := range []struct{ key, name string }{{"a", c.A}, {"b", c.B}} {
			if _, found := names[side.name]; !found {
				l.AddItem(fielderr.JoinPath(p, side.key), item, errorf(ismskit.ErrUnknownReference, "no scenario is named %q", side.name))
				ok = false
			}
		}
		if c.A == c.B {
			l.AddItem(fielderr.JoinPath(p, "b"), item, errorf(ErrParameter, "a scenario is correlated with itself"))
			ok = false
		}
		if !(c.Rank >= -1 && c.Rank <= 1) {
			l.AddItem(fielderr.JoinPath(p, "rank"), item, errorf(ismskit.ErrOutOfRange, "rank correlation %g is outside [-1, 1]", c.Rank))
			ok = false
		}
		k := [2]string{min(c.A, c.B), max(c.A, c.B)}
		if prev, dup := pairs[k]; dup {
			l.AddItem(p, item, errorf(ismskit.ErrDuplicateID, "the pair is already given by correlations[%d]", prev))
			ok = false
		}
		pairs[k] = i
	}
	if ok {
		for _, g := range correlationGroups(opt, names) {
			if len(g) > MaxCorrelated {
				l.Add("correlations", errorf(ismskit.ErrTooLarge, "a group of %d correlated scenarios is more than the limit %d", len(g), MaxCorrelated))
				continue
			}
			if _, psd := cholesky(groupMatrix(g, opt, names)); !psd {
				var ns []string
				for _, m := range g {
					ns = append(ns, nameOf(names, m))
				}
				l.Add("correlations", errorf(ErrParameter,
					"the correlations of %s are not consistent (their matrix is not positive semidefinite)", strings.Join(ns, ", ")))
			}
		}
	}
	shockNames := map[string]int{}
	for i, sh := range opt.Shocks {
		p := fielderr.Index("shocks", i)
		checkName(l, p, "shocks", shockNames, sh.Name, i, "name is required")
		var sl fielderr.List
		sh.Frequency.check(&sl, "frequency", roleFrequency)
		if sl.Len() == 0 {
			ub := sh.Frequency.upper(roleFrequency)
			switch {
			case opt.Mode == Event && ub > MaxEventRate:
				sl.Add("frequency", errorf(ErrParameter, "the frequency may reach %g events a year, above the limit %g", ub, float64(MaxEventRate)))
			case opt.Mode == Bernoulli && ub > 1:
				sl.Add("frequency", errorf(ErrParameter, "bernoulli mode reads the frequency as a probability, and it may reach %g", ub))
			}
		}
		if len(sh.Scenarios) == 0 {
			sl.Add("scenarios", errorf(ismskit.ErrMissing, "a shock hits at least one scenario"))
		}
		hit := map[string]bool{}
		for k, name := range sh.Scenarios {
			sp := fielderr.Index("scenarios", k)
			if _, found := names[name]; !found {
				sl.Add(sp, errorf(ismskit.ErrUnknownReference, "no scenario is named %q", name))
			} else if hit[name] {
				sl.Add(sp, errorf(ismskit.ErrDuplicateID, "%q is listed twice", name))
			}
			hit[name] = true
		}
		l.AddItem(p, sh.Name, sl.Err())
	}
}

func nameOf(names map[string]int, i int) string {
	for n, j := range names {
		if j == i {
			return n
		}
	}
	return ""
}

// correlationGroups returns the groups of scenarios linked by non-zero
// correlations (of validated names), each sorted, ordered by their first
// member.
func correlationGroups(opt *Options, names map[string]int) [][]int {
	parent := map[int]int{}
	var find func(int) int
	find = func(i int) int {
		p, ok := parent[i]
		if !ok || p == i {
			parent[i] = i
			return i
		}
		r := find(p)
		parent[i] = r
		return r
	}
	for _, c := range opt.Correlations {
		a, okA := names[c.A]
		b, okB := names[c.B]
		if !okA || !okB || a == b || c.Rank == 0 {
			continue
		}
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	byRoot := map[int][]int{}
	for i := range parent {
		r := find(i)
		byRoot[r] = append(byRoot[r], i)
	}
	var groups [][]int
	for _, g := range byRoot {
		if len(g) < 2 {
			continue
		}
		slices.Sort(g)
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return groups
}

// groupMatrix returns the Pearson correlation matrix of the normal
// scores of a group: 2 sin(pi r / 6) for a rank correlation r, exactly
// +-1 for r = +-1.
func groupMatrix(g []int, opt *Options, names map[string]int) [][]float64 {
	pos := map[int]int{}
	for k, m := range g {
		pos[m] = k
	}
	m := make([][]float64, len(g))
	for i := range m {
		m[i] = make([]float64, len(g))
		m[i][i] = 1
	}
	for _, c := range opt.Correlations {
		a, okA := pos[names[c.A]]
		b, okB := pos[names[c.B]]
		if !okA || !okB || a == b {
			continue
		}
		rho := 2 * math.Sin(math.Pi*c.Rank/6)
		if math.Abs(c.Rank) == 1 {
			rho = c.Rank
		}
		m[a][b], m[b][a] = rho, rho
	}
	return m
}

// cholesky returns the lower triangular L with L L' = m for a positive
// semidefinite m (a pivot within 1e-10 of zero gives a zero column), and
// false when m is not positive semidefinite.
func cholesky(m [][]float64) ([][]float64, bool) {
	k := len(m)
	l := make([][]float64, k)
	for i := range l {
		l[i] = make([]float64, k)
	}
	for j := range k {
		d := m[j][j]
		for p := range j {
			d -= l[j][p] * l[j][p]
		}
		if d < -1e-10 {
			return nil, false
		}
		if d <= 1e-10 {
			// A zero pivot: the rest of the column must vanish too.
			for i := j + 1; i < k; i++ {
				s := m[i][j]
				for p := range j {
					s -= l[i][p] * l[j][p]
				}
				if math.Abs(s) > 1e-8 {
					return nil, false
				}
			}
			continue
		}
		l[j][j] = math.Sqrt(d)
		for i := j + 1; i < k; i++ {
			s := m[i][j]
			for p := range j {
				s -= l[i][p] * l[j][p]
			}
			l[i][j] = s / l[j][j]
		}
	}
	return l, true
}

// corrGroup is a compiled group of correlated scenarios.
type corrGroup struct {
	members []int
	chol    [][]float64
	hash    uint64
}

func newCorrGroup(g []int, ss []*Scenario, opt *Options) *corrGroup {
	names := make(map[string]int, len(ss))
	var key strings.Builder
	for i, s := range ss {
		names[s.Name] = i
	}
	for _, m := range g {
		key.WriteString(ss[m].Name)
		key.WriteByte(0)
	}
	l, _ := cholesky(groupMatrix(g, opt, names))
	return &corrGroup{members: g, chol: l, hash: nameHash("correlation", key.String())}
}

// reorder rearranges each member's losses (vecs, in member order) so that
// their ranks follow correlated normal scores.
func (g *corrGroup) reorder(e *engine, vecs [][]float64) {
	k, n := len(g.members), e.n
	eps := make([][]float64, k)
	for m := range eps {
		eps[m] = make([]float64, n)
	}
	var w worker
	for c := range e.chunks {
		lo, hi := e.chunkRange(c)
		w.st.Reset(e.opt.Seed, family(g.hash, purposeMain), uint64(c))
		for i := lo; i < hi; i++ {
			for m := range k {
				eps[m][i] = w.st.Norm()
			}
		}
	}
	z := make([]float64, n)
	order := make([]int32, n)
	sorted := make([]float64, n)
	for j := range k {
		row := g.chol[j]
		for i := range z {
			var s float64
			for m := 0; m <= j; m++ {
				s += row[m] * eps[m][i]
			}
			z[i] = s
		}
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int {
			if c := cmp.Compare(z[a], z[b]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		copy(sorted, vecs[j])
		slices.Sort(sorted)
		for r, i := range order {
			vecs[j][i] = sorted[r]
		}
	}
}

// compiledShock is a shock ready to simulate.
type compiledShock struct {
	hash    uint64
	freq    sampler
	members []int
}

func compileShocks(opt Options, names map[string]int, c *compiler) []compiledShock {
	out := make([]compiledShock, len(opt.Shocks))
	for i, sh := range opt.Shocks {
		cs := compiledShock{hash: nameHash("shock", sh.Name), freq: sh.Frequency.sampler(roleFrequency, c)}
		for _, name := range sh.Scenarios {
			cs.members = append(cs.members, names[name])
		}
		out[i] = cs
	}
	return out
}

// add adds the losses of the shock's events in chunk c to a scenario's
// losses dst. The shock's draws come from its own stream, the same for
// every scenario it hits; the magnitudes from a stream of the scenario and
// the shock.
func (s *compiledShock) add(e *engine, w *worker, p *plan, c int, dst []float64) {
	f := w.get(len(dst))
	w.st.Reset(e.opt.Seed, family(s.hash, purposeMain), uint64(c))
	s.freq.fill(f, &w.st)
	switch e.opt.Mode {
	case Event:
		for i, lam := range f {
			f[i] = float64(w.st.Poisson(lam))
		}
	case Bernoulli:
		for i, q := range f {
			f[i] = b2f(w.st.Float64() < q)
		}
	}
	w.st.Reset(e.opt.Seed, family(p.hash^s.hash, purposeShock), uint64(c))
	if e.opt.Mode == Rate {
		m := w.get(len(dst))
		w.eval(p.mag, m)
		for i := range dst {
			dst[i] += f[i] * m[i]
		}
		w.put(m)
	} else {
		w.events(e, p, dst, f)
	}
	w.put(f)
}

// checkName reports an empty name (with the message missing) or one
// already used in the list (names maps a name to its first index), at
// path.name with the name as the item, and records the name.
func checkName(l *fielderr.List, path, list string, names map[string]int, name string, i int, missing string) {
	p := fielderr.JoinPath(path, "name")
	switch prev, dup := names[name]; {
	case name == "":
		l.Add(p, errorf(ismskit.ErrMissing, "%s", missing))
	case dup:
		l.AddItem(p, name, errorf(ismskit.ErrDuplicateID, "name %q is already used by %s[%d]", name, list, prev))
	default:
		names[name] = i
	}
}
