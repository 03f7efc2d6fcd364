package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/xlsxdoc"
	"github.com/ismskit/ismskit/soa"
)

// The sheet names.
const (
	SheetSoA      = "SoA"
	SheetSummary  = "Summary"
	SheetDocument = "Document"
	SheetHistory  = "History"
)

// The layout of the SoA sheet: the title block, then the heading row.
const (
	headRow  = 5 // the row of the column headings
	firstRow = headRow + 1
)

// The one font of the workbook, its size, and the height of one line of
// it in points.
const (
	fontName = "Arial"
	fontSize = 9
)

// Encode returns the workbook of s as XLSX bytes; see Write.
func Encode(s soa.SoA) ([]byte, error) { return EncodeDocument(soa.Document{SoA: s}) }

// Write writes s to w as an XLSX workbook: WriteDocument of
// soa.Document{SoA: s}.
func Write(w io.Writer, s soa.SoA) error { return WriteDocument(w, soa.Document{SoA: s}) }

// EncodeDocument returns the workbook of d as XLSX bytes; see
// WriteDocument.
func EncodeDocument(d soa.Document) ([]byte, error) {
	var b bytes.Buffer
	if err := WriteDocument(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteDocument writes d to w as an XLSX workbook laid out as the package
// doc describes. Values a spreadsheet cannot hold without loss (a cell
// over 32,767 characters, characters that XML 1.0 forbids, invalid UTF-8)
// and undefined enum values are errors wrapping ismskit.ErrNotEncodable
// or ismskit.ErrUnknownValue, with their paths and the control of their
// entry as Item, all of them joined, and so is a Letterhead that does not
// validate (paths under "letterhead"); nothing is written then. A nil w is
// an error wrapping ismskit.ErrMissing.
//
// Every value of the SoA is written as text or as a date, never as a
// formula: a value that begins with "=" stays text when the workbook is
// opened.
func WriteDocument(w io.Writer, d soa.Document) error {
	if w == nil {
		return &ismskit.Error{Err: errf(ismskit.ErrMissing, "no writer")}
	}
	var l fielderr.List
	l.Add("letterhead", d.Letterhead.Validate())
	s := &d.SoA
	rows := make([][nCols]string, len(s.Entries))
	for i := range s.Entries {
		e := &s.Entries[i]
		p := fielderr.Index("entries", i)
		item := ""
		if e.Control.IsValid() {
			item = e.Control.String()
		} else {
			l.AddItem(p+".control", item, errf(ismskit.ErrNotEncodable, "the entry names no control"))
		}
		if !e.Applicability.IsValid() {
			l.AddItem(p+".applicability", item, errf(ismskit.ErrUnknownValue, "applicability %d is not defined", uint8(e.Applicability)))
		}
		if e.Status != 0 && !e.Status.IsValid() {
			l.AddItem(p+".status", item, errf(ismskit.ErrUnknownValue, "status %d is not defined", uint8(e.Status)))
		}
		if !e.Responsibility.IsValid() {
			l.AddItem(p+".responsibility", item, errf(ismskit.ErrUnknownValue, "responsibility %d is not defined", uint8(e.Responsibility)))
		}
		for j, r := range e.Reasons {
			if !r.Kind.IsValid() {
				l.AddItem(fielderr.Index(p+".reasons", j)+".kind", item, errf(ismskit.ErrUnknownValue, "reason kind %d is not defined", uint8(r.Kind)))
			}
		}
		cells, err := entryCells(e, i)
		if err != nil && l.Len() == 0 { // an undefined reason kind, reported above otherwise
			l.AddItem(p, item, errf(ismskit.ErrNotEncodable, "%v", err))
		}
		rows[i] = cells
		for j, c := range cells {
			xlsxdoc.CheckCell(&l, fielderr.Key(p, columns[j].field), item, c)
		}
	}
	for _, r := range documentFields(d) {
		xlsxdoc.CheckCell(&l, "header", r.label, r.value)
	}
	xlsxdoc.CheckCell(&l, "scopeStatement", "", d.ScopeStatement)
	xlsxdoc.CheckCell(&l, "extensions", "", string(s.Extensions))
	if err := l.Err(); err != nil {
		return err
	}

	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, d: d}
	if err := b.build(rows); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return f.Write(w)
}

// book builds one workbook.
type book struct {
	f      *excelize.File
	d      soa.Document
	accent string // "RRGGBB"
	// Styles.
	title, subtitle, note, head, body, wrap, date, section, bold, number, percent int
}

// cell returns the name of the cell at column c (0-based) and row r
// (1-based).
func cell(c, r int) string {
	name, _ := excelize.CoordinatesToCellName(c+1, r)
	return name
}

func colName(c int) string {
	name, _ := excelize.ColumnNumberToName(c + 1)
	return name
}

func (b *book) styles() error {
	f := b.f
	b.accent = strings.TrimPrefix(b.d.Letterhead.AccentColour(), "#")
	font := func(size float64, bold bool, colour string) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold, Color: colour}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	thin := []excelize.Border{{Type: "bottom", Color: "B8B8B8", Style: 1}}
	var err error
	mk := func(dst *int, st *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(st)
		}
	}
	dateFmt := "yyyy-mm-dd"
	mk(&b.title, &excelize.Style{Font: font(14, true, b.accent)})
	mk(&b.subtitle, &excelize.Style{Font: font(fontSize+1, true, "1A1A1A")})
	mk(&b.note, &excelize.Style{Font: font(fontSize, false, "5A5A5A"), Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&b.head, &excelize.Style{Font: font(fontSize, true, "FFFFFF"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{b.accent}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	mk(&b.body, &excelize.Style{Font: font(fontSize, false, "1A1A1A"), Alignment: top, Border: thin})
	mk(&b.wrap, &excelize.Style{Font: font(fontSize, false, "1A1A1A"), Alignment: top})
	mk(&b.date, &excelize.Style{Font: font(fontSize, false, "1A1A1A"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"},
		Border: thin, CustomNumFmt: &dateFmt})
	mk(&b.section, &excelize.Style{Font: font(fontSize+1, true, b.accent), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F4F7"}},
		Alignment: &excelize.Alignment{Vertical: "center"}, Border: []excelize.Border{{Type: "top", Color: b.accent, Style: 2}}})
	mk(&b.bold, &excelize.Style{Font: font(fontSize, true, "1A1A1A"), Alignment: top, Border: thin, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F4F7"}}})
	mk(&b.number, &excelize.Style{Font: font(fontSize, false, "1A1A1A"), Border: thin, NumFmt: 1})
	pct := "0.0%"
	mk(&b.percent, &excelize.Style{Font: font(fontSize, false, "1A1A1A"), Border: thin, CustomNumFmt: &pct})
	return err
}

func (b *book) build(rows [][nCols]string) error {
	f := b.f
	if err := f.SetDefaultFont(fontName); err != nil {
		return err
	}
	if err := b.styles(); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetSoA); err != nil {
		return err
	}
	for _, name := range []string{SheetSummary, SheetDocument, SheetHistory} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	for _, step := range []func() error{func() error { return b.soaSheet(rows) }, b.summarySheet, b.documentSheet, b.historySheet} {
		if err := step(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	ts := xlsxdoc.Stamp(b.d.SoA.Header.Date)
	return f.SetDocProps(&excelize.DocProperties{
		Created: ts, Modified: ts, Creator: "ismskit", LastModifiedBy: "ismskit",
		Title: title(b.d.SoA.Header), Subject: "ISO/IEC 27001:2022 clause 6.1.3 d", Version: b.d.SoA.Header.Version,
		Category: b.d.Letterhead.Marking(),
	})
}

func title(h soa.Header) string {
	t := "Statement of Applicability"
	if h.Organization != "" {
		t += " - " + h.Organization
	}
	return t
}

// byline is the second line of every sheet: organisation, version, date
// and classification marking.
func (b *book) byline() string {
	h := b.d.SoA.Header
	var parts []string
	if h.Organization != "" {
		parts = append(parts, h.Organization)
	}
	if h.Version != "" {
		parts = append(parts, "version "+h.Version)
	}
	if !h.Date.IsZero() {
		parts = append(parts, h.Date.String())
	}
	parts = append(parts, "classification: "+b.d.Letterhead.Marking())
	return strings.Join(parts, ", ")
}

// titleBlock writes the sheet's title and byline in rows 1 and 2.
func (b *book) titleBlock(sheet, heading string) error {
	f := b.f
	if err := f.SetCellStr(sheet, "A1", heading); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", b.title); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 22); err != nil {
		return err
	}
	if err := f.SetCellStr(sheet, "A2", b.byline()); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, "A2", "A2", b.subtitle)
}

// printSetup sets the sheet's print setup (internal/xlsxdoc): the SoA's
// title and classification marking in the header, its byline and the
// page numbers in the footer, repeatRow at the top of every page.
func (b *book) printSetup(sheet string, repeatRow int) error {
	h := b.d.SoA.Header
	return xlsxdoc.PrintSetup(b.f, sheet, xlsxdoc.Page{Title: title(h), Marking: b.d.Letterhead.Marking(),
		Footer: strings.TrimPrefix(b.byline(), h.Organization+", "), RepeatRow: repeatRow})
}

func (b *book) soaSheet(rows [][nCols]string) error {
	f, sh := b.f, SheetSoA
	d := &b.d
	if err := b.titleBlock(sh, "Statement of Applicability"); err != nil {
		return err
	}
	scope := d.ScopeStatement
	if scope == "" {
		scope = d.SoA.Header.Scope
	}
	if scope != "" {
		if err := f.SetCellStr(sh, "A3", "ISMS scope: "+scope); err != nil {
			return err
		}
	}
	day := d.Day()
	note := "Applicable, Status and Responsibility take the values of their lists; a red target date is overdue"
	if !day.IsZero() {
		note += " as of " + day.String()
	}
	note += ". The hidden last column keeps what the words cannot say exactly; edit the words, not it."
	if err := f.SetCellStr(sh, "A4", note); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A3", "A4", b.note); err != nil {
		return err
	}

	widths := make([]float64, nCols)
	for c, col := range columns {
		widths[c] = col.width
		if err := f.SetCellStr(sh, cell(c, headRow), col.heading); err != nil {
			return err
		}
		if err := f.SetColWidth(sh, colName(c), colName(c), col.width); err != nil {
			return err
		}
	}
	last := colName(nCols - 1)
	if err := f.SetCellStyle(sh, "A"+strconv.Itoa(headRow), last+strconv.Itoa(headRow), b.head); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, headRow, 2*xlsxdoc.LineHeight+3); err != nil {
		return err
	}

	// The entries, grouped by theme in the order the themes first appear.
	sum := d.SoA.Summary()
	r := firstRow
	for _, t := range sum.Themes {
		head := fmt.Sprintf("%s: %d controls, %d applicable", soa.ThemeTitle(t.Theme), t.Entries, t.Included)
		if t.Excluded > 0 {
			head += fmt.Sprintf(", %d excluded", t.Excluded)
		}
		if err := f.SetCellStr(sh, cell(colControl, r), head); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, cell(colData, r), sectionData(t.Theme)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(0, r), cell(nCols-1, r), b.section); err != nil {
			return err
		}
		if err := f.SetRowHeight(sh, r, xlsxdoc.LineHeight+6); err != nil {
			return err
		}
		r++
		for i := range d.SoA.Entries {
			if d.SoA.Entries[i].Theme != t.Theme {
				continue
			}
			if err := b.entryRow(r, &d.SoA.Entries[i], rows[i], widths); err != nil {
				return err
			}
			r++
		}
	}
	lastRow := r - 1
	// Room for a person to add rows under the same lists and formats.
	validTo := lastRow + 200

	for _, v := range []struct {
		col   int
		words []string
		what  string
	}{
		{colApplicable, applicableWords, "Yes, No or Undecided"},
		{colStatus, statusWords(), "one of " + strings.Join(statusWords(), ", ")},
		{colResponsibility, responsibilityWords, "Own, Inherited or Shared"},
	} {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s%d:%s%d", colName(v.col), firstRow, colName(v.col), validTo))
		if err := dv.SetDropList(v.words); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, columns[v.col].heading, "Pick "+v.what+" from the list.")
		if err := f.AddDataValidation(sh, dv); err != nil {
			return err
		}
	}
	if err := b.conditionalFormats(lastRow, validTo); err != nil {
		return err
	}

	if err := f.SetColVisible(sh, last, false); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: headRow, TopLeftCell: cell(1, firstRow), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cell(1, firstRow), ActiveCell: cell(1, firstRow), Pane: "bottomRight"}}}); err != nil {
		return err
	}
	if err := f.AutoFilter(sh, fmt.Sprintf("A%d:%s%d", headRow, colName(nCols-2), max(lastRow, headRow+1)), nil); err != nil {
		return err
	}
	return b.printSetup(sh, headRow)
}

// entryRow writes one entry: words, a date, and the hidden data.
func (b *book) entryRow(r int, e *soa.Entry, cells [nCols]string, widths []float64) error {
	f, sh := b.f, SheetSoA
	for c, v := range cells {
		if c == colTarget || v == "" {
			continue
		}
		if err := f.SetCellStr(sh, cell(c, r), v); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, cell(0, r), cell(nCols-1, r), b.body); err != nil {
		return err
	}
	if !e.TargetDate.IsZero() {
		if err := f.SetCellValue(sh, cell(colTarget, r), e.TargetDate.Time()); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(colTarget, r), cell(colTarget, r), b.date); err != nil {
			return err
		}
	}
	visible := cells[:colData]
	return f.SetRowHeight(sh, r, xlsxdoc.RowHeight(visible, widths))
}

// conditionalFormats colour the status, grey out excluded rows and mark
// overdue target dates; they follow a person's edits.
func (b *book) conditionalFormats(lastRow, to int) error {
	f, sh := b.f, SheetSoA
	fill := func(bg, fg string) (int, error) {
		return f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{bg}},
			Font: &excelize.Font{Color: fg, Bold: true}})
	}
	status := fmt.Sprintf("%s%d:%s%d", colName(colStatus), firstRow, colName(colStatus), to)
	var opts []excelize.ConditionalFormatOptions
	for _, c := range []struct {
		st     soa.Status
		bg, fg string
	}{
		{soa.Implemented, "D9EAD3", "274E13"},
		{soa.PartiallyImplemented, "FFF2CC", "6B4E00"},
		{soa.Planned, "DBE8F6", "1C4587"},
		{soa.NotStarted, "F4CCCC", "85200C"},
		{soa.NotApplicable, "E6E6E6", "444444"},
	} {
		id, err := fill(c.bg, c.fg)
		if err != nil {
			return err
		}
		opts = append(opts, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: strconv.Quote(c.st.String()), Format: &id})
	}
	if err := f.SetConditionalFormat(sh, status, opts); err != nil {
		return err
	}
	grey, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "6F6F6F", Italic: true}})
	if err != nil {
		return err
	}
	a := colName(colApplicable)
	if err := f.SetConditionalFormat(sh, fmt.Sprintf("A%d:%s%d", firstRow, colName(colNotes), to), []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: fmt.Sprintf(`$%s%d="No"`, a, firstRow), Format: &grey},
	}); err != nil {
		return err
	}
	day := b.d.Day()
	if day.IsZero() {
		return nil
	}
	red, err := fill("F4CCCC", "85200C")
	if err != nil {
		return err
	}
	g, st := colName(colTarget), colName(colStatus)
	formula := fmt.Sprintf(`AND(%s%d<>"",%s%d<DATE(%d,%d,%d),$%s%d="Yes",$%s%d<>"Implemented",$%s%d<>"Not applicable")`,
		g, firstRow, g, firstRow, day.Year(), int(day.Month()), day.Day(), a, firstRow, st, firstRow, st, firstRow)
	return f.SetConditionalFormat(sh, fmt.Sprintf("%s%d:%s%d", g, firstRow, g, to), []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: formula, Format: &red},
	})
}

func (b *book) summarySheet() error {
	f, sh := b.f, SheetSummary
	if err := b.titleBlock(sh, "Summary of the Statement of Applicability"); err != nil {
		return err
	}
	sum := b.d.SoA.Summary()
	head, _ := sum.SummaryTable()
	head = append(head, "Implemented (of applicable)")
	const hr = 4
	for c, h := range head {
		if err := f.SetCellStr(sh, cell(c, hr), h); err != nil {
			return err
		}
	}
	lastCol := colName(len(head) - 1)
	if err := f.SetCellStyle(sh, "A"+strconv.Itoa(hr), lastCol+strconv.Itoa(hr), b.head); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, hr, 2*xlsxdoc.LineHeight+3); err != nil {
		return err
	}
	r := hr + 1
	row := func(name string, c soa.Count, style int) error {
		if err := f.SetCellStr(sh, cell(0, r), name); err != nil {
			return err
		}
		vals := []int{c.Entries, c.Included, c.Excluded, c.Undecided}
		for _, st := range soa.Statuses() {
			vals = append(vals, c.ByStatus(st))
		}
		vals = append(vals, c.NoStatus)
		for i, v := range vals {
			if err := f.SetCellInt(sh, cell(i+1, r), int64(v)); err != nil {
				return err
			}
		}
		pc := cell(len(vals)+1, r)
		if c.Included > 0 {
			if err := f.SetCellFloat(sh, pc, float64(c.Implemented)/float64(c.Included), 4, 64); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sh, cell(0, r), cell(0, r), style); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(1, r), cell(len(vals), r), b.number); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, pc, pc, b.percent); err != nil {
			return err
		}
		r++
		return nil
	}
	for _, c := range sum.Themes {
		if err := row(soa.ThemeTitle(c.Theme), c, b.body); err != nil {
			return err
		}
	}
	if err := row("Total", sum.Total, b.bold); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "A", "A", 30); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", lastCol, 12); err != nil {
		return err
	}
	return b.printSetup(sh, hr)
}

// field is one row of the Document sheet.
type field struct {
	label, value string
	date         ismskit.Date // for the rows that hold a date
	isDate       bool
	hidden       bool
}

// documentFields are the rows of the Document sheet, in order.
func documentFields(d soa.Document) []field {
	h := d.SoA.Header
	return []field{
		{label: "Organisation", value: h.Organization},
		{label: "ISMS scope statement", value: d.ScopeStatement},
		{label: "ISMS scope reference", value: h.Scope},
		{label: "Version", value: h.Version},
		{label: "Date", value: h.Date.String(), date: h.Date, isDate: true},
		{label: "Prepared by", value: h.PreparedBy},
		{label: "Approved by", value: h.ApprovedBy},
		{label: "Approved on", value: h.ApprovedAt.String(), date: h.ApprovedAt, isDate: true},
		{label: "Control catalog", value: h.Catalog},
		{label: "Catalog edition", value: h.Edition.String()},
		{label: "Classification", value: d.Letterhead.Marking()},
		{label: "Status as of", value: d.AsOf.String(), date: d.AsOf, isDate: true},
		{label: "Extensions (JSON)", value: string(d.SoA.Extensions), hidden: true},
	}
}

// The headings of the Document sheet's table.
const (
	fieldHeading = "Field"
	valueHeading = "Value"
	docHeadRow   = 4
)

func (b *book) documentSheet() error {
	f, sh := b.f, SheetDocument
	if err := b.titleBlock(sh, "Statement of Applicability: the document"); err != nil {
		return err
	}
	if err := f.SetCellStr(sh, cell(0, docHeadRow), fieldHeading); err != nil {
		return err
	}
	if err := f.SetCellStr(sh, cell(1, docHeadRow), valueHeading); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, cell(0, docHeadRow), cell(1, docHeadRow), b.head); err != nil {
		return err
	}
	r := docHeadRow + 1
	widths := []float64{24, 70}
	for _, fd := range documentFields(b.d) {
		if err := f.SetCellStr(sh, cell(0, r), fd.label); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(0, r), cell(0, r), b.bold); err != nil {
			return err
		}
		switch {
		case fd.isDate && !fd.date.IsZero():
			if err := f.SetCellValue(sh, cell(1, r), fd.date.Time()); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, cell(1, r), cell(1, r), b.date); err != nil {
				return err
			}
		default:
			if fd.value != "" {
				if err := f.SetCellStr(sh, cell(1, r), fd.value); err != nil {
					return err
				}
			}
			if err := f.SetCellStyle(sh, cell(1, r), cell(1, r), b.body); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sh, r, xlsxdoc.RowHeight([]string{fd.label, fd.value}, widths)); err != nil {
			return err
		}
		if fd.hidden {
			if err := f.SetRowVisible(sh, r, false); err != nil {
				return err
			}
		}
		r++
	}

	// The approval block: room for signatures, read by nobody.
	r++
	if err := f.SetCellStr(sh, cell(0, r), "Approval"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, cell(0, r), cell(0, r), b.subtitle); err != nil {
		return err
	}
	r++
	for c, h := range []string{"Role", "Name", "Date", "Signature"} {
		if err := f.SetCellStr(sh, cell(c, r), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, cell(0, r), cell(3, r), b.head); err != nil {
		return err
	}
	h := b.d.SoA.Header
	for _, a := range []struct {
		role, name string
		date       ismskit.Date
	}{{"Prepared by", h.PreparedBy, h.Date}, {"Approved by", h.ApprovedBy, h.ApprovedAt}} {
		r++
		if err := f.SetSheetRow(sh, cell(0, r), &[]string{a.role, a.name, a.date.String(), ""}); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(0, r), cell(0, r), b.bold); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(1, r), cell(3, r), b.body); err != nil {
			return err
		}
		if err := f.SetRowHeight(sh, r, 36); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", widths[0]); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "B", widths[1]); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "C", "D", 24); err != nil {
		return err
	}
	return b.printSetup(sh, 0)
}

func (b *book) historySheet() error {
	f, sh := b.f, SheetHistory
	if err := b.titleBlock(sh, "Version history"); err != nil {
		return err
	}
	const hr = 4
	if err := f.SetSheetRow(sh, cell(0, hr), &[]string{"Version", "Date", "Changes"}); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, cell(0, hr), cell(2, hr), b.head); err != nil {
		return err
	}
	widths := []float64{12, 12, 100}
	r := hr + 1
	put := func(version string, date ismskit.Date, changes string) error {
		if err := f.SetCellStr(sh, cell(0, r), version); err != nil {
			return err
		}
		if !date.IsZero() {
			if err := f.SetCellValue(sh, cell(1, r), date.Time()); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(sh, cell(2, r), changes); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(0, r), cell(2, r), b.body); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(1, r), cell(1, r), b.date); err != nil {
			return err
		}
		if err := f.SetRowHeight(sh, r, xlsxdoc.RowHeight([]string{version, "", changes}, widths)); err != nil {
			return err
		}
		r++
		return nil
	}
	if len(b.d.History) == 0 {
		h := b.d.SoA.Header
		if err := put(h.Version, h.Date, "No earlier version is recorded."); err != nil {
			return err
		}
	}
	for i, c := range b.d.History {
		if i == 0 && (c.FromVersion != "" || !c.FromDate.IsZero()) {
			if err := put(c.FromVersion, c.FromDate, "Earlier version."); err != nil {
				return err
			}
		}
		if err := put(c.ToVersion, c.ToDate, c.Description()); err != nil {
			return err
		}
	}
	for i, w := range widths {
		if err := f.SetColWidth(sh, colName(i), colName(i), w); err != nil {
			return err
		}
	}
	return b.printSetup(sh, hr)
}

func errf(kind error, format string, args ...any) error {
	return fielderr.Errorf(kind, format, args...)
}

// clip shortens text quoted in a message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
