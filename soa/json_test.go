package soa

import (
	"encoding/json"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONGoldenAndRoundTrip(t *testing.T) {
	s := testSoA(t)
	s.Entries[0].Extensions = json.RawMessage(`{"grc": {"ticket": "SEC-1"}}`)
	s.Extensions = json.RawMessage(`{"tool":"x"}`)
	b, err := EncodeSoA(s)
	require.NoError(t, err)
	golden(t, "testdata/soa.golden.json", b)
	back, err := DecodeSoA(b)
	require.NoError(t, err)
	// Extensions come back with the same JSON value; Encode indents them.
	assert.JSONEq(t, string(s.Extensions), string(back.Extensions))
	assert.JSONEq(t, string(s.Entries[0].Extensions), string(back.Entries[0].Extensions))
	back.Extensions, back.Entries[0].Extensions = s.Extensions, s.Entries[0].Extensions
	assert.Equal(t, s, back)
	b2, err := EncodeSoA(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
}

func TestDecodeStrict(t *testing.T) {
	tests := []struct {
		name, in string
		kind     error
		path     string
	}{
		{"unknown key", `{"header":{"organization":"x","version":"1","date":"2026-01-01","edition":"2022"},"entries":[{"control":"5.1","title":"t","applicability":"included","statuss":"planned"}]}`, ismskit.ErrUnknownField, "entries[0].statuss"},
		{"key in the wrong case", `{"Header":{},"entries":[]}`, ismskit.ErrUnknownField, "Header"},
		{"unknown enum value", `{"header":{"edition":"2022"},"entries":[{"control":"5.1","title":"t","applicability":"maybe"}]}`, ismskit.ErrUnknownValue, "entries[0].applicability"},
		{"unknown status", `{"header":{"edition":"2022"},"entries":[{"control":"5.1","title":"t","applicability":"included","status":"done"}]}`, ismskit.ErrUnknownValue, "entries[0].status"},
		{"unknown reason kind", `{"header":{"edition":"2022"},"entries":[{"control":"5.1","title":"t","applicability":"included","reasons":[{"kind":"whim"}]}]}`, ismskit.ErrUnknownValue, "entries[0].reasons[0].kind"},
		{"unknown control", `{"header":{"edition":"2022"},"entries":[{"control":"5.99","title":"t","applicability":"included"}]}`, ismskit.ErrUnknownControl, "entries[0].control"},
		{"wrong type", `{"header":{"edition":"2022"},"entries":[{"control":"5.1","title":7,"applicability":"included"}]}`, ismskit.ErrType, "entries[0].title"},
		{"trailing data", `{"header":{"edition":"2022"},"entries":[]} {}`, ismskit.ErrTrailingData, ""},
		{"syntax", `{"header":`, ismskit.ErrSyntax, ""},
		{"duplicate key", `{"header":{"edition":"2022"},"entries":[],"entries":[]}`, ismskit.ErrDuplicateField, "entries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeSoA([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			var fe *ismskit.Error
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.path, fe.Path)
		})
	}
}

func TestDecodeReportsEveryProblem(t *testing.T) {
	_, err := DecodeSoA([]byte(`{"header":{"edition":"2022","orgnization":"x"},"entries":[{"control":"5.1","title":"t","applicability":"maybe","status":"done"}]}`))
	require.Error(t, err)
	assert.Len(t, flatten(err), 3, err.Error())
}

// TestMissingReasonKindRoundTrips: a draft may hold a reason whose kind
// is not chosen yet; it encodes without the key, decodes back, and
// Validate reports it.
func TestMissingReasonKindRoundTrips(t *testing.T) {
	s, err := DecodeSoA([]byte(`{"header":{"edition":"2022"},"entries":[{"control":"7.1","reasons":[{}]}]}`))
	require.NoError(t, err)
	b, err := EncodeSoA(s)
	require.NoError(t, err)
	back, err := DecodeSoA(b)
	require.NoError(t, err)
	assert.Equal(t, s, back)
	assert.ErrorContains(t, back.Validate(ValidateOptions{}), "entries[0].reasons[0].kind")
}

func TestEncodeRejectsUndefinedValues(t *testing.T) {
	s := testSoA(t)
	s.Entries[2].Status = 42
	s.Entries[3].Reasons[0].Kind = 99
	s.Entries[4].Extensions = json.RawMessage(`{`)
	_, err := EncodeSoA(s)
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Len(t, flatten(err), 3, err.Error())
	assert.Contains(t, err.Error(), "entries[2].status")
	assert.Contains(t, err.Error(), "entries[3].reasons[0].kind")
	assert.Contains(t, err.Error(), "entries[4].extensions")
}
