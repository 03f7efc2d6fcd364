package cvss

import "github.com/ismskit/ismskit"

// The kinds of problem that belong to CVSS vector strings, shared by
// packages cvss2, cvss3 and cvss4. Each problem is an *ismskit.Error
// whose Err wraps one of them.
var (
	// ErrPrefix: the vector does not start with the prefix of a version
	// the parser reads ("CVSS:3.1/", "CVSS:4.0/"; a CVSS v2.0 vector has
	// none, or "CVSS:2.0/").
	ErrPrefix = ismskit.NewKind("vector-prefix", "wrong or missing vector prefix")
	// ErrUnknownMetric: a metric abbreviation that the version does not
	// define (abbreviations are case-sensitive: "ui" is not "UI").
	ErrUnknownMetric = ismskit.NewKind("unknown-metric", "unknown metric")
	// ErrDuplicateMetric: a metric given more than once.
	ErrDuplicateMetric = ismskit.NewKind("duplicate-metric", "metric given more than once")
	// ErrMissingMetric: a mandatory (base) metric is missing.
	ErrMissingMetric = ismskit.NewKind("missing-metric", "missing mandatory metric")
	// ErrMetricOrder: a metric out of the order that the version fixes
	// (CVSS v2.0 and v4.0 fix one; v3.x accepts any order).
	ErrMetricOrder = ismskit.NewKind("metric-order", "metric out of order")
)
