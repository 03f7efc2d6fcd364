package audit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// CorrectiveAction is the handling of one nonconformity under clause 10.2:
// its correction (a), root cause (b), corrective action with an owner and
// a due date (c), implementation, and effectiveness review (d). State is
// where it stands; History is the append-only record of how it got there,
// oldest first, and starts with Raised.
//
// Raise starts one and Advance moves it on; both return new values and
// never modify their receiver or arguments. The zero value is invalid.
type CorrectiveAction struct {
	// ID is unique among the actions. Required.
	ID string `json:"id"`
	// ID of the nonconformity finding. Required.
	Finding string `json:"finding"`
	// The current state; equal to the last entry of History. Required.
	State State `json:"state"`
	// 10.2 a: what was done to control and correct the nonconformity.
	// Required from Corrected on.
	Correction string `json:"correction,omitempty"`
	// 10.2 b: the cause found. Required from Analysed on.
	RootCause string `json:"rootCause,omitempty"`
	// 10.2 c: the corrective action decided. Required from Planned on.
	Action string `json:"action,omitempty"`
	// 10.2 c: who carries it out. Required from Planned on.
	Owner string `json:"owner,omitempty"`
	// 10.2 c: when it must be implemented. Required from Planned on.
	Due ismskit.Date `json:"due,omitzero"`
	// 10.2 d: the outcome of the last effectiveness review.
	Review string `json:"review,omitempty"`
	// 10.2 f and g: every state change, oldest first. Required.
	History []Transition `json:"history"`
}

// Transition is one entry of a corrective action's history, the record of
// what was done and with what result that 10.2 f and g call for. The zero
// value is invalid (no state, no date).
type Transition struct {
	// The state entered. Required.
	To State `json:"to"`
	// When. Required; not before the previous transition.
	Date ismskit.Date `json:"date"`
	// Who recorded it.
	By string `json:"by,omitempty"`
	// What was done or decided.
	Note string `json:"note,omitempty"`
}

// Step is the input of Advance: the state to enter and what goes with it.
// The zero value is invalid: Advance reports the missing state and date.
type Step struct {
	// To is the state to enter; it must be one of the current state's
	// State.Next.
	To State `json:"to"`
	// Date of the change. Required; not before the last transition.
	Date ismskit.Date `json:"date"`
	// By is who records the change.
	By string `json:"by,omitempty"`
	// Text is what the step records: the correction (Corrected), the root
	// cause (Analysed), the corrective action (Planned) or the outcome of
	// the review (Effective, Ineffective). Required for those states.
	Text string `json:"text,omitempty"`
	// Owner of the corrective action. Required for Planned.
	Owner string `json:"owner,omitempty"`
	// Due date of the corrective action. Required for Planned.
	Due ismskit.Date `json:"due,omitzero"`
}

// Raise starts the corrective action for a nonconformity: state Raised on
// date. It fails with ErrNotNonconformity when f is not a major or minor
// nonconformity, ismskit.ErrMissing for an empty id or date, and ismskit.ErrDateOrder for
// a date before the finding's.
func Raise(id string, f Finding, date ismskit.Date, by string) (CorrectiveAction, error) {
	var l fielderr.List
	if id == "" {
		l.Add("id", ismskit.ErrMissing)
	}
	if !f.Result.IsNonconformity() {
		l.Add("finding", fmt.Errorf("%w: %s is %s", ErrNotNonconformity, f.ID, strings.ToLower(f.Result.String())))
	}
	if date.IsZero() {
		l.Add("date", ismskit.ErrMissing)
	} else if date.Before(f.Date) {
		l.Add("date", fmt.Errorf("%w: %s is before the finding's date %s", ismskit.ErrDateOrder, date, f.Date))
	}
	if err := l.Err(); err != nil {
		return CorrectiveAction{}, err
	}
	return CorrectiveAction{ID: id, Finding: f.ID, State: Raised,
		History: []Transition{{To: Raised, Date: date, By: by, Note: f.Statement}}}, nil
}

// Advance returns a copy of a moved to s.To. A change the lifecycle does
// not allow, such as one that skips a step (Raised to Planned), is a
// *TransitionError wrapping ErrIllegalTransition at path "to"; a missing
// text, owner or due date is ismskit.ErrMissing at "text", "owner" or "due"; a
// date before the last transition is ismskit.ErrDateOrder at "date". Every problem
// is reported, and a is never modified.
//
//	ca, err = ca.Advance(audit.Step{To: audit.Corrected, Date: d, Text: "Access revoked"})
func (a CorrectiveAction) Advance(s Step) (CorrectiveAction, error) {
	var l fielderr.List
	if !a.State.CanMove(s.To) {
		l.Add("to", &TransitionError{From: a.State, To: s.To})
	}
	if s.Date.IsZero() {
		l.Add("date", ismskit.ErrMissing)
	} else if n := len(a.History); n > 0 && s.Date.Before(a.History[n-1].Date) {
		l.Add("date", fmt.Errorf("%w: %s is before the last change on %s", ismskit.ErrDateOrder, s.Date, a.History[n-1].Date))
	}
	if s.To != Implemented && strings.TrimSpace(s.Text) == "" {
		l.Add("text", ismskit.ErrMissing)
	}
	if s.To == Planned {
		if strings.TrimSpace(s.Owner) == "" {
			l.Add("owner", ismskit.ErrMissing)
		}
		if s.Due.IsZero() {
			l.Add("due", ismskit.ErrMissing)
		} else if !s.Date.IsZero() && s.Due.Before(s.Date) {
			l.Add("due", fmt.Errorf("%w: due %s is before the plan's date %s", ismskit.ErrDateOrder, s.Due, s.Date))
		}
	}
	if err := l.Err(); err != nil {
		return a, err
	}
	out := a
	out.History = append(slices.Clip(slices.Clone(a.History)), Transition{To: s.To, Date: s.Date, By: s.By, Note: s.Text})
	out.State = s.To
	switch s.To {
	case Corrected:
		out.Correction = s.Text
	case Analysed:
		out.RootCause = s.Text
	case Planned:
		out.Action, out.Owner, out.Due = s.Text, s.Owner, s.Due
	case Effective, Ineffective:
		out.Review = s.Text
	}
	return out, nil
}

// StateAt returns the state the action was in at the end of day asOf, from
// its history; 0 if it was not yet raised.
func (a CorrectiveAction) StateAt(asOf ismskit.Date) State {
	var st State
	for _, t := range a.History {
		if t.Date.After(asOf) {
			break
		}
		st = t.To
	}
	return st
}

// IsOverdue reports whether, as of the day asOf, the action was planned
// but not implemented and its due date had passed.
func (a CorrectiveAction) IsOverdue(asOf ismskit.Date) bool {
	return a.StateAt(asOf) == Planned && !a.Due.IsZero() && a.Due.Before(asOf)
}

// OverdueActions returns the actions that, as of the calendar day of asOf, are
// planned, not yet implemented, and past their due date, in input order.
// The slice is new; the actions are copies.
func OverdueActions(actions []CorrectiveAction, asOf ismskit.Date) []CorrectiveAction {
	d := asOf
	var out []CorrectiveAction
	for _, a := range actions {
		if a.IsOverdue(d) {
			out = append(out, a)
		}
	}
	return out
}

// IneffectiveActions returns the actions whose last effectiveness review as of
// the calendar day of asOf found them ineffective and that have not been
// re-analysed or re-planned since, in input order.
func IneffectiveActions(actions []CorrectiveAction, asOf ismskit.Date) []CorrectiveAction {
	d := asOf
	var out []CorrectiveAction
	for _, a := range actions {
		if a.StateAt(d) == Ineffective {
			out = append(out, a)
		}
	}
	return out
}

// validate checks the action's history and fields, at paths relative to
// the action.
func (a *CorrectiveAction) validate(l *fielderr.List) {
	if len(a.History) == 0 {
		l.Add("history", ismskit.ErrMissing)
	}
	var prev State
	var prevDate ismskit.Date
	reached := map[State]bool{}
	for i, t := range a.History {
		p := fielderr.Index("history", i)
		switch {
		case !t.To.IsValid():
			l.Add(p+".to", ismskit.ErrMissing)
		case i == 0 && t.To != Raised:
			l.Add(p+".to", fmt.Errorf("%w: the history starts with %s, not raised", ErrIllegalTransition, t.To))
		case i > 0 && prev.IsValid() && !prev.CanMove(t.To):
			l.Add(p+".to", &TransitionError{From: prev, To: t.To})
		}
		if t.Date.IsZero() {
			l.Add(p+".date", ismskit.ErrMissing)
		} else if t.Date.Before(prevDate) {
			l.Add(p+".date", fmt.Errorf("%w: %s is before the previous change on %s", ismskit.ErrDateOrder, t.Date, prevDate))
		} else {
			prevDate = t.Date
		}
		prev = t.To
		reached[t.To] = true
	}
	if !a.State.IsValid() {
		l.Add("state", ismskit.ErrMissing)
	} else if len(a.History) > 0 && a.State != prev {
		l.Add("state", fmt.Errorf("%w: state %s does not match the last change of the history (%s)", ErrIllegalTransition, a.State, prev))
	}
	need := func(st State, field, v string) {
		if reached[st] && strings.TrimSpace(v) == "" {
			l.Add(field, fmt.Errorf("%w: the action reached %s", ismskit.ErrMissing, st))
		}
	}
	need(Corrected, "correction", a.Correction)
	need(Analysed, "rootCause", a.RootCause)
	need(Planned, "action", a.Action)
	need(Planned, "owner", a.Owner)
	if reached[Planned] && a.Due.IsZero() {
		l.Add("due", fmt.Errorf("%w: the action reached %s", ismskit.ErrMissing, Planned))
	}
}
