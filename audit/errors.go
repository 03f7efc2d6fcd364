package audit

import (
	"github.com/ismskit/ismskit"
)

// The kinds of problem that belong to the audit rules of clauses 9.2 and
// 10.2. Problems shared with the other packages (ismskit.ErrMissing,
// ismskit.ErrDateOrder, ismskit.ErrDuplicateID, ismskit.ErrUnknownReference,
// ismskit.ErrOutOfRange, ismskit.ErrTooLarge, ...) use the root package's
// kinds. Each is wrapped, usually inside an *ismskit.Error carrying the
// path, so test for the kind with errors.Is; ismskit.Problems lists them
// with their codes.
var (
	// ErrNotInSoA: a control that is not an applicable control of the
	// Statement of Applicability.
	ErrNotInSoA = ismskit.NewKind("not-in-soa", "not an applicable control of the SoA")
	// ErrOutOfScope: a finding about an item or control outside the scope
	// of its audit.
	ErrOutOfScope = ismskit.NewKind("out-of-scope", "outside the audit scope")
	// ErrSubject: a finding or checklist line that names both a
	// requirement item and a control, or neither.
	ErrSubject = ismskit.NewKind("subject", "names neither or both of item and control")
	// ErrCycleTooLong: a programme cycle longer than the three years of a
	// certificate.
	ErrCycleTooLong = ismskit.NewKind("cycle-too-long", "cycle longer than three years")
	// ErrNotIndependent: an auditor who audits something they are
	// responsible for (9.2.2 c: objectivity and impartiality).
	ErrNotIndependent = ismskit.NewKind("not-independent", "auditor is not independent of the scope")
	// ErrNoIndependentAuditor: the planner found no auditor independent of
	// an audit's scope.
	ErrNoIndependentAuditor = ismskit.NewKind("no-independent-auditor", "no independent auditor available")
	// ErrNotCovered: a requirement item or applicable control that no audit
	// of the cycle covers.
	ErrNotCovered = ismskit.NewKind("not-covered", "never audited in the cycle")
	// ErrUnderAudited: a high-risk control audited fewer times than the
	// programme asks for.
	ErrUnderAudited = ismskit.NewKind("under-audited", "audited less often than required for a high-risk area")
	// ErrNotNonconformity: a corrective action raised for a finding that
	// is not a nonconformity.
	ErrNotNonconformity = ismskit.NewKind("not-nonconformity", "finding is not a nonconformity")
	// ErrIllegalTransition: a corrective action state change that the
	// lifecycle of 10.2 does not allow, such as one that skips a step.
	ErrIllegalTransition = ismskit.NewKind("illegal-transition", "illegal state transition")
	// ErrInvalidDigest: an evidence digest that is not 64 lower-case
	// hexadecimal digits.
	ErrInvalidDigest = ismskit.NewKind("invalid-digest", "invalid SHA-256 digest")
	// ErrEvidenceChanged: content whose SHA-256 differs from the one
	// recorded for the evidence.
	ErrEvidenceChanged = ismskit.NewKind("evidence-changed", "evidence content changed")
	// ErrNoDigest: evidence recorded without a digest, so its content
	// cannot be verified.
	ErrNoDigest = ismskit.NewKind("no-digest", "evidence has no digest")
)

// TransitionError is an illegal corrective action state change. It wraps
// ErrIllegalTransition. The zero value describes a change between two
// unset states; a nil *TransitionError reads as one too.
type TransitionError struct {
	// From is the action's state.
	From State `json:"from"`
	// To is the state asked for.
	To State `json:"to"`
}

// Error says which change is not allowed and what the legal next states
// are, with the states in their JSON form:
// "illegal state transition from raised to planned (allowed: corrected)".
func (e *TransitionError) Error() string {
	var from, to State
	if e != nil {
		from, to = e.From, e.To
	}
	msg := ErrIllegalTransition.Error() + " from " + from.code() + " to " + to.code()
	if next := from.Next(); len(next) > 0 {
		msg += " (allowed:"
		for _, s := range next {
			msg += " " + s.code()
		}
		msg += ")"
	} else if from.IsValid() {
		msg += " (" + from.code() + " is final)"
	}
	return msg
}

// Unwrap returns ErrIllegalTransition.
func (e *TransitionError) Unwrap() error { return ErrIllegalTransition }
