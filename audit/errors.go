package audit

import (
	"errors"
)

// The kinds of problem that decoding, validation, planning and the
// corrective action lifecycle report. Each is wrapped, usually inside a
// *ismskit.Error carrying the path, so test for the kind with errors.Is.
var (
	// ErrNotInSoA: a control that is not an applicable control of the
	// Statement of Applicability.
	ErrNotInSoA = errors.New("not an applicable control of the SoA")
	// ErrOutOfScope: a finding about an item or control outside the scope
	// of its audit.
	ErrOutOfScope = errors.New("outside the audit scope")
	// ErrSubject: a finding or checklist line that names both a
	// requirement item and a control, or neither.
	ErrSubject = errors.New("names neither or both of item and control")
	// ErrCycleTooLong: a programme cycle longer than the three years of a
	// certificate.
	ErrCycleTooLong = errors.New("cycle longer than three years")
	// ErrNotIndependent: an auditor who audits something they are
	// responsible for (9.2.2 c: objectivity and impartiality).
	ErrNotIndependent = errors.New("auditor is not independent of the scope")
	// ErrNoIndependentAuditor: the planner found no auditor independent of
	// an audit's scope.
	ErrNoIndependentAuditor = errors.New("no independent auditor available")
	// ErrNotCovered: a requirement item or applicable control that no audit
	// of the cycle covers.
	ErrNotCovered = errors.New("never audited in the cycle")
	// ErrUnderAudited: a high-risk control audited fewer times than the
	// programme asks for.
	ErrUnderAudited = errors.New("audited less often than required for a high-risk area")
	// ErrNotNonconformity: a corrective action raised for a finding that
	// is not a nonconformity.
	ErrNotNonconformity = errors.New("finding is not a nonconformity")
	// ErrIllegalTransition: a corrective action state change that the
	// lifecycle of 10.2 does not allow, such as one that skips a step.
	ErrIllegalTransition = errors.New("illegal state transition")
	// ErrInvalidDigest: an evidence digest that is not 64 lower-case
	// hexadecimal digits.
	ErrInvalidDigest = errors.New("invalid SHA-256 digest")
	// ErrEvidenceChanged: content whose SHA-256 differs from the one
	// recorded for the evidence.
	ErrEvidenceChanged = errors.New("evidence content changed")
	// ErrNoDigest: evidence recorded without a digest, so its content
	// cannot be verified.
	ErrNoDigest = errors.New("evidence has no digest")
	// ErrInvalidPlan: planner options that cannot give a programme (no
	// slots, a negative count).
	ErrInvalidPlan = errors.New("invalid plan options")
)

// Decoding problems, the same values as those of the shared strict JSON
// decoder, so errors.Is(err, audit.ErrUnknownField) works on what
// DecodeRecords returns.
var ()

// TransitionError is an illegal corrective action state change. It wraps
// ErrIllegalTransition.
// The zero value describes a change between two unset states.
type TransitionError struct {
	// From is the action's state, To the state asked for.
	From, To State
}

// Error says which change is not allowed and what the legal next states
// are.
func (e *TransitionError) Error() string {
	msg := ErrIllegalTransition.Error() + " from " + e.From.String() + " to " + e.To.String()
	if next := e.From.Next(); len(next) > 0 {
		msg += " (allowed:"
		for _, s := range next {
			msg += " " + s.String()
		}
		msg += ")"
	} else if e.From.IsValid() {
		msg += " (" + e.From.String() + " is final)"
	}
	return msg
}

// Unwrap returns ErrIllegalTransition.
func (e *TransitionError) Unwrap() error { return ErrIllegalTransition }
