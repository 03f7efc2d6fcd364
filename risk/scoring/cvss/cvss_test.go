package cvss

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

func TestSeverityOf(t *testing.T) {
	for _, tt := range []struct {
		score float64
		want  Severity
	}{
		{math.NaN(), SeverityNone}, {-1, SeverityNone}, {0, SeverityNone}, {0.04, SeverityNone},
		{0.1, SeverityLow}, {3.9, SeverityLow}, {4.0, SeverityMedium}, {6.9, SeverityMedium},
		{7.0, SeverityHigh}, {8.9, SeverityHigh}, {9.0, SeverityCritical}, {10, SeverityCritical}, {11, SeverityCritical},
	} {
		assert.Equal(t, tt.want, SeverityOf(tt.score), "%v", tt.score)
	}
	assert.Equal(t, SeverityHigh, SeverityOfTenths(89))
	assert.Equal(t, SeverityNone, SeverityOfTenths(-3))
}

func TestSeverityText(t *testing.T) {
	for s := SeverityNone; s <= SeverityCritical; s++ {
		require.True(t, s.IsValid())
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var back Severity
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, s, back)
		code, err := s.MarshalText()
		require.NoError(t, err)
		p, err := ParseSeverity(string(code))
		require.NoError(t, err)
		assert.Equal(t, s, p)
	}
	assert.Equal(t, "Critical", SeverityCritical.String())
	assert.Equal(t, "None", SeverityNone.String())
	assert.False(t, Severity(5).IsValid())
	assert.Equal(t, "Severity(5)", Severity(5).String())
	assert.Equal(t, "Severity(5)", Severity(5).String())
	_, err := Severity(5).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	var s Severity
	err = s.UnmarshalText([]byte("High"))
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.EqualError(t, err, `unknown severity "High" (want none, low, medium, high or critical)`)
}

func TestKinds(t *testing.T) {
	for _, k := range []*ismskit.Kind{ErrPrefix, ErrUnknownMetric, ErrDuplicateMetric, ErrMissingMetric, ErrMetricOrder} {
		assert.NotEmpty(t, k.Code())
		assert.NotEmpty(t, k.Error())
	}
	assert.Equal(t, "unknown-metric", ErrUnknownMetric.Code())
}
