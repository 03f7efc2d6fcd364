package audit

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testRegister() risk.Register {
	ctl := func(id string, st risk.ControlStatus, eff int) risk.AppliedControl {
		return risk.AppliedControl{Control: ids(id)[0], Status: st, LikelihoodEffect: eff, ImpactEffect: eff}
	}
	r := func(id string, l, i int, cs ...risk.AppliedControl) risk.Risk {
		return risk.Risk{ID: id, Title: id, Owner: "o", Likelihood: l, Impact: i, Controls: cs, Treatment: risk.Treatment{Option: risk.Modify}}
	}
	return risk.Register{Criteria: risk.Standard5x5(), Risks: []risk.Risk{
		r("R1", 5, 5, ctl("8.8", risk.Implemented, 80), ctl("8.13", risk.Planned, 0)), // critical inherent, lower after
		r("R2", 3, 4, ctl("5.15", risk.Implemented, 0)),                               // 12: high
		r("R3", 1, 2, ctl("5.1", risk.Implemented, 0)),                                // low
		r("R4", 4, 4, ctl("8.8", risk.Implemented, 0), ctl("acme:X-1", risk.Implemented, 0)),
	}}
}

func TestHighRiskControls(t *testing.T) {
	reg := testRegister()
	tests := []struct {
		level string
		stage risk.Stage
		want  []string
	}{
		{"medium", risk.Inherent, []string{"5.15", "8.8", "8.13", "acme:X-1"}},
		{"high", risk.Inherent, []string{"8.8", "8.13"}},
		{"critical", risk.Inherent, nil},
		{"low", risk.Inherent, []string{"5.15", "8.8", "8.13", "acme:X-1"}},
		{"medium", risk.Current, []string{"5.15", "8.8", "acme:X-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.level+" "+tt.stage.String(), func(t *testing.T) {
			got, err := HighRiskControls(reg, tt.level, tt.stage)
			require.NoError(t, err)
			var s []string
			for _, id := range got {
				s = append(s, id.String())
			}
			assert.Equal(t, tt.want, s)
		})
	}
	_, err := HighRiskControls(reg, "severe", risk.Inherent)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	bad := testRegister()
	bad.Risks[2].Likelihood = 9
	got, err := HighRiskControls(bad, "medium", risk.Inherent)
	assert.Error(t, err, "an unassessable risk is reported")
	assert.NotEmpty(t, got, "the others still count")
}

// TestHighRiskControlsOfPlans shows the one rule of
// risk.Risk.TreatingControls: the controls of a risk's plan actions treat
// it, except those of cancelled actions.
func TestHighRiskControlsOfPlans(t *testing.T) {
	reg := testRegister()
	reg.Risks[0].Treatment.Plan = []risk.Action{
		{ID: "A1", Title: "Threat intelligence", Owner: "o", Status: risk.ActionPlanned, Due: asOf, Controls: ids("5.7")},
		{ID: "A2", Title: "Cloud exit", Owner: "o", Status: risk.ActionCancelled, Controls: ids("5.23")},
		{ID: "A3", Title: "Logging", Owner: "o", Status: risk.ActionDone, Controls: ids("8.16")},
	}
	got, err := HighRiskControls(reg, "high", risk.Inherent)
	require.NoError(t, err)
	assert.Equal(t, ids("5.7", "8.8", "8.13", "8.16"), got)
	_, err = HighRiskControls(reg, "severe", risk.Inherent)
	assert.Equal(t, []string{"level"}, errPaths(err))
}

func TestBasisOf(t *testing.T) {
	reg := testRegister()
	reg.Risks[3].Controls = reg.Risks[3].Controls[:1] // no custom control
	s, err := soa.Generate(soa.Input{Header: soa.Header{Organization: "X", Version: "1", Date: asOf}, Register: reg})
	require.NoError(t, err)
	b := BasisOf(s, nil, ids("8.8"))
	var got []string
	for _, id := range b.Applicable {
		got = append(got, id.String())
	}
	assert.Equal(t, []string{"5.1", "5.15", "8.8", "8.13"}, got, "the included controls")
	assert.Equal(t, iso27002.Catalog2022(), b.Catalog)
	assert.Nil(t, b.Standard)
	_, err = b.resolve()
	require.NoError(t, err)

	s13 := soa.SoA{Header: soa.Header{Edition: iso27002.Edition2013}}
	b = BasisOf(s13, nil, nil)
	assert.Equal(t, iso27001.Edition2013, b.Standard.Edition())
	assert.Equal(t, iso27002.Catalog2013(), b.Catalog)
	assert.Empty(t, b.Applicable)
	assert.NotNil(t, b.Applicable, "an SoA was given, even with nothing applicable")
}

func TestOpenMajors(t *testing.T) {
	r := testRecords(t)
	got := OpenMajors(r, asOf)
	require.Len(t, got, 1)
	assert.Equal(t, "F-3", got[0].ID)
	assert.Empty(t, OpenMajors(r, d("2027-02-01")), "before the finding")
	r.Actions[1] = closedAction("F-3", "2027-02-20")
	r.Actions[1].History[0].Date = d("2027-02-02")
	assert.Empty(t, OpenMajors(r, asOf), "closed")
}
