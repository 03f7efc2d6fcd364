package notify

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

func TestEnums(t *testing.T) {
	for _, r := range Reports() {
		assert.True(t, r.IsValid())
		text, err := r.MarshalText()
		require.NoError(t, err)
		back, err := ParseReport(string(text))
		require.NoError(t, err)
		assert.Equal(t, r, back)
		var u Report
		require.NoError(t, u.UnmarshalText(text))
		assert.Equal(t, r, u)
		assert.NotEmpty(t, r.String())
	}
	assert.Len(t, Reports(), 15)
	for _, r := range Recipients() {
		assert.True(t, r.IsValid())
		text, err := r.MarshalText()
		require.NoError(t, err)
		back, err := ParseRecipient(string(text))
		require.NoError(t, err)
		assert.Equal(t, r, back)
		var u Recipient
		require.NoError(t, u.UnmarshalText(text))
		assert.Equal(t, r, u)
	}
	assert.Len(t, Recipients(), 10)
	assert.Equal(t, "Early warning", EarlyWarning.String())
	assert.Equal(t, "CSIRT or competent authority", CSIRT.String())
	_, err := Report(99).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = Recipient(99).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, "Report(99)", Report(99).String())
	rep, err := ParseReport("Early warning")
	require.NoError(t, err, "a label is read as well as a code")
	assert.Equal(t, EarlyWarning, rep)
	_, err = ParseRecipient("")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	var r Report
	require.NoError(t, r.UnmarshalText(nil))
	assert.Equal(t, Report(0), r)
	var nilR *Recipient
	assert.Error(t, nilR.UnmarshalText([]byte("csirt")))
}
