package soa

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

// enumValue is what every enumeration of the package implements.
type enumValue interface {
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
}

func TestEnums(t *testing.T) {
	tests := []struct {
		name  string
		value enumValue
		code  string // "" for the unset zero value
		label string
		valid bool
		parse func(string) (enumValue, error)
		into  func() encoding.TextUnmarshaler
	}{
		{"undecided", Undecided, "undecided", "Undecided", true, parseAs(ParseApplicability), newOf[Applicability]},
		{"included", Included, "included", "Included", true, parseAs(ParseApplicability), newOf[Applicability]},
		{"excluded", Excluded, "excluded", "Excluded", true, parseAs(ParseApplicability), newOf[Applicability]},
		{"status unset", Status(0), "", "", false, parseAs(ParseStatus), newOf[Status]},
		{"not started", NotStarted, "not-started", "Not started", true, parseAs(ParseStatus), newOf[Status]},
		{"planned", Planned, "planned", "Planned", true, parseAs(ParseStatus), newOf[Status]},
		{"partially", PartiallyImplemented, "partially-implemented", "Partially implemented", true, parseAs(ParseStatus), newOf[Status]},
		{"implemented", Implemented, "implemented", "Implemented", true, parseAs(ParseStatus), newOf[Status]},
		{"not applicable", NotApplicable, "not-applicable", "Not applicable", true, parseAs(ParseStatus), newOf[Status]},
		{"reason kind unset", ReasonKind(0), "", "", false, parseAs(ParseReasonKind), newOf[ReasonKind]},
		{"risk treatment", RiskTreatment, "risk-treatment", "Risk treatment", true, parseAs(ParseReasonKind), newOf[ReasonKind]},
		{"legal", Legal, "legal", "Legal", true, parseAs(ParseReasonKind), newOf[ReasonKind]},
		{"regulatory", Regulatory, "regulatory", "Regulatory", true, parseAs(ParseReasonKind), newOf[ReasonKind]},
		{"contractual", Contractual, "contractual", "Contractual", true, parseAs(ParseReasonKind), newOf[ReasonKind]},
		{"business", BusinessRequirement, "business-requirement", "Business requirement", true, parseAs(ParseReasonKind), newOf[ReasonKind]},
		{"best practice", BestPractice, "best-practice", "Best practice", true, parseAs(ParseReasonKind), newOf[ReasonKind]},
		{"own", Own, "own", "Own", true, parseAs(ParseResponsibility), newOf[Responsibility]},
		{"inherited", Inherited, "inherited", "Inherited", true, parseAs(ParseResponsibility), newOf[Responsibility]},
		{"shared", Shared, "shared", "Shared", true, parseAs(ParseResponsibility), newOf[Responsibility]},
		{"change kind unset", ChangeKind(0), "", "", false, parseAs(ParseChangeKind), newOf[ChangeKind]},
		{"added", Added, "added", "Added", true, parseAs(ParseChangeKind), newOf[ChangeKind]},
		{"removed", Removed, "removed", "Removed", true, parseAs(ParseChangeKind), newOf[ChangeKind]},
		{"modified", Modified, "modified", "Modified", true, parseAs(ParseChangeKind), newOf[ChangeKind]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.label, tt.value.String(), "String is the label for people")
			assert.Equal(t, tt.valid, tt.value.IsValid())
			b, err := tt.value.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.code, string(b), "MarshalText is the code")
			back := tt.into()
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, tt.value, deref(back), "UnmarshalText reads MarshalText back")
			v, err := tt.parse(tt.code)
			if tt.code == "" {
				assert.ErrorIs(t, err, ismskit.ErrUnknownValue, "the empty string parses as nothing")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.value, v)
			_, err = tt.parse(tt.label + "x")
			assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
		})
	}
}

func parseAs[T enumValue](f func(string) (T, error)) func(string) (enumValue, error) {
	return func(s string) (enumValue, error) { return f(s) }
}

func newOf[T any]() encoding.TextUnmarshaler {
	return any(new(T)).(encoding.TextUnmarshaler)
}

func deref(u encoding.TextUnmarshaler) any {
	switch p := u.(type) {
	case *Applicability:
		return *p
	case *Status:
		return *p
	case *ReasonKind:
		return *p
	case *Responsibility:
		return *p
	case *ChangeKind:
		return *p
	}
	return nil
}

func TestEnumsUndefined(t *testing.T) {
	tests := []struct {
		value enumValue
		label string
	}{
		{Applicability(7), "Applicability(7)"},
		{Status(9), "Status(9)"},
		{ReasonKind(9), "ReasonKind(9)"},
		{Responsibility(3), "Responsibility(3)"},
		{ChangeKind(4), "ChangeKind(4)"},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			assert.Equal(t, tt.label, tt.value.String())
			assert.False(t, tt.value.IsValid())
			_, err := tt.value.MarshalText()
			assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
		})
	}
	// ParseX takes a code or a label in any case; JSON takes codes only.
	st, err := ParseStatus("partially IMPLEMENTED")
	require.NoError(t, err)
	assert.Equal(t, PartiallyImplemented, st)
	assert.ErrorIs(t, st.UnmarshalText([]byte("Implemented")), ismskit.ErrUnknownValue)
	_, err = ParseStatus("Implemnted")
	assert.EqualError(t, err, `"Implemnted" is not a status (want "not-started", "planned", "partially-implemented", "implemented" or "not-applicable")`)
	_, err = ParseApplicability("")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	var a Applicability
	assert.ErrorIs(t, a.UnmarshalText(nil), ismskit.ErrUnknownValue, "the zero Applicability is a value, not unset: empty text is an error")
	assert.ErrorIs(t, (*Status)(nil).UnmarshalText([]byte("planned")), ismskit.ErrMissing, "a nil receiver is an error, not a panic")
	_, err = ParseStatus(string(make([]byte, 10_000)))
	assert.Less(t, len(err.Error()), 300, "a long input is clipped in the message")
	assert.True(t, Legal.NeedsReference())
	assert.False(t, BestPractice.NeedsReference())
}
