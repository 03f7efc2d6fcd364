package cvss3

import (
	"fmt"
	"math"
)

// Severity is the qualitative severity rating of a score (specification
// section 5, "Qualitative Severity Rating Scale"). The zero value is
// SeverityNone. It encodes as lower-case text ("none", "low", "medium",
// "high", "critical").
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
// decimal first; anything at or below 0 is None and anything above 10 is
// Critical.
func SeverityOf(score float64) Severity {
	if math.IsNaN(score) || score <= 0 {
		return SeverityNone
	}
	if score > 10 {
		return SeverityCritical
	}
	return severityTenths(int(math.Round(score * 10)))
}

func severityTenths(t int) Severity {
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

// String returns the lower-case name of the rating, such as "high".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// Title returns the rating as the specification capitalises it, such as
// "High".
func (s Severity) Title() string {
	n := s.String()
	if int(s) >= len(severityNames) {
		return n
	}
	return string(n[0]-'a'+'A') + n[1:]
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) {
	if int(s) >= len(severityNames) {
		return nil, fmt.Errorf("cvss3: %w %d for a severity", ErrUnknownValue, uint8(s))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the
// lower-case names only and reports any other text as ErrUnknownValue.
func (s *Severity) UnmarshalText(text []byte) error {
	for i, n := range severityNames {
		if string(text) == n {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("%w %q for a severity (want none, low, medium, high or critical)", ErrUnknownValue, text)
}
