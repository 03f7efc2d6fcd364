package review

import (
	"github.com/ismskit/ismskit/internal/enum"
	"github.com/ismskit/ismskit/iso27001"
)

// The enumerations of the package (Source, Status, DecisionKind, Change)
// share one method set: String returns the value in words ("Audit
// opportunity for improvement"), "" for the zero value; MarshalText and
// UnmarshalText use the lower-case code ("audit"; "" for the zero value,
// which means unset); ParseX reads the code, and IsValid reports whether
// the value is one of the constants.

// Source is where an item of the improvement register comes from (10.1).
// The zero value is unset; in JSON: "review", "audit", "metric", "check"
// or "other".
type Source uint8

// The sources of improvements.
const (
	FromReview Source = iota + 1 // a decision of a management review (9.3.3)
	FromAudit                    // an opportunity for improvement found by an audit (9.2)
	FromMetric                   // a metric that missed its target (9.1)
	FromCheck                    // a control check with failures (9.1)
	FromOther                    // anything else: a suggestion, an incident's lessons
)

var sources = &enum.Set[Source]{Type: "Source", What: "improvement source",
	Codes:  []string{"", "review", "audit", "metric", "check", "other"},
	Labels: []string{"", "Management review decision", "Audit opportunity for improvement", "Metric target missed", "Failing control check", "Other"}}

// Sources returns every source.
func Sources() []Source { return sources.All() }

// ParseSource parses the JSON form of a source. Errors wrap
// ismskit.ErrUnknownValue.
func ParseSource(s string) (Source, error) { return sources.Parse(s) }

// String returns the source in words.
func (s Source) String() string { return sources.Label(s) }

// IsValid reports whether s is one of the sources.
func (s Source) IsValid() bool { return sources.Valid(s) }

// MarshalText returns the JSON form, "" for the zero value.
func (s Source) MarshalText() ([]byte, error) { return sources.Marshal(s) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (s *Source) UnmarshalText(b []byte) error { return sources.Unmarshal(s, b) }

// Status is where an improvement stands. The zero value is unset; in
// JSON: "open", "in-progress", "done" or "cancelled".
type Status uint8

// The statuses of an improvement.
const (
	Open       Status = iota + 1 // recorded, not started
	InProgress                   // being carried out
	Done                         // carried out
	Cancelled                    // dropped, with a note saying why
)

var statuses = &enum.Set[Status]{Type: "Status", What: "improvement status",
	Codes: []string{"", "open", "in-progress", "done", "cancelled"}, Labels: []string{"", "Open", "In progress", "Done", "Cancelled"}}

// Statuses returns every status.
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

// IsOpen reports whether s is Open or InProgress.
func (s Status) IsOpen() bool { return s == Open || s == InProgress }

// DecisionKind classifies a decision of a management review (9.3.3): on
// a continual improvement opportunity, or on a change to the ISMS. The
// zero value is unset; in JSON: "improvement" or "change".
type DecisionKind uint8

// The kinds of decision.
const (
	KindImprovement DecisionKind = iota + 1 // a continual improvement opportunity taken up
	KindChange                              // a change needed to the ISMS
)

var decisionKinds = &enum.Set[DecisionKind]{Type: "DecisionKind", What: "decision kind",
	Codes: []string{"", "improvement", "change"}, Labels: []string{"", "Improvement", "Change to the ISMS"}}

// DecisionKinds returns both kinds.
func DecisionKinds() []DecisionKind { return decisionKinds.All() }

// ParseDecisionKind parses the JSON form of a decision kind. Errors wrap
// ismskit.ErrUnknownValue.
func ParseDecisionKind(s string) (DecisionKind, error) { return decisionKinds.Parse(s) }

// String returns the kind in words.
func (k DecisionKind) String() string { return decisionKinds.Label(k) }

// IsValid reports whether k is one of the kinds.
func (k DecisionKind) IsValid() bool { return decisionKinds.Valid(k) }

// MarshalText returns the JSON form, "" for the zero value.
func (k DecisionKind) MarshalText() ([]byte, error) { return decisionKinds.Marshal(k) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (k *DecisionKind) UnmarshalText(b []byte) error { return decisionKinds.Unmarshal(k, b) }

// OutputKind returns the kind as the ISMS records spell it
// (iso27001.Improvement, iso27001.ISMSChange); 0 for the zero value.
func (k DecisionKind) OutputKind() iso27001.OutputKind {
	switch k {
	case KindImprovement:
		return iso27001.Improvement
	case KindChange:
		return iso27001.ISMSChange
	}
	return 0
}

// Change says how an issue or a requirement of an interested party moved
// since the previous review (9.3.2 b, c). The zero value is unset; in
// JSON: "added", "changed", "removed" or "unchanged".
type Change uint8

// The changes.
const (
	Added     Change = iota + 1 // new since the previous review
	Changed                     // present then, different now
	Removed                     // present then, gone now
	Unchanged                   // the same
)

var changes = &enum.Set[Change]{Type: "Change", What: "change",
	Codes: []string{"", "added", "changed", "removed", "unchanged"}, Labels: []string{"", "Added", "Changed", "Removed", "Unchanged"}}

// Changes returns every change.
func Changes() []Change { return changes.All() }

// ParseChange parses the JSON form of a change. Errors wrap
// ismskit.ErrUnknownValue.
func ParseChange(s string) (Change, error) { return changes.Parse(s) }

// String returns the change in words.
func (c Change) String() string { return changes.Label(c) }

// IsValid reports whether c is one of the changes.
func (c Change) IsValid() bool { return changes.Valid(c) }

// MarshalText returns the JSON form, "" for the zero value.
func (c Change) MarshalText() ([]byte, error) { return changes.Marshal(c) }

// UnmarshalText parses the JSON form; "" gives the zero value.
func (c *Change) UnmarshalText(b []byte) error { return changes.Unmarshal(c, b) }
