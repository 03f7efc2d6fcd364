// Package ismskit is ISO/IEC 27001 and ISO/IEC 27002 as a Go library:
// typed packages and pure functions that GRC products, report tools and
// compliance test suites embed.
//
// This root package holds only this overview; the work is done in the
// packages below it.
//
// # Packages
//
//   - iso27002: the control catalogs. The 2022 edition (93 controls in four
//     themes, each with the five attribute types) and the 2013 edition (114
//     controls, 14 clauses, 35 objectives), the correspondence between them,
//     and the ControlID every other package uses to name a control. Users
//     build their own catalogs with the same API.
//   - iso27001: the ISMS requirements of clauses 4 to 10 (2022 with
//     Amd 1:2024, and 2013), their requirement items, the documented
//     information they call for, the records an ISMS keeps, a gap analysis
//     and the certification cycle.
//   - risk: risk criteria, the risk register, qualitative assessment
//     (inherent, current and residual risk), treatment, approval and
//     acceptance, and pluggable scoring methods (risk/scoring: OWASP, DREAD,
//     CVSS 3.1); risk/fair: quantitative FAIR Monte Carlo.
//   - soa: the Statement of Applicability of clause 6.1.3 d.
//   - audit: audit programmes, checklists, findings, corrective actions and
//     certification readiness (clauses 9.2 and 10.2).
//
// # Data flow
//
//	iso27002 catalog ──► risk register ──► assessment ──► treatment plan ──► soa ──► audit ──► reports
//	iso27001 clauses ──────────────────────────────────────────────────────────────► audit
//
// A program keeps its documents (register, SoA, audit records) in its own
// store; ismskit reads them as values, computes, and returns new values.
// Documents encode to JSON with a JSON Schema each, and decode strictly: a
// misspelt key is an error naming its path, never silently dropped data.
//
// # Copyright
//
// ISO/IEC 27001 and ISO/IEC 27002 are copyrighted. ismskit ships facts:
// identifiers, titles, structure and attribute values. Every description
// is written in ismskit's own words; none is the standards' text. An
// organisation that holds a licence attaches its own copy of the text
// through an overlay (iso27002.Overlay) without changing the built-in
// data.
//
// # Concurrency and determinism
//
// Every exported function is pure: it does no I/O of its own, never reads
// the clock (functions that need a date take an asOf time.Time) and keeps
// no global mutable state. Randomness comes only from an explicit seed.
// The same input gives byte-identical output. Values are immutable or
// copied on the way out, so everything exported is safe for concurrent
// use by multiple goroutines.
package ismskit
