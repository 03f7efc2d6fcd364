package fair

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/colour"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Curve is one labelled loss exceedance curve for [LossExceedanceSVG]
// and [LossExceedanceSVGWith]. The zero value is an unlabelled curve with
// no points, drawn as nothing.
type Curve struct {
	// Label names the curve in the legend: a risk's ID and title.
	Label string `json:"label"`
	// Points are the curve's points, in increasing amount.
	Points []Point `json:"points"`
	// Dashed draws the curve dashed, as a curve after a treatment is
	// drawn next to the solid curve before it.
	Dashed bool `json:"dashed,omitzero"`
	// Colour is the curve's colour as "#RRGGBB"; empty picks the next
	// colour of the palette. Give a treated curve its untreated curve's
	// colour to pair them.
	Colour string `json:"colour,omitempty"`
}

// MaxCurvePoints bounds the points of a loss exceedance curve that
// CurveAmounts and LossExceedance make.
const MaxCurvePoints = 100_000

// CurveAmounts returns k amounts (2 <= k <= MaxCurvePoints), evenly spaced
// on a log scale, that span r's losses from its 1st percentile (or a
// ten-thousandth of the maximum, whichever is larger) to its maximum: the
// x values of a loss exceedance curve. It returns nil when every loss is
// zero or k is outside [2, MaxCurvePoints], allocating nothing then;
// [Result.LossExceedance] says which with a typed error.
func (r *Result) CurveAmounts(k int) []float64 {
	if k < 2 || k > MaxCurvePoints {
		return nil
	}
	xs, _ := r.curveAmounts(k)
	return xs
}

// LossExceedance returns the loss exceedance curve of r at k amounts
// chosen as CurveAmounts chooses them. k below 2 is an
// ismskit.ErrOutOfRange and k above MaxCurvePoints an ismskit.ErrTooLarge,
// both before any allocation; a result whose losses are all zero has no
// curve (nil, no error).
func (r *Result) LossExceedance(k int) ([]Point, error) {
	xs, err := r.curveAmounts(k)
	if err != nil || xs == nil {
		return nil, err
	}
	return r.ExceedanceCurve(xs), nil
}

func (r *Result) curveAmounts(k int) ([]float64, error) {
	switch {
	case k < 2:
		return nil, fielderr.At("k", errorf(ismskit.ErrOutOfRange, "%d points are fewer than 2", k))
	case k > MaxCurvePoints:
		return nil, fielderr.At("k", errorf(ismskit.ErrTooLarge, "%d points are more than the limit %d", k, MaxCurvePoints))
	}
	hi := r.Max()
	if !(hi > 0) {
		return nil, nil
	}
	lo := max(r.Percentile(1), hi*1e-4)
	if lo >= hi {
		lo = hi / 10
	}
	out := make([]float64, k)
	ll, lh := math.Log(lo), math.Log(hi)
	for i := range out {
		out[i] = math.Exp(ll + (lh-ll)*float64(i)/float64(k-1))
	}
	out[0], out[k-1] = lo, hi
	return out, nil
}

// ChartOptions are the settings of the charts [LossExceedanceSVGWith] and
// [LossHistogramSVG] draw. The zero value draws an untitled chart with no
// tolerance line, amounts without a currency and 40 histogram bins.
type ChartOptions struct {
	// Title is written above the plot.
	Title string `json:"title,omitempty"`
	// Currency names the unit of the amounts on the x axis ("EUR");
	// empty writes none. At most 16 characters.
	Currency string `json:"currency,omitempty"`
	// Tolerance, when given, is drawn as a risk tolerance (appetite) line
	// on the loss exceedance chart: the points of a [Tolerance] curve,
	// amounts increasing, probabilities in [0, 1] and not increasing, at
	// least two. Points at an amount of 0 are checked but not drawn on
	// the log scale.
	Tolerance []Point `json:"tolerance,omitempty"`
	// ToleranceLabel names the tolerance line in the legend; empty means
	// "Risk tolerance".
	ToleranceLabel string `json:"toleranceLabel,omitempty"`
	// Bins is the number of bars of a histogram, 0 (meaning 40) to
	// MaxBins.
	Bins int `json:"bins,omitzero"`
}

// Limits of the charts: MaxCurves curves on one loss exceedance chart and
// MaxBins bars in one histogram.
const (
	MaxCurves = 64
	MaxBins   = 1000
)

// check reports the problems of the options and of the curves' colours.
func (o *ChartOptions) check(l *fielderr.List, curves []Curve) {
	if n := utf8.RuneCountInString(o.Currency); n > 16 {
		l.Add("currency", errorf(ismskit.ErrOutOfRange, "%d characters are more than 16", n))
	}
	if len(o.Tolerance) > 0 {
		t := Tolerance{Points: o.Tolerance}
		var tl fielderr.List
		t.check(&tl, "")
		for _, p := range ismskit.Problems(tl.Err()) {
			l.Add("tolerance", p)
		}
	}
	if o.Bins < 0 || o.Bins > MaxBins {
		l.Add("bins", errorf(ismskit.ErrOutOfRange, "%d bins are outside [0, %d]", o.Bins, MaxBins))
	}
	if len(curves) > MaxCurves {
		l.Add("curves", errorf(ismskit.ErrTooLarge, "%d curves are more than the limit %d", len(curves), MaxCurves))
		return
	}
	for i, c := range curves {
		if c.Colour != "" && !colour.Valid(c.Colour) {
			l.Add(fielderr.JoinPath(fielderr.Index("curves", i), "colour"), errorf(ismskit.ErrSyntax, "%q is not a colour written #RRGGBB", c.Colour))
		}
	}
}

// Chart geometry, in SVG user units: a canvas 720 wide with the plot area
// from (80, 50) to (690, 370), the x axis's title under it and the legend
// under that, one or two columns of rows svgLegendLineStep high.
const (
	svgWidth          = 720
	plotL, plotR      = 80, 690
	plotT, plotB      = 50, 370
	svgFontFamily     = "Liberation Sans, Helvetica, Arial, sans-serif"
	svgInk            = "#1a1a1a"
	svgStrokeAxis     = "#333"
	svgStrokeGrid     = "#ddd"
	svgTolerance      = "#1a1a1a"
	svgLegendTop      = 428
	svgLegendLineStep = 18
)

// svgColours is the palette of curves and bars: Tableau's ten colours,
// each with a contrast above 3:1 on white but the orange and the olive.
var svgColours = [...]string{"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"}

// legendEntry is one row of a chart's legend.
type legendEntry struct {
	label, colour, dash string
	width               float64
}

// LossExceedanceSVG draws loss exceedance curves under a title, as
// LossExceedanceSVGWith does with only a title; a curve's colour that is
// not "#RRGGBB" is replaced by the palette's. It never fails.
func LossExceedanceSVG(title string, curves ...Curve) []byte {
	cs := curves
	if len(cs) > MaxCurves {
		cs = cs[:MaxCurves]
	}
	for i, c := range cs {
		if c.Colour != "" && !colour.Valid(c.Colour) {
			cs = slices.Clone(cs)
			for j := i; j < len(cs); j++ {
				if !colour.Valid(cs[j].Colour) {
					cs[j].Colour = ""
				}
			}
			break
		}
	}
	b, _ := LossExceedanceSVGWith(ChartOptions{Title: title}, cs...)
	return b
}

// LossExceedanceSVGWith draws loss exceedance curves: the probability
// that the annual loss exceeds an amount, against the amount on a log
// scale, with the curves' labels (a risk's ID and title) in a legend
// under the plot. The output is a standalone SVG document on a white
// background and depends only on its inputs.
//
// The x axis runs from the power of ten at or below the smallest amount
// drawn to the power of ten at or above the largest; every curve starts
// at the axis's start, level with its first point (the probability of
// exceeding any amount below the first one is at least that). The y axis
// runs from 0 to a round bound at or above the highest probability drawn
// (10%, 20%, 25%, 50%, 100%...), so a rare-event curve fills the plot.
// Dashed curves (after a treatment) are drawn dashed; o.Tolerance is
// drawn as a thick black dash-dotted line and named in the legend.
// Points with a non-positive or infinite amount or a NaN probability are
// skipped.
//
// Options that do not validate (a tolerance curve that is not one, a
// currency longer than 16 characters, a curve's colour not written
// #RRGGBB, more than MaxCurves curves) are errors wrapping
// ismskit.ErrOutOfRange, ErrParameter, ismskit.ErrSyntax or
// ismskit.ErrTooLarge, naming the option, and no chart.
func LossExceedanceSVGWith(o ChartOptions, curves ...Curve) ([]byte, error) {
	var l fielderr.List
	o.check(&l, curves)
	if err := l.Err(); err != nil {
		return nil, err
	}
	drawable := func(p Point) bool {
		return p.Amount > 0 && !math.IsInf(p.Amount, 0) && !math.IsNaN(p.Probability)
	}
	lo, hi, top := math.Inf(1), math.Inf(-1), 0.0
	for _, c := range curves {
		for _, p := range c.Points {
			if drawable(p) {
				lo, hi = min(lo, p.Amount), max(hi, p.Amount)
				top = max(top, min(max(p.Probability, 0), 1))
			}
		}
	}
	var tol []Point
	for _, p := range o.Tolerance {
		if drawable(p) {
			tol = append(tol, p)
			lo, hi = min(lo, p.Amount), max(hi, p.Amount)
			top = max(top, p.Probability)
		}
	}
	if lo > hi { // nothing to draw
		lo, hi = 1, 10
	}
	d0 := math.Floor(math.Log10(lo))
	d1 := math.Ceil(math.Log10(hi))
	if d1 <= d0 {
		d1 = d0 + 1
	}
	ymax, ystep := niceBound(top)
	x := func(a float64) float64 { return plotL + (math.Log10(a)-d0)/(d1-d0)*(plotR-plotL) }
	y := func(p float64) float64 { return plotB - min(max(p, 0), ymax)/ymax*(plotB-plotT) }

	var legend []legendEntry
	var plot strings.Builder
	next := 0
	for _, c := range curves {
		col := c.Colour
		if col == "" {
			col = svgColours[next%len(svgColours)]
			next++
		}
		dash := ""
		if c.Dashed {
			dash = "7 4"
		}
		var path strings.Builder
		for _, p := range c.Points {
			if !drawable(p) {
				continue
			}
			py := fmtf(y(p.Probability))
			if path.Len() == 0 {
				path.WriteString("M" + fmtf(plotL) + " " + py + "H" + fmtf(x(p.Amount)))
			} else {
				path.WriteString("L" + fmtf(x(p.Amount)) + " " + py)
			}
		}
		if path.Len() > 0 {
			plot.WriteString(`<path d="` + path.String() + `" fill="none" stroke="` + col + `" stroke-width="2"` + dashAttr(dash) + "/>\n")
		}
		legend = append(legend, legendEntry{c.Label, col, dash, 2})
	}
	if len(tol) > 0 {
		var path strings.Builder
		for i, p := range tol {
			if i == 0 {
				path.WriteString("M")
			} else {
				path.WriteString("L")
			}
			path.WriteString(fmtf(x(p.Amount)) + " " + fmtf(y(p.Probability)))
		}
		plot.WriteString(`<path d="` + path.String() + `" fill="none" stroke="` + svgTolerance + `" stroke-width="2.5" stroke-dasharray="10 3 2 3"/>` + "\n")
		label := o.ToleranceLabel
		if label == "" {
			label = "Risk tolerance"
		}
		legend = append(legend, legendEntry{label, svgTolerance, "10 3 2 3", 2.5})
	}

	var b bytes.Buffer
	height := svgLegendTop + legendHeight(len(legend)) + 6
	open(&b, height, o.Title)
	writeGrid(&b, ymax, ystep, y, d0, d1, func(d float64) float64 { return x(math.Pow(10, d)) })
	writeAxes(&b, o.Currency, "Probability of a greater loss in a year")
	b.WriteString(plot.String())
	writeLegend(&b, legend)
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// writeGrid writes the grid lines and tick labels of a chart: a line
// every ystep from 0 to ymax (y places a probability), and one at every
// power of ten 10^d for d from d0 to d1 (xDecade places d).
func writeGrid(b *bytes.Buffer, ymax, ystep float64, y func(float64) float64, d0, d1 float64, xDecade func(float64) float64) {
	for p := 0.0; p <= ymax*(1+1e-9); p += ystep {
		yy := fmtf(y(p))
		b.WriteString(`<line x1="80" x2="690" y1="` + yy + `" y2="` + yy + `" stroke="` + svgStrokeGrid + `"/>` + "\n")
		b.WriteString(`<text x="72" y="` + yy + `" text-anchor="end" dominant-baseline="middle">` + pctLabel(p) + "</text>\n")
	}
	for d := d0; d <= d1; d++ {
		xx := fmtf(xDecade(d))
		b.WriteString(`<line x1="` + xx + `" x2="` + xx + `" y1="50" y2="370" stroke="` + svgStrokeGrid + `"/>` + "\n")
		b.WriteString(`<text x="` + xx + `" y="388" text-anchor="middle">` + moneyLabel(d) + "</text>\n")
	}
}

// writeAxes writes the axes of a chart and their titles: the annual loss
// (in currency, on a log scale) across, yTitle up.
func writeAxes(b *bytes.Buffer, currency, yTitle string) {
	b.WriteString(`<path d="M80 50V370H690" fill="none" stroke="` + svgStrokeAxis + `"/>` + "\n")
	x := "Annual loss"
	if currency != "" {
		x += " in " + currency
	}
	b.WriteString(`<text x="385" y="410" text-anchor="middle">` + escape(x+" (log scale)") + "</text>\n")
	b.WriteString(`<text x="20" y="210" text-anchor="middle" transform="rotate(-90 20 210)">` + escape(yTitle) + "</text>\n")
}

// open writes the start of a chart: the svg element, the white
// background and the title.
func open(b *bytes.Buffer, height int, title string) {
	h := strconv.Itoa(height)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="720" height="` + h + `" viewBox="0 0 720 ` + h +
		`" font-family="` + svgFontFamily + `" font-size="12" fill="` + svgInk + `" role="img">` + "\n")
	if title != "" {
		b.WriteString(`<title>` + escape(title) + "</title>\n")
	}
	b.WriteString(`<rect width="720" height="` + h + `" fill="white"/>` + "\n")
	b.WriteString(`<text x="360" y="28" text-anchor="middle" font-size="16">` + escape(title) + "</text>\n")
}

func dashAttr(dash string) string {
	if dash == "" {
		return ""
	}
	return ` stroke-dasharray="` + dash + `"`
}

// legendHeight is the height of a legend of n entries: one column up to
// six entries, two columns above.
func legendHeight(n int) int {
	if n > 6 {
		n = (n + 1) / 2
	}
	return n * svgLegendLineStep
}

// writeLegend writes the legend under the plot: a line sample and the
// label of each entry, labels clipped to fit their column.
func writeLegend(b *bytes.Buffer, entries []legendEntry) {
	cols, width := 1, 80
	if len(entries) > 6 {
		cols, width = 2, 40
	}
	rows := (len(entries) + cols - 1) / cols
	for i, e := range entries {
		col, row := i/max(rows, 1), i%max(rows, 1)
		x0 := 80 + col*310
		ly := strconv.Itoa(svgLegendTop + row*svgLegendLineStep + svgLegendLineStep/2)
		b.WriteString(`<line x1="` + strconv.Itoa(x0) + `" x2="` + strconv.Itoa(x0+28) + `" y1="` + ly + `" y2="` + ly + `" stroke="` + e.colour +
			`" stroke-width="` + strconv.FormatFloat(e.width, 'f', -1, 64) + `"` + dashAttr(e.dash) + "/>\n")
		b.WriteString(`<text x="` + strconv.Itoa(x0+34) + `" y="` + ly + `" dominant-baseline="middle">` + escape(clip(e.label, width)) + "</text>\n")
	}
}

// clip keeps s to n characters, ending a shortened one with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// niceBound returns the y axis's bound for a highest probability p: the
// smallest of 1, 2, 2.5 and 5 times a power of ten at or above p (1 at
// most, and 1 for p of 0), and the step of its grid lines (4 or 5 of
// them).
func niceBound(p float64) (bound, step float64) {
	if !(p > 0) || p >= 1 {
		return 1, 0.2
	}
	p = max(p, 1e-6)
	e := math.Floor(math.Log10(p))
	for {
		unit := math.Pow(10, e)
		for _, m := range [...]float64{1, 2, 2.5, 5, 10} {
			if m*unit >= p*(1-1e-12) {
				bound = min(m*unit, 1)
				switch m {
				case 2:
					return bound, bound / 4
				default:
					return bound, bound / 5
				}
			}
		}
		e++
	}
}

// pctLabel writes a probability as a percentage with the decimals it
// needs: "20%", "2.5%", "0.05%".
func pctLabel(p float64) string {
	v := math.Round(p*100*1e6) / 1e6
	return strconv.FormatFloat(v, 'f', -1, 64) + "%"
}

// LossHistogramSVG draws the distribution of r's annual losses as a
// histogram: o.Bins bars (40 when 0) evenly spaced on a log scale from the
// power of ten at or below the smallest loss drawn (a ten-thousandth of
// the largest at the least) to the largest loss, each as high as the
// share of years whose loss falls in it, with the mean, the 90th and the
// 99th percentiles marked. Years without a loss, which a log scale cannot
// show, are counted in a note above the plot; losses below the first bar
// are counted in it. The output is a standalone SVG document on a white
// background and depends only on its inputs; o.Tolerance is not used.
//
// A nil result or one without iterations is an ismskit.ErrMissing;
// options that do not validate are errors naming the option, as
// LossExceedanceSVGWith says; either way there is no chart.
func LossHistogramSVG(o ChartOptions, r *Result) ([]byte, error) {
	var l fielderr.List
	o.check(&l, nil)
	if r.Iterations() == 0 {
		l.Add("result", errorf(ismskit.ErrMissing, "no simulated losses to draw"))
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	bins := o.Bins
	if bins == 0 {
		bins = 40
	}
	n := float64(r.Iterations())
	hi := r.Max()
	lo := math.Inf(1)
	zero := 0
	for v := range r.Losses() {
		if v > 0 {
			lo = min(lo, v)
		} else {
			zero++
		}
	}
	var counts []int
	var d0, d1, l0, l1 float64
	if hi > 0 {
		lo = max(lo, hi*1e-4)
		if lo >= hi {
			lo = hi / 10
		}
		d0, d1 = math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
		if d1 <= d0 {
			d1 = d0 + 1
		}
		l0, l1 = math.Log10(lo), math.Log10(hi)
		counts = make([]int, bins)
		for v := range r.Losses() {
			if !(v > 0) {
				continue
			}
			k := int(math.Floor((math.Log10(v) - l0) / (l1 - l0) * float64(bins)))
			counts[min(max(k, 0), bins-1)]++
		}
	} else {
		d0, d1 = 0, 1
	}
	top := 0.0
	for _, c := range counts {
		top = max(top, float64(c)/n)
	}
	ymax, ystep := niceBound(top)
	x := func(a float64) float64 { return plotL + (a-d0)/(d1-d0)*(plotR-plotL) } // a is log10
	y := func(p float64) float64 { return plotB - min(max(p, 0), ymax)/ymax*(plotB-plotT) }

	var b bytes.Buffer
	open(&b, svgLegendTop+6, o.Title)
	writeGrid(&b, ymax, ystep, y, d0, d1, x)
	for k, c := range counts {
		if c == 0 {
			continue
		}
		x0 := x(l0 + (l1-l0)*float64(k)/float64(bins))
		x1 := x(l0 + (l1-l0)*float64(k+1)/float64(bins))
		yy := y(float64(c) / n)
		b.WriteString(`<rect x="` + fmtf(x0) + `" y="` + fmtf(yy) + `" width="` + fmtf(max(x1-x0-0.5, 0.5)) + `" height="` + fmtf(plotB-yy) +
			`" fill="` + svgColours[0] + `"/>` + "\n")
	}
	if hi > 0 {
		marks := []struct {
			label string
			v     float64
		}{{"mean", r.Mean()}, {"P90", r.Percentile(90)}, {"P99", r.Percentile(99)}}
		for i, m := range marks {
			if !(m.v >= lo) {
				continue
			}
			xx := fmtf(x(math.Log10(m.v)))
			ly := plotT + 12 + i*14
			b.WriteString(`<line x1="` + xx + `" x2="` + xx + `" y1="` + strconv.Itoa(ly-10) + `" y2="370" stroke="` + svgColours[1+i] + `" stroke-width="1.5" stroke-dasharray="5 3"/>` + "\n")
			b.WriteString(`<text x="` + fmtf(x(math.Log10(m.v))+3) + `" y="` + strconv.Itoa(ly) + `" font-size="11">` + m.label + "</text>\n")
		}
	}
	writeAxes(&b, o.Currency, "Share of years")
	note := "Every year has a loss."
	switch {
	case zero == r.Iterations():
		note = "No year has a loss."
	case zero > 0:
		note = "No loss in " + pctLabel(math.Round(float64(zero)/n*1000)/1000) + " of the years (not drawn)."
	}
	b.WriteString(`<text x="690" y="44" text-anchor="end" font-size="11">` + note + "</text>\n")
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// fmtf writes a coordinate with one decimal.
func fmtf(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// moneyLabel writes 10^d as 1, 10, 100, 1k, 10k, 100k, 1M, ...
func moneyLabel(d float64) string {
	e := int(d)
	if e < 0 {
		return strconv.FormatFloat(math.Pow(10, d), 'g', -1, 64)
	}
	suffixes := []string{"", "k", "M", "G", "T", "P", "E"}
	s := e / 3
	if s >= len(suffixes) {
		return "1e" + strconv.Itoa(e)
	}
	return "1" + strings.Repeat("0", e%3) + suffixes[s]
}

// escape writes s as XML character data or an attribute value: the five
// special characters are escaped, and the characters XML 1.0 forbids (the
// controls below U+0020 other than tab, newline and carriage return,
// U+FFFE, U+FFFF, surrogates and invalid UTF-8) are dropped, so that every
// SVG written is well-formed XML.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case c == '&':
			b.WriteString("&amp;")
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '"':
			b.WriteString("&quot;")
		case c == '\'':
			b.WriteString("&#39;")
		case c == '\t' || c == '\n' || c == '\r':
			b.WriteRune(c)
		case c < 0x20, c == utf8.RuneError && size == 1, c == 0xFFFE, c == 0xFFFF:
			// dropped: XML cannot hold it
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
