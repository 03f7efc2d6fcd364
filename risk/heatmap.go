package risk

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/colour"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// HeatMap is the data of a risk heat map, laid out as a report draws
// it: one row per likelihood level, the highest first (top to bottom),
// and in each row one cell per impact level, the lowest first (left to
// right). Each cell carries its likelihood and impact with their labels,
// its risk level with its label and colour, and the number of risks
// rated in it at the inherent, current and residual stages, so that a
// template or a program of its own draws the map without index
// arithmetic:
//
//	{{range .Rows}}<tr><th>{{.Label}}</th>{{range .Cells}}<td style="background:{{.Colour}}">{{.Residual}}</td>{{end}}</tr>{{end}}
//
// SVG and SVGWith draw it. The zero value is an empty map.
type HeatMap struct {
	// The criteria the map is drawn with.
	Criteria CriteriaRef `json:"criteria"`
	// Labels of the impact scale, lowest first: the column headings, left
	// to right.
	ImpactLabels []string `json:"impactLabels"`
	// The rows, highest likelihood first.
	Rows []HeatMapRow `json:"rows"`
	// The risk levels of the criteria, lowest first, for the legend;
	// NewHeatMap fills it. Empty means the levels of the cells, in the
	// order they first appear from the lowest cell.
	Levels []Level `json:"levels,omitempty"`
}

// HeatMapRow is the row of a heat map for one likelihood level. The
// zero value is an empty row.
type HeatMapRow struct {
	// The likelihood, a value of the likelihood scale.
	Likelihood int `json:"likelihood"`
	// Its label ("Likely").
	Label string `json:"label"`
	// The cells, lowest impact first.
	Cells []HeatMapCell `json:"cells"`
}

// HeatMapCell is one cell of a heat map: a likelihood and an impact, the
// risk level the matrix gives them, and how many risks are rated there
// at each stage. The zero value is an empty cell.
type HeatMapCell struct {
	// The likelihood, a value of the likelihood scale.
	Likelihood int `json:"likelihood"`
	// Its label ("Likely").
	LikelihoodLabel string `json:"likelihoodLabel"`
	// The impact, a value of the impact scale.
	Impact int `json:"impact"`
	// Its label ("Major").
	ImpactLabel string `json:"impactLabel"`
	// ID of the risk level of the cell ("high").
	Level string `json:"level"`
	// Its label ("High").
	LevelLabel string `json:"levelLabel"`
	// Its colour, "#rrggbb".
	Colour string `json:"colour"`
	// Number of risks rated in the cell before any control.
	Inherent int `json:"inherent"`
	// Number of risks rated in the cell with the implemented controls.
	Current int `json:"current"`
	// Number of risks rated in the cell after the planned treatment.
	Residual int `json:"residual"`
}

// Count returns the number of risks in the cell at stage s; 0 for a
// stage that is not valid.
func (c HeatMapCell) Count(s Stage) int {
	switch s {
	case Inherent:
		return c.Inherent
	case Current:
		return c.Current
	case Residual:
		return c.Residual
	}
	return 0
}

// String returns the cell and its counts, as "L4 I5 critical: 1
// inherent, 0 current, 0 residual".
func (c HeatMapCell) String() string {
	return fmt.Sprintf("L%d I%d %s: %d inherent, %d current, %d residual", c.Likelihood, c.Impact, c.Level, c.Inherent, c.Current, c.Residual)
}

// NewHeatMap counts the assessments in the cells of the criteria's
// matrix. Invalid criteria are Criteria.Validate's error. Assessments
// made with other criteria (a different ID or version) are an error
// wrapping ErrCriteriaMismatch at "assessments[i].criteria", and ratings
// outside the scales one wrapping ismskit.ErrOutOfRange at
// "assessments[i].inherent" (current, residual), each naming the risk as
// its Item. Counting goes on past errors, and all are joined.
func NewHeatMap(c Criteria, as []Assessment) (HeatMap, error) {
	if err := c.Validate(); err != nil {
		return HeatMap{}, err
	}
	nl, ni := len(c.Likelihood.Levels), len(c.Impact.Levels)
	levels := make(map[string]Level, len(c.RiskLevels))
	for _, lv := range c.RiskLevels {
		levels[lv.ID] = lv
	}
	h := HeatMap{Criteria: c.Ref(), ImpactLabels: make([]string, ni), Rows: make([]HeatMapRow, nl),
		Levels: slices.Clone(c.RiskLevels)}
	for i, s := range c.Impact.Levels {
		h.ImpactLabels[i] = s.Label
	}
	for l := 1; l <= nl; l++ {
		row := HeatMapRow{Likelihood: l, Label: c.Likelihood.Label(l), Cells: make([]HeatMapCell, ni)}
		for i := 1; i <= ni; i++ {
			lv := levels[c.Matrix.Cells[l-1][i-1]]
			row.Cells[i-1] = HeatMapCell{
				Likelihood: l, LikelihoodLabel: row.Label, Impact: i, ImpactLabel: c.Impact.Label(i),
				Level: lv.ID, LevelLabel: lv.Label, Colour: lv.Colour,
			}
		}
		h.Rows[nl-l] = row
	}
	var errs fielderr.List
	for k, a := range as {
		p := fielderr.Index("assessments", k)
		if a.Criteria != h.Criteria {
			errs.AddItem(p+".criteria", a.RiskID, errf(ErrCriteriaMismatch, "assessed with %s, the map uses %s", a.Criteria, h.Criteria))
			continue
		}
		for _, s := range stageEnum.values {
			r := a.Rating(s)
			if r.Likelihood < 1 || r.Likelihood > nl || r.Impact < 1 || r.Impact > ni {
				errs.AddItem(p+"."+string(s), a.RiskID, errf(ismskit.ErrOutOfRange, "L%d I%d is outside the %dx%d matrix", r.Likelihood, r.Impact, nl, ni))
				continue
			}
			cell := &h.Rows[nl-r.Likelihood].Cells[r.Impact-1]
			switch s {
			case Inherent:
				cell.Inherent++
			case Current:
				cell.Current++
			case Residual:
				cell.Residual++
			}
		}
	}
	return h, errs.Err()
}

// Cell returns the cell of a likelihood and an impact, or an error
// wrapping ismskit.ErrOutOfRange when the map has none.
func (h HeatMap) Cell(likelihood, impact int) (HeatMapCell, error) {
	for _, row := range h.Rows {
		if row.Likelihood != likelihood {
			continue
		}
		for _, c := range row.Cells {
			if c.Impact == impact {
				return c, nil
			}
		}
	}
	return HeatMapCell{}, &ismskit.Error{Err: errf(ismskit.ErrOutOfRange, "the map has no cell L%d I%d", likelihood, impact)}
}

// Total returns the number of risks counted at stage s.
func (h HeatMap) Total(s Stage) int {
	n := 0
	for _, row := range h.Rows {
		for _, c := range row.Cells {
			n += c.Count(s)
		}
	}
	return n
}

// SVGOptions choose what HeatMap.SVGWith draws. The zero value draws
// what SVG does.
type SVGOptions struct {
	// The stages to draw, one panel each, left to right; nil draws the
	// inherent and the residual risk. At most the three stages, each
	// once.
	Stages []Stage `json:"stages,omitempty"`
	// Colours by risk level ID ("high": "#ffd0a8"), "#rrggbb", instead of
	// the criteria's; levels not named keep theirs.
	Colours map[string]string `json:"colours,omitempty"`
	// The title drawn above the panels, and the document's title; empty
	// means "Risk heat map".
	Title string `json:"title,omitempty"`
	// The organisation the map is of, shown in the line under the title
	// with the date and the criteria; empty shows none.
	Organisation string `json:"organisation,omitempty"`
	// The day the ratings hold on, shown in the line under the title as
	// "as of 2026-11-28"; the zero Date shows none.
	AsOf ismskit.Date `json:"asOf,omitzero"`
	// The side of a cell in pixels, MinCellSize to MaxCellSize; 0 means
	// DefaultCellSize.
	CellSize int `json:"cellSize,omitempty"`
}

// The sizes of a heat map cell, in pixels.
const (
	DefaultCellSize = 56
	MinCellSize     = 16
	MaxCellSize     = 256
)

// SVG geometry.
const (
	svgLeft    = 136 // room for likelihood labels
	svgTop     = 40
	svgTitle   = 30 // room for the title
	svgByline  = 18 // room for the line under it
	svgBottom  = 70 // room for impact labels
	svgLegend  = 34 // room for the legend
	svgGap     = 60
	svgSwatch  = 14 // side of a legend swatch
	svgCharPix = 7  // width of a character of the legend, an estimate
)

// SVG renders the inherent and residual heat maps side by side as a
// standalone SVG document: likelihood rises upwards, impact to the
// right, each cell filled with its level's colour and labelled with its
// risk count. It is SVGWith with the zero SVGOptions.
func (h HeatMap) SVG() []byte {
	b, _ := h.SVGWith(SVGOptions{}) // the zero options are valid
	return b
}

// SVGWith renders the heat map as a standalone SVG document with the
// options o: on a white background (so that it reads on a dark page or
// slide too), a title and a line with the organisation, the as-of date
// and the criteria, one panel per stage left to right (any of the
// inherent, current and residual stages, in the order o.Stages gives),
// and a legend naming each risk level with its colour. The count in a
// cell is black or white, whichever contrasts more with the cell's fill
// (TextColour): at least 4.58:1 for any fill, above the 4.5:1 of WCAG
// 2.x level AA. Every text of the map
// and of the options is escaped, and the characters XML does not allow
// (control characters other than tab, line feed and carriage return,
// U+FFFE, U+FFFF, invalid UTF-8) are left out, so the document is always
// well-formed XML. The output depends only on h and o, byte for byte.
//
// Invalid options are an error naming the option: a stage that is not
// valid (ismskit.ErrUnknownValue) or given twice (ismskit.ErrDuplicateID),
// a colour that is not "#rrggbb" (ismskit.ErrSyntax) or for a level no
// cell has (ismskit.ErrUnknownReference), a cell size out of range
// (ismskit.ErrOutOfRange).
func (h HeatMap) SVGWith(o SVGOptions) ([]byte, error) {
	if err := h.checkOptions(o); err != nil {
		return nil, err
	}
	stages := o.Stages
	if stages == nil {
		stages = []Stage{Inherent, Residual}
	}
	cs := o.CellSize
	if cs == 0 {
		cs = DefaultCellSize
	}
	title := o.Title
	if title == "" {
		title = "Risk heat map"
	}
	byline := h.byline(o)
	top := svgTop + svgTitle
	if byline != "" {
		top += svgByline
	}
	nl, ni := len(h.Rows), 0
	if nl > 0 {
		ni = len(h.Rows[0].Cells)
	}
	levels := h.legendLevels(o.Colours)
	legendW := legendStart
	for _, lv := range levels {
		legendW += legendItemWidth(lv.Label)
	}
	panelW := svgLeft + ni*cs
	width := max(len(stages)*panelW+(len(stages)-1)*svgGap+20, legendW)
	height := top + nl*cs + svgBottom + svgLegend
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12" fill="#1a1a1a">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, "<title>%s</title>\n", xmlText(title))
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="10" y="%d" font-size="16" font-weight="bold">%s</text>`+"\n", svgTitle-8, xmlText(title))
	if byline != "" {
		fmt.Fprintf(&b, `<text x="10" y="%d" fill="#444444">%s</text>`+"\n", svgTitle+svgByline-8, xmlText(byline))
	}
	for k, s := range stages {
		h.svgPanel(&b, k*(panelW+svgGap), top, cs, s.String()+" risk", s, o.Colours)
	}
	h.svgLegend(&b, top+nl*cs+svgBottom+svgLegend/2, levels)
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// byline returns the line under the title: the organisation, the as-of
// date and the criteria, those that are set.
func (h HeatMap) byline(o SVGOptions) string {
	var parts []string
	if o.Organisation != "" {
		parts = append(parts, o.Organisation)
	}
	if !o.AsOf.IsZero() {
		parts = append(parts, "as of "+o.AsOf.String())
	}
	if h.Criteria != (CriteriaRef{}) {
		parts = append(parts, "criteria "+h.Criteria.String())
	}
	return strings.Join(parts, " · ")
}

// legendLevels returns the levels the legend names, with the colours the
// map is drawn with: h.Levels, or the levels of the cells from the
// lowest cell upwards.
func (h HeatMap) legendLevels(colours map[string]string) []Level {
	var out []Level
	if len(h.Levels) > 0 {
		out = slices.Clone(h.Levels)
	} else {
		seen := map[string]bool{}
		for r := len(h.Rows) - 1; r >= 0; r-- {
			for _, c := range h.Rows[r].Cells {
				if !seen[c.Level] {
					seen[c.Level] = true
					out = append(out, Level{ID: c.Level, Label: c.LevelLabel, Colour: c.Colour})
				}
			}
		}
	}
	for i := range out {
		if v, ok := colours[out[i].ID]; ok {
			out[i].Colour = v
		}
		if out[i].Label == "" {
			out[i].Label = out[i].ID
		}
	}
	return out
}

// svgLegend draws the levels' swatches and names in one line centred at y.
func (h HeatMap) svgLegend(b *bytes.Buffer, y int, levels []Level) {
	if len(levels) == 0 {
		return
	}
	fmt.Fprintf(b, `<g font-size="12">`+"\n"+`<text x="10" y="%d" fill="#444444">Risk level:</text>`+"\n", y+4)
	x := legendStart
	for _, lv := range levels {
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#888888" stroke-width="0.5"/>`+"\n",
			x, y-svgSwatch/2, svgSwatch, svgSwatch, xmlText(fillOf(lv.Colour)))
		fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`+"\n", x+svgSwatch+6, y+4, xmlText(lv.Label))
		x += legendItemWidth(lv.Label)
	}
	b.WriteString("</g>\n")
}

// legendStart is the x of the legend's first swatch, after its heading.
const legendStart = 20 + svgCharPix*len("Risk level:")

// legendItemWidth is the width of one level in the legend: its swatch,
// its label and the gap after them.
func legendItemWidth(label string) int {
	return svgSwatch + 6 + svgCharPix*utf8.RuneCountInString(label) + 16
}

// fillOf returns the colour a cell of colour c is drawn with: c, or grey
// when c is empty.
func fillOf(c string) string {
	if c == "" {
		return "#cccccc"
	}
	return c
}

// TextColour returns the colour of text drawn on the colour bg
// ("#rrggbb"): "#000000" or "#ffffff", whichever has the higher contrast
// ratio with bg as WCAG 2.x defines it (from the relative luminance of
// sRGB). One of the two always reaches at least 4.58:1, so the text meets
// WCAG level AA (4.5:1) on any background. A bg that is not "#rrggbb"
// gives black.
func TextColour(bg string) string {
	if !colour.Valid(bg) {
		return "#000000"
	}
	if ContrastRatio(bg, "#000000") >= ContrastRatio(bg, "#ffffff") {
		return "#000000"
	}
	return "#ffffff"
}

// ContrastRatio returns the WCAG 2.x contrast ratio of two colours
// ("#rrggbb"), from 1 (the same luminance) to 21 (black and white): (L1 +
// 0.05) / (L2 + 0.05) with L1 the relative luminance of the lighter. A
// colour that is not "#rrggbb" counts as black.
func ContrastRatio(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance returns the relative luminance of "#rrggbb" as WCAG 2.x
// defines it, 0 for black to 1 for white.
func luminance(c string) float64 {
	if !colour.Valid(c) {
		return 0
	}
	rgb, _ := colour.Parse(c)
	var ch [3]float64
	for i := range ch {
		s := float64(rgb>>(16-8*i)&0xff) / 255
		if s <= 0.04045 {
			ch[i] = s / 12.92
		} else {
			ch[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}

func (h HeatMap) checkOptions(o SVGOptions) error {
	var l fielderr.List
	for i, s := range o.Stages {
		p := fielderr.Index("stages", i)
		switch {
		case !s.IsValid():
			l.Add(p, stageEnum.unknown(string(s)))
		case slices.Index(o.Stages, s) < i:
			l.Add(p, errf(ismskit.ErrDuplicateID, "stage %q given twice", string(s)))
		}
	}
	if o.Stages != nil && len(o.Stages) == 0 {
		l.Add("stages", errf(ismskit.ErrMissing, "no stage to draw"))
	}
	used := map[string]bool{}
	for _, row := range h.Rows {
		for _, c := range row.Cells {
			used[c.Level] = true
		}
	}
	for id, c := range o.Colours {
		p := fielderr.Key("colours", id)
		if !colour.Valid(c) {
			l.Add(p, errf(ismskit.ErrSyntax, "colour %q is not #rrggbb", clip(c)))
		}
		if !used[id] {
			l.Add(p, errf(ismskit.ErrUnknownReference, "no cell has the risk level %q", clip(id)))
		}
	}
	if o.CellSize != 0 && (o.CellSize < MinCellSize || o.CellSize > MaxCellSize) {
		l.Add("cellSize", errf(ismskit.ErrOutOfRange, "%d is outside %d..%d pixels", o.CellSize, MinCellSize, MaxCellSize))
	}
	return l.Err()
}

// svgPanel draws one stage of the map, its lowest likelihood first.
func (h HeatMap) svgPanel(b *bytes.Buffer, x0, top, cs int, title string, s Stage, colours map[string]string) {
	nl, ni := len(h.Rows), 0
	if nl > 0 {
		ni = len(h.Rows[0].Cells)
	}
	fmt.Fprintf(b, `<g transform="translate(%d,0)">`+"\n", x0)
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" font-size="14" font-weight="bold">%s</text>`+"\n", svgLeft+ni*cs/2, top-16, xmlText(title))
	for r := nl - 1; r >= 0; r-- {
		row := h.Rows[r]
		y := top + r*cs
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", svgLeft-8, y+cs/2+4, xmlText(row.Label))
		for i, c := range row.Cells {
			x := svgLeft + i*cs
			colour := c.Colour
			if v, ok := colours[c.Level]; ok {
				colour = v
			}
			colour = fillOf(colour)
			n := c.Count(s)
			fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#ffffff" stroke-width="2"><title>L%d I%d %s: %d</title></rect>`+"\n",
				x, y, cs, cs, xmlText(colour), c.Likelihood, c.Impact, xmlText(c.Level), n)
			if n > 0 {
				fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" font-size="16" font-weight="bold" fill="%s">%d</text>`+"\n", x+cs/2, y+cs/2+6, TextColour(colour), n)
			}
		}
	}
	base := top + nl*cs
	for i := 0; i < ni && i < len(h.ImpactLabels); i++ {
		x := svgLeft + i*cs + cs/2
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end" transform="rotate(-35 %d %d)">%s</text>`+"\n", x, base+16, x, base+16, xmlText(h.ImpactLabels[i]))
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" fill="#555555">Impact</text>`+"\n", svgLeft+ni*cs/2, base+svgBottom-6)
	fmt.Fprintf(b, `<text x="14" y="%d" text-anchor="middle" fill="#555555" transform="rotate(-90 14 %d)">Likelihood</text>`+"\n", top+nl*cs/2, top+nl*cs/2)
	b.WriteString("</g>\n")
}

// xmlText escapes s for XML text and attribute values, leaving out what
// XML 1.0 does not allow in a document: control characters other than
// tab, line feed and carriage return, the surrogates, U+FFFE and U+FFFF.
// Invalid UTF-8 becomes U+FFFD.
func xmlText(s string) string {
	clean := true
	for _, r := range s {
		if !xmlChar(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if !clean {
		var sb strings.Builder
		for i, r := range s {
			switch {
			case r == utf8.RuneError:
				if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
					sb.WriteRune(utf8.RuneError) // an invalid byte
				} else {
					sb.WriteRune(r)
				}
			case xmlChar(r):
				sb.WriteRune(r)
			}
		}
		s = sb.String()
	}
	return html.EscapeString(s)
}

// xmlChar reports whether r is a Char of XML 1.0.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
