// Package cvss2 parses and scores CVSS v2.0 vectors exactly as "A
// Complete Guide to the Common Vulnerability Scoring System Version 2.0"
// (FIRST, June 2007) defines them: the vector of section 2.4, the base,
// temporal and environmental equations of section 3.2 and their
// round_to_1_decimal, computed in exact decimal arithmetic so that every
// example of section 3.3 comes out as the guide prints it.
//
// A [Vector] is a small comparable value parsed from a vector such as
// "AV:N/AC:L/Au:N/C:P/I:P/A:P", as NVD's data feeds write it, or NVD's
// displayed form in parentheses, or after a "CVSS:2.0/" prefix. The six
// base metrics are mandatory; the temporal and environmental metrics are
// optional and "ND" (Not Defined) is the same as leaving one out. The
// guide lists the metrics in a fixed order, which Parse requires.
// [Vector.String] gives the canonical bare form, whole groups as the
// guide writes them, and parsing it gives back the same Vector.
//
// The guide defines no qualitative rating; [Vector.Severity] gives NVD's
// (Low 0.0 to 3.9, Medium 4.0 to 6.9, High 7.0 to 10.0) as a
// cvss.Severity. Errors are those of the other CVSS packages: each
// problem an *ismskit.Error naming the metric, with the kinds of package
// cvss and package ismskit, bounded to the first 100, and a string
// longer than any valid vector rejected at once.
//
// This package implements a public specification; it has no ISO/IEC
// 27001 clause of its own. Package scoring wraps it as one of the risk
// scoring methods of a register (ISO/IEC 27001:2022 6.1.2 d).
//
// All functions are pure and every value is immutable: everything here
// is safe for concurrent use.
package cvss2
