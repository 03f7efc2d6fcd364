package monitor

import "github.com/ismskit/ismskit/internal/enum"

// The enumerations of the package (Unit, Direction, Measure, Status,
// Trend, ObjectiveStatus) share one method set: String returns the value
// in words ("Lower is better"), "" for the zero value; MarshalText and
// UnmarshalText use the lower-case code ("lower"; "" for the zero value,
// which means unset); ParseX reads the code, and IsValid reports whether
// the value is one of the constants.

// Unit is the unit of a metric's values. The zero value is unset; in
// JSON: "percent", "count" or "days".
type Unit uint8

// The units.
const (
	Percent Unit = iota + 1 // a share, 0 to 100
	Count                   // a number of items
	Days                    // a duration in days
)

var units = &enum.Set[Unit]{Type: "Unit", What: "unit",
	Codes: []string{"", "percent", "count", "days"}, Labels: []string{"", "Percent", "Count", "Days"}}

// Units returns every unit.
func Units() []Unit { return units.All() }

// ParseUnit parses the JSON form of a unit. Errors wrap
// ismskit.ErrUnknownValue.
func ParseUnit(s string) (Unit, error) { return units.Parse(s) }

// String returns the unit in words.
func (u Unit) String() string { return units.Label(u) }

// IsValid reports whether u is one of the units.
func (u Unit) IsValid() bool { return units.Valid(u) }

// MarshalText returns the JSON form, "" for the zero value.
func (u Unit) MarshalText() ([]byte, error) { return units.Marshal(u) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (u *Unit) UnmarshalText(b []byte) error { return units.Unmarshal(u, b) }

// Direction says which way a metric improves. The zero value is unset;
// in JSON: "higher" or "lower".
type Direction uint8

// The directions.
const (
	HigherIsBetter Direction = iota + 1 // more is better (a coverage)
	LowerIsBetter                       // less is better (open vulnerabilities)
)

var directions = &enum.Set[Direction]{Type: "Direction", What: "direction",
	Codes: []string{"", "higher", "lower"}, Labels: []string{"", "Higher is better", "Lower is better"}}

// Directions returns both directions.
func Directions() []Direction { return directions.All() }

// ParseDirection parses the JSON form of a direction. Errors wrap
// ismskit.ErrUnknownValue.
func ParseDirection(s string) (Direction, error) { return directions.Parse(s) }

// String returns the direction in words.
func (d Direction) String() string { return directions.Label(d) }

// IsValid reports whether d is one of the directions.
func (d Direction) IsValid() bool { return directions.Valid(d) }

// MarshalText returns the JSON form, "" for the zero value.
func (d Direction) MarshalText() ([]byte, error) { return directions.Marshal(d) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (d *Direction) UnmarshalText(b []byte) error { return directions.Unmarshal(d, b) }

// Measure says how a metric's value is taken from a check result. The
// zero value is unset; in JSON: "passed-percent", "failed-count" or
// "population".
type Measure uint8

// The measures.
const (
	PassedPercent Measure = iota + 1 // the share of the population that passed, in percent
	FailedCount                      // the number of items that failed
	Population                       // the size of the population
)

var measures = &enum.Set[Measure]{Type: "Measure", What: "measure",
	Codes:  []string{"", "passed-percent", "failed-count", "population"},
	Labels: []string{"", "Passed, in percent", "Failed items", "Population"}}

// Measures returns every measure.
func Measures() []Measure { return measures.All() }

// ParseMeasure parses the JSON form of a measure. Errors wrap
// ismskit.ErrUnknownValue.
func ParseMeasure(s string) (Measure, error) { return measures.Parse(s) }

// String returns the measure in words.
func (m Measure) String() string { return measures.Label(m) }

// IsValid reports whether m is one of the measures.
func (m Measure) IsValid() bool { return measures.Valid(m) }

// MarshalText returns the JSON form, "" for the zero value.
func (m Measure) MarshalText() ([]byte, error) { return measures.Marshal(m) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (m *Measure) UnmarshalText(b []byte) error { return measures.Unmarshal(m, b) }

// Status is how a metric's latest value stands against its target. The
// zero value is unset; in JSON: "met", "warning", "missed" or "no-data".
type Status uint8

// The statuses, best first.
const (
	Met     Status = iota + 1 // the target is met
	Warning                   // the target is not met, but the threshold is
	Missed                    // beyond the threshold
	NoData                    // no result to judge by
)

var statuses = &enum.Set[Status]{Type: "Status", What: "metric status",
	Codes: []string{"", "met", "warning", "missed", "no-data"}, Labels: []string{"", "Met", "Warning", "Missed", "No data"}}

// Statuses returns every status, best first.
func Statuses() []Status { return statuses.All() }

// ParseStatus parses the JSON form of a status. Errors wrap
// ismskit.ErrUnknownValue.
func ParseStatus(s string) (Status, error) { return statuses.Parse(s) }

// String returns the status in words.
func (s Status) String() string { return statuses.Label(s) }

// IsValid reports whether s is one of the statuses.
func (s Status) IsValid() bool { return statuses.Valid(s) }

// MarshalText returns the JSON form, "" for the zero value.
func (s Status) MarshalText() ([]byte, error) { return statuses.Marshal(s) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (s *Status) UnmarshalText(b []byte) error { return statuses.Unmarshal(s, b) }

// Trend is which way a metric moved between its last two results. The
// zero value means no trend (fewer than two results); in JSON:
// "improving", "stable" or "worsening".
type Trend uint8

// The trends.
const (
	Improving Trend = iota + 1 // moved towards the target
	Stable                     // moved no more than the metric's tolerance
	Worsening                  // moved away from the target
)

var trends = &enum.Set[Trend]{Type: "Trend", What: "trend",
	Codes: []string{"", "improving", "stable", "worsening"}, Labels: []string{"", "Improving", "Stable", "Worsening"}}

// Trends returns every trend.
func Trends() []Trend { return trends.All() }

// ParseTrend parses the JSON form of a trend. Errors wrap
// ismskit.ErrUnknownValue.
func ParseTrend(s string) (Trend, error) { return trends.Parse(s) }

// String returns the trend in words.
func (t Trend) String() string { return trends.Label(t) }

// IsValid reports whether t is one of the trends.
func (t Trend) IsValid() bool { return trends.Valid(t) }

// MarshalText returns the JSON form, "" for the zero value.
func (t Trend) MarshalText() ([]byte, error) { return trends.Marshal(t) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (t *Trend) UnmarshalText(b []byte) error { return trends.Unmarshal(t, b) }

// ObjectiveStatus is where an information security objective (6.2)
// stands, judged by its metrics. The zero value is unset; in JSON:
// "on-track", "at-risk", "missed" or "not-measured".
type ObjectiveStatus uint8

// The statuses of an objective, best first.
const (
	OnTrack     ObjectiveStatus = iota + 1 // every metric meets its target, none overdue
	AtRisk                                 // a metric is short of its target, or overdue
	OffTarget                              // a metric is beyond its threshold and the objective is due
	NotMeasured                            // no metric serves it, or none has a result
)

var objectiveStatuses = &enum.Set[ObjectiveStatus]{Type: "ObjectiveStatus", What: "objective status",
	Codes:  []string{"", "on-track", "at-risk", "missed", "not-measured"},
	Labels: []string{"", "On track", "At risk", "Missed", "Not measured"}}

// ObjectiveStatuses returns every status of an objective, best first.
func ObjectiveStatuses() []ObjectiveStatus { return objectiveStatuses.All() }

// ParseObjectiveStatus parses the JSON form of an objective's status.
// Errors wrap ismskit.ErrUnknownValue.
func ParseObjectiveStatus(s string) (ObjectiveStatus, error) { return objectiveStatuses.Parse(s) }

// String returns the status in words.
func (s ObjectiveStatus) String() string { return objectiveStatuses.Label(s) }

// IsValid reports whether s is one of the statuses.
func (s ObjectiveStatus) IsValid() bool { return objectiveStatuses.Valid(s) }

// MarshalText returns the JSON form, "" for the zero value.
func (s ObjectiveStatus) MarshalText() ([]byte, error) { return objectiveStatuses.Marshal(s) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (s *ObjectiveStatus) UnmarshalText(b []byte) error { return objectiveStatuses.Unmarshal(s, b) }
