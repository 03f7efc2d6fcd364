// Package scoring holds pluggable, versioned risk scoring methods for the
// risk analysis of ISO/IEC 27001:2022 clause 6.1.2 d (assessing the
// consequences and the likelihood of risks, and determining their levels)
// and the risk analysis of ISO/IEC 27005:2022.
//
// # The model
//
// A [Method] has a name and a version and scores one vector string into a
// [Result]: the method, its version, the canonical vector, a score, a
// severity and the method's intermediate scores ([Part]). Because the whole
// input is the vector, a risk register keeps method + version + vector and
// scores the risk again later with the same outcome ([Registry.Rescore]);
// criteria stay comparable between assessments, as 6.1.2 b asks. Options
// that change results are part of the version ("1/technical",
// "1/1..3/sum").
//
// The methods of this package:
//
//   - [CVSS]: the Common Vulnerability Scoring System in the versions
//     vulnerability feeds carry, each exact to FIRST's definition: v4.0
//     (package cvss4: the score, its nomenclature and MacroVector), v3.1
//     and v3.0 (package cvss3) and v2.0 (package cvss2: base, temporal
//     and environmental scores).
//   - [OWASP]: the OWASP Risk Rating Methodology, 8 likelihood factors and
//     4 technical or 4 business impact factors, the LOW/MEDIUM/HIGH
//     levels and the overall severity table; the technical impact by
//     default (see [OWASPImpact] for why, and how to choose).
//   - [DREAD]: five ratings on a configurable scale, combined by mean or
//     sum, with configurable severity bands.
//
// Package risk adds the classic likelihood × impact matrix behind the same
// interface; users plug in their own by implementing Method (see the
// Method example). A [Registry] files methods by name and version.
//
// # Errors
//
// A bad vector never panics. Every problem is reported, joined with
// errors.Join, each a [*FieldError] whose Path names the metric or factor
// ("AV", "SL", "DI") and whose error wraps a sentinel: [ErrPrefix],
// [ErrSyntax], [ErrUnknownMetric], [ErrUnknownValue], [ErrDuplicateMetric],
// [ErrMissingMetric] or [ErrOutOfRange] (the vector sentinels are the
// kinds of packages cvss and ismskit; a CVSS v2.0 or v4.0 metric out of
// the order its version fixes is cvss.ErrMetricOrder). Configuration
// problems wrap [ErrConfig].
//
// # Concurrency
//
// Everything is pure and deterministic: no I/O, no clock, no global mutable
// state. The methods are small immutable values and a Registry is
// immutable once built, so all of them are safe for concurrent use.
package scoring
