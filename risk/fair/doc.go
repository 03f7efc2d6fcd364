// Package fair quantifies information security risk in money with the
// Open FAIR model (The Open Group's Risk Taxonomy, O-RT, and Risk
// Analysis, O-RA) by Monte Carlo simulation. It supports the risk
// analysis and evaluation of ISO/IEC 27001:2022 clause 6.1.2 d and e (and
// 8.2) where an organisation chooses a quantitative method, and the
// comparison of treatment options of clause 6.1.3 a by their effect on
// annualised loss.
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
//
// Any node may be given directly instead of its children, as in pyfair.
// Estimates are constant, uniform, triangular, PERT (the classic form of
// Vose, riskquant and tensorflow-probability, or the moment-matched form
// pyfair uses, with a settable gamma), lognormal from a 90% confidence
// interval (riskquant's convention) or normal truncated to the node's
// domain.
//
// Two frequency semantics exist, and [Options].Mode must name one. In
// [Rate] mode each iteration's loss is LEF x LM (pyfair). In [Event] mode
// each iteration is a year with a Poisson number of loss events, each with
// its own magnitude (riskquant), so years without a loss appear. The
// vulnerability from TCap and RS is either one probability pooled over all
// iterations ([Pooled], pyfair's way) or decided per iteration
// ([PerIteration]).
//
// # Results
//
// [Simulate] returns a [Result] with the mean, the standard deviation
// (n-1), the minimum and maximum, percentiles by the linear (type 7)
// definition, value at risk, the probability of exceeding an amount
// (strictly) and the loss exceedance curve. [SimulatePortfolio] sums
// scenarios per iteration and gives each one's contribution; [Compare]
// gives the reduction in annualised loss and the return on security
// investment of a control. An [Analysis] document bundles settings,
// scenarios and treatments in JSON (decoded strictly by [DecodeAnalysis];
// its JSON Schema is [JSONSchema]) and [Run] turns it into a [Report]
// (whose JSON Schema is [ReportSchema]). [LossExceedanceSVG] draws the
// curves.
//
// # Determinism and speed
//
// The iterations are cut into fixed chunks of 8192; chunk i of scenario j
// always draws from random stream (seed, j, i), whichever goroutine runs
// it, so the same seed gives byte-identical results whatever GOMAXPROCS
// or Options.Workers is. Results take 8 bytes per iteration; percentiles
// come from a branch-free Floyd-Rivest selection rather than a sort. PERT
// estimates with both shapes at least 1 use an exact table-based beta
// sampler.
//
// Bad input never panics: every problem is an error wrapping one of the
// sentinels ([ErrParameter], [ErrMissing], [ErrConflict],
// [ErrUnknownValue], [ismskit.ErrOutOfRange] and the decoding kinds) inside a
// [ismskit.Error] that names the node and parameter, such as
// "lef.high: low 5 > high 2", and all of them are reported, joined.
//
// Everything in the package is safe for concurrent use: functions are
// pure, a Result is immutable, and there is no global mutable state.
package fair
