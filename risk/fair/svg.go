package fair

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Curve is one labelled loss exceedance curve for [LossExceedanceSVG].
// The zero value is an unlabelled curve with no points, drawn as nothing.
type Curve struct {
	// Label names the curve in the legend.
	Label string `json:"label"`
	// Points are the curve's points, in increasing amount.
	Points []Point `json:"points"`
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

// Plot geometry, in SVG user units: a 720 x 440 canvas with the plot
// area from (80, 50) to (690, 370) and the legend from (500, 70).
const (
	plotL, plotR      = 80, 690
	plotT, plotB      = 50, 370
	svgFontFamily     = "sans-serif"
	svgStrokeAxis     = "#333"
	svgStrokeGrid     = "#ddd"
	svgLegendY        = 70
	svgLegendLineStep = 18
)

var svgColours = [...]string{"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"}

// LossExceedanceSVG draws loss exceedance curves: the probability that
// the annual loss exceeds an amount, against the amount on a log scale. The
// output is a standalone SVG document and depends only on its inputs.
// Points with a non-positive amount are skipped.
func LossExceedanceSVG(title string, curves ...Curve) []byte {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, c := range curves {
		for _, p := range c.Points {
			if p.Amount > 0 && !math.IsInf(p.Amount, 0) {
				lo = min(lo, p.Amount)
				hi = max(hi, p.Amount)
			}
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
	x := func(a float64) float64 { return plotL + (math.Log10(a)-d0)/(d1-d0)*(plotR-plotL) }
	y := func(p float64) float64 { return plotB - p*(plotB-plotT) }

	var b bytes.Buffer
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="720" height="440" viewBox="0 0 720 440" font-family="` + svgFontFamily + `" font-size="12">` + "\n")
	b.WriteString(`<rect width="720" height="440" fill="white"/>` + "\n")
	b.WriteString(`<text x="360" y="28" text-anchor="middle" font-size="16">` + escape(title) + "</text>\n")
	// Grid and ticks.
	for p := 0; p <= 10; p += 2 {
		yy := fmtf(y(float64(p) / 10))
		b.WriteString(`<line x1="80" x2="690" y1="` + yy + `" y2="` + yy + `" stroke="` + svgStrokeGrid + `"/>` + "\n")
		b.WriteString(`<text x="72" y="` + yy + `" text-anchor="end" dominant-baseline="middle">` + strconv.Itoa(p*10) + "%</text>\n")
	}
	for d := d0; d <= d1; d++ {
		xx := fmtf(x(math.Pow(10, d)))
		b.WriteString(`<line x1="` + xx + `" x2="` + xx + `" y1="50" y2="370" stroke="` + svgStrokeGrid + `"/>` + "\n")
		b.WriteString(`<text x="` + xx + `" y="388" text-anchor="middle">` + moneyLabel(d) + "</text>\n")
	}
	b.WriteString(`<path d="M80 50V370H690" fill="none" stroke="` + svgStrokeAxis + `"/>` + "\n")
	b.WriteString(`<text x="385" y="420" text-anchor="middle">Annual loss (log scale)</text>` + "\n")
	b.WriteString(`<text x="20" y="210" text-anchor="middle" transform="rotate(-90 20 210)">Probability of exceeding</text>` + "\n")
	// Curves and legend.
	for i, c := range curves {
		col := svgColours[i%len(svgColours)]
		var path strings.Builder
		for _, p := range c.Points {
			if !(p.Amount > 0) || math.IsInf(p.Amount, 0) || math.IsNaN(p.Probability) {
				continue
			}
			if path.Len() == 0 {
				path.WriteString("M")
			} else {
				path.WriteString("L")
			}
			path.WriteString(fmtf(x(p.Amount)) + " " + fmtf(y(min(max(p.Probability, 0), 1))))
		}
		if path.Len() > 0 {
			b.WriteString(`<path d="` + path.String() + `" fill="none" stroke="` + col + `" stroke-width="2"/>` + "\n")
		}
		ly := svgLegendY + i*svgLegendLineStep
		b.WriteString(`<line x1="500" x2="524" y1="` + strconv.Itoa(ly) + `" y2="` + strconv.Itoa(ly) + `" stroke="` + col + `" stroke-width="2"/>` + "\n")
		b.WriteString(`<text x="530" y="` + strconv.Itoa(ly) + `" dominant-baseline="middle">` + escape(c.Label) + "</text>\n")
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
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
