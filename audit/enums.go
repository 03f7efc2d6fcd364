package audit

import (
	"fmt"

	"github.com/invopop/jsonschema"
	"github.com/ismskit/ismskit"
)

// enum is the shared machinery of the package's enumerations: each is a
// uint8 whose value indexes a table of lower-case names, 0 being unset.
type enum interface{ ~uint8 }

func enumString[T enum](names []string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return ""
}

func enumParse[T enum](names []string, what, s string) (T, error) {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return T(i), nil
		}
	}
	return 0, fmt.Errorf("%w: %q is not a %s (want one of %v)", ismskit.ErrUnknownValue, s, what, names[1:])
}

func enumMarshal[T enum](names []string, what string, v T) ([]byte, error) {
	if v == 0 || int(v) >= len(names) {
		return nil, fmt.Errorf("%w: %s %d", ismskit.ErrUnknownValue, what, uint8(v))
	}
	return []byte(names[v]), nil
}

func enumSchema(names []string, what string) *jsonschema.Schema {
	vals := make([]any, 0, len(names)-1)
	for _, n := range names[1:] {
		vals = append(vals, n)
	}
	return &jsonschema.Schema{Type: "string", Enum: vals, Description: what}
}

// Kind is the kind of an audit in the programme: the organisation's own
// internal audits (9.2) and, for reference, the certification body's audits
// of the cycle (stage 1 and 2, surveillance, recertification). The zero
// value is unset and invalid in a document; in JSON a kind is a lower-case
// string ("internal").
type Kind uint8

// The kinds of audit.
const (
	Internal        Kind = iota + 1 // an internal audit (9.2)
	Stage1                          // certification stage 1: documentation and readiness
	Stage2                          // certification stage 2: implementation and effectiveness
	Surveillance                    // a yearly surveillance audit by the certification body
	Recertification                 // the recertification audit before the certificate expires
)

var kindNames = []string{"", "internal", "stage1", "stage2", "surveillance", "recertification"}

// ParseKind parses the String form of a kind. Errors wrap ErrUnknownValue.
func ParseKind(s string) (Kind, error) { return enumParse[Kind](kindNames, "audit kind", s) }

// String returns the JSON form ("internal"), "" for an invalid kind.
func (k Kind) String() string { return enumString(kindNames, k) }

// IsValid reports whether k is one of the kinds.
func (k Kind) IsValid() bool { return k > 0 && int(k) < len(kindNames) }

// MarshalText returns the String form; an invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) { return enumMarshal(kindNames, "audit kind", k) }

// UnmarshalText parses the String form.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// JSONSchema lists the kinds.
func (Kind) JSONSchema() *jsonschema.Schema { return enumSchema(kindNames, "kind of audit") }

// Result is the outcome of one checklist line: what the auditor concluded
// about a requirement item or a control. The zero value is unset and
// invalid in a document; in JSON a result is a lower-case string.
//
// The constants are ordered by severity, most severe first, which is the
// order of the findings in a report.
type Result uint8

// The results of a checklist line.
const (
	// Major is a major nonconformity: a requirement not met in a way that
	// puts the ISMS's ability to achieve its outcomes in doubt (a missing
	// process, a systematic failure). It blocks certification until it is
	// corrected.
	Major Result = iota + 1
	// Minor is a minor nonconformity: a single or occasional lapse that does
	// not put the system as a whole in doubt.
	Minor
	// Observation is a concern that is not (yet) a nonconformity.
	Observation
	// Opportunity is an opportunity for improvement.
	Opportunity
	// Conforming means the evidence showed the requirement met.
	Conforming
	// NotAudited means the line was in scope but not examined.
	NotAudited
)

var resultNames = []string{"", "major-nonconformity", "minor-nonconformity", "observation", "opportunity-for-improvement", "conforming", "not-audited"}

var resultTitles = []string{"", "Major nonconformity", "Minor nonconformity", "Observation", "Opportunity for improvement", "Conforming", "Not audited"}

// Results returns every result, most severe first.
func Results() []Result {
	return []Result{Major, Minor, Observation, Opportunity, Conforming, NotAudited}
}

// ParseResult parses the String form of a result. Errors wrap
// ErrUnknownValue.
func ParseResult(s string) (Result, error) { return enumParse[Result](resultNames, "result", s) }

// String returns the JSON form ("major-nonconformity"), "" for an invalid
// result.
func (r Result) String() string { return enumString(resultNames, r) }

// Title returns the result as a report heading writes it ("Major
// nonconformity").
func (r Result) Title() string { return enumString(resultTitles, r) }

// IsValid reports whether r is one of the results.
func (r Result) IsValid() bool { return r > 0 && int(r) < len(resultNames) }

// IsNonconformity reports whether r is a major or minor nonconformity,
// which calls for corrective action (10.2).
func (r Result) IsNonconformity() bool { return r == Major || r == Minor }

// Audited reports whether r records an examination (every result but
// NotAudited).
func (r Result) Audited() bool { return r.IsValid() && r != NotAudited }

// MarshalText returns the String form; an invalid result is an error.
func (r Result) MarshalText() ([]byte, error) { return enumMarshal(resultNames, "result", r) }

// UnmarshalText parses the String form.
func (r *Result) UnmarshalText(b []byte) error {
	v, err := ParseResult(string(b))
	if err == nil {
		*r = v
	}
	return err
}

// JSONSchema lists the results.
func (Result) JSONSchema() *jsonschema.Schema {
	return enumSchema(resultNames, "result of a checklist line")
}

// State is the state of a corrective action in the lifecycle of clause
// 10.2. A nonconformity is Raised; it is Corrected (10.2 a: action to
// control and correct it), Analysed (10.2 b: its root cause found), Planned
// (10.2 c: a corrective action with an owner and a due date), Implemented,
// and finally reviewed (10.2 d) as Effective, which closes it, or
// Ineffective, which sends it back to a new root cause analysis or a new
// plan. No step can be skipped. The zero value is unset and invalid in a
// document; in JSON a state is a lower-case string.
type State uint8

// The states of a corrective action, in lifecycle order.
const (
	Raised      State = iota + 1 // the nonconformity is recorded
	Corrected                    // 10.2 a: corrected and its consequences dealt with
	Analysed                     // 10.2 b: root cause determined
	Planned                      // 10.2 c: corrective action decided, with owner and due date
	Implemented                  // 10.2 c: corrective action carried out
	Effective                    // 10.2 d: reviewed and found effective; final
	Ineffective                  // 10.2 d: reviewed and found ineffective
)

var stateNames = []string{"", "raised", "corrected", "analysed", "planned", "implemented", "effective", "ineffective"}

// next holds the legal transitions of the lifecycle.
var next = [...][]State{
	Raised:      {Corrected},
	Corrected:   {Analysed},
	Analysed:    {Planned},
	Planned:     {Implemented},
	Implemented: {Effective, Ineffective},
	Effective:   nil,
	Ineffective: {Analysed, Planned},
}

// ParseState parses the String form of a state. Errors wrap
// ErrUnknownValue.
func ParseState(s string) (State, error) {
	return enumParse[State](stateNames, "corrective action state", s)
}

// String returns the JSON form ("raised"), "" for an invalid state.
func (s State) String() string { return enumString(stateNames, s) }

// IsValid reports whether s is one of the states.
func (s State) IsValid() bool { return s > 0 && int(s) < len(stateNames) }

// Next returns the states that s may move to, in lifecycle order: one step
// forward, or after a failed review back to analysis or planning. It
// returns nil for Effective, the final state, and for an invalid state.
func (s State) Next() []State {
	if !s.IsValid() {
		return nil
	}
	return append([]State(nil), next[s]...)
}

// CanMove reports whether the lifecycle allows the change from s to t.
func (s State) CanMove(t State) bool {
	if !s.IsValid() {
		return false
	}
	for _, n := range next[s] {
		if n == t {
			return true
		}
	}
	return false
}

// Closed reports whether the action is closed: reviewed and effective.
func (s State) Closed() bool { return s == Effective }

// MarshalText returns the String form; an invalid state is an error.
func (s State) MarshalText() ([]byte, error) {
	return enumMarshal(stateNames, "corrective action state", s)
}

// UnmarshalText parses the String form.
func (s *State) UnmarshalText(b []byte) error {
	v, err := ParseState(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// JSONSchema lists the states.
func (State) JSONSchema() *jsonschema.Schema {
	return enumSchema(stateNames, "state of a corrective action (10.2)")
}
