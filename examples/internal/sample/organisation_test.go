package sample

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/fair"
	"github.com/ismskit/ismskit/soa"
)

func TestOrganisation(t *testing.T) {
	org, err := LoadOrganisation()
	require.NoError(t, err)
	assert.Equal(t, "Nimbus Ledger B.V.", org.Name)
	assert.Equal(t, 200, org.Employees)
	assert.Equal(t, "2026-11-28", org.AsOf.String())
	assert.Len(t, org.Assets, 40)

	// The register's assets are in the inventory, unchanged.
	reg, err := risk.DecodeRegister(RegisterJSON())
	require.NoError(t, err)
	inv := map[string]risk.Asset{}
	for _, a := range org.Assets {
		_, dup := inv[a.ID]
		assert.False(t, dup, "asset %s listed twice", a.ID)
		inv[a.ID] = a
	}
	for _, a := range reg.Assets {
		assert.Equal(t, a, inv[a.ID], a.ID)
	}
	reg.Assets = org.Assets
	require.NoError(t, reg.Validate())

	// The own controls are exactly those the register uses beyond Annex A.
	cat, err := iso27002.Catalog2022().Extend("sample", org.Controls)
	require.NoError(t, err)
	require.NoError(t, risk.CheckControls(reg, cat.Has))
	used := map[iso27002.ControlID]bool{}
	for _, r := range reg.Risks {
		for _, c := range r.Controls {
			used[c.Control] = true
		}
	}
	for _, c := range org.Controls {
		assert.True(t, used[c.ID], "%s is not used by any risk", c.ID)
	}
}

func TestRecords(t *testing.T) {
	r, err := iso27001.DecodeRecords(RecordsJSON())
	require.NoError(t, err)
	require.NoError(t, r.Validate())
	assert.Equal(t, "Nimbus Ledger B.V.", r.Organization)
}

func TestSources(t *testing.T) {
	src, err := soa.DecodeSources(SourcesJSON())
	require.NoError(t, err)
	org, err := LoadOrganisation()
	require.NoError(t, err)
	cat, err := iso27002.Catalog2022().Extend("sample", org.Controls)
	require.NoError(t, err)
	reg, err := risk.DecodeRegister(RegisterJSON())
	require.NoError(t, err)
	s, err := soa.Generate(soa.Input{Catalog: cat, Header: soa.Header{Organization: org.Name, Version: "1", Date: org.AsOf}, Register: reg, Sources: src})
	require.NoError(t, err)
	assert.NoError(t, s.Validate(soa.ValidateOptions{Catalog: cat, Register: &reg}), "the sample decides every control")
}

func TestFAIRCoversTopRisks(t *testing.T) {
	a, err := fair.DecodeAnalysis(FAIRJSON())
	require.NoError(t, err)
	require.NoError(t, a.Validate())
	reg, err := risk.DecodeRegister(RegisterJSON())
	require.NoError(t, err)
	as, err := risk.AssessRegister(reg)
	require.NoError(t, err)
	var names []string
	for _, s := range a.Scenarios {
		names = append(names, s.Name)
	}
	var top []string
	for _, r := range risk.Rank(as, risk.Residual)[:3] {
		top = append(top, r.RiskID)
	}
	assert.ElementsMatch(t, top, names, "one FAIR scenario per top-3 risk by residual level")
}

func TestAccessorsCopy(t *testing.T) {
	for _, f := range []func() []byte{OrganisationJSON, RecordsJSON, SourcesJSON, FAIRJSON} {
		a := f()
		a[0] = 'x'
		assert.Equal(t, byte('{'), f()[0])
	}
}
