// Package cvss4 parses and scores CVSS v4.0 vectors exactly as FIRST's
// "Common Vulnerability Scoring System Version 4.0: Specification
// Document" defines them and as FIRST's reference calculator computes
// them.
//
// A [Vector] is a small comparable value parsed from a vector string
// such as "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
// (specification section 7). The eleven base metrics are mandatory; the
// threat metric (E), the fourteen environmental metrics and the six
// supplemental metrics are optional, and "X" (Not Defined) is the same
// as leaving one out. The specification fixes the order of the metrics
// (its Table 23) and calls every other order invalid, so Parse accepts
// that order only, with any optional metric left out. [Vector.String]
// gives the canonical string (that order, no "X" values), and parsing it
// gives back the same Vector.
//
// [Vector.Score] is the CVSS v4.0 score of section 8.2: the vector's
// [MacroVector] (the levels of the equivalence sets EQ1 to EQ6, Tables
// 24 to 30) looks up the score of its highest severity vectors (section
// 8.3), from which the mean proportional severity distance to the next
// lower MacroVector of each EQ is subtracted; the result is rounded to
// one decimal. The arithmetic follows FIRST's calculator in float64 step
// by step, so that the rounding agrees with it to the last bit: the
// package scores every one of the 15,116,544 distinct combinations of the
// metrics that count exactly as the calculator does (a test checks a
// digest of all of them). The lookup table, the highest severity vectors
// and the divisors are generated from internal/cvssdata/cvss4_lookup.tsv,
// taken from FIRST's calculator (go generate).
//
// Not Defined threat and environmental metrics take the specification's
// defaults (E:A, CR:H, IR:H, AR:H, and each modified base metric its base
// metric), so every vector has one score; [Vector.Nomenclature] says
// which groups the vector carries (CVSS-B, CVSS-BT, CVSS-BE, CVSS-BTE,
// section 1.3), and [Vector.Severity] rates the score (section 6, the
// scale of package cvss). Supplemental metrics never change the score.
//
// Parse reports every problem of a vector (unknown metric, value the
// metric does not allow, metric given twice, metric out of order,
// malformed component, each missing base metric), each as an
// *ismskit.Error naming the metric and wrapping the kinds of package cvss
// or package ismskit, joined and bounded to the first 100; a string
// longer than any valid vector is rejected at once. Parsing a valid
// vector and scoring it does not allocate.
//
// This package implements a public specification; it has no ISO/IEC
// 27001 clause of its own. Package scoring wraps it as one of the risk
// scoring methods of a register (ISO/IEC 27001:2022 6.1.2 d, analysing
// risks).
//
// All functions are pure and every value is immutable: everything here
// is safe for concurrent use.
package cvss4
