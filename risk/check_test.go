package risk

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

func TestCheckClean(t *testing.T) {
	f, err := Check(testRegister())
	require.NoError(t, err)
	assert.Empty(t, f)
	f, err = Check(loadSample(t))
	require.NoError(t, err)
	assert.Empty(t, f)
}

func TestCheck(t *testing.T) {
	ctrl := []AppliedControl{{Control: iso27002.MustParse("5.1"), Status: Planned}}
	impl := []AppliedControl{{Control: iso27002.MustParse("5.1"), Status: Implemented}}
	tests := []struct {
		name string
		risk Risk
		want []Finding // Err compared by path and kind
	}{
		{
			name: "residual above inherent",
			risk: Risk{ID: "r", Likelihood: 2, Impact: 2, Controls: ctrl, Treatment: Treatment{Option: Modify}, Residual: &Estimate{Likelihood: 3, Impact: 2}},
			want: []Finding{{Severity: SeverityError, Path: "risks[0].residual", Kind: ismskit.ErrInconsistent}},
		},
		{
			name: "residual impact above inherent",
			risk: Risk{ID: "r", Likelihood: 2, Impact: 2, Controls: ctrl, Treatment: Treatment{Option: Modify}, Residual: &Estimate{Likelihood: 1, Impact: 3}},
			want: []Finding{{Severity: SeverityError, Path: "risks[0].residual", Kind: ismskit.ErrInconsistent}},
		},
		{
			name: "current above inherent",
			risk: Risk{ID: "r", Likelihood: 2, Impact: 2, Controls: impl, Treatment: Treatment{Option: Modify}, Current: &Estimate{Likelihood: 2, Impact: 4}, Residual: &Estimate{Likelihood: 2, Impact: 2}},
			want: []Finding{{Severity: SeverityError, Path: "risks[0].current", Kind: ismskit.ErrInconsistent}},
		},
		{
			name: "residual above current",
			risk: Risk{ID: "r", Likelihood: 4, Impact: 4, Controls: impl, Treatment: Treatment{Option: Modify}, Current: &Estimate{Likelihood: 2, Impact: 2}, Residual: &Estimate{Likelihood: 3, Impact: 3}},
			want: []Finding{{Severity: SeverityError, Path: "risks[0].residual", Kind: ismskit.ErrInconsistent}},
		},
		{
			name: "residual lowered without control or treatment",
			risk: Risk{ID: "r", Likelihood: 4, Impact: 4, Treatment: Treatment{Option: Retain}, Residual: &Estimate{Likelihood: 2, Impact: 4}},
			want: []Finding{{Severity: SeverityWarning, Path: "risks[0].residual", Kind: ErrUnexplainedReduction}},
		},
		{
			name: "current lowered without implemented control",
			risk: Risk{ID: "r", Likelihood: 4, Impact: 4, Controls: ctrl, Treatment: Treatment{Option: Modify}, Current: &Estimate{Likelihood: 3, Impact: 4}},
			want: []Finding{{Severity: SeverityWarning, Path: "risks[0].current", Kind: ErrUnexplainedReduction}},
		},
		{
			name: "avoid explains a lower residual",
			risk: Risk{ID: "r", Likelihood: 4, Impact: 4, Treatment: Treatment{Option: Avoid}, Residual: &Estimate{Likelihood: 1, Impact: 4}},
		},
		{
			name: "share explains a lower residual",
			risk: Risk{ID: "r", Likelihood: 4, Impact: 4, Treatment: Treatment{Option: Share, SharedWith: "x"}, Residual: &Estimate{Likelihood: 4, Impact: 2}},
		},
		{
			name: "controls explain a lower residual",
			risk: Risk{ID: "r", Likelihood: 4, Impact: 4, Controls: ctrl, Treatment: Treatment{Option: Modify}, Residual: &Estimate{Likelihood: 1, Impact: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := Register{Criteria: Standard5x5(), Risks: []Risk{tt.risk}}
			got, err := Check(reg)
			require.NoError(t, err)
			require.Len(t, got, len(tt.want), "%v", got)
			for i, w := range tt.want {
				assert.Equal(t, w.Severity, got[i].Severity)
				assert.Equal(t, "r", got[i].RiskID)
				assert.Equal(t, w.Path, got[i].Path)
				assert.Equal(t, w.Kind, got[i].Kind)
				assert.ErrorIs(t, got[i], w.Kind)
				assert.Equal(t, w.Path, got[i].Problem().Path)
				assert.Equal(t, "r", got[i].Problem().Item)
				assert.ErrorIs(t, got[i].Problem(), w.Kind)
			}
		})
	}
}

func TestCheckMessage(t *testing.T) {
	reg := Register{Criteria: Standard5x5(), Risks: []Risk{{ID: "r", Likelihood: 2, Impact: 2, Treatment: Treatment{Option: Retain}, Residual: &Estimate{Likelihood: 3, Impact: 2}}}}
	got, err := Check(reg)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "error: risks[0].residual (r): residual risk medium (L3 I2) is above inherent risk low (L2 I2)", got[0].Error())
	assert.Equal(t, "warning: ", Finding{Severity: SeverityWarning}.Error())
	assert.Equal(t, "finding: ", Finding{}.Error())
	assert.NoError(t, Finding{}.Unwrap(), "no kind unwraps to a nil error")

	// JSON keeps the message and the kind, and reads them back
	b, err := json.Marshal(got[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"severity":"error","riskId":"r","path":"risks[0].residual","kind":"inconsistent","message":"residual risk medium (L3 I2) is above inherent risk low (L2 I2)"}`, string(b))
	var back Finding
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, got[0], back)
	assert.ErrorIs(t, back, ismskit.ErrInconsistent)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"kind":"no-such-kind"}`), &back), ismskit.ErrUnknownValue)
}

func TestCheckErrors(t *testing.T) {
	reg := testRegister()
	reg.Risks[1].Impact = 0
	f, err := Check(reg)
	requireFieldErr(t, err, "risks[1].impact", ismskit.ErrOutOfRange)
	assert.Empty(t, f)
	reg.Criteria.RiskLevels = nil
	_, err = Check(reg)
	requireFieldErr(t, err, "criteria.riskLevels", ErrInvalidCriteria)
}
