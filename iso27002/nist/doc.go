// Package nist maps ISO/IEC 27001:2022 (its clauses 4 to 10 and its
// Annex A controls, which are the controls of ISO/IEC 27002:2022) to two
// NIST frameworks, both ways, from NIST's own published crosswalks:
//
//   - NIST SP 800-53 Rev. 5: the 643 pairs of NIST's Online Informative
//     References (OLIR) crosswalk, updated 2023-10-12, over 220 controls
//     and enhancements and 121 ISO elements. The source gives no
//     relationship type, only the pairs and each control's baseline.
//   - The NIST Cybersecurity Framework 2.0: the 415 ISO/IEC 27001:2022
//     informative references of the CSF 2.0 Core (functions, categories
//     and subcategories), from the CSF 2.0 Reference Tool. Three oddities
//     of the source are kept and flagged in CSFPair.Note: "6.11" and
//     "6.13", read as 6.1.1 and 6.1.3, and "All applicable controls" for
//     the function PR, which names no element.
//
// Queries: SP80053ForControl ("which 800-53 controls does 8.8 map to"),
// SP80053ForClause, ISOForSP80053; CSFForControl, CSFForClause, ISOForCSF
// ("which ISO controls cover PR.AA-01"), ISOUnderCSF; and CSFCoverage,
// the share of each CSF function's subcategories that a set of
// implemented Annex A controls covers. SP80053Pairs and CSFPairs give the
// raw pairs. SP80053ID and CSFID are the NIST identifiers, as small
// comparable values in the style of net/netip; Ref is the ISO element
// ("A.8.8", "6.1.2", "4.2(a)"), read by ParseRef. Every type encodes with
// encoding/json: IDs and Ref as their text, Baseline and CSFLevel as
// lower-case codes (String gives their labels), pairs and coverage as
// objects with lowerCamelCase keys. Parse errors wrap
// ismskit.ErrInvalidID and quote the input, cut to 40 bytes.
//
// The tables are generated Go code (zmappings.go), written by go generate
// from the TSV extracts in internal/nistdata, whose README gives the
// sources, their licence (works of the US Government, not subject to
// copyright in the United States) and the checks made against NIST's
// spreadsheets; a test fails if the generated file is stale. They hold
// identifiers only, no text of the standards. The rows are turned into
// typed values once, on first use; nothing can fail at start-up.
//
// Everything here is safe for concurrent use: the tables are never
// modified, and every function returns a fresh slice the caller owns.
package nist
