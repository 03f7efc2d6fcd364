// Package cvss3 parses and scores CVSS v3.1 (and v3.0) vectors exactly as
// the FIRST specification "Common Vulnerability Scoring System v3.1:
// Specification Document" defines them: the base, temporal and environmental
// scores of section 7, the Roundup function of Appendix A (on integers, so
// that floating-point noise never adds a tenth), and the qualitative
// severity ratings of section 5.
//
// A [Vector] is a small comparable value parsed from a vector string such as
// "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H". The eight base metrics are
// mandatory; temporal and environmental metrics are optional, and "X" (Not
// Defined) is the same as leaving one out; metrics may come in any order.
// [Vector.String] gives the canonical string (specification order, no "X"
// values), and parsing it gives back the same Vector.
//
// CVSS v3.0 vectors ("CVSS:3.0/...") have the same metrics and values and
// are accepted too. They keep their prefix and are scored with the v3.0
// formulas: the v3.0 calculator's plain ceiling instead of the v3.1
// Roundup, and the v3.0 modified impact of a scope-changed environmental
// score. Rescore a v3.0 vector as v3.1 by replacing its prefix.
//
// Parse reports every problem of a vector at once (unknown metric, unknown
// value, duplicate, malformed component, each missing base metric), each
// as an *ismskit.Error naming the metric and wrapping a kind such as
// ismskit.ErrUnknownValue or cvss.ErrMissingMetric (package cvss holds
// the kinds the CVSS versions share), joined with errors.Join and bounded
// to the first 100. A string longer than any valid vector is rejected at
// once with ismskit.ErrTooLarge. Parsing a valid vector and computing its
// scores does not allocate. The severity ratings are cvss.Severity.
//
// This package implements a public specification; it has no ISO/IEC 27001
// clause of its own. Package scoring wraps it as one of the risk scoring
// methods of a register (ISO/IEC 27001:2022 6.1.2 d, analysing risks).
//
// All functions are pure and every value is immutable: everything here is
// safe for concurrent use.
package cvss3
