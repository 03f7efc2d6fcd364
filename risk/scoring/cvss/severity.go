package cvss

import (
	"fmt"
	"math"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Severity is the qualitative severity rating of a score (CVSS v3.1
// specification section 5 and CVSS v4.0 specification section 6, the
// same scale). The zero value is SeverityNone. It encodes as lower-case
// text ("none", "low", "medium", "high", "critical").
type Severity uint8

// The ratings, in increasing order.
const (
	SeverityNone     Severity = iota // 0.0
	SeverityLow                      // 0.1 to 3.9
	SeverityMedium                   // 4.0 to 6.9
	SeverityHigh                     // 7.0 to 8.9
	SeverityCritical                 // 9.0 to 10.0
)

var severityNames = [...]string{"none", "low", "medium", "high", "critical"}

// SeverityOf returns the rating of a score. Scores are rounded to one
// decimal first; anything at or below 0 (and NaN) is None and anything
// above 10 is Critical.
func SeverityOf(score float64) Severity {
	if math.IsNaN(score) || score <= 0 {
		return SeverityNone
	}
	if score > 10 {
		return SeverityCritical
	}
	return SeverityOfTenths(int(math.Round(score * 10)))
}

// SeverityOfTenths returns the rating of a score given in tenths (98 for
// 9.8), the exact form the scoring packages compute.
func SeverityOfTenths(t int) Severity {
	switch {
	case t <= 0:
		return SeverityNone
	case t < 40:
		return SeverityLow
	case t < 70:
		return SeverityMedium
	case t < 90:
		return SeverityHigh
	}
	return SeverityCritical
}

// ParseSeverity returns the rating named by its code, the lower-case
// text MarshalText gives, such as "high", or by its label in any case
// ("High"); any other text is an ismskit.ErrUnknownValue error.
func ParseSeverity(s string) (Severity, error) {
	if v, err := parseCode(s); err == nil {
		return v, nil
	}
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return parseCode(s)
}

// parseCode is ParseSeverity for codes only, as documents hold them.
func parseCode(s string) (Severity, error) {
	for i, n := range severityNames {
		if s == n {
			return Severity(i), nil
		}
	}
	return 0, fielderr.Errorf(ismskit.ErrUnknownValue, "unknown severity %q (want none, low, medium, high or critical)", s)
}

// IsValid reports whether s is one of the five ratings.
func (s Severity) IsValid() bool { return int(s) < len(severityNames) }

// String returns the rating as the specifications write it, such as
// "High", or "Severity(n)" for a value that is not a rating. MarshalText
// gives the lower-case code of documents ("high").
func (s Severity) String() string {
	if !s.IsValid() {
		return fmt.Sprintf("Severity(%d)", uint8(s))
	}
	n := severityNames[s]
	return string(n[0]-'a'+'A') + n[1:]
}

// MarshalText implements encoding.TextMarshaler; a value that is not a
// rating is an ismskit.ErrUnknownValue error.
func (s Severity) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fielderr.Errorf(ismskit.ErrUnknownValue, "%d is not a severity", uint8(s))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it takes the code
// ("high") only, as documents hold it, not the label. A nil s is an
// ismskit.ErrMissing error.
func (s *Severity) UnmarshalText(text []byte) error {
	if s == nil {
		return fielderr.Errorf(ismskit.ErrMissing, "UnmarshalText into a nil *Severity")
	}
	v, err := parseCode(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
