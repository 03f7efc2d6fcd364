package cvss3

import "github.com/ismskit/ismskit/risk/scoring/cvss"

// Severity is the qualitative severity rating of a score (specification
// section 5, "Qualitative Severity Rating Scale"): the scale CVSS v3.x
// shares with v4.0, declared in package cvss.
type Severity = cvss.Severity

// The ratings, in increasing order.
const (
	SeverityNone     = cvss.SeverityNone     // 0.0
	SeverityLow      = cvss.SeverityLow      // 0.1 to 3.9
	SeverityMedium   = cvss.SeverityMedium   // 4.0 to 6.9
	SeverityHigh     = cvss.SeverityHigh     // 7.0 to 8.9
	SeverityCritical = cvss.SeverityCritical // 9.0 to 10.0
)

// SeverityOf returns the rating of a score (see cvss.SeverityOf).
func SeverityOf(score float64) Severity { return cvss.SeverityOf(score) }

func severityTenths(t int) Severity { return cvss.SeverityOfTenths(t) }
