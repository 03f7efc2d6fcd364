// Package fair quantifies information security risk in money with the
// Open FAIR model — The Open Group's Risk Taxonomy (O-RT, Version 3.0.1,
// whose section 2 defines the factors below) and Risk Analysis (O-RA,
// Version 2.0.1) — by Monte Carlo simulation and, for rare events, by
// computing the annual loss distribution directly. It supports the risk
// analysis and evaluation of ISO/IEC 27001:2022 clause 6.1.2 d and e (and
// 8.2) where an organisation chooses a quantitative method, risk
// acceptance criteria in money (6.1.2 a) and the comparison of treatment
// options of clause 6.1.3 a by their effect on annualised loss.
//
// # Model
//
// A [Scenario] holds [Estimate] values for the nodes of the taxonomy
// ([Nodes]):
//
//	Risk = LEF x LM                        loss event frequency x loss magnitude
//	LEF  = TEF x Vuln                      threat event frequency x vulnerability
//	TEF  = CF x PoA                        contact frequency x probability of action
//	Vuln = P(TCap > RS)                    threat capability vs resistance strength
//	LM   = PL + SR                         primary loss + secondary risk
//	SR   = SLEF x SLM                      secondary loss event frequency x magnitude
//	     = sum of SLEF_f x SLM_f           or over several forms of secondary loss
//
// Any node may be given directly instead of its children, as in pyfair.
// Estimates are constant, uniform, triangular, PERT, lognormal from a 90%
// confidence interval (riskquant's convention), normal truncated to the
// node's domain, empirical (resampling the user's data) or a histogram.
//
// Defaults, stated here once and at every entry point: a PERT estimate
// uses the classic form (alpha = 1 + 4u, as Vose, riskquant and
// tensorflow-probability define it) unless its Form is [Moment], the
// moment-matched form pyfair uses; the two differ by about 8% at the 10th
// percentile of a typical scenario. Gamma is 4 when zero. Vulnerability
// from TCap and RS is [Pooled] unless Options say [PerIteration].
// Summaries use [DefaultPercentiles].
//
// Three frequency semantics exist, and [Options].Mode must name one. In
// [Rate] mode each iteration's loss is LEF x LM (pyfair). In [Event] mode
// each iteration is a year with a Poisson number of loss events, each with
// its own magnitude (riskquant), so years without a loss appear. In
// [Bernoulli] mode a year has at most one loss event, with probability
// LEF.
//
// # Results
//
// [Simulate] returns a [Result] with the mean and its Monte Carlo standard
// error, the standard deviation, the extremes, percentiles by the linear
// (type 7) definition with their standard errors, value at risk, expected
// shortfall at any level, the probability of exceeding an amount and the
// loss exceedance curve; with Options.KeepNodes, every node's draws
// ([Result.Node]), as pyfair's export_results gives them.
// [SimulatePortfolio] sums scenarios per iteration and gives each one's own
// distribution and contribution; Options.Correlations (rank correlations,
// imposed by reordering in the manner of Iman and Conover) and
// Options.Shocks (events that hit several scenarios) make them depend on
// each other. [AnalyticLoss] computes the annual loss distribution of a
// scenario without sampling (compound Poisson by FFT). A [Tolerance] curve
// says whether a scenario or the portfolio sits above the organisation's
// risk tolerance, and where; [Sensitivity] says which input drives the
// loss (a tornado and rank correlations). [Compare] gives the reduction in
// annualised loss and the return on security investment of a control. An
// [Analysis] document bundles settings, scenarios, dependencies, the
// tolerance and treatments in JSON (decoded strictly by [DecodeAnalysis];
// its JSON Schema is [JSONSchema]) and [Run] turns it into a [Report]
// (whose JSON Schema is [ReportSchema]). [LossExceedanceSVG] and
// [LossExceedanceSVGWith] draw the loss exceedance curves (with a
// tolerance line, and treated curves dashed), [LossHistogramSVG] the
// distribution of the annual loss; package risk/fair/report writes the
// whole report as one HTML document.
//
// # Determinism, speed and limits
//
// Each scenario draws from random streams addressed by the seed, a hash of
// its name and a chunk of 8192 iterations, whichever goroutine runs it:
// the same seed gives byte-identical results whatever GOMAXPROCS or
// Options.Workers is, and a scenario draws the same losses alone and in
// any portfolio. Portfolios are simulated in blocks of scenarios whose
// partial sums join the total in a fixed order, so memory is bounded by
// the blocks in flight, not by the number of scenarios, and beta tables
// are shared between identical PERT shapes. Results take 8 bytes per
// iteration; percentiles come from a branch-free Floyd-Rivest selection
// rather than a sort. PERT estimates with both shapes at least 1 use an
// exact table-based beta sampler.
//
// Every simulation checks its budget before any work: Options.MaxWork
// (DefaultMaxWork) bounds scenarios x iterations plus the expected loss
// events, MaxStored the values kept at once, MaxIterations, MaxEventRate,
// MaxValues, MaxLevels, MaxCorrelated and MaxCurvePoints the inputs; over
// a limit is an ismskit.ErrTooLarge. The *Context forms ([SimulateContext],
// [SimulatePortfolioContext], [CompareContext], [RunContext],
// [SensitivityContext]) stop when their context is done and return its
// error and no result.
//
// Bad input never panics: every problem is an error wrapping a kind
// ([ErrParameter], [ErrConflict], or a shared one such as
// [ismskit.ErrMissing], [ismskit.ErrOutOfRange], [ismskit.ErrTooLarge] and
// the decoding kinds) inside an [ismskit.Error] that names the node and
// parameter, and the scenario as its item, such as
// "scenarios[0].lef.high (phishing): low 5 > high 2"; all of them are
// reported, joined, up to the problem limit.
//
// Everything in the package is safe for concurrent use: functions are
// pure, a Result is immutable, and there is no global mutable state.
package fair
