package audit

import "github.com/ismskit/ismskit/internal/enum"

// The enumerations of the package (Kind, Result, State, ReasonKind) share
// one method set:
//
//   - String returns the value in words for people ("Major
//     nonconformity"), "" for the zero value and "Result(42)" for a value
//     out of range;
//   - MarshalText returns the JSON form, a lower-case code
//     ("major-nonconformity"), and "" for the zero value, which means
//     unset; a value out of range is an error;
//   - UnmarshalText reads the JSON form, and "" as the zero value;
//   - ParseX reads the JSON form; "" and anything else are errors
//     wrapping ismskit.ErrUnknownValue;
//   - IsValid reports whether the value is one of the constants.

// Kind is the kind of an audit in the programme: the organisation's own
// internal audits (9.2) and, for reference, the certification body's audits
// of the cycle (stage 1 and 2, surveillance, recertification). The zero
// value is unset and invalid in a document; in JSON a kind is a lower-case
// code ("internal").
type Kind uint8

// The kinds of audit.
const (
	Internal        Kind = iota + 1 // an internal audit (9.2)
	Stage1                          // certification stage 1: documentation and readiness
	Stage2                          // certification stage 2: implementation and effectiveness
	Surveillance                    // a yearly surveillance audit by the certification body
	Recertification                 // the recertification audit before the certificate expires
)

var kinds = &enum.Set[Kind]{Type: "Kind", What: "audit kind",
	Codes:  []string{"", "internal", "stage1", "stage2", "surveillance", "recertification"},
	Labels: []string{"", "Internal audit", "Stage 1 audit", "Stage 2 audit", "Surveillance audit", "Recertification audit"}}

// Kinds returns every kind of audit, internal first.
func Kinds() []Kind { return kinds.All() }

// ParseKind parses the JSON form of a kind ("stage1") or its label in
// any case. Errors wrap ismskit.ErrUnknownValue.
func ParseKind(s string) (Kind, error) { return kinds.Parse(s) }

// String returns the kind in words ("Stage 1 audit").
func (k Kind) String() string { return kinds.Label(k) }

// IsValid reports whether k is one of the kinds.
func (k Kind) IsValid() bool { return kinds.Valid(k) }

// MarshalText returns the JSON form ("stage1"), "" for the zero Kind; a
// kind out of range is an error.
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal(k) }

// UnmarshalText parses the JSON form; "" gives the zero Kind.
func (k *Kind) UnmarshalText(b []byte) error { return kinds.Unmarshal(k, b) }

// Result is the outcome of one checklist line: what the auditor concluded
// about a requirement item or a control. The zero value is unset (an open
// line) and invalid in a finding; in JSON a result is a lower-case code
// ("major-nonconformity").
//
// The constants are ordered by severity, most severe first, which is the
// order of the findings in a report: r <= Minor holds for the
// nonconformities.
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

var results = &enum.Set[Result]{Type: "Result", What: "result",
	Codes:  []string{"", "major-nonconformity", "minor-nonconformity", "observation", "opportunity-for-improvement", "conforming", "not-audited"},
	Labels: []string{"", "Major nonconformity", "Minor nonconformity", "Observation", "Opportunity for improvement", "Conforming", "Not audited"}}

// Results returns every result, most severe first.
func Results() []Result { return results.All() }

// ParseResult parses the JSON form of a result ("minor-nonconformity")
// or its label in any case. Errors wrap ismskit.ErrUnknownValue.
func ParseResult(s string) (Result, error) { return results.Parse(s) }

// String returns the result in words ("Major nonconformity").
func (r Result) String() string { return results.Label(r) }

// IsValid reports whether r is one of the results.
func (r Result) IsValid() bool { return results.Valid(r) }

// IsNonconformity reports whether r is a major or minor nonconformity,
// which calls for corrective action (10.2).
func (r Result) IsNonconformity() bool { return r == Major || r == Minor }

// Audited reports whether r records an examination (every result but
// NotAudited).
func (r Result) Audited() bool { return r.IsValid() && r != NotAudited }

// MarshalText returns the JSON form ("major-nonconformity"), "" for the
// zero Result; a result out of range is an error.
func (r Result) MarshalText() ([]byte, error) { return results.Marshal(r) }

// UnmarshalText parses the JSON form; "" gives the zero Result.
func (r *Result) UnmarshalText(b []byte) error { return results.Unmarshal(r, b) }

func (r Result) code() string { return results.Code(r) }

// State is the state of a corrective action in the lifecycle of clause
// 10.2. A nonconformity is Raised; it is Corrected (10.2 a: action to
// control and correct it), Analysed (10.2 b: its root cause found), Planned
// (10.2 c: a corrective action with an owner and a due date), Implemented,
// and finally reviewed (10.2 d) as Effective, which closes it, or
// Ineffective, which sends it back to a new root cause analysis or a new
// plan. No step can be skipped. The zero value is unset and invalid in a
// document; in JSON a state is a lower-case code ("raised").
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

var states = &enum.Set[State]{Type: "State", What: "corrective action state",
	Codes:  []string{"", "raised", "corrected", "analysed", "planned", "implemented", "effective", "ineffective"},
	Labels: []string{"", "Raised", "Corrected", "Analysed", "Planned", "Implemented", "Effective", "Ineffective"}}

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

// States returns every state, in lifecycle order.
func States() []State { return states.All() }

// ParseState parses the JSON form of a state ("analysed") or its label
// in any case ("Analysed"). Errors wrap ismskit.ErrUnknownValue.
func ParseState(s string) (State, error) { return states.Parse(s) }

// String returns the state in words ("Analysed").
func (s State) String() string { return states.Label(s) }

// IsValid reports whether s is one of the states.
func (s State) IsValid() bool { return states.Valid(s) }

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

// MarshalText returns the JSON form ("raised"), "" for the zero State; a
// state out of range is an error.
func (s State) MarshalText() ([]byte, error) { return states.Marshal(s) }

// UnmarshalText parses the JSON form; "" gives the zero State.
func (s *State) UnmarshalText(b []byte) error { return states.Unmarshal(s, b) }

// code returns the JSON form, or "unset" for the zero State, for messages.
func (s State) code() string {
	if s == 0 {
		return "unset"
	}
	return states.Code(s)
}

// ReasonKind is the kind of a Reason. The zero value is unset; in JSON a
// kind is a lower-case code ("open-major-nonconformity").
type ReasonKind uint8

// The kinds of reason, in the order a verdict lists them.
const (
	OpenMajor        ReasonKind = iota + 1 // a major nonconformity is open
	MissingDocument                        // mandatory documented information is missing, expired or unapproved
	NoGapAnalysis                          // no gap analysis was given
	InvalidSoA                             // the SoA does not validate
	ClauseNotAudited                       // a clause has never been audited
)

var reasonKinds = &enum.Set[ReasonKind]{Type: "ReasonKind", What: "readiness reason",
	Codes:  []string{"", "open-major-nonconformity", "missing-documented-information", "no-gap-analysis", "invalid-soa", "clause-not-audited"},
	Labels: []string{"", "Open major nonconformity", "Missing documented information", "No gap analysis", "Invalid Statement of Applicability", "Clause not audited"}}

// ReasonKinds returns every kind of reason, in the order a verdict lists
// them.
func ReasonKinds() []ReasonKind { return reasonKinds.All() }

// ParseReasonKind parses the JSON form ("invalid-soa") or the label in
// any case. Errors wrap ismskit.ErrUnknownValue.
func ParseReasonKind(s string) (ReasonKind, error) { return reasonKinds.Parse(s) }

// String returns the kind in words ("Open major nonconformity").
func (k ReasonKind) String() string { return reasonKinds.Label(k) }

// IsValid reports whether k is one of the kinds.
func (k ReasonKind) IsValid() bool { return reasonKinds.Valid(k) }

// MarshalText returns the JSON form ("open-major-nonconformity"), "" for
// the zero ReasonKind; a kind out of range is an error.
func (k ReasonKind) MarshalText() ([]byte, error) { return reasonKinds.Marshal(k) }

// UnmarshalText parses the JSON form; "" gives the zero ReasonKind.
func (k *ReasonKind) UnmarshalText(b []byte) error { return reasonKinds.Unmarshal(k, b) }
