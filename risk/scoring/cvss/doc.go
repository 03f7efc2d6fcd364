// Package cvss holds what the CVSS packages share: the kinds of problem
// that a vector string of any version can have, the qualitative severity
// rating scale of CVSS v3.x and v4.0, and the helper that bounds the
// problems reported for one vector.
//
// The vector packages are cvss2 (CVSS v2.0, "A Complete Guide to the
// Common Vulnerability Scoring System Version 2.0", section 2.4 for the
// vector form), cvss3 (v3.0 and v3.1, specification section 6) and cvss4
// (v4.0, specification section 7). Each reports a bad vector as
// *ismskit.Error values whose Path names the metric ("AV") or the
// position of a malformed component ("[3]"), and whose kind errors.Is
// finds: the kinds declared here (ErrPrefix, ErrUnknownMetric,
// ErrDuplicateMetric, ErrMissingMetric, ErrMetricOrder) or the shared
// ones of package ismskit (ErrSyntax for a component that is not
// METRIC:VALUE, ErrUnknownValue for a value the metric does not allow,
// ErrTooLarge for a string longer than any valid vector of its version).
//
// Severity is the rating scale of the CVSS v3.1 specification, section 5,
// and of the CVSS v4.0 specification, section 6: None 0.0, Low 0.1 to 3.9,
// Medium 4.0 to 6.9, High 7.0 to 8.9, Critical 9.0 to 10.0. CVSS v2.0
// has no scale of its own; package cvss2 uses NVD's three ratings.
//
// Everything here is immutable and safe for concurrent use.
package cvss
