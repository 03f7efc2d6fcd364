package sample

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/risk"
)

func TestRegisterIsValid(t *testing.T) {
	reg, err := risk.DecodeRegister(RegisterJSON())
	require.NoError(t, err)
	require.NoError(t, reg.Validate())
	assert.Len(t, reg.Risks, 30)
	findings, err := risk.Check(reg)
	require.NoError(t, err)
	assert.Empty(t, findings)
	gaps, err := risk.NeedingAcceptance(reg, ismskit.NewDate(2026, 11, 28))
	require.NoError(t, err)
	assert.NotEmpty(t, gaps, "the sample shows risks needing acceptance")
}

func TestRegisterJSONIsACopy(t *testing.T) {
	a := RegisterJSON()
	a[0] = 'x'
	assert.Equal(t, byte('{'), RegisterJSON()[0])
}

// The risk package tests use a copy of the sample; keep them equal.
func TestRiskTestdataInSync(t *testing.T) {
	data, err := os.ReadFile("../../../risk/testdata/register.json")
	require.NoError(t, err)
	assert.Equal(t, string(RegisterJSON()), string(data), "copy examples/internal/sample/register.json to risk/testdata/")
}
