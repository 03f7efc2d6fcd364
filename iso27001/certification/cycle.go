package certification

import (
	"slices"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/enum"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
)

// TransitionDeadline returns the last day on which an ISO/IEC 27001:2013
// certificate was valid, 2025-10-31: the end of the three-year transition
// to the 2022 edition set by IAF MD 26.
func TransitionDeadline() ismskit.Date { return transitionDeadline }

var transitionDeadline = ismskit.NewDate(2025, time.October, 31)

// Certificate holds the dates of one three-year certification cycle. Only
// Decision is required; zero dates are events not (yet) held.
//
// The zero value is not a usable certificate (no decision date).
type Certificate struct {
	// Edition is the edition certified against. Zero means 2022.
	Edition iso27001.Edition `json:"edition,omitzero"`
	// Stage1 is the date the stage 1 audit ended (initial certification).
	Stage1 ismskit.Date `json:"stage1,omitzero"`
	// Stage2 is the date the stage 2 audit ended (initial certification).
	Stage2 ismskit.Date `json:"stage2,omitzero"`
	// Decision is the date of the certification decision that started
	// this cycle (initial or recertification). Required.
	Decision ismskit.Date `json:"decision"`
	// Expiry is the last day of validity on the certificate; zero means
	// the day before the third anniversary of Decision.
	Expiry ismskit.Date `json:"expiry,omitzero"`
	// Surveillance1 and Surveillance2 are the dates the surveillance
	// audits were held.
	Surveillance1 ismskit.Date `json:"surveillance1,omitzero"`
	Surveillance2 ismskit.Date `json:"surveillance2,omitzero"`
	// Recertification is the date of the recertification decision.
	Recertification ismskit.Date `json:"recertification,omitzero"`
	// Transitioned is the date a 2013 certificate was moved to the 2022
	// edition (transition audit decision). Ignored for 2022 certificates.
	Transitioned ismskit.Date `json:"transitioned,omitzero"`
}

// Kind is the kind of a cycle event. The zero value is unset; in JSON a
// Kind is its lower-case code ("surveillance1").
type Kind uint8

const (
	Stage1          Kind = iota + 1 // stage 1 audit
	Stage2                          // stage 2 audit
	Decision                        // certification decision
	Surveillance1                   // first surveillance audit
	Surveillance2                   // second surveillance audit
	Transition                      // transition of a 2013 certificate to 2022
	Recertification                 // recertification audit and decision
	Expiry                          // end of validity
)

var kinds = enum.Table{Type: "Kind", What: "event kind",
	Codes: []string{"", "stage1", "stage2", "decision", "surveillance1", "surveillance2", "transition", "recertification", "expiry"},
	Labels: []string{"", "Stage 1 audit", "Stage 2 audit", "Certification decision", "First surveillance audit",
		"Second surveillance audit", "Transition to ISO/IEC 27001:2022", "Recertification", "End of validity"}}

// IsValid reports whether k is one of the eight kinds.
func (k Kind) IsValid() bool { return kinds.Valid(int(k)) }

// String returns the kind's label ("First surveillance audit"), "" for
// the zero Kind and "Kind(n)" for an unknown value.
func (k Kind) String() string { return kinds.Label(int(k)) }

// MarshalText returns the kind's code ("surveillance1"), and "" for the
// zero Kind; an unknown value is an error wrapping
// ismskit.ErrUnknownValue.
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal(int(k)) }

// UnmarshalText reads a code exactly ("surveillance1"); "" gives the zero
// Kind.
func (k *Kind) UnmarshalText(text []byte) error { return enum.SetText(&kinds, k, text) }

// ParseKind parses a kind by its code ("surveillance1") or its label in
// any case ("First surveillance audit"). Anything else is an error
// wrapping ismskit.ErrUnknownValue.
func ParseKind(s string) (Kind, error) { return enum.ParseAs[Kind](&kinds, s) }

// Event is one step of the cycle.
type Event struct {
	// Kind says which step of the cycle this is.
	Kind Kind `json:"kind"`
	// Due is the latest date the event may take place; for Expiry, the
	// last day of validity. Zero for stage 1 and 2 (no fixed deadline).
	Due ismskit.Date `json:"due,omitzero"`
	// Done is when it took place; zero when it has not.
	Done ismskit.Date `json:"done,omitzero"`
}

// Overdue reports whether the event has not taken place and its due date
// is before day.
func (e Event) Overdue(day ismskit.Date) bool {
	return e.Done.IsZero() && !e.Due.IsZero() && e.Due.Before(day)
}

// ValidUntil returns the last day the certificate is valid: its expiry
// (one day before the third anniversary of the decision unless Expiry is
// given), and for an untransitioned 2013 certificate no later than
// TransitionDeadline. Its errors are those of Schedule.
func ValidUntil(c Certificate) (ismskit.Date, error) {
	if err := check(c); err != nil {
		return ismskit.Date{}, err
	}
	return validUntil(c), nil
}

func validUntil(c Certificate) ismskit.Date {
	end := expiry(c)
	if c.Edition == iso27001.Edition2013 && c.Transitioned.IsZero() && end.After(transitionDeadline) {
		end = transitionDeadline
	}
	return end
}

func expiry(c Certificate) ismskit.Date {
	if !c.Expiry.IsZero() {
		return c.Expiry
	}
	return c.Decision.AddDate(3, 0, -1)
}

// check reports every problem of c, each as an *ismskit.Error at the
// certificate's JSON key, joined.
func check(c Certificate) error {
	var l fielderr.List
	if c.Decision.IsZero() {
		l.Add("decision", fielderr.Errorf(ismskit.ErrMissing, "the certification decision date is missing"))
		return l.Err()
	}
	if !c.Stage1.IsZero() && !c.Stage2.IsZero() && c.Stage2.Before(c.Stage1) {
		l.Add("stage2", fielderr.Errorf(ismskit.ErrDateOrder, "stage 2 (%s) before stage 1 (%s)", c.Stage2, c.Stage1))
	}
	if !c.Stage2.IsZero() && c.Decision.Before(c.Stage2) {
		l.Add("decision", fielderr.Errorf(ismskit.ErrDateOrder, "decision (%s) before stage 2 (%s)", c.Decision, c.Stage2))
	}
	if !c.Expiry.IsZero() && !c.Expiry.After(c.Decision) {
		l.Add("expiry", fielderr.Errorf(ismskit.ErrDateOrder, "expiry (%s) not after decision (%s)", c.Expiry, c.Decision))
	}
	if c.Edition == iso27001.Edition2013 {
		if c.Decision.After(transitionDeadline) {
			l.Add("decision", fielderr.Errorf(ismskit.ErrDateOrder, "a 2013 certificate decided on %s, after the end of the transition on %s", c.Decision, transitionDeadline))
		}
		if !c.Transitioned.IsZero() && c.Transitioned.Before(c.Decision) {
			l.Add("transitioned", fielderr.Errorf(ismskit.ErrDateOrder, "transitioned (%s) before decision (%s)", c.Transitioned, c.Decision))
		}
	}
	if c.Edition != 0 && !c.Edition.IsValid() {
		l.Add("edition", fielderr.Errorf(ismskit.ErrUnknownValue, "%s is not an edition of ISO/IEC 27001", c.Edition))
	}
	// Every date of the cycle must be one a Date holds (years to 9999).
	if c.Decision.AddDate(2, 0, 0).IsZero() || expiry(c).IsZero() {
		l.Add("decision", fielderr.Errorf(ismskit.ErrOutOfRange, "the cycle of a decision on %s reaches past %04d-12-31, the last day a date can hold", c.Decision, ismskit.MaxYear))
	}
	return l.Err()
}

// Schedule returns every event of the certificate's cycle, in order of
// date (events without a date, stage 1 and 2 not held, come first):
// stage 1, stage 2 and the decision; the two surveillance audits; for an
// untransitioned 2013 certificate the transition; the recertification
// (due the day before the certificate expires); and the expiry. Months
// end as ismskit.Date.AddDate says: a decision on 29 February has its
// anniversaries on 28 February.
//
// Every problem of c is reported, each as an *ismskit.Error at its JSON
// key, joined: a missing decision (ismskit.ErrMissing), dates in the
// wrong order (ismskit.ErrDateOrder; a 2013 certificate decided after
// the transition deadline is one), an unknown edition
// (ismskit.ErrUnknownValue), and a decision so late that the cycle would
// run past the year 9999 (ismskit.ErrOutOfRange).
func Schedule(c Certificate) ([]Event, error) {
	if err := check(c); err != nil {
		return nil, err
	}
	until := validUntil(c)
	ev := []Event{
		{Kind: Stage1, Done: c.Stage1},
		{Kind: Stage2, Done: c.Stage2},
		{Kind: Decision, Due: c.Decision, Done: c.Decision},
		{Kind: Surveillance1, Due: c.Decision.AddDate(1, 0, 0), Done: c.Surveillance1},
		{Kind: Surveillance2, Due: c.Decision.AddDate(2, 0, 0), Done: c.Surveillance2},
	}
	if c.Edition == iso27001.Edition2013 {
		ev = append(ev, Event{Kind: Transition, Due: transitionDeadline, Done: c.Transitioned})
	}
	ev = append(ev,
		Event{Kind: Recertification, Due: until.AddDate(0, 0, -1), Done: c.Recertification},
		Event{Kind: Expiry, Due: until},
	)
	slices.SortStableFunc(ev, func(a, b Event) int { return a.date().Compare(b.date()) })
	return ev, nil
}

func (e Event) date() ismskit.Date {
	if !e.Done.IsZero() {
		return e.Done
	}
	return e.Due
}

// Next returns the events of the cycle that are still open on the day of
// asOf (in asOf's location), soonest first: events not yet held, overdue
// ones included (check Event.Overdue), and the expiry while it is still
// ahead or today. Stage 1 and 2 precede the decision and are never open.
// After the recertification decision the cycle is complete and Next
// returns nothing: start a new Certificate with the new decision date.
func Next(c Certificate, asOf ismskit.Date) ([]Event, error) {
	all, err := Schedule(c)
	if err != nil {
		return nil, err
	}
	day := asOf
	if !c.Recertification.IsZero() && !c.Recertification.After(day) {
		return []Event{}, nil
	}
	out := []Event{}
	for _, e := range all {
		switch {
		case !e.Done.IsZero():
			continue
		case e.Kind == Stage1 || e.Kind == Stage2:
			continue // the decision was taken: the initial audits are history
		case e.Kind == Expiry && e.Due.Before(day):
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

// Valid reports whether the certificate is valid on the day of asOf: on or
// after the decision and no later than ValidUntil, with no surveillance
// audit overdue (a certification body suspends a certificate whose
// surveillance is not held in time).
func Valid(c Certificate, asOf ismskit.Date) (bool, error) {
	until, err := ValidUntil(c)
	if err != nil {
		return false, err
	}
	day := asOf
	if day.Before(c.Decision) || day.After(until) {
		return false, nil
	}
	all, err := Schedule(c)
	if err != nil {
		return false, err
	}
	for _, e := range all {
		if (e.Kind == Surveillance1 || e.Kind == Surveillance2) && e.Overdue(day) {
			return false, nil
		}
	}
	return true, nil
}
