package fair

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Portfolio is the outcome of several scenarios simulated together: their
// losses summed per iteration (per simulated year in Event mode), and each
// scenario's contribution to the mean. The zero value is empty (no Total);
// get one from [SimulatePortfolio].
type Portfolio struct {
	// Total is the distribution of the summed loss.
	Total *Result
	// Contributions has one entry per scenario, in input order.
	Contributions []Contribution
}

// Contribution is one scenario's share of a portfolio's mean loss, which
// ranks risks for ISO/IEC 27001 6.1.2 e. The zero value is a scenario that
// contributes nothing.
type Contribution struct {
	// Name is the scenario's name.
	Name string `json:"name"`
	// Mean is the scenario's own mean loss (its annualised loss
	// expectancy).
	Mean float64 `json:"mean"`
	// Share is Mean divided by the portfolio's mean loss (0 when that is
	// 0). The shares add up to 1.
	Share float64 `json:"share"`
}

// SimulatePortfolio simulates the scenarios together and sums their losses
// per iteration. Scenario i always draws from stream family i, so its
// draws do not depend on the other scenarios: adding a scenario changes
// the total by exactly that scenario's losses. Problems are reported under
// "scenarios[i]". It is safe for concurrent use.
func SimulatePortfolio(scenarios []Scenario, opt Options) (*Portfolio, error) {
	if len(scenarios) == 0 {
		return nil, fielderr.At("scenarios", errorf(ismskit.ErrMissing, "at least one scenario is required"))
	}
	ss := make([]*Scenario, len(scenarios))
	for i := range scenarios {
		ss[i] = &scenarios[i]
	}
	return simulatePortfolio(ss, opt)
}

func simulatePortfolio(ss []*Scenario, opt Options) (*Portfolio, error) {
	means := make([]float64, len(ss))
	total, err := simulate(ss, opt, means)
	if err != nil {
		return nil, err
	}
	p := &Portfolio{Total: total, Contributions: make([]Contribution, len(ss))}
	var sum float64
	for _, m := range means {
		sum += m
	}
	for i, s := range ss {
		c := Contribution{Name: s.Name, Mean: means[i]}
		if sum > 0 {
			c.Share = means[i] / sum
		}
		p.Contributions[i] = c
	}
	return p, nil
}

// Comparison is the effect of a treatment: a scenario before and after a
// control, and the control's annual cost, for choosing treatment options
// (ISO/IEC 27001 6.1.3 a). The zero value has no results; get one from
// [Compare].
type Comparison struct {
	// Before is the loss distribution without the control.
	Before *Result
	// After is the loss distribution with the control.
	After *Result
	// AnnualCost is the control's cost per year.
	AnnualCost float64
}

// ReductionInLoss returns Before.Mean() - After.Mean(): the reduction in
// annualised loss expectancy.
func (c *Comparison) ReductionInLoss() float64 { return c.Before.Mean() - c.After.Mean() }

// ROSI returns the return on security investment,
// (reduction in annualised loss - annual cost) / annual cost, and false
// when the cost is zero.
func (c *Comparison) ROSI() (float64, bool) {
	if c.AnnualCost == 0 {
		return 0, false
	}
	return (c.ReductionInLoss() - c.AnnualCost) / c.AnnualCost, true
}

// Compare simulates a scenario before and after a treatment with the same
// options. Both use the same random streams (common random numbers), so
// their difference has much less noise than two independent runs. A
// negative or non-finite annual cost is an ErrParameter at "annualCost";
// problems of the scenarios are reported under "before" and "after".
func Compare(before, after Scenario, annualCost float64, opt Options) (*Comparison, error) {
	var l fielderr.List
	opt.check(&l)
	checkCost(&l, "annualCost", annualCost)
	if err := l.Err(); err != nil {
		return nil, err
	}
	b, errB := Simulate(before, opt)
	a, errA := Simulate(after, opt)
	l.Add("before", errB)
	l.Add("after", errA)
	if err := l.Err(); err != nil {
		return nil, err
	}
	return &Comparison{Before: b, After: a, AnnualCost: annualCost}, nil
}

func checkCost(l *fielderr.List, path string, c float64) {
	if !(c >= 0 && c <= MaxValue) {
		l.Add(path, errorf(ErrParameter, "annual cost %g is outside [0, %g]", c, MaxValue))
	}
}
