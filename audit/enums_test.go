package audit

import (
	"encoding"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type textEnum interface {
	encoding.TextMarshaler
	String() string
	IsValid() bool
}

func TestEnumsRoundTrip(t *testing.T) {
	check := func(t *testing.T, v textEnum, u encoding.TextUnmarshaler, want string) {
		t.Helper()
		assert.True(t, v.IsValid())
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
		assert.Equal(t, want, v.String())
		require.NoError(t, u.UnmarshalText(b))
	}
	for i, want := range kindNames[1:] {
		var k Kind
		check(t, Kind(i+1), &k, want)
		assert.Equal(t, Kind(i+1), k)
	}
	for i, want := range resultNames[1:] {
		var r Result
		check(t, Result(i+1), &r, want)
		assert.Equal(t, Result(i+1), r)
		assert.NotEmpty(t, r.Title())
	}
	for i, want := range stateNames[1:] {
		var s State
		check(t, State(i+1), &s, want)
		assert.Equal(t, State(i+1), s)
	}
	for i, want := range reasonNames[1:] {
		var k ReasonKind
		check(t, ReasonKind(i+1), &k, want)
		assert.Equal(t, ReasonKind(i+1), k)
	}
}

func TestEnumsReject(t *testing.T) {
	tests := []struct {
		name string
		u    encoding.TextUnmarshaler
		in   string
	}{
		{"kind", new(Kind), "External"},
		{"result upper case", new(Result), "Conforming"},
		{"result empty", new(Result), ""},
		{"state", new(State), "closed"},
		{"reason", new(ReasonKind), "soa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.ErrorIs(t, tt.u.UnmarshalText([]byte(tt.in)), ismskit.ErrUnknownValue)
		})
	}
	for _, v := range []textEnum{Kind(0), Result(0), State(0), ReasonKind(0), Kind(99), Result(99), State(99), ReasonKind(99)} {
		_, err := v.MarshalText()
		assert.ErrorIs(t, err, ismskit.ErrUnknownValue, "%T(%v)", v, v)
		assert.False(t, v.IsValid())
		assert.Empty(t, v.String())
	}
}

func TestResultPredicates(t *testing.T) {
	tests := []struct {
		r           Result
		nc, audited bool
	}{
		{Major, true, true},
		{Minor, true, true},
		{Observation, false, true},
		{Opportunity, false, true},
		{Conforming, false, true},
		{NotAudited, false, false},
		{0, false, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.nc, tt.r.IsNonconformity(), "%v", tt.r)
		assert.Equal(t, tt.audited, tt.r.Audited(), "%v", tt.r)
	}
	assert.Equal(t, []Result{Major, Minor, Observation, Opportunity, Conforming, NotAudited}, Results())
}

func TestStateMachine(t *testing.T) {
	legal := map[[2]State]bool{
		{Raised, Corrected}: true, {Corrected, Analysed}: true, {Analysed, Planned}: true,
		{Planned, Implemented}: true, {Implemented, Effective}: true, {Implemented, Ineffective}: true,
		{Ineffective, Analysed}: true, {Ineffective, Planned}: true,
	}
	for from := State(0); from <= Ineffective+1; from++ {
		for to := State(0); to <= Ineffective+1; to++ {
			assert.Equal(t, legal[[2]State{from, to}], from.CanMove(to), "%v -> %v", from, to)
		}
	}
	assert.Nil(t, Effective.Next())
	assert.Nil(t, State(0).Next())
	n := Implemented.Next()
	n[0] = Raised
	assert.Equal(t, []State{Effective, Ineffective}, Implemented.Next(), "Next returns a copy")
	assert.True(t, Effective.Closed())
	assert.False(t, Ineffective.Closed())
}
