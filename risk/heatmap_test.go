package risk

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

func TestHeatMap(t *testing.T) {
	reg := testRegister()
	as, err := AssessRegister(reg)
	require.NoError(t, err)
	h, err := NewHeatMap(reg.Criteria, as)
	require.NoError(t, err)

	require.Len(t, h.Rows, 5)
	assert.Equal(t, []string{"Negligible", "Minor", "Moderate", "Major", "Severe"}, h.ImpactLabels)
	// rows: the highest likelihood first, with its label on each cell
	for k, row := range h.Rows {
		assert.Equal(t, 5-k, row.Likelihood)
		assert.Equal(t, reg.Criteria.Likelihood.Label(5-k), row.Label)
		require.Len(t, row.Cells, 5)
		for i, c := range row.Cells {
			assert.Equal(t, row.Likelihood, c.Likelihood)
			assert.Equal(t, row.Label, c.LikelihoodLabel)
			assert.Equal(t, i+1, c.Impact)
			assert.Equal(t, h.ImpactLabels[i], c.ImpactLabel)
		}
	}
	assert.Equal(t, HeatMapCell{Likelihood: 5, LikelihoodLabel: "Almost certain", Impact: 5, ImpactLabel: "Severe",
		Level: "critical", LevelLabel: "Critical", Colour: "#c62828"}, h.Rows[0].Cells[4])

	tests := []struct {
		name     string
		l, i     int
		stage    Stage
		want     int
		wantCell string
	}{
		{"R-1 inherent", 4, 5, Inherent, 1, "L4 I5 critical: 1 inherent, 0 current, 0 residual"},
		{"R-2 every stage", 2, 2, Residual, 1, "L2 I2 low: 1 inherent, 1 current, 1 residual"},
		{"R-10 inherent", 3, 4, Inherent, 1, "L3 I4 high: 1 inherent, 1 current, 0 residual"},
		{"R-10 stated residual", 2, 4, Residual, 1, "L2 I4 medium: 0 inherent, 0 current, 1 residual"},
		{"R-1 current", 4, 3, Current, 1, "L4 I3 high: 0 inherent, 1 current, 0 residual"},
		{"empty cell", 1, 1, Residual, 0, "L1 I1 low: 0 inherent, 0 current, 0 residual"},
		{"no stage", 4, 5, "", 0, "L4 I5 critical: 1 inherent, 0 current, 0 residual"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := h.Cell(tt.l, tt.i)
			require.NoError(t, err)
			assert.Equal(t, tt.want, c.Count(tt.stage))
			assert.Equal(t, tt.wantCell, c.String())
		})
	}
	for _, s := range Stages() {
		assert.Equal(t, 3, h.Total(s), "every risk counts once per stage")
	}
	_, err = h.Cell(6, 1)
	require.ErrorIs(t, err, ismskit.ErrOutOfRange)
	_, err = HeatMap{}.Cell(1, 1)
	require.ErrorIs(t, err, ismskit.ErrOutOfRange)
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
	items := map[string]string{}
	for _, p := range ismskit.Problems(err) {
		items[p.Path] = p.Item
	}
	assert.Equal(t, map[string]string{"assessments[0].criteria": "a", "assessments[1].residual": "b"}, items, "each problem names its risk")
	cell, _ := h.Cell(1, 1)
	assert.Equal(t, 1, cell.Inherent, "counting goes on past errors")
	_, err = NewHeatMap(Criteria{}, nil)
	require.ErrorIs(t, err, ismskit.ErrMissing)
}

func sampleHeatMap(t *testing.T) HeatMap {
	reg := loadSample(t)
	as, err := AssessRegister(reg)
	require.NoError(t, err)
	h, err := NewHeatMap(reg.Criteria, as)
	require.NoError(t, err)
	return h
}

func TestHeatMapSVG(t *testing.T) {
	h := sampleHeatMap(t)
	svg := h.SVG()
	golden(t, "testdata/heatmap.golden.svg", svg)
	assert.Equal(t, string(svg), string(h.SVG()), "deterministic")
	requireWellFormedXML(t, svg)
	assert.Equal(t, 55, strings.Count(string(svg), "<rect "), "two 5x5 panels, the background and four legend swatches")
	// an empty map still renders
	assert.Contains(t, string(HeatMap{}.SVG()), "</svg>")
	requireWellFormedXML(t, HeatMap{}.SVG())
}

func TestHeatMapSVGOptions(t *testing.T) {
	h := sampleHeatMap(t)
	tests := []struct {
		name   string
		opts   SVGOptions
		golden string
		rects  int
		has    []string
	}{
		{"zero options draw what SVG draws", SVGOptions{}, "testdata/heatmap.golden.svg", 55, nil},
		{"three stages, brand colours, title, small cells", SVGOptions{
			Stages:   []Stage{Inherent, Current, Residual},
			Colours:  map[string]string{"low": "#d9f0e3", "critical": "#FFB3B3"},
			Title:    "Nimbus <risks> & \"friends\"",
			CellSize: 40,
		}, "testdata/heatmap-options.golden.svg", 80, []string{`fill="#d9f0e3"`, `fill="#FFB3B3"`, `fill="#ef6c00"`, "Current risk", `width="40"`, "Nimbus &lt;risks&gt; &amp; &#34;friends&#34;"}},
		{"one stage", SVGOptions{Stages: []Stage{Current}}, "testdata/heatmap-current.golden.svg", 30, []string{"Current risk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, err := h.SVGWith(tt.opts)
			require.NoError(t, err)
			golden(t, tt.golden, svg)
			requireWellFormedXML(t, svg)
			assert.Equal(t, tt.rects, strings.Count(string(svg), "<rect "))
			for _, s := range tt.has {
				assert.Contains(t, string(svg), s)
			}
		})
	}
}

func TestHeatMapSVGOptionErrors(t *testing.T) {
	h := sampleHeatMap(t)
	tests := []struct {
		name string
		opts SVGOptions
		path string
		kind error
	}{
		{"unknown stage", SVGOptions{Stages: []Stage{"planned"}}, "stages[0]", ismskit.ErrUnknownValue},
		{"zero stage", SVGOptions{Stages: []Stage{Inherent, ""}}, "stages[1]", ismskit.ErrUnknownValue},
		{"stage twice", SVGOptions{Stages: []Stage{Residual, Inherent, Residual}}, "stages[2]", ismskit.ErrDuplicateID},
		{"no stage", SVGOptions{Stages: []Stage{}}, "stages", ismskit.ErrMissing},
		{"bad colour", SVGOptions{Colours: map[string]string{"high": "orange"}}, "colours.high", ismskit.ErrSyntax},
		{"unknown level", SVGOptions{Colours: map[string]string{"severe": "#000000"}}, "colours.severe", ismskit.ErrUnknownReference},
		{"cell too small", SVGOptions{CellSize: MinCellSize - 1}, "cellSize", ismskit.ErrOutOfRange},
		{"cell too large", SVGOptions{CellSize: MaxCellSize + 1}, "cellSize", ismskit.ErrOutOfRange},
		{"negative cell", SVGOptions{CellSize: -56}, "cellSize", ismskit.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, err := h.SVGWith(tt.opts)
			assert.Nil(t, svg)
			requireFieldErr(t, err, tt.path, tt.kind)
		})
	}
}

// Every text of the map and the options reaches the SVG escaped and
// without the characters XML forbids.
func TestHeatMapSVGHostileText(t *testing.T) {
	hostile := "a\x00b\x01\x08\x0b\x0c\x1f\x7f<script>&\"'\ufffe\uffff\xff\xfe\tc\nd\re]]>"
	h := sampleHeatMap(t)
	h.Criteria = CriteriaRef{ID: hostile, Version: hostile}
	h.ImpactLabels[0] = hostile
	h.Rows[0].Label = hostile
	h.Rows[1].Cells[2].Level = hostile
	h.Rows[1].Cells[3].Colour = hostile
	svg, err := h.SVGWith(SVGOptions{Title: hostile})
	require.NoError(t, err)
	requireWellFormedXML(t, svg)
	assert.NotContains(t, string(svg), "<script>")
	assert.NotContains(t, string(svg), "\x00")
	assert.True(t, utf8.Valid(svg))
	assert.Contains(t, string(svg), "ab\u007f&lt;script&gt;&amp;&#34;&#39;\ufffd\ufffd\tc\nd\re]]&gt;")
	assert.Equal(t, string(svg), string(mustSVG(t, h, SVGOptions{Title: hostile})), "deterministic")
}

func mustSVG(t *testing.T, h HeatMap, o SVGOptions) []byte {
	b, err := h.SVGWith(o)
	require.NoError(t, err)
	return b
}

func FuzzHeatMapSVG(f *testing.F) {
	f.Add("Likely", "Major", "high", "Risks")
	f.Add("\x00\x1f", "<>&\"'", "\xff", "]]>")
	f.Add("\ufffe", "\U0010FFFF", "\ud7ff", "\t\n\r")
	f.Fuzz(func(t *testing.T, rowLabel, impactLabel, level, title string) {
		h, err := NewHeatMap(Standard3x3(), nil)
		require.NoError(t, err)
		h.Rows[1].Label = rowLabel
		h.ImpactLabels[2] = impactLabel
		h.Rows[2].Cells[0].Level = level
		h.Rows[2].Cells[0].Colour = level
		svg, err := h.SVGWith(SVGOptions{Title: title, Stages: Stages()})
		require.NoError(t, err)
		requireWellFormedXML(t, svg)
	})
}

// requireWellFormedXML parses doc with encoding/xml, which checks that
// every character is one XML allows.
func requireWellFormedXML(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(doc)))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err, "%q", doc)
	}
}

// The count in every cell meets WCAG level AA (4.5:1) against its fill,
// for the colours of the built-in criteria and for a table of others.
func TestTextColourContrast(t *testing.T) {
	colours := []string{"#ffffff", "#000000", "#777777", "#767676", "#808080", "#ff0000", "#00ff00", "#0000ff",
		"#ffff00", "#00ffff", "#ff00ff", "#f9a825", "#ffd0a8", "#d9f0e3", "#FFB3B3", "#1F4E79", "#595959", "#7f7f7f"}
	for _, c := range []Criteria{Standard3x3(), Standard4x4(), Standard5x5()} {
		for _, lv := range c.RiskLevels {
			colours = append(colours, lv.Colour)
		}
	}
	for _, c := range colours {
		fg := TextColour(c)
		assert.Contains(t, []string{"#000000", "#ffffff"}, fg)
		assert.GreaterOrEqual(t, ContrastRatio(c, fg), 4.5, "%s on %s", fg, c)
	}
	// every grey from black to white
	for v := 0; v < 256; v++ {
		c := fmt.Sprintf("#%02x%02x%02x", v, v, v)
		assert.GreaterOrEqual(t, ContrastRatio(c, TextColour(c)), 4.5, c)
	}
	tests := []struct {
		bg, want string
		ratio    float64
	}{
		{"#ffffff", "#000000", 21},
		{"#000000", "#ffffff", 21},
		{"#f9a825", "#000000", 10.66}, // amber: white would be 1.97:1
		{"#2e7d32", "#ffffff", 5.13},
		{"#c62828", "#ffffff", 5.62},
		{"#ef6c00", "#000000", 6.82},
		{"nope", "#000000", 1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, TextColour(tt.bg), tt.bg)
		if tt.bg != "nope" {
			assert.InDelta(t, tt.ratio, ContrastRatio(tt.bg, tt.want), 0.01, tt.bg)
		}
	}
	assert.InDelta(t, 1.97, ContrastRatio("#f9a825", "#ffffff"), 0.01)
}

func TestHeatMapSVGDocument(t *testing.T) {
	h := sampleHeatMap(t)
	svg := string(mustSVG(t, h, SVGOptions{Organisation: "Nimbus Ledger", AsOf: ismskit.MustParseDate("2026-11-28"), Stages: Stages()}))
	assert.Contains(t, svg, `<rect x="0" y="0" width=`, "a white background")
	assert.Contains(t, svg, `fill="#ffffff"/>`)
	assert.Contains(t, svg, "Nimbus Ledger · as of 2026-11-28 · criteria "+h.Criteria.String())
	assert.Contains(t, svg, "Risk level:")
	for _, lv := range h.Levels {
		assert.Contains(t, svg, ">"+lv.Label+"</text>")
	}
	assert.Contains(t, svg, "Current risk")
	assert.Contains(t, svg, `fill="#2e7d32" stroke="#ffffff" stroke-width="2"><title>L2 I2 low: 1</title></rect>`+"\n"+`<text x="220" y="290" text-anchor="middle" font-size="16" font-weight="bold" fill="#ffffff">1</text>`, "white on green")
	assert.Contains(t, svg, `<title>L2 I3 medium: 3</title></rect>`+"\n"+`<text x="276" y="290" text-anchor="middle" font-size="16" font-weight="bold" fill="#000000">3</text>`, "black on amber")
	// a map without levels takes its legend from the cells
	h.Levels = nil
	svg = string(mustSVG(t, h, SVGOptions{}))
	assert.Contains(t, svg, ">Low</text>")
	assert.Contains(t, svg, ">Critical</text>")
}
