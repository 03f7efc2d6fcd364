package audit

import (
	"encoding"
	"strings"
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

// enumCase is one enumeration under test: its values, and functions that
// parse and unmarshal into a new value.
type enumCase struct {
	name      string
	values    []textEnum
	codes     []string
	labels    []string
	parse     func(string) (textEnum, error)
	unmarshal func([]byte) (textEnum, error)
	zero, bad textEnum
}

func enumCases() []enumCase {
	return []enumCase{
		{"Kind", []textEnum{Internal, Stage1, Stage2, Surveillance, Recertification},
			[]string{"internal", "stage1", "stage2", "surveillance", "recertification"},
			[]string{"Internal audit", "Stage 1 audit", "Stage 2 audit", "Surveillance audit", "Recertification audit"},
			func(s string) (textEnum, error) { return ParseKind(s) },
			func(b []byte) (textEnum, error) { var v Kind; err := v.UnmarshalText(b); return v, err },
			Kind(0), Kind(99)},
		{"Result", []textEnum{Major, Minor, Observation, Opportunity, Conforming, NotAudited},
			[]string{"major-nonconformity", "minor-nonconformity", "observation", "opportunity-for-improvement", "conforming", "not-audited"},
			[]string{"Major nonconformity", "Minor nonconformity", "Observation", "Opportunity for improvement", "Conforming", "Not audited"},
			func(s string) (textEnum, error) { return ParseResult(s) },
			func(b []byte) (textEnum, error) { var v Result; err := v.UnmarshalText(b); return v, err },
			Result(0), Result(99)},
		{"State", []textEnum{Raised, Corrected, Analysed, Planned, Implemented, Effective, Ineffective},
			[]string{"raised", "corrected", "analysed", "planned", "implemented", "effective", "ineffective"},
			[]string{"Raised", "Corrected", "Analysed", "Planned", "Implemented", "Effective", "Ineffective"},
			func(s string) (textEnum, error) { return ParseState(s) },
			func(b []byte) (textEnum, error) { var v State; err := v.UnmarshalText(b); return v, err },
			State(0), State(99)},
		{"ReasonKind", []textEnum{OpenMajor, MissingDocument, NoGapAnalysis, InvalidSoA, ClauseNotAudited},
			[]string{"open-major-nonconformity", "missing-documented-information", "no-gap-analysis", "invalid-soa", "clause-not-audited"},
			[]string{"Open major nonconformity", "Missing documented information", "No gap analysis", "Invalid Statement of Applicability", "Clause not audited"},
			func(s string) (textEnum, error) { return ParseReasonKind(s) },
			func(b []byte) (textEnum, error) { var v ReasonKind; err := v.UnmarshalText(b); return v, err },
			ReasonKind(0), ReasonKind(99)},
	}
}

func TestEnumsMethodSet(t *testing.T) {
	for _, ec := range enumCases() {
		t.Run(ec.name, func(t *testing.T) {
			require.Len(t, ec.codes, len(ec.values))
			for i, v := range ec.values {
				assert.True(t, v.IsValid())
				assert.Equal(t, ec.labels[i], v.String(), "String is the label")
				b, err := v.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, ec.codes[i], string(b), "MarshalText is the code")
				p, err := ec.parse(ec.codes[i])
				require.NoError(t, err)
				assert.Equal(t, v, p)
				u, err := ec.unmarshal(b)
				require.NoError(t, err)
				assert.Equal(t, v, u)
				p, err = ec.parse(ec.labels[i])
				require.NoError(t, err, "Parse takes the label too")
				assert.Equal(t, v, p)
				_, err = ec.unmarshal([]byte(ec.labels[i]))
				assert.ErrorIs(t, err, ismskit.ErrUnknownValue, "UnmarshalText takes the code only")
			}
			// The zero value means unset: it marshals to "" and back.
			assert.False(t, ec.zero.IsValid())
			assert.Empty(t, ec.zero.String())
			b, err := ec.zero.MarshalText()
			require.NoError(t, err)
			assert.Empty(t, b)
			u, err := ec.unmarshal(nil)
			require.NoError(t, err)
			assert.Equal(t, ec.zero, u)
			_, err = ec.parse("")
			assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
			// A value out of range has no text form.
			assert.False(t, ec.bad.IsValid())
			assert.Equal(t, ec.name+"(99)", ec.bad.String())
			_, err = ec.bad.MarshalText()
			assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
		})
	}
	assert.Equal(t, []Kind{Internal, Stage1, Stage2, Surveillance, Recertification}, Kinds())
	assert.Equal(t, []State{Raised, Corrected, Analysed, Planned, Implemented, Effective, Ineffective}, States())
	assert.Equal(t, []ReasonKind{OpenMajor, MissingDocument, NoGapAnalysis, InvalidSoA, ClauseNotAudited}, ReasonKinds())
}

func TestEnumsReject(t *testing.T) {
	tests := []struct {
		name string
		u    encoding.TextUnmarshaler
		in   string
	}{
		{"kind", new(Kind), "External"},
		{"result upper case", new(Result), "Conforming"},
		{"result label", new(Result), "Major nonconformity"},
		{"state", new(State), "closed"},
		{"reason", new(ReasonKind), "soa"},
		{"long", new(State), strings.Repeat("x", 1<<16)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.u.UnmarshalText([]byte(tt.in))
			assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
			assert.Less(t, len(err.Error()), 300, "the message quotes a clipped input")
		})
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
