package risk

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeatMap(t *testing.T) {
	reg := testRegister()
	as, err := AssessRegister(reg)
	require.NoError(t, err)
	h, err := NewHeatMap(reg.Criteria, as)
	require.NoError(t, err)
	assert.Equal(t, 1, h.Inherent[3][4]) // R-1 L4 I5
	assert.Equal(t, 1, h.Inherent[1][1]) // R-2 L2 I2
	assert.Equal(t, 1, h.Inherent[2][3]) // R-10 L3 I4
	assert.Equal(t, 1, h.Residual[1][3]) // R-10 stated L2 I4
	assert.Equal(t, 1, h.Current[3][2])  // R-1 L4 I3
	total := 0
	for _, row := range h.Counts(Residual) {
		for _, n := range row {
			total += n
		}
	}
	assert.Equal(t, 3, total)
	assert.Equal(t, h.Inherent, h.Counts(Inherent))
	assert.Equal(t, h.Current, h.Counts(Current))
	assert.Equal(t, "#c62828", h.Colours[4][4])
	assert.Equal(t, "Almost certain", h.Likelihood[4])
	assert.Equal(t, "Severe", h.Impact[4])
}

func TestHeatMapErrors(t *testing.T) {
	c := Standard5x5()
	as := []Assessment{
		{RiskID: "a", Criteria: CriteriaRef{ID: "other", Version: "1"}},
		{RiskID: "b", Criteria: c.Ref(), Inherent: Rating{Likelihood: 1, Impact: 1}, Current: Rating{Likelihood: 1, Impact: 1}, Residual: Rating{Likelihood: 6, Impact: 1}},
	}
	h, err := NewHeatMap(c, as)
	requireFieldErr(t, err, "assessments[0].criteria", ErrCriteriaMismatch)
	requireFieldErr(t, err, "assessments[1].residual", ismskit.ErrOutOfRange)
	assert.Equal(t, 1, h.Inherent[0][0], "counting goes on past errors")
	_, err = NewHeatMap(Criteria{}, nil)
	require.ErrorIs(t, err, ismskit.ErrMissing)
}

func TestHeatMapSVG(t *testing.T) {
	reg := loadSample(t)
	as, err := AssessRegister(reg)
	require.NoError(t, err)
	h, err := NewHeatMap(reg.Criteria, as)
	require.NoError(t, err)
	svg := h.SVG()
	golden(t, "testdata/heatmap.golden.svg", svg)
	assert.Equal(t, string(svg), string(h.SVG()), "deterministic")
	// well-formed XML
	d := xml.NewDecoder(strings.NewReader(string(svg)))
	for {
		_, err := d.Token()
		if err != nil {
			require.Equal(t, "EOF", err.Error())
			break
		}
	}
	assert.Equal(t, 50, strings.Count(string(svg), "<rect "), "two 5x5 panels")
	// an empty map still renders
	assert.Contains(t, string(HeatMap{}.SVG()), "</svg>")
}
