// Package pdfdoc lays out the PDF documents of ismskit (the Statement of
// Applicability of soa/pdf, the audit report of audit/pdf) in the look of
// the HTML documents of internal/htmldoc: A4 landscape, the title block
// with the logo, organisation, version, date and classification marking,
// a running header with the marking and a footer with "Page n of N" on
// every page, tables whose heading row repeats after a page break, key
// figures, fields, bar charts and a sign-off block.
//
// It draws with codeberg.org/go-pdf/fpdf. Render lays a document out in
// Helvetica, which every PDF reader has, when all of its text is in the
// Windows-1252 character set (the Western European languages), and again
// in the Go fonts (golang.org/x/image/font/gofont, BSD licence; Latin,
// Greek and Cyrillic), embedded and subset, when it is not, so no
// character is lost. Only the packages that import it compile the PDF
// library. The output is deterministic: the document's date is the PDF's
// creation date, and nothing reads the clock or the file system.
//
// A Doc is for one goroutine; the package keeps no state.
package pdfdoc

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/text/encoding/charmap"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/htmldoc"
)

// Colour is an RGB colour.
type Colour struct{ R, G, B uint8 }

// Hex reads "#RRGGBB"; anything else is grey.
func Hex(s string) Colour {
	l := ismskit.Letterhead{Colour: s}
	if l.AccentColour() != strings.ToUpper(s) {
		return Colour{0x99, 0x99, 0x99}
	}
	r, g, b := l.RGB()
	return Colour{r, g, b}
}

// The colours of the look, as in internal/htmldoc's stylesheet.
var (
	Ink   = Colour{0x1a, 0x1a, 0x1a}
	Muted = Colour{0x5a, 0x5a, 0x5a}
	Rule  = Colour{0xb8, 0xb8, 0xb8}
	Band  = Colour{0xf2, 0xf4, 0xf7}
	White = Colour{0xff, 0xff, 0xff}
	// Status and result colours: background and ink.
	OK, OKInk     = Colour{0xd9, 0xea, 0xd3}, Colour{0x27, 0x4e, 0x13}
	Part, PartInk = Colour{0xff, 0xf2, 0xcc}, Colour{0x6b, 0x4e, 0x00}
	Plan, PlanInk = Colour{0xdb, 0xe8, 0xf6}, Colour{0x1c, 0x45, 0x87}
	Todo, TodoInk = Colour{0xf4, 0xcc, 0xcc}, Colour{0x85, 0x20, 0x0c}
	NA, NAInk     = Colour{0xe6, 0xe6, 0xe6}, Colour{0x44, 0x44, 0x44}
)

// Page geometry in millimetres.
const (
	pageW, pageH        = 297.0, 210.0
	marginL, marginR    = 11.0, 11.0
	marginT, marginB    = 15.0, 13.0
	contentW            = pageW - marginL - marginR
	bodySize, smallSize = 8.0, 7.0
	pad                 = 1.2
)

// lineH is the height of a line of text of size pt, in millimetres.
func lineH(pt float64) float64 { return pt * 0.3528 * 1.3 }

// Doc is a PDF document being laid out.
type Doc struct {
	pdf    *fpdf.Fpdf
	head   htmldoc.Head
	accent Colour
	// unicode: the Go fonts; otherwise Helvetica, and wide is set when a
	// text has a character that Windows-1252 lacks.
	unicode, wide bool
}

// Render lays out a document under h's title block with build, and
// returns its bytes: in Helvetica when every text is in Windows-1252,
// otherwise in the embedded Go fonts. A letterhead that does not
// validate is its error, at paths under "letterhead".
func Render(h htmldoc.Head, build func(*Doc)) ([]byte, error) {
	if err := h.Letterhead.Validate(); err != nil {
		return nil, fielderr.At("letterhead", err)
	}
	d := newDoc(h, false)
	build(d)
	if d.wide {
		d = newDoc(h, true)
		build(d)
	}
	return d.bytes()
}

func newDoc(h htmldoc.Head, unicode bool) *Doc {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "mm", SizeStr: "A4"})
	d := &Doc{pdf: p, head: h, unicode: unicode}
	r, g, b := h.Letterhead.RGB()
	d.accent = Colour{r, g, b}
	if unicode {
		p.AddUTF8FontFromBytes("Go", "", goregular.TTF)
		p.AddUTF8FontFromBytes("Go", "B", gobold.TTF)
	}
	p.SetMargins(marginL, marginT, marginR)
	p.SetAutoPageBreak(false, marginB)
	p.AliasNbPages("{nb}")
	p.SetCatalogSort(true)
	p.SetCompression(true)
	stamp := h.Date.Time()
	if h.Date.IsZero() {
		stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	p.SetCreationDate(stamp)
	p.SetModificationDate(stamp)
	p.SetCreator("ismskit", true)
	p.SetProducer("ismskit", true)
	p.SetTitle(clean(h.Running()), true)
	p.SetAuthor(clean(h.Organization), true)
	p.SetSubject(clean(h.Subtitle), true)
	p.SetKeywords(clean(h.Letterhead.Marking()), true)
	p.SetHeaderFunc(d.pageHeader)
	p.SetFooterFunc(d.pageFooter)
	p.AddPage()
	d.titleBlock()
	return d
}

// text makes s printable in the document's font: clean, and in
// Windows-1252 for Helvetica (a character it lacks is a '?' and makes
// Render lay the document out again in the Go fonts).
func (d *Doc) text(s string) string {
	s = clean(s)
	if d.unicode {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		c, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			d.wide, c = true, '?'
		}
		b = append(b, c)
	}
	return string(b)
}

// clean makes text printable: valid UTF-8, no control characters but
// line breaks (a tab is a space).
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return -1
		}
		return r
	}, s)
}

func (d *Doc) font(bold bool, size float64, c Colour) {
	style := ""
	if bold {
		style = "B"
	}
	family := "Helvetica"
	if d.unicode {
		family = "Go"
	}
	d.pdf.SetFont(family, style, size)
	d.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
}

func (d *Doc) fill(c Colour)   { d.pdf.SetFillColor(int(c.R), int(c.G), int(c.B)) }
func (d *Doc) stroke(c Colour) { d.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B)) }

func (d *Doc) pageHeader() {
	p := d.pdf
	d.font(false, smallSize, Muted)
	p.SetXY(marginL, 6)
	p.CellFormat(contentW*0.7, 4, d.text(d.head.Running()), "", 0, "L", false, 0, "")
	d.font(true, smallSize, d.accent)
	p.SetXY(marginL+contentW*0.7, 6)
	p.CellFormat(contentW*0.3, 4, d.text(strings.ToUpper(d.head.Letterhead.Marking())), "", 0, "R", false, 0, "")
	p.SetXY(marginL, marginT)
}

func (d *Doc) pageFooter() {
	p := d.pdf
	d.font(false, smallSize, Muted)
	p.SetXY(marginL, pageH-8)
	p.CellFormat(contentW*0.7, 4, d.text(d.head.Footer()), "", 0, "L", false, 0, "")
	p.SetXY(marginL+contentW*0.7, pageH-8)
	p.CellFormat(contentW*0.3, 4, fmt.Sprintf("Page %d of {nb}", p.PageNo()), "", 0, "R", false, 0, "")
}

func (d *Doc) titleBlock() {
	p := d.pdf
	h := d.head
	x := marginL
	if t := h.Letterhead.LogoType(); t != "" {
		typ := "PNG"
		if t == "image/jpeg" {
			typ = "JPG"
		}
		info := p.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(h.Letterhead.Logo))
		if p.Ok() && info != nil {
			w, ht := info.Extent()
			if ht > 0 {
				scale := math.Min(16/ht, 45/w)
				p.ImageOptions("logo", marginL, marginT, w*scale, ht*scale, false, fpdf.ImageOptions{ImageType: typ}, 0, "")
				x += w*scale + 5
			}
		} else {
			p.ClearError() // a logo fpdf cannot read is left out
		}
	}
	y := marginT
	d.font(true, 17, d.accent)
	p.SetXY(x, y)
	p.CellFormat(170, 8, d.text(h.Title), "", 2, "L", false, 0, "")
	if h.Organization != "" {
		d.font(true, 11, Ink)
		p.SetX(x)
		p.CellFormat(170, 6, d.text(h.Organization), "", 2, "L", false, 0, "")
	}
	if h.Subtitle != "" {
		d.font(false, bodySize, Muted)
		p.SetX(x)
		p.CellFormat(170, 5, d.text(h.Subtitle), "", 2, "L", false, 0, "")
	}
	bottom := p.GetY()
	version, date := h.Version, h.Date.String()
	if version == "" {
		version = "not versioned"
	}
	if h.Date.IsZero() {
		date = "not dated"
	}
	ry := y
	for _, f := range [][2]string{{"Version", version}, {"Date", date}, {"Classification", h.Letterhead.Marking()}} {
		d.font(false, bodySize, Muted)
		p.SetXY(pageW-marginR-75, ry)
		p.CellFormat(30, 4.5, f[0], "", 0, "R", false, 0, "")
		bold := Ink
		if f[0] == "Classification" {
			bold = d.accent
			f[1] = strings.ToUpper(f[1])
		}
		d.font(true, bodySize, bold)
		p.SetXY(pageW-marginR-43, ry)
		p.CellFormat(43, 4.5, d.text(f[1]), "", 0, "L", false, 0, "")
		ry += 4.5
	}
	y = math.Max(math.Max(bottom, ry), marginT+16) + 2
	d.stroke(d.accent)
	p.SetLineWidth(0.8)
	p.Line(marginL, y, pageW-marginR, y)
	p.SetLineWidth(0.2)
	p.SetXY(marginL, y+3)
}

// room makes sure h millimetres are left on the page, starting a new
// page when they are not.
func (d *Doc) room(h float64) {
	if d.pdf.GetY()+h > pageH-marginB {
		d.pdf.AddPage()
	}
}

// H2 writes a section heading, on a new page when too little room is
// left for it and a few lines.
func (d *Doc) H2(text string) {
	p := d.pdf
	d.room(22)
	p.Ln(2)
	d.font(true, 11.5, d.accent)
	p.CellFormat(contentW, 6, d.text(text), "", 2, "L", false, 0, "")
	d.stroke(d.accent)
	p.SetLineWidth(0.5)
	y := p.GetY()
	p.Line(marginL, y, pageW-marginR, y)
	p.SetLineWidth(0.2)
	p.SetY(y + 2)
}

// H3 writes a sub-heading.
func (d *Doc) H3(text string) {
	d.room(16)
	d.font(true, 9, Ink)
	d.pdf.CellFormat(contentW, 5.5, d.text(text), "", 2, "L", false, 0, "")
}

// Para writes a paragraph.
func (d *Doc) Para(text string) { d.para(text, false, Ink) }

// Note writes a paragraph in muted ink.
func (d *Doc) Note(text string) { d.para(text, false, Muted) }

// Strong writes a paragraph in bold.
func (d *Doc) Strong(text string, c Colour) { d.para(text, true, c) }

func (d *Doc) para(text string, bold bool, c Colour) {
	d.font(bold, bodySize+0.5, c)
	lh := lineH(bodySize + 0.5)
	lines := d.wrap(text, contentW)
	for _, l := range lines {
		d.room(lh)
		d.pdf.CellFormat(contentW, lh, l, "", 2, "L", false, 0, "")
	}
	d.pdf.Ln(1.2)
}

// wrap splits text into the lines that fit width w in the current font.
func (d *Doc) wrap(text string, w float64) []string {
	var out []string
	for _, l := range strings.Split(clean(text), "\n") {
		if l == "" {
			out = append(out, "")
			continue
		}
		if d.unicode {
			out = append(out, d.pdf.SplitText(l, w)...)
			continue
		}
		for _, b := range d.pdf.SplitLines([]byte(d.text(l)), w) {
			out = append(out, string(b))
		}
	}
	return out
}

// KPIs writes key figures as tiles: a value and what it counts.
func (d *Doc) KPIs(items [][2]string) {
	p := d.pdf
	const w, h, gap = 36.0, 14.0, 3.0
	per := int(math.Floor((contentW + gap) / (w + gap)))
	for i, it := range items {
		if i%per == 0 {
			if i > 0 {
				p.SetY(p.GetY() + h + gap)
			}
			d.room(h + 2)
		}
		x := marginL + float64(i%per)*(w+gap)
		y := p.GetY()
		d.stroke(Rule)
		p.Rect(x, y, w, h, "D")
		d.fill(d.accent)
		p.Rect(x, y, w, 0.9, "F")
		d.font(true, 13, d.accent)
		p.SetXY(x+2, y+1.8)
		p.CellFormat(w-4, 6, d.text(it[0]), "", 0, "L", false, 0, "")
		d.font(false, smallSize, Ink)
		p.SetXY(x+2, y+8)
		p.CellFormat(w-4, 4, d.text(it[1]), "", 0, "L", false, 0, "")
		p.SetY(y)
	}
	p.SetXY(marginL, p.GetY()+h+4)
}

// Column is a column of a Table: its heading, width in millimetres and
// alignment.
type Column struct {
	Title string
	Width float64
	Right bool
}

// Cell is one cell of a Table.
type Cell struct {
	// Lines of text; each wraps to the column's width.
	Lines []string
	Bold  bool
	// Ink and Fill override the text colour and background.
	Ink, Fill *Colour
}

// Text is a cell of one text.
func Text(s string) Cell { return Cell{Lines: []string{s}} }

// Row is one row of a Table: cells, or a section heading across the
// table when Section is set.
type Row struct {
	Cells   []Cell
	Section string
	Muted   bool
}

// Table writes a table whose heading row repeats on every page it
// spans; a row taller than what is left of a page continues on the next.
func (d *Doc) Table(cols []Column, rows []Row) {
	p := d.pdf
	tw := 0.0
	for _, c := range cols {
		tw += c.Width
	}
	lh := lineH(bodySize)
	headH := d.headHeight(cols)
	d.room(headH + lh + 2*pad)
	d.tableHead(cols, headH)
	for _, r := range rows {
		if r.Section != "" {
			h := lineH(9) + 2*pad
			if p.GetY()+h+lh+2*pad > pageH-marginB {
				p.AddPage()
				d.tableHead(cols, headH)
			}
			y := p.GetY()
			d.fill(Band)
			p.Rect(marginL, y, tw, h, "F")
			d.stroke(d.accent)
			p.SetLineWidth(0.4)
			p.Line(marginL, y, marginL+tw, y)
			p.SetLineWidth(0.2)
			d.font(true, 9, d.accent)
			p.SetXY(marginL+pad, y+pad)
			p.CellFormat(tw-2*pad, lineH(9), d.text(r.Section), "", 0, "L", false, 0, "")
			p.SetXY(marginL, y+h)
			continue
		}
		// The lines of every cell, wrapped.
		lines := make([][]string, len(cols))
		for j := range cols {
			if j >= len(r.Cells) {
				continue
			}
			c := r.Cells[j]
			d.font(c.Bold, bodySize, Ink)
			for _, l := range c.Lines {
				lines[j] = append(lines[j], d.wrap(l, cols[j].Width-2*pad)...)
			}
		}
		done := make([]int, len(cols))
		for first := true; ; first = false {
			left := 0
			for j := range lines {
				left = max(left, len(lines[j])-done[j])
			}
			if left == 0 && !first {
				break
			}
			fit := int((pageH - marginB - p.GetY() - 2*pad) / lh)
			if fit < min(left, 3) {
				p.AddPage()
				d.tableHead(cols, headH)
				fit = int((pageH - marginB - p.GetY() - 2*pad) / lh)
			}
			n := min(max(left, 1), fit)
			h := float64(n)*lh + 2*pad
			y := p.GetY()
			x := marginL
			for j, col := range cols {
				var c Cell
				if j < len(r.Cells) {
					c = r.Cells[j]
				}
				if c.Fill != nil {
					d.fill(*c.Fill)
					p.Rect(x, y, col.Width, h, "F")
				}
				ink := Ink
				if r.Muted {
					ink = Muted
				}
				if c.Ink != nil {
					ink = *c.Ink
				}
				d.font(c.Bold, bodySize, ink)
				align := "L"
				if col.Right {
					align = "R"
				}
				end := min(done[j]+n, len(lines[j]))
				for k, l := range lines[j][done[j]:end] {
					p.SetXY(x+pad, y+pad+float64(k)*lh)
					p.CellFormat(col.Width-2*pad, lh, l, "", 0, align, false, 0, "")
				}
				done[j] = end
				x += col.Width
			}
			d.stroke(Rule)
			p.Line(marginL, y+h, marginL+tw, y+h)
			p.SetXY(marginL, y+h)
			if left <= n {
				break
			}
			p.AddPage()
			d.tableHead(cols, headH)
		}
	}
	p.Ln(3)
}

// headHeight is the height of the heading row, 0 when no column has a
// title.
func (d *Doc) headHeight(cols []Column) float64 {
	if !slices.ContainsFunc(cols, func(c Column) bool { return c.Title != "" }) {
		return 0
	}
	d.font(true, bodySize, White)
	n := 1
	for _, c := range cols {
		n = max(n, len(d.wrap(c.Title, c.Width-2*pad)))
	}
	return float64(n)*lineH(bodySize) + 2*pad
}

func (d *Doc) tableHead(cols []Column, h float64) {
	if h == 0 {
		return
	}
	p := d.pdf
	y := p.GetY()
	tw := 0.0
	for _, c := range cols {
		tw += c.Width
	}
	d.fill(d.accent)
	p.Rect(marginL, y, tw, h, "F")
	d.font(true, bodySize, White)
	x := marginL
	for _, c := range cols {
		align := "L"
		if c.Right {
			align = "R"
		}
		for k, l := range d.wrap(c.Title, c.Width-2*pad) {
			p.SetXY(x+pad, y+pad+float64(k)*lineH(bodySize))
			p.CellFormat(c.Width-2*pad, lineH(bodySize), l, "", 0, align, false, 0, "")
		}
		x += c.Width
	}
	p.SetXY(marginL, y+h)
}

// Fields writes label and value rows, the labels on a band.
func (d *Doc) Fields(rows [][2]string) {
	var rs []Row
	band := Band
	for _, r := range rows {
		rs = append(rs, Row{Cells: []Cell{{Lines: []string{r[0]}, Bold: true, Fill: &band}, Text(r[1])}})
	}
	d.Table([]Column{{Title: "", Width: 45}, {Title: "", Width: contentW - 45}}, rs)
}

// Bars draws a horizontal bar chart: one bar per value, scaled so that
// max fills the width (the largest value when max <= 0).
func (d *Doc) Bars(title string, bars []htmldoc.Bar, max float64) {
	p := d.pdf
	const labelW, barW, rowH = 70.0, 120.0, 5.0
	if max <= 0 {
		for _, b := range bars {
			max = math.Max(max, b.Value)
		}
	}
	d.room(8 + rowH*float64(len(bars)))
	d.font(true, 9, Ink)
	p.CellFormat(contentW, 6, d.text(title), "", 2, "L", false, 0, "")
	y := p.GetY()
	for i, b := range bars {
		yy := y + float64(i)*rowH
		d.font(false, smallSize+0.5, Ink)
		p.SetXY(marginL, yy)
		p.CellFormat(labelW-2, rowH, d.text(b.Label), "", 0, "R", false, 0, "")
		w := 0.0
		if max > 0 && b.Value > 0 && !math.IsInf(b.Value, 0) {
			w = math.Min(1, b.Value/max) * barW
		}
		c := d.accent
		if b.Fill != "" {
			c = Hex(b.Fill)
		}
		d.fill(c)
		if w > 0 {
			p.Rect(marginL+labelW, yy+0.8, w, rowH-1.6, "F")
		}
		p.SetXY(marginL+labelW+w+1.5, yy)
		p.CellFormat(30, rowH, d.text(b.Text), "", 0, "L", false, 0, "")
	}
	d.stroke(Muted)
	p.Line(marginL+labelW, y, marginL+labelW, y+rowH*float64(len(bars)))
	p.SetXY(marginL, y+rowH*float64(len(bars))+3)
}

// SignOff writes the sign-off block: role, name, date and room for a
// signature.
func (d *Doc) SignOff(rows [][3]string) {
	var rs []Row
	band := Band
	for _, r := range rows {
		rs = append(rs, Row{Cells: []Cell{{Lines: []string{r[0]}, Bold: true, Fill: &band}, Text(r[1]), Text(r[2]), Text("\n\n\n")}})
	}
	d.Table([]Column{{Title: "Role", Width: 45}, {Title: "Name", Width: 80}, {Title: "Date", Width: 40}, {Title: "Signature", Width: contentW - 165}}, rs)
}

// Width returns the content width of a page in millimetres.
func Width() float64 { return contentW }

// Write writes the document that encode returns to w; a nil w is an
// error wrapping ismskit.ErrMissing, and encode is not called then.
func Write(w io.Writer, encode func() ([]byte, error)) error {
	if w == nil {
		return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "no writer")}
	}
	b, err := encode()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// bytes finishes the document and returns it.
func (d *Doc) bytes() ([]byte, error) {
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return b.Bytes(), nil
}
