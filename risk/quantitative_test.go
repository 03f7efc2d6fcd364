package risk

import (
	"testing"

	"github.com/ismskit/ismskit/risk/fair"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A risk can carry an Open FAIR scenario; the register decodes it strictly
// and Validate checks it under the risk's path.
func TestQuantitativeScenario(t *testing.T) {
	reg := loadSample(t)
	require.NotEmpty(t, reg.Risks)

	good := fair.Scenario{Name: "ransomware", Nodes: fair.Nodes{
		LEF: ptr(fair.ClassicPERT(0.1, 0.5, 2)),
		LM:  ptr(fair.ClassicPERT(10e3, 50e3, 500e3)),
	}}
	reg.Risks[0].Quantitative = &good
	require.NoError(t, reg.Validate())
	b, err := EncodeRegister(reg)
	require.NoError(t, err)
	back, err := DecodeRegister(b)
	require.NoError(t, err)
	assert.Equal(t, reg.Risks[0].Quantitative, back.Risks[0].Quantitative)
	sim, err := fair.Simulate(*back.Risks[0].Quantitative, fair.Options{Iterations: 1000, Seed: 1, Mode: fair.Rate})
	require.NoError(t, err)
	assert.Positive(t, sim.Mean())

	bad := fair.Scenario{Nodes: fair.Nodes{LEF: ptr(fair.ClassicPERT(5, 1, 2))}}
	reg.Risks[2].Quantitative = &bad
	err = reg.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, fair.ErrParameter)
	assert.ErrorContains(t, err, "risks[2].quantitative.lef")

	_, err = DecodeRegister([]byte(`{"criteria":{},"risks":[{"id":"r","quantitative":{"lef":{"dist":"pert","lowe":1}}}]}`))
	assert.ErrorContains(t, err, "risks[0].quantitative.lef.lowe: unknown field")
}

func ptr[T any](v T) *T { return &v }
