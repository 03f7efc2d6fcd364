package fair

import (
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/ismskit/ismskit/internal/fielderr"
)

// SensitivityOptions are the percentiles of a tornado diagram. The zero
// value means 10 and 90.
type SensitivityOptions struct {
	// Low is the low percentile of each input, in [0, 100); zero means
	// 10.
	Low float64 `json:"low,omitzero"`
	// High is the high percentile of each input, in (Low, 100]; zero
	// means 90.
	High float64 `json:"high,omitzero"`
}

func (o *SensitivityOptions) levels() (lo, hi float64) {
	lo, hi = o.Low, o.High
	if lo == 0 {
		lo = 10
	}
	if hi == 0 {
		hi = 90
	}
	return lo, hi
}

func (o *SensitivityOptions) check(l *fielderr.List, path string) {
	lo, hi := o.levels()
	if !(lo >= 0 && lo < 100) {
		l.Add(fielderr.JoinPath(path, "low"), errorf(ErrParameter, "low percentile %g is outside [0, 100)", lo))
	}
	if !(hi > 0 && hi <= 100) || !(hi > lo) {
		l.Add(fielderr.JoinPath(path, "high"), errorf(ErrParameter, "high percentile %g is outside (low %g, 100]", hi, lo))
	}
}

// SensitivityResult says which inputs of a scenario drive its loss. The
// zero value has no inputs.
type SensitivityResult struct {
	// Scenario is the scenario's name.
	Scenario string `json:"scenario"`
	// Base is the annual loss (LEF x LM) with every input at its median.
	Base float64 `json:"base"`
	// Inputs has one entry per estimate the scenario gives, largest swing
	// first (ties in node order).
	Inputs []InputSensitivity `json:"inputs"`
}

// InputSensitivity is one input's bar of a tornado diagram and its rank
// correlation with the loss. The zero value is an input with no effect.
type InputSensitivity struct {
	// Node is the input's key ("lef", "tcap", "secondary[1].slm").
	Node string `json:"node"`
	// Low, Median and High are the input's values at the low percentile,
	// the median and the high percentile.
	Low    float64 `json:"low"`
	Median float64 `json:"median"`
	High   float64 `json:"high"`
	// LossAtLow and LossAtHigh are the annual loss with the input at Low
	// and at High, every other input at its median.
	LossAtLow  float64 `json:"lossAtLow"`
	LossAtHigh float64 `json:"lossAtHigh"`
	// Swing is |LossAtHigh - LossAtLow|, the bar's length.
	Swing float64 `json:"swing"`
	// RankCorrelation is Spearman's rank correlation between the input's
	// draws and the iteration's loss in a Rate-mode simulation, where
	// every input has one draw per iteration; 0 for an input that does not
	// vary or does not reach the loss (TCap and RS under pooled
	// vulnerability).
	RankCorrelation float64 `json:"rankCorrelation"`
}

// Sensitivity analyses which inputs of a scenario drive its annual loss,
// in two ways:
//
//   - a tornado: the loss LEF x LM computed with each input at its low
//     and high percentile (10 and 90 by default) and every other input at
//     its median, where a vulnerability computed from TCap and RS is the
//     probability P(TCap > RS) with those of the two that are not fixed
//     keeping their distributions;
//   - the rank correlation of each input's draws with the loss, over a
//     simulation with opt in Rate mode (Mode is ignored), in which every
//     input has one draw per iteration.
//
// PERT estimates use the classic form unless their Form says Moment. It
// is safe for concurrent use.
func Sensitivity(s Scenario, opt Options, so SensitivityOptions) (*SensitivityResult, error) {
	return SensitivityContext(context.Background(), s, opt, so)
}

// SensitivityContext is Sensitivity that stops when ctx is done,
// returning ctx.Err() and no result.
func SensitivityContext(ctx context.Context, s Scenario, opt Options, so SensitivityOptions) (*SensitivityResult, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	var l fielderr.List
	so.check(&l, "sensitivity")
	if err := l.Err(); err != nil {
		return nil, err
	}
	opt.Mode, opt.KeepNodes = Rate, true
	opt.Correlations, opt.Shocks, opt.Tolerance = nil, nil, nil
	ss := []*Scenario{&s}
	if err := validate(ss, &opt, false); err != nil {
		return nil, err
	}
	e := newEngine(ctx, ss, opt, false)
	e.raw = true
	if err := e.run(); err != nil {
		return nil, err
	}
	draws := map[string][]float64{}
	for k, key := range e.kept.keys {
		draws[key] = e.nodeIter[k]
	}
	lossRanks := ranks(e.total)

	lo, hi := so.levels()
	leaves := s.Nodes.leaves()
	medians := make([]float64, len(leaves))
	for i, lf := range leaves {
		medians[i] = lf.est.quantile(0.5, lf.role)
	}
	var free freeVulnerability
	res := &SensitivityResult{Scenario: s.Name, Base: pointLoss(&s.Nodes, leaves, medians, -1, 0, &free)}
	for i, lf := range leaves {
		in := InputSensitivity{Node: lf.key, Median: medians[i],
			Low: lf.est.quantile(lo/100, lf.role), High: lf.est.quantile(hi/100, lf.role)}
		in.LossAtLow = pointLoss(&s.Nodes, leaves, medians, i, in.Low, &free)
		in.LossAtHigh = pointLoss(&s.Nodes, leaves, medians, i, in.High, &free)
		in.Swing = math.Abs(in.LossAtHigh - in.LossAtLow)
		if d := draws[lf.key]; d != nil {
			in.RankCorrelation = pearson(ranks(d), lossRanks)
		}
		res.Inputs = append(res.Inputs, in)
	}
	slices.SortStableFunc(res.Inputs, func(a, b InputSensitivity) int { return cmp.Compare(b.Swing, a.Swing) })
	return res, nil
}

// freeVulnerability keeps P(TCap > RS) with neither of the two fixed,
// once computed: every point loss but those that fix TCap or RS needs
// the same value, an integral over 1,024 quantiles of TCap (each a
// bisection when TCap is a PERT).
type freeVulnerability struct {
	v    float64
	done bool
}

// pointLoss returns LEF x LM with every input at its median except input
// fixed (when not -1), which is at v. The vulnerability from TCap and RS
// is P(TCap > RS) over those of the two that are not fixed; with neither
// fixed it comes from free, which keeps it for the next call.
func pointLoss(n *Nodes, leaves []leaf, medians []float64, fixed int, v float64, free *freeVulnerability) float64 {
	val := map[string]float64{}
	for i, lf := range leaves {
		val[lf.key] = medians[i]
	}
	fixedKey := ""
	if fixed >= 0 {
		fixedKey = leaves[fixed].key
		val[fixedKey] = v
	}
	var value func(k node) float64
	value = func(k node) float64 {
		key := nodeInfo[k].key
		if x, ok := val[key]; ok {
			return x
		}
		switch k {
		case nVuln:
			if fixedKey == "tcap" || fixedKey == "rs" {
				return vulnerability(n, fixedKey, val)
			}
			if !free.done {
				free.v, free.done = vulnerability(n, fixedKey, val), true
			}
			return free.v
		case nLM:
			return value(nPL) + value(nSR)
		case nSR:
			if !n.anyGiven(nSR) {
				return 0
			}
			if len(n.Secondary) > 0 {
				var s float64
				for i := range n.Secondary {
					fk := fielderr.Index("secondary", i)
					s += val[fk+".slef"] * val[fk+".slm"]
				}
				return s
			}
		}
		ch := nodeInfo[k].children
		return value(ch[0]) * value(ch[1])
	}
	return value(nLEF) * value(nLM)
}

// vulnerability returns P(TCap > RS) with the fixed one of the two at its
// value and the other with its distribution; with neither fixed, by
// integrating over TCap's quantiles.
func vulnerability(n *Nodes, fixedKey string, val map[string]float64) float64 {
	switch fixedKey {
	case "tcap":
		return n.RS.cdf(math.Nextafter(val["tcap"], math.Inf(-1)), roleCapability)
	case "rs":
		return 1 - n.TCap.cdf(val["rs"], roleCapability)
	}
	const steps = 1024
	var s float64
	for i := range steps {
		t := n.TCap.quantile((float64(i)+0.5)/steps, roleCapability)
		s += n.RS.cdf(math.Nextafter(t, math.Inf(-1)), roleCapability)
	}
	return s / steps
}

// ranks returns the ranks of x, 1 to n, ties sharing their mean rank.
func ranks(x []float64) []float64 {
	idx := make([]int32, len(x))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int {
		if c := cmp.Compare(x[a], x[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		mid := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = mid
		}
		i = j + 1
	}
	return r
}

// pearson returns the correlation of x and y, 0 when either does not vary.
func pearson(x, y []float64) float64 {
	n := float64(len(x))
	if n < 2 {
		return 0
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}
