package risk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

func TestRegisterLookups(t *testing.T) {
	reg := testRegister()
	reg.Risks = append(reg.Risks, Risk{ID: "R-1", Title: "a duplicate ID"})
	tests := []struct {
		name    string
		get     func(string) (any, error)
		id      string
		wantErr bool
		check   func(t *testing.T, got any)
	}{
		{"risk", func(id string) (any, error) { return reg.Risk(id) }, "R-10", false, func(t *testing.T, got any) {
			assert.Equal(t, "DDoS", got.(Risk).Title)
		}},
		{"the first of a duplicate ID", func(id string) (any, error) { return reg.Risk(id) }, "R-1", false, func(t *testing.T, got any) {
			assert.Equal(t, "Ransomware", got.(Risk).Title)
		}},
		{"unknown risk", func(id string) (any, error) { return reg.Risk(id) }, "R-99", true, nil},
		{"empty ID", func(id string) (any, error) { return reg.Risk(id) }, "", true, nil},
		{"asset", func(id string) (any, error) { return reg.Asset(id) }, "web", false, func(t *testing.T, got any) {
			assert.Equal(t, "Web front end", got.(Asset).Name)
		}},
		{"unknown asset", func(id string) (any, error) { return reg.Asset(id) }, "R-1", true, nil},
		{"threat", func(id string) (any, error) { return reg.Threat(id) }, "t1", false, func(t *testing.T, got any) {
			assert.Equal(t, "Ransomware", got.(Threat).Name)
		}},
		{"unknown threat", func(id string) (any, error) { return reg.Threat(id) }, "t2", true, nil},
		{"vulnerability", func(id string) (any, error) { return reg.Vulnerability(id) }, "v1", false, func(t *testing.T, got any) {
			assert.Equal(t, []string{"db"}, got.(Vulnerability).Assets)
		}},
		{"unknown vulnerability", func(id string) (any, error) { return reg.Vulnerability(id) }, "db", true, nil},
		{"level", func(id string) (any, error) { return reg.Criteria.Level(id) }, "high", false, func(t *testing.T, got any) {
			assert.Equal(t, "High", got.(Level).Label)
		}},
		{"unknown level", func(id string) (any, error) { return reg.Criteria.Level(id) }, "High", true, nil},
		{"rank", func(id string) (any, error) { return reg.Criteria.Rank(id) }, "critical", false, func(t *testing.T, got any) {
			assert.Equal(t, 3, got)
		}},
		{"rank of the lowest", func(id string) (any, error) { return reg.Criteria.Rank(id) }, "low", false, func(t *testing.T, got any) {
			assert.Equal(t, 0, got)
		}},
		{"unknown rank", func(id string) (any, error) { return reg.Criteria.Rank(id) }, "severe", true, func(t *testing.T, got any) {
			assert.Equal(t, -1, got, "an unknown level ranks below every level")
		}},
		{"zero register", func(id string) (any, error) { return Register{}.Risk(id) }, "R-1", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.get(tt.id)
			if tt.wantErr {
				require.ErrorIs(t, err, ismskit.ErrUnknownReference)
				assert.Contains(t, err.Error(), `"`+tt.id+`"`)
			} else {
				require.NoError(t, err)
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
}

func TestLookupReturnsACopy(t *testing.T) {
	reg := testRegister()
	r, err := reg.Risk("R-1")
	require.NoError(t, err)
	r.Controls[0].Status = Planned
	r.Treatment.Plan[0].Controls[0] = r.Controls[1].Control
	assert.Equal(t, testRegister(), reg, "changing the copy leaves the register alone")
	a, err := reg.Asset("db")
	require.NoError(t, err)
	a.Properties[0] = Availability
	assert.Equal(t, Confidentiality, reg.Assets[0].Properties[0])
}

func TestAssessmentsOf(t *testing.T) {
	as, err := AssessRegister(testRegister())
	require.NoError(t, err)
	tests := []struct {
		id        string
		wantLevel string
	}{
		{"R-1", "critical"},
		{"R-2", "low"},
		{"R-10", "high"},
	}
	for _, tt := range tests {
		a, err := as.Of(tt.id)
		require.NoError(t, err)
		assert.Equal(t, tt.id, a.RiskID)
		assert.Equal(t, tt.wantLevel, a.Inherent.Level)
	}
	_, err = as.Of("R-3")
	require.ErrorIs(t, err, ismskit.ErrUnknownReference)
	_, err = Assessments(nil).Of("R-1")
	require.ErrorIs(t, err, ismskit.ErrUnknownReference)
	// an Assessments is a []Assessment for every function that takes one
	assert.Equal(t, "R-1", Rank(as, Residual)[0].RiskID)
}
