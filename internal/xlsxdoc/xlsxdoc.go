// Package xlsxdoc holds what the workbooks people print share (packages
// soa/xlsx and risk/report/xlsx): the print setup of a sheet and the text
// of its page header and footer. It is internal so that only the
// packages that write workbooks compile excelize.
package xlsxdoc

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// MaxCell is the most characters a spreadsheet cell holds.
const MaxCell = 32767

// CheckCell adds to l, at path and with item, the reason a cell cannot
// hold s unchanged (invalid UTF-8, over MaxCell characters, a character
// XML 1.0 forbids), as an ismskit.ErrNotEncodable error; nothing when it
// can.
func CheckCell(l *fielderr.List, path, item, s string) {
	switch {
	case !utf8.ValidString(s):
		l.AddItem(path, item, fielderr.Errorf(ismskit.ErrNotEncodable, "not valid UTF-8"))
	case utf8.RuneCountInString(s) > MaxCell:
		l.AddItem(path, item, fielderr.Errorf(ismskit.ErrNotEncodable, "%d characters, a cell holds at most %d", utf8.RuneCountInString(s), MaxCell))
	case strings.IndexFunc(s, badXML) >= 0:
		l.AddItem(path, item, fielderr.Errorf(ismskit.ErrNotEncodable, "a control character that XML cannot hold"))
	}
}

// badXML reports runes that XML 1.0 documents cannot hold.
func badXML(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
		return true
	}
	return false
}

// Stamp is the time a workbook's properties give as created and
// modified: the document's own day, or 2000-01-01 when it has none, so
// that the same document gives the same bytes (nothing reads the clock).
func Stamp(d ismskit.Date) string {
	if d.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	}
	return d.Time().Format(time.RFC3339)
}

// LineHeight is the height in points of one line of the workbooks' 9
// point font.
const LineHeight = 11.5

// maxRowHeight is the tallest row a spreadsheet allows, in points.
const maxRowHeight = 409

// Lines estimates how many lines text takes in a column of width w
// characters, with wrapped text; an empty text takes one.
func Lines(text string, w float64) int {
	if text == "" {
		return 1
	}
	per := math.Max(1, w*1.3-1) // characters of a proportional font per line
	n := 0
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		n += max(1, int(math.Ceil(float64(utf8.RuneCountInString(l))/per)))
	}
	return n
}

// RowHeight is the height in points that shows every line of the cells,
// each in the column of its width (cells past the widths are not
// counted), at most the 409 points a spreadsheet allows.
func RowHeight(cells []string, widths []float64) float64 {
	n := 1
	for i, c := range cells {
		if i < len(widths) {
			n = max(n, Lines(c, widths[i]))
		}
	}
	return math.Min(maxRowHeight, float64(n)*LineHeight+3)
}

// Page is what a printed sheet shows around its cells: the title on the
// left of the header, the classification marking on its right (upper
// case, bold), the byline on the left of the footer and "Page n of N" on
// its right.
type Page struct {
	Title, Marking, Footer string
	// RepeatRow is the heading row printed at the top of every page; 0
	// repeats none.
	RepeatRow int
}

// PrintSetup sets sheet to print on A4 landscape, fitted to the page's
// width, with narrow margins and the header, footer and repeated row of
// p.
func PrintSetup(f *excelize.File, sheet string, p Page) error {
	a4, landscape, one, any := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	m, top := 0.4, 0.6
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &top, Bottom: &top, Header: &m, Footer: &m}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L&8" + HeaderText(p.Title, 100) + "&R&8&B" + HeaderText(strings.ToUpper(p.Marking), 80),
		OddFooter: "&L&8" + HeaderText(p.Footer, 100) + "&R&8Page &P of &N",
	}); err != nil {
		return err
	}
	if p.RepeatRow <= 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, p.RepeatRow, p.RepeatRow)})
}

// HeaderText makes s safe in a page header or footer: "&" starts a code
// there and is doubled, line breaks become spaces, and the text is cut to
// n characters (n >= 2) with an ellipsis, never in the middle of a
// doubled "&".
func HeaderText(s string, n int) string {
	s = strings.NewReplacer("&", "&&", "\r", " ", "\n", " ").Replace(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:max(n-1, 0)])
	// An odd run of "&" at the cut is half a doubled "&": drop the half.
	amps := len(cut) - len(strings.TrimRight(cut, "&"))
	if amps%2 == 1 {
		cut = cut[:len(cut)-1]
	}
	return cut + "…"
}
