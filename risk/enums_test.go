package risk

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
}

func TestEnumsRoundTrip(t *testing.T) {
	tests := []struct {
		in   string
		v    textEnum
		back func(string) (textEnum, error)
	}{
		{"confidentiality", Confidentiality, func(s string) (textEnum, error) { return ParseProperty(s) }},
		{"availability", Availability, func(s string) (textEnum, error) { return ParseProperty(s) }},
		{"supporting", SupportingAsset, func(s string) (textEnum, error) { return ParseAssetKind(s) }},
		{"share", Share, func(s string) (textEnum, error) { return ParseTreatmentOption(s) }},
		{"avoid", Avoid, func(s string) (textEnum, error) { return ParseTreatmentOption(s) }},
		{"planned", Planned, func(s string) (textEnum, error) { return ParseControlStatus(s) }},
		{"in-progress", ActionInProgress, func(s string) (textEnum, error) { return ParseActionStatus(s) }},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			b, err := tt.v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.in, string(b))
			assert.Equal(t, tt.in, tt.v.String())
			got, err := tt.back(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.v, got)
		})
	}
}

func TestEnumsRejectUnknown(t *testing.T) {
	var p Property
	require.ErrorIs(t, p.UnmarshalText([]byte("Confidentiality")), ismskit.ErrUnknownValue)
	var k AssetKind
	require.ErrorIs(t, k.UnmarshalText([]byte("primary")), ismskit.ErrUnknownValue)
	var o TreatmentOption
	require.ErrorIs(t, o.UnmarshalText([]byte("transfer")), ismskit.ErrUnknownValue)
	var c ControlStatus
	require.ErrorIs(t, c.UnmarshalText([]byte("")), ismskit.ErrUnknownValue)
	var a ActionStatus
	require.ErrorIs(t, a.UnmarshalText([]byte("open")), ismskit.ErrUnknownValue)
	var s AcceptanceStatus
	require.ErrorIs(t, s.UnmarshalText([]byte("ok")), ismskit.ErrUnknownValue)
	require.NoError(t, s.UnmarshalText([]byte("stale")))
	assert.Equal(t, AcceptanceStale, s)

	for _, m := range []encoding.TextMarshaler{Property("x"), AssetKind(""), TreatmentOption("x"), ControlStatus("x"), ActionStatus("x"), AcceptanceStatus(9)} {
		_, err := m.MarshalText()
		require.ErrorIs(t, err, ismskit.ErrUnknownValue)
	}
	assert.False(t, Property("").IsValid())
	assert.Equal(t, []Property{Confidentiality, Integrity, Availability}, Properties())
}

func TestIntEnumStrings(t *testing.T) {
	assert.Equal(t, "inherent", Inherent.String())
	assert.Equal(t, "current", Current.String())
	assert.Equal(t, "residual", Residual.String())
	assert.Equal(t, "Stage(7)", Stage(7).String())
	assert.Equal(t, "error", SeverityError.String())
	assert.Equal(t, "warning", SeverityWarning.String())
	assert.Equal(t, "Severity(5)", Severity(5).String())
	assert.Equal(t, "not-by-owner", AcceptanceNotByOwner.String())
	assert.Equal(t, "AcceptanceStatus(-1)", AcceptanceStatus(-1).String())
	assert.Equal(t, "theme", ByTheme.String())
	assert.Equal(t, "unknown", Dimension(9).String())
}
