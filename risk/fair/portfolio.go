package fair

import (
	"context"
	"errors"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Portfolio is the outcome of several scenarios simulated together: their
// losses summed per iteration (per simulated year in Event and Bernoulli
// modes), and each scenario's own distribution and contribution to the
// mean. The zero value is empty (no Total); get one from
// [SimulatePortfolio].
type Portfolio struct {
	// Total is the distribution of the summed loss.
	Total *Result `json:"total"`
	// Contributions has one entry per scenario, in input order.
	Contributions []Contribution `json:"contributions"`
}

// Contribution is one scenario of a portfolio: its own loss distribution
// and its share of the portfolio's mean loss, which ranks risks for
// ISO/IEC 27001 6.1.2 e. The zero value is a scenario that contributes
// nothing.
type Contribution struct {
	// Name is the scenario's name.
	Name string `json:"name"`
	// Mean is the scenario's own mean loss (its annualised loss
	// expectancy).
	Mean float64 `json:"mean"`
	// Share is Mean divided by the portfolio's mean loss (0 when that is
	// 0). The shares add up to 1.
	Share float64 `json:"share"`
	// Summary is the scenario's own loss distribution, with
	// Options.Percentiles and Options.Exceedance; it is what Simulate
	// gives the scenario alone, shocks included, correlation aside.
	Summary Summary `json:"summary"`
	// Tolerance is the scenario's verdict against Options.Tolerance, when
	// one is given.
	Tolerance *Verdict `json:"tolerance,omitempty"`
}

// SimulatePortfolio simulates the scenarios together and sums their losses
// per iteration. Each scenario draws from random streams addressed by its
// name, so it draws exactly the losses it draws alone ([Simulate] with the
// same options), whatever the other scenarios: names are required and
// unique. Options.Correlations and Options.Shocks make the scenarios
// depend on each other. Problems are reported under "scenarios[i]", with
// the scenario's name as the item. Memory is bounded by the blocks of
// scenarios being simulated, not by their number. PERT estimates use the
// classic form unless their Form says Moment. It is safe for concurrent
// use.
func SimulatePortfolio(scenarios []Scenario, opt Options) (*Portfolio, error) {
	return SimulatePortfolioContext(context.Background(), scenarios, opt)
}

// SimulatePortfolioContext is SimulatePortfolio that stops when ctx is
// done, returning ctx.Err() and no result.
func SimulatePortfolioContext(ctx context.Context, scenarios []Scenario, opt Options) (*Portfolio, error) {
	if len(scenarios) == 0 {
		return nil, fielderr.At("scenarios", errorf(ismskit.ErrMissing, "at least one scenario is required"))
	}
	ss := make([]*Scenario, len(scenarios))
	for i := range scenarios {
		ss[i] = &scenarios[i]
	}
	return simulatePortfolio(ctx, ss, opt)
}

func simulatePortfolio(ctx context.Context, ss []*Scenario, opt Options) (*Portfolio, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	out, err := simulate(ctx, ss, opt, true)
	if err != nil {
		return nil, err
	}
	p := &Portfolio{Total: out.total, Contributions: make([]Contribution, len(ss))}
	var sum float64
	for _, so := range out.scenarios {
		sum += so.mean
	}
	for i, s := range ss {
		so := out.scenarios[i]
		c := Contribution{Name: s.Name, Mean: so.mean, Summary: so.summary, Tolerance: so.tolerance}
		if sum > 0 {
			c.Share = so.mean / sum
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
	Before *Result `json:"before"`
	// After is the loss distribution with the control.
	After *Result `json:"after"`
	// AnnualCost is the control's cost per year.
	AnnualCost float64 `json:"annualCost"`
}

// ReductionInLoss returns Before.Mean() - After.Mean(): the reduction in
// annualised loss expectancy (0 for a nil Comparison).
func (c *Comparison) ReductionInLoss() float64 {
	if c == nil {
		return 0
	}
	return c.Before.Mean() - c.After.Mean()
}

// ROSI returns the return on security investment,
// (reduction in annualised loss - annual cost) / annual cost, and false
// when the cost is zero.
func (c *Comparison) ROSI() (float64, bool) {
	if c == nil || c.AnnualCost == 0 {
		return 0, false
	}
	return (c.ReductionInLoss() - c.AnnualCost) / c.AnnualCost, true
}

// Compare simulates a scenario before and after a treatment with the same
// options. Both use the same random streams (common random numbers, since
// a scenario's streams follow its name: give both the same name), so
// their difference has much less noise than two independent runs. A
// negative or non-finite annual cost is an ErrParameter at "annualCost";
// problems of the scenarios are reported under "before" and "after". PERT
// estimates use the classic form unless their Form says Moment.
func Compare(before, after Scenario, annualCost float64, opt Options) (*Comparison, error) {
	return CompareContext(context.Background(), before, after, annualCost, opt)
}

// CompareContext is Compare that stops when ctx is done, returning
// ctx.Err() and no result.
func CompareContext(ctx context.Context, before, after Scenario, annualCost float64, opt Options) (*Comparison, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	var l fielderr.List
	opt.check(&l)
	checkCost(&l, "annualCost", annualCost)
	if err := l.Err(); err != nil {
		return nil, err
	}
	b, errB := SimulateContext(ctx, before, opt)
	if err := ctxErr(ctx, errB); err != nil {
		return nil, err
	}
	a, errA := SimulateContext(ctx, after, opt)
	if err := ctxErr(ctx, errA); err != nil {
		return nil, err
	}
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

// ctxErr returns the context's error when err comes from it.
func ctxErr(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return err
	}
	return nil
}
