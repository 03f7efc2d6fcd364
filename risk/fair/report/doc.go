// Package report writes a FAIR risk analysis (package risk/fair) as the
// document people read: one self-contained HTML page for management, the
// risk owners and auditors. It supports the quantitative risk analysis
// and evaluation of ISO/IEC 27001:2022 clause 6.1.2 d and e, with risk
// acceptance criteria in money (6.1.2 a) as a tolerance curve, and the
// comparison of treatment options of clause 6.1.3 a; the document is
// documented information of the risk assessment (8.2) that can be
// retained as such.
//
// A [Document] holds a [fair.Analysis], the [fair.Report] that
// [fair.Run] made of it, and the letterhead (organisation, version,
// date, classification marking, logo and colour) that every HTML
// document of ismskit shares; [Document.HTML] renders it with the
// shared stylesheet, laid out for A4 landscape:
//
//   - the portfolio: the mean annual loss with its standard error, P90,
//     P99, the expected shortfall at 99%, the chance of a year above each
//     amount the analysis asks about, the verdict against the risk
//     tolerance, each scenario's mean and share, the loss exceedance
//     curves of every scenario and of the portfolio with the tolerance
//     line;
//   - the treatments compared: cost, mean loss before and after, loss
//     avoided, return on security investment (ROSI) and the verdict
//     after, with the portfolio's curves before and (dashed) after each
//     treatment;
//   - one section per scenario: its FAIR tree (which nodes are given,
//     with their distributions and parameters, and which are computed
//     from them), its figures, percentiles with their standard errors
//     and expected shortfall, a histogram of its annual loss and its
//     exceedance curve before and after the treatments that change it;
//   - the method: the settings, the PERT form, and what P90, expected
//     shortfall, standard error, ROSI and the tolerance mean.
//
// PERT estimates are stated as the analysis gives them: the classic form
// (shapes 1 + 4(m − a)/(b − a) and 1 + 4(b − m)/(b − a) on [a, b]) unless
// an estimate is marked moment-matched, as package fair defines them.
//
// Everything here is pure and deterministic (the same document gives the
// same bytes) and safe for concurrent use; a nil Report or empty fields
// never panic.
package report
