package audit

import (
	"errors"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var ncFinding = Finding{ID: "F-9", Result: Minor, Date: d("2026-03-01"), Statement: "No review"}

func raised(t *testing.T) CorrectiveAction {
	ca, err := Raise("CA-9", ncFinding, d("2026-03-02"), "Ana")
	require.NoError(t, err)
	return ca
}

// walk advances ca through the given states with valid data, one day apart.
func walk(t *testing.T, ca CorrectiveAction, states ...State) CorrectiveAction {
	t.Helper()
	for _, s := range states {
		last := ca.History[len(ca.History)-1].Date
		var err error
		ca, err = ca.Advance(Step{To: s, Date: last.AddDate(0, 0, 1), Text: "text for " + s.code(), Owner: "Dee", Due: last.AddDate(0, 1, 0)})
		require.NoError(t, err, "to %s", s)
	}
	return ca
}

func TestRaise(t *testing.T) {
	ca := raised(t)
	assert.Equal(t, Raised, ca.State)
	assert.Equal(t, "F-9", ca.Finding)
	assert.Equal(t, []Transition{{To: Raised, Date: d("2026-03-02"), By: "Ana", Note: "No review"}}, ca.History)

	_, err := Raise("", Finding{ID: "F-1", Result: Observation, Date: d("2026-03-01")}, d("2026-02-01"), "")
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	assert.ErrorIs(t, err, ErrNotNonconformity)
	assert.ErrorIs(t, err, ismskit.ErrDateOrder)
	assert.ElementsMatch(t, []string{"id", "finding", "date"}, errPaths(err))
	_, err = Raise("CA", ncFinding, ismskit.Date{}, "")
	assert.Equal(t, []string{"date"}, errPaths(err))
}

func TestLifecycle(t *testing.T) {
	ca := walk(t, raised(t), Corrected, Analysed, Planned, Implemented, Ineffective, Planned, Implemented, Effective)
	assert.Equal(t, Effective, ca.State)
	assert.Len(t, ca.History, 9)
	assert.Equal(t, "text for corrected", ca.Correction)
	assert.Equal(t, "text for analysed", ca.RootCause)
	assert.Equal(t, "text for planned", ca.Action)
	assert.Equal(t, "text for effective", ca.Review)
	assert.Equal(t, "Dee", ca.Owner)
	r := &CorrectiveAction{}
	*r = ca
	var l listCollector
	r.validate(&l.List)
	assert.NoError(t, l.Err())
}

func TestAdvanceIllegal(t *testing.T) {
	tests := []struct {
		name string
		path []State // states to reach first
		to   State
	}{
		{"skip correction", nil, Analysed},
		{"skip to plan", nil, Planned},
		{"skip to effective", []State{Corrected, Analysed, Planned}, Effective},
		{"backwards", []State{Corrected, Analysed}, Corrected},
		{"after closing", []State{Corrected, Analysed, Planned, Implemented, Effective}, Analysed},
		{"to zero", nil, 0},
		{"to raised again", nil, Raised},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ca := walk(t, raised(t), tt.path...)
			before := ca
			hist := len(ca.History)
			got, err := ca.Advance(Step{To: tt.to, Date: d("2030-01-01"), Text: "x", Owner: "o", Due: d("2030-02-01")})
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrIllegalTransition)
			var te *TransitionError
			require.True(t, errors.As(err, &te))
			assert.Equal(t, ca.State, te.From)
			assert.Equal(t, tt.to, te.To)
			var fe *ismskit.Error
			require.True(t, errors.As(err, &fe))
			assert.Equal(t, "to", fe.Path)
			assert.Equal(t, before, got, "unchanged on error")
			assert.Len(t, ca.History, hist)
		})
	}
	_, err := walk(t, raised(t)).Advance(Step{To: Planned, Date: d("2030-01-01"), Text: "x", Owner: "o", Due: d("2030-01-02")})
	assert.EqualError(t, err, "to: illegal state transition from raised to planned (allowed: corrected)")
	_, err = walk(t, raised(t), Corrected, Analysed, Planned, Implemented, Effective).Advance(Step{To: Planned, Date: d("2030-01-01"), Text: "x", Owner: "o", Due: d("2030-01-02")})
	assert.EqualError(t, err, "to: illegal state transition from effective to planned (effective is final)")
}

func TestAdvanceRequiredFields(t *testing.T) {
	ca := walk(t, raised(t), Corrected, Analysed)
	_, err := ca.Advance(Step{To: Planned, Date: d("2026-01-01")})
	require.Error(t, err)
	assert.ElementsMatch(t, []string{"date", "text", "owner", "due"}, errPaths(err))
	assert.ErrorIs(t, err, ismskit.ErrDateOrder)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	last := ca.History[len(ca.History)-1].Date
	_, err = ca.Advance(Step{To: Planned, Date: last, Text: "t", Owner: "o", Due: last.AddDate(0, 0, -1)})
	assert.Equal(t, []string{"due"}, errPaths(err))
	_, err = raised(t).Advance(Step{To: Corrected, Date: d("2026-04-01"), Text: "  "})
	assert.Equal(t, []string{"text"}, errPaths(err))
	_, err = walk(t, raised(t), Corrected, Analysed, Planned).Advance(Step{To: Implemented, Date: d("2026-12-01")})
	assert.NoError(t, err, "implementation needs no text")
}

func TestAdvanceDoesNotAlias(t *testing.T) {
	ca := walk(t, raised(t), Corrected)
	ca.History = append(make([]Transition, 0, 10), ca.History...) // spare capacity
	a, err := ca.Advance(Step{To: Analysed, Date: d("2026-05-01"), Text: "a"})
	require.NoError(t, err)
	b, err := ca.Advance(Step{To: Analysed, Date: d("2026-05-02"), Text: "b"})
	require.NoError(t, err)
	assert.Equal(t, "a", a.History[2].Note)
	assert.Equal(t, "b", b.History[2].Note)
	assert.Len(t, ca.History, 2)
}

func TestOverdueAndIneffective(t *testing.T) {
	base := raised(t)
	planned := walk(t, base, Corrected, Analysed, Planned) // due one month after analysis
	due := planned.Due
	implemented := walk(t, planned, Implemented)
	failed := walk(t, implemented, Ineffective)
	replanned := walk(t, failed, Planned)
	actions := []CorrectiveAction{base, planned, implemented, failed, replanned}
	at := func(dd ismskit.Date) ismskit.Date { return dd }

	assert.Empty(t, OverdueActions(actions, at(due)), "due today is not overdue")
	got := OverdueActions(actions, at(due.AddDate(0, 0, 1)))
	require.Len(t, got, 1)
	assert.Equal(t, planned.History, got[0].History)
	// Before implementation the implemented action was overdue too, as of a
	// date between due and its implementation: none here, as it was
	// implemented the day after planning.
	assert.Empty(t, OverdueActions(actions, at(due.AddDate(0, 0, -40))))

	failDay := failed.History[len(failed.History)-1].Date
	assert.Empty(t, IneffectiveActions(actions, at(failDay.AddDate(0, 0, -1))))
	got = IneffectiveActions(actions, at(failDay))
	require.Len(t, got, 2, "the failed one and the re-planned one, as of the day of the review")
	got = IneffectiveActions(actions, at(failDay.AddDate(0, 0, 1)))
	require.Len(t, got, 1, "re-planned the next day")
	assert.Equal(t, Ineffective, got[0].State)

	assert.Equal(t, State(0), base.StateAt(d("2026-03-01")))
	assert.Equal(t, Raised, base.StateAt(d("2026-03-02")))
}

func TestActionValidate(t *testing.T) {
	good := walk(t, raised(t), Corrected, Analysed, Planned)
	tests := []struct {
		name   string
		mutate func(*CorrectiveAction)
		paths  []string
		kind   error
	}{
		{"no history", func(a *CorrectiveAction) { a.History = nil }, []string{"history"}, ismskit.ErrMissing},
		{"skip in history", func(a *CorrectiveAction) { a.History = append(a.History[:1:1], a.History[2:]...) }, []string{"history[1].to"}, ErrIllegalTransition},
		{"does not start raised", func(a *CorrectiveAction) { a.History = a.History[1:] }, []string{"history[0].to"}, ErrIllegalTransition},
		{"dates backwards", func(a *CorrectiveAction) {
			a.History = append([]Transition(nil), a.History...)
			a.History[2].Date = d("2020-01-01")
		}, []string{"history[2].date"}, ismskit.ErrDateOrder},
		{"state mismatch", func(a *CorrectiveAction) { a.State = Implemented }, []string{"state"}, ErrIllegalTransition},
		{"fields missing", func(a *CorrectiveAction) {
			a.Correction, a.RootCause, a.Owner, a.Action, a.Due = "", "", "", "", ismskit.Date{}
		},
			[]string{"correction", "rootCause", "action", "owner", "due"}, ismskit.ErrMissing},
		{"zero state in history", func(a *CorrectiveAction) {
			a.History = append([]Transition(nil), a.History...)
			a.History[1].To = 0
			a.History[1].Date = ismskit.Date{}
		}, []string{"history[1].to", "history[1].date"}, ismskit.ErrMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := good
			tt.mutate(&a)
			var l listCollector
			a.validate(&l.List)
			err := l.Err()
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			for _, p := range tt.paths {
				assert.Contains(t, errPaths(err), p)
			}
		})
	}
}

func TestEvidence(t *testing.T) {
	e := NewEvidence("E-1", "Backup log", "s3://logs/backup.txt", d("2026-05-05"), []byte("abc"))
	assert.Equal(t, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", e.SHA256, "SHA-256 of abc")
	assert.NoError(t, e.Verify([]byte("abc")))
	err := e.Verify([]byte("abd"))
	assert.ErrorIs(t, err, ErrEvidenceChanged)
	assert.Contains(t, err.Error(), "E-1")
	noContent := NewEvidence("E-2", "Interview", "", d("2026-05-05"), nil)
	assert.Empty(t, noContent.SHA256)
	assert.ErrorIs(t, noContent.Verify([]byte("abc")), ErrNoDigest)
	assert.Equal(t, Digest(nil), NewEvidence("E-3", "Empty file", "", d("2026-05-05"), []byte{}).SHA256, "empty content is still hashed")

	for _, tt := range []struct {
		in string
		ok bool
	}{
		{e.SHA256, true},
		{"BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", false},
		{"ba78", false},
		{e.SHA256[:63] + "g", false},
	} {
		err := checkDigest(tt.in)
		if tt.ok {
			assert.NoError(t, err)
		} else {
			assert.ErrorIs(t, err, ErrInvalidDigest, tt.in)
		}
	}
}
