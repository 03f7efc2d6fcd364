package risk

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Result types print readably with %v, as reports and templates show
// them.
func TestResultStrings(t *testing.T) {
	reg := testRegister()
	as, err := AssessRegister(reg)
	require.NoError(t, err)
	un, err := NeedingAcceptance(reg, day("2026-06-01"))
	require.NoError(t, err)
	var uses []ControlUse
	for u := range reg.Risks[0].ControlUses() {
		uses = append(uses, u)
	}
	tests := []struct {
		v    any
		want string
	}{
		{as[0].Inherent, "critical (L4 I5)"},
		{Rating{}, "L0 I0"},
		{as[0], "R-1: inherent critical (L4 I5), current high (L4 I3), residual medium (L3 I3), limit low"},
		{Rank(as, Residual)[0], "1. R-1: inherent critical (L4 I5), current high (L4 I3), residual medium (L3 I3), limit low"},
		{un[0], "R-1 (owner cto): residual medium (L3 I3) above low, acceptance None"},
		{Aggregate(reg, as, ByAsset, Residual)[1], "web: R-2 R-10 (highest medium)"},
		{uses[0], "8.13 Implemented"},
		{uses[2], "8.7 Planned (plan action 0)"},
		{Residual, "Residual"},
		{reg.Criteria.Ref(), "standard-5x5@1"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, fmt.Sprintf("%v", tt.v))
	}
}
