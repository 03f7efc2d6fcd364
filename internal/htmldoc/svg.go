package htmldoc

import (
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bar is one bar of a BarChart.
type Bar struct {
	// Label, left of the bar.
	Label string
	// Value sets the bar's length; a negative or NaN value draws none.
	Value float64
	// Text is written right of the bar ("3", "91.7%").
	Text string
	// Fill is the bar's colour, "#RRGGBB"; empty for the accent colour.
	Fill string
}

// Chart geometry, in SVG user units (CSS pixels).
const (
	chartLabelW = 200
	chartBarW   = 260
	chartTextW  = 60
	chartRow    = 22
	chartTop    = 30
)

// BarChart returns an SVG picture of horizontal bars, one per bar, scaled
// so that max fills the bar area (max <= 0 scales to the largest value),
// under a title. Every text is escaped and loses the characters XML 1.0
// does not allow, so the SVG is well-formed XML, inline in HTML or on its
// own. accent is the colour of bars without a Fill; an invalid colour is
// replaced by grey.
func BarChart(title string, bars []Bar, max float64, accent string) template.HTML {
	if max <= 0 || math.IsNaN(max) || math.IsInf(max, 0) {
		max = 0
		for _, b := range bars {
			if b.Value > max && !math.IsInf(b.Value, 0) {
				max = b.Value
			}
		}
	}
	w := chartLabelW + chartBarW + chartTextW
	h := chartTop + chartRow*len(bars) + 8
	var b strings.Builder
	n := strconv.Itoa
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + n(w) + `" height="` + n(h) + `" viewBox="0 0 ` + n(w) + " " + n(h) +
		`" font-family="Liberation Sans, Helvetica, Arial, sans-serif" font-size="12" role="img">`)
	b.WriteString(`<title>` + XMLText(title) + `</title>`)
	b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>`)
	b.WriteString(`<text x="0" y="16" font-size="13" font-weight="bold" fill="#1a1a1a">` + XMLText(title) + `</text>`)
	for i, bar := range bars {
		y := chartTop + i*chartRow
		b.WriteString(`<text x="` + n(chartLabelW-8) + `" y="` + n(y+15) + `" text-anchor="end" fill="#1a1a1a">` + XMLText(clipLabel(bar.Label)) + `</text>`)
		length := 0.0
		if max > 0 && bar.Value > 0 && !math.IsInf(bar.Value, 0) {
			length = math.Min(1, bar.Value/max) * chartBarW
		}
		fill := colourOr(bar.Fill, colourOr(accent, "#808080"))
		b.WriteString(`<rect x="` + n(chartLabelW) + `" y="` + n(y+3) + `" width="` + strconv.FormatFloat(length, 'f', 1, 64) +
			`" height="16" fill="` + fill + `"/>`)
		b.WriteString(`<text x="` + strconv.FormatFloat(chartLabelW+length+6, 'f', 1, 64) + `" y="` + n(y+15) + `" fill="#1a1a1a">` + XMLText(bar.Text) + `</text>`)
	}
	b.WriteString(`<line x1="` + n(chartLabelW) + `" y1="` + n(chartTop) + `" x2="` + n(chartLabelW) + `" y2="` + n(h-8) + `" stroke="#5a5a5a"/>`)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// clipLabel keeps a label to 36 characters, so that it fits left of the
// bars.
func clipLabel(s string) string {
	if utf8.RuneCountInString(s) <= 36 {
		return s
	}
	r := []rune(s)
	return string(r[:35]) + "…"
}

// colourOr returns c when it is "#RRGGBB", otherwise or.
func colourOr(c, or string) string {
	if len(c) != 7 || c[0] != '#' {
		return or
	}
	for i := 1; i < 7; i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c[i])) {
			return or
		}
	}
	return c
}

// XMLText escapes s for XML text and attribute values, leaving out what
// XML 1.0 does not allow in a document: control characters other than
// tab, line feed and carriage return, the surrogates, U+FFFE and U+FFFF.
// Invalid UTF-8 becomes U+FFFD.
func XMLText(s string) string {
	var sb strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			_, size := utf8.DecodeRuneInString(s[i:])
			if size <= 1 {
				sb.WriteRune(utf8.RuneError)
			} else {
				sb.WriteRune(r)
			}
		case xmlChar(r):
			sb.WriteRune(r)
		}
	}
	return html.EscapeString(sb.String())
}

// xmlChar reports whether r is a Char of XML 1.0.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
