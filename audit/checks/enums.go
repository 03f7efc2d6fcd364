package checks

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/enum"
)

// The enumerations of the package (Frequency, Severity) share one method
// set: String returns the value in words ("Half-yearly"), "" for the zero
// value; MarshalText and UnmarshalText use the lower-case code
// ("half-yearly"; "" for the zero value, which means unset); ParseX reads
// the code; IsValid reports whether the value is one of the constants.

// Frequency is how often something is done: a check run, a metric
// measured or analysed, an access review held (ISO/IEC 27001:2022 9.1 c
// and e). The zero value is unset; in JSON a frequency is a lower-case
// code ("quarterly").
type Frequency uint8

// The frequencies.
const (
	Daily      Frequency = iota + 1 // every day
	Weekly                          // every 7 days
	Monthly                         // every calendar month
	Quarterly                       // every 3 calendar months
	HalfYearly                      // every 6 calendar months
	Yearly                          // every calendar year
)

var frequencies = &enum.Set[Frequency]{Type: "Frequency", What: "frequency",
	Codes:  []string{"", "daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"},
	Labels: []string{"", "Daily", "Weekly", "Monthly", "Quarterly", "Half-yearly", "Yearly"}}

// Frequencies returns every frequency, most frequent first.
func Frequencies() []Frequency { return frequencies.All() }

// ParseFrequency parses the JSON form of a frequency ("monthly"). Errors
// wrap ismskit.ErrUnknownValue.
func ParseFrequency(s string) (Frequency, error) { return frequencies.Parse(s) }

// String returns the frequency in words ("Monthly").
func (f Frequency) String() string { return frequencies.Label(f) }

// IsValid reports whether f is one of the frequencies.
func (f Frequency) IsValid() bool { return frequencies.Valid(f) }

// MarshalText returns the JSON form ("monthly"), "" for the zero value.
func (f Frequency) MarshalText() ([]byte, error) { return frequencies.Marshal(f) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (f *Frequency) UnmarshalText(b []byte) error { return frequencies.Unmarshal(f, b) }

// Code returns the JSON form ("monthly"), "" for the zero value.
func (f Frequency) Code() string { return frequencies.Code(f) }

// Next returns the day one period after d: the day after for Daily, a
// week later for Weekly, and for the others the same day of the month one,
// three, six or twelve months later, or the last day of a shorter month
// (ismskit.Date.AddDate's rule). It returns the zero Date for a zero d or
// an unset or unknown frequency.
func (f Frequency) Next(d ismskit.Date) ismskit.Date {
	switch f {
	case Daily:
		return d.AddDate(0, 0, 1)
	case Weekly:
		return d.AddDate(0, 0, 7)
	case Monthly:
		return d.AddDate(0, 1, 0)
	case Quarterly:
		return d.AddDate(0, 3, 0)
	case HalfYearly:
		return d.AddDate(0, 6, 0)
	case Yearly:
		return d.AddDate(1, 0, 0)
	}
	return ismskit.Date{}
}

// Due reports whether something last done on last is due again as of
// asOf: whether asOf is after f.Next(last). A zero last (never done) is
// always due; an unset frequency never is.
func (f Frequency) Due(last, asOf ismskit.Date) bool {
	if !f.IsValid() {
		return false
	}
	if last.IsZero() {
		return true
	}
	next := f.Next(last)
	return !next.IsZero() && asOf.After(next)
}

// Severity is the severity of a vulnerability as a scanner rates it
// (Trivy's UNKNOWN, LOW, MEDIUM, HIGH and CRITICAL). The zero value is
// unset; in JSON a severity is a lower-case code ("critical").
type Severity uint8

// The severities, least severe first, so that s >= High holds for the
// high and critical ones.
const (
	SeverityUnknown  Severity = iota + 1 // the scanner could not rate it
	SeverityLow                          // low
	SeverityMedium                       // medium
	SeverityHigh                         // high
	SeverityCritical                     // critical
)

var severities = &enum.Set[Severity]{Type: "Severity", What: "severity",
	Codes:  []string{"", "unknown", "low", "medium", "high", "critical"},
	Labels: []string{"", "Unknown", "Low", "Medium", "High", "Critical"}}

// Severities returns every severity, least severe first.
func Severities() []Severity { return severities.All() }

// ParseSeverity parses the JSON form of a severity ("high"). Errors wrap
// ismskit.ErrUnknownValue.
func ParseSeverity(s string) (Severity, error) { return severities.Parse(s) }

// String returns the severity in words ("High").
func (s Severity) String() string { return severities.Label(s) }

// IsValid reports whether s is one of the severities.
func (s Severity) IsValid() bool { return severities.Valid(s) }

// MarshalText returns the JSON form ("high"), "" for the zero value.
func (s Severity) MarshalText() ([]byte, error) { return severities.Marshal(s) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (s *Severity) UnmarshalText(b []byte) error { return severities.Unmarshal(s, b) }
