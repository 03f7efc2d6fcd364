package regulation

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

// enumValue is the method set every enumeration of the package has.
type enumValue interface {
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
}

func TestEnums(t *testing.T) {
	for _, tt := range []struct {
		name   string
		values []enumValue
		codes  []string
		labels []string
		parse  func(string) (enumValue, error)
		zero   func() encoding.TextUnmarshaler
		bad    enumValue
	}{
		{"Regulation", []enumValue{GDPR, HIPAA, NIS2, DORA}, []string{"gdpr", "hipaa", "nis2", "dora"}, []string{"GDPR", "HIPAA", "NIS2", "DORA"},
			func(s string) (enumValue, error) { return ParseRegulation(s) }, func() encoding.TextUnmarshaler { return new(Regulation) }, Regulation(9)},
		{"Kind", []enumValue{Article, TimeLimit}, []string{"article", "time-limit"}, []string{"Article", "Time limit"},
			func(s string) (enumValue, error) { return ParseKind(s) }, func() encoding.TextUnmarshaler { return new(Kind) }, Kind(99)},
		{"Designation", []enumValue{Required, Addressable}, []string{"required", "addressable"}, []string{"Required", "Addressable"},
			func(s string) (enumValue, error) { return ParseDesignation(s) }, func() encoding.TextUnmarshaler { return new(Designation) }, Designation(3)},
		{"Provenance", []enumValue{Published, Derived, Editorial}, []string{"published", "derived", "editorial"}, []string{"Published", "Derived", "Editorial"},
			func(s string) (enumValue, error) { return ParseProvenance(s) }, func() encoding.TextUnmarshaler { return new(Provenance) }, Provenance(4)},
		{"Action", []enumValue{Add, Drop}, []string{"add", "drop"}, []string{"Add", "Drop"},
			func(s string) (enumValue, error) { return ParseAction(s) }, func() encoding.TextUnmarshaler { return new(Action) }, Action(3)},
		{"Status", []enumValue{Covered, Partial, NotCovered, Unmapped, NotApplicable},
			[]string{"covered", "partial", "not-covered", "unmapped", "not-applicable"},
			[]string{"Covered", "Partly covered", "Not covered", "Unmapped", "Not applicable"},
			func(s string) (enumValue, error) { return ParseStatus(s) }, func() encoding.TextUnmarshaler { return new(Status) }, Status(6)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for i, v := range tt.values {
				assert.True(t, v.IsValid())
				assert.Equal(t, tt.labels[i], v.String())
				text, err := v.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, tt.codes[i], string(text))
				back, err := tt.parse(tt.codes[i])
				require.NoError(t, err)
				assert.Equal(t, v, back)
				u := tt.zero()
				require.NoError(t, u.UnmarshalText(text))
				require.NoError(t, u.UnmarshalText(nil), "empty text is the zero value")
			}
			assert.False(t, tt.bad.IsValid())
			_, err := tt.bad.MarshalText()
			assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
			assert.Contains(t, tt.bad.String(), tt.name+"(")
			_, err = tt.parse("no-such-value")
			assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
			_, err = tt.parse("")
			assert.Error(t, err)
			assert.Error(t, tt.zero().UnmarshalText([]byte("no-such-value")))
		})
	}
	assert.Len(t, Kinds(), 9)
	assert.Len(t, Statuses(), 5)
	_, err := ParseRegulation("ccpa")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Len(t, ismskit.Problems(err), 1)
	r, err := ParseRegulation("NIS2")
	require.NoError(t, err)
	assert.Equal(t, NIS2, r, "regulation codes are read in any case")
	var nilReg *Regulation
	assert.Error(t, nilReg.UnmarshalText([]byte("gdpr")))
	var reg Regulation
	require.NoError(t, reg.UnmarshalText([]byte("DORA")))
	assert.Equal(t, DORA, reg)
	var zero Regulation
	text, err := zero.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
}
