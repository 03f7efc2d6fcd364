package audit

import (
	"errors"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// The kinds of problem that decoding, validation, planning and the
// corrective action lifecycle report. Each is wrapped, usually inside a
// *FieldError carrying the path, so test for the kind with errors.Is.
var (
	// ErrRequired: a required field is missing or empty.
	ErrRequired = errors.New("required")
	// ErrDuplicateID: two entries of one list share an ID.
	ErrDuplicateID = errors.New("duplicate ID")
	// ErrUnknownValue: a string that is none of an enumeration's values.
	ErrUnknownValue = errors.New("unknown value")
	// ErrUnknownReference: an ID that names no entry of the list it refers
	// to (an audit, a finding, an evidence record, an auditor).
	ErrUnknownReference = errors.New("unknown reference")
	// ErrUnknownItem: a requirement item or clause that the edition of
	// ISO/IEC 27001 in use does not have.
	ErrUnknownItem = errors.New("unknown requirement item or clause")
	// ErrUnknownControl: a control that the catalog in use does not hold.
	ErrUnknownControl = errors.New("unknown control")
	// ErrNotInSoA: a control that is not an applicable control of the
	// Statement of Applicability.
	ErrNotInSoA = errors.New("not an applicable control of the SoA")
	// ErrOutOfScope: a finding about an item or control outside the scope
	// of its audit.
	ErrOutOfScope = errors.New("outside the audit scope")
	// ErrSubject: a finding or checklist line that names both a
	// requirement item and a control, or neither.
	ErrSubject = errors.New("names neither or both of item and control")
	// ErrDateOrder: dates out of order (an end before its start, an audit
	// outside the cycle, a transition dated before the previous one).
	ErrDateOrder = errors.New("dates out of order")
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
var (
	// ErrSyntax means the input is not well-formed JSON.
	ErrSyntax = strictjson.ErrSyntax
	// ErrUnknownField means an object has a key the type does not define.
	ErrUnknownField = strictjson.ErrUnknownField
	// ErrDuplicateField means an object gives one key twice.
	ErrDuplicateField = strictjson.ErrDuplicateField
	// ErrType means a JSON value has the wrong type for its field.
	ErrType = strictjson.ErrType
	// ErrTrailingData means more input follows the JSON value.
	ErrTrailingData = strictjson.ErrTrailingData
)

// FieldError is a problem at a path in a document, such as
// "findings[2].control: 5.7: not an applicable control of the SoA". It is an
// alias of the error type shared by all ismskit packages, so
//
//	var fe *audit.FieldError
//	if errors.As(err, &fe) { fmt.Println(fe.Path) }
//
// finds the path, and errors.Is(err, audit.ErrNotInSoA) the kind.
type FieldError = fielderr.Error

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
