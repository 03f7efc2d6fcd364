package risk

import (
	"bytes"
	"fmt"
	"html"
	"strconv"

	"github.com/ismskit/ismskit"
)

// HeatMap is the data of a risk heat map: for each cell of the matrix
// (rows by likelihood, columns by impact, index value−1) its level and
// colour and the number of risks rated in it at the inherent, current
// and residual stages. The zero value is an empty map.
type HeatMap struct {
	// The criteria the map is drawn with.
	Criteria CriteriaRef `json:"criteria"`
	// Labels of the likelihood scale, lowest first.
	Likelihood []string `json:"likelihood"`
	// Labels of the impact scale, lowest first.
	Impact []string `json:"impact"`
	// Level ID per cell.
	Levels [][]string `json:"levels"`
	// Colour per cell, "#rrggbb".
	Colours [][]string `json:"colours"`
	// Risk counts per cell, before controls.
	Inherent [][]int `json:"inherent"`
	// Risk counts per cell, with implemented controls.
	Current [][]int `json:"current"`
	// Risk counts per cell, after the planned treatment.
	Residual [][]int `json:"residual"`
}

// NewHeatMap counts the assessments in the cells of the criteria's
// matrix. Assessments made with other criteria (a different ID or
// version) are an error wrapping ErrCriteriaMismatch at
// "assessments[i].criteria"; so are ratings outside the scales
// (ismskit.ErrOutOfRange). Counting goes on past errors, and all are joined.
func NewHeatMap(c Criteria, as []Assessment) (HeatMap, error) {
	if err := c.Validate(); err != nil {
		return HeatMap{}, err
	}
	nl, ni := len(c.Likelihood.Levels), len(c.Impact.Levels)
	colour := make(map[string]string, len(c.Levels))
	for _, lv := range c.Levels {
		colour[lv.ID] = lv.Colour
	}
	h := HeatMap{
		Criteria: c.Ref(),
		Levels:   clone2(c.Matrix.Levels),
		Colours:  make([][]string, nl),
		Inherent: grid(nl, ni), Current: grid(nl, ni), Residual: grid(nl, ni),
	}
	for _, s := range c.Likelihood.Levels {
		h.Likelihood = append(h.Likelihood, s.Label)
	}
	for _, s := range c.Impact.Levels {
		h.Impact = append(h.Impact, s.Label)
	}
	for l := range nl {
		h.Colours[l] = make([]string, ni)
		for i := range ni {
			h.Colours[l][i] = colour[c.Matrix.Levels[l][i]]
		}
	}
	var errs []error
	for k, a := range as {
		p := "assessments[" + strconv.Itoa(k) + "]"
		if a.Criteria != h.Criteria {
			errs = append(errs, &ismskit.Error{Path: p + ".criteria", Err: errf(ErrCriteriaMismatch, "assessed with %s, the map uses %s", a.Criteria, h.Criteria)})
			continue
		}
		for _, st := range []struct {
			name string
			r    Rating
			g    [][]int
		}{{"inherent", a.Inherent, h.Inherent}, {"current", a.Current, h.Current}, {"residual", a.Residual, h.Residual}} {
			if st.r.Likelihood < 1 || st.r.Likelihood > nl || st.r.Impact < 1 || st.r.Impact > ni {
				errs = append(errs, &ismskit.Error{Path: p + "." + st.name, Err: errf(ismskit.ErrOutOfRange, "L%d I%d is outside the %dx%d matrix", st.r.Likelihood, st.r.Impact, nl, ni)})
				continue
			}
			st.g[st.r.Likelihood-1][st.r.Impact-1]++
		}
	}
	if len(errs) > 0 {
		return h, joinErrs(errs)
	}
	return h, nil
}

func grid(nl, ni int) [][]int {
	g := make([][]int, nl)
	for i := range g {
		g[i] = make([]int, ni)
	}
	return g
}

// Counts returns the grid of counts at stage s.
func (h HeatMap) Counts(s Stage) [][]int {
	switch s {
	case Inherent:
		return h.Inherent
	case Current:
		return h.Current
	}
	return h.Residual
}

// SVG geometry.
const (
	svgCell   = 56
	svgLeft   = 136 // room for likelihood labels
	svgTop    = 40
	svgBottom = 70 // room for impact labels
	svgGap    = 60
)

// SVG renders the inherent and residual heat maps side by side as a
// standalone SVG document: likelihood rises upwards, impact to the
// right, each cell filled with its level's colour and labelled with its
// risk count. The output depends only on h, byte for byte.
func (h HeatMap) SVG() []byte {
	nl, ni := len(h.Levels), 0
	if nl > 0 {
		ni = len(h.Levels[0])
	}
	panelW := svgLeft + ni*svgCell
	width := 2*panelW + svgGap + 20
	height := svgTop + nl*svgCell + svgBottom
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, "<title>Risk heat map (%s)</title>\n", html.EscapeString(h.Criteria.String()))
	h.svgPanel(&b, 0, "Inherent risk", h.Inherent)
	h.svgPanel(&b, panelW+svgGap, "Residual risk", h.Residual)
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func (h HeatMap) svgPanel(b *bytes.Buffer, x0 int, title string, counts [][]int) {
	nl := len(h.Levels)
	fmt.Fprintf(b, `<g transform="translate(%d,0)">`+"\n", x0)
	ni := 0
	if nl > 0 {
		ni = len(h.Levels[0])
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" font-size="14" font-weight="bold">%s</text>`+"\n", svgLeft+ni*svgCell/2, svgTop-16, html.EscapeString(title))
	for l := range nl {
		y := svgTop + (nl-1-l)*svgCell
		label := ""
		if l < len(h.Likelihood) {
			label = h.Likelihood[l]
		}
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", svgLeft-8, y+svgCell/2+4, html.EscapeString(label))
		for i := 0; i < len(h.Levels[l]); i++ {
			x := svgLeft + i*svgCell
			colour, n := "#cccccc", 0
			if l < len(h.Colours) && i < len(h.Colours[l]) && h.Colours[l][i] != "" {
				colour = h.Colours[l][i]
			}
			if l < len(counts) && i < len(counts[l]) {
				n = counts[l][i]
			}
			fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#ffffff" stroke-width="2"><title>L%d I%d %s: %d</title></rect>`+"\n",
				x, y, svgCell, svgCell, html.EscapeString(colour), l+1, i+1, html.EscapeString(h.Levels[l][i]), n)
			if n > 0 {
				fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" font-size="16" font-weight="bold" fill="#ffffff">%d</text>`+"\n", x+svgCell/2, y+svgCell/2+6, n)
			}
		}
	}
	base := svgTop + nl*svgCell
	for i := 0; i < ni && i < len(h.Impact); i++ {
		x := svgLeft + i*svgCell + svgCell/2
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end" transform="rotate(-35 %d %d)">%s</text>`+"\n", x, base+16, x, base+16, html.EscapeString(h.Impact[i]))
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" fill="#555555">Impact</text>`+"\n", svgLeft+ni*svgCell/2, base+svgBottom-6)
	fmt.Fprintf(b, `<text x="14" y="%d" text-anchor="middle" fill="#555555" transform="rotate(-90 14 %d)">Likelihood</text>`+"\n", svgTop+nl*svgCell/2, svgTop+nl*svgCell/2)
	b.WriteString("</g>\n")
}
