package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/xlsxdoc"
	"github.com/ismskit/ismskit/risk/report"
)

// The sheet names.
const (
	SheetRisks   = "Risks"
	SheetPlan    = "Treatment plan"
	SheetSummary = "Summary"
)

// The one font of the workbook and its size.
const (
	fontName = "Arial"
	fontSize = 9
)

// headRow is the row of the column headings on the Risks and Treatment
// plan sheets, under the title block.
const headRow = 4

// Encode returns the workbook of d as XLSX bytes; see Write.
func Encode(d report.Document) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write writes d to w as an XLSX workbook laid out as the package doc
// describes. The errors are those of d.Content, a Letterhead that does
// not validate (paths under "letterhead"), and a text a cell cannot hold
// (over 32,767 characters, or characters XML 1.0 forbids), wrapping
// ismskit.ErrNotEncodable with the risk as Item; nothing is written then.
// A nil w is an error wrapping ismskit.ErrMissing.
func Write(w io.Writer, d report.Document) error {
	if w == nil {
		return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "no writer")}
	}
	if err := d.Letterhead.Validate(); err != nil {
		return fielderr.At("letterhead", err)
	}
	c, err := d.Content()
	if err != nil {
		return err
	}
	var l fielderr.List
	for i, r := range c.Risks {
		p := fielderr.Index("risks", i)
		for k, s := range map[string]string{"id": r.ID, "title": r.Title, "owner": r.Owner, "sharedWith": r.SharedWith} {
			xlsxdoc.CheckCell(&l, p+"."+k, r.ID, s)
		}
	}
	for i, a := range c.Plan {
		p := fielderr.Index("plan", i)
		for k, s := range map[string]string{"id": a.ID, "title": a.Title, "owner": a.Owner, "controls": a.ControlsText()} {
			xlsxdoc.CheckCell(&l, p+"."+k, a.RiskID, s)
		}
	}
	xlsxdoc.CheckCell(&l, "organisation", "", c.Organisation)
	xlsxdoc.CheckCell(&l, "version", "", c.Version)
	if err := l.Err(); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, c: c, lh: d.Letterhead}
	if err := b.build(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return f.Write(w)
}

// book builds one workbook.
type book struct {
	f  *excelize.File
	c  report.Content
	lh ismskit.Letterhead
	// Styles.
	title, subtitle, note, head, body, number, date, overdue, overdueN, bold int
	levels                                                                   map[string]int // fill per level colour
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row)
	return name
}

func (b *book) styles() error {
	f := b.f
	accent := strings.TrimPrefix(b.lh.AccentColour(), "#")
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
	mk(&b.title, &excelize.Style{Font: font(14, true, accent)})
	mk(&b.subtitle, &excelize.Style{Font: font(fontSize+1, true, "1A1A1A")})
	mk(&b.note, &excelize.Style{Font: font(fontSize, false, "5A5A5A")})
	mk(&b.head, &excelize.Style{Font: font(fontSize, true, "FFFFFF"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{accent}}, Alignment: top})
	mk(&b.body, &excelize.Style{Font: font(fontSize, false, "1A1A1A"), Alignment: top, Border: thin})
	mk(&b.bold, &excelize.Style{Font: font(fontSize, true, "1A1A1A"), Alignment: top, Border: thin})
	mk(&b.number, &excelize.Style{Font: font(fontSize, false, "1A1A1A"), Alignment: &excelize.Alignment{Vertical: "top"}, Border: thin, NumFmt: 1})
	mk(&b.date, &excelize.Style{Font: font(fontSize, false, "1A1A1A"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, Border: thin, CustomNumFmt: &dateFmt})
	mk(&b.overdue, &excelize.Style{Font: font(fontSize, true, "85200C"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F4CCCC"}},
		Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, Border: thin, CustomNumFmt: &dateFmt})
	mk(&b.overdueN, &excelize.Style{Font: font(fontSize, true, "85200C"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F4CCCC"}},
		Alignment: &excelize.Alignment{Vertical: "top"}, Border: thin, NumFmt: 1})
	b.levels = map[string]int{}
	for _, lv := range b.c.Criteria.RiskLevels {
		if _, ok := b.levels[lv.Colour]; ok || err != nil {
			continue
		}
		var id int
		mk(&id, &excelize.Style{Font: font(fontSize, true, strings.TrimPrefix(report.Rated{Colour: lv.Colour}.TextColour(), "#")),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{strings.TrimPrefix(lv.Colour, "#")}}, Alignment: top, Border: thin})
		b.levels[lv.Colour] = id
	}
	return err
}

func (b *book) build() error {
	f := b.f
	if err := f.SetDefaultFont(fontName); err != nil {
		return err
	}
	if err := b.styles(); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetRisks); err != nil {
		return err
	}
	for _, name := range []string{SheetPlan, SheetSummary} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	for _, step := range []func() error{b.risksSheet, b.planSheet, b.summarySheet} {
		if err := step(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	ts := xlsxdoc.Stamp(b.c.AsOf)
	return f.SetDocProps(&excelize.DocProperties{Created: ts, Modified: ts, Creator: "ismskit", LastModifiedBy: "ismskit",
		Title: b.c.Title(), Subject: b.c.Subtitle(), Version: b.c.Version, Category: b.lh.Marking()})
}

// byline is the second line of every sheet.
func (b *book) byline() string {
	var parts []string
	if b.c.Organisation != "" {
		parts = append(parts, b.c.Organisation)
	}
	if b.c.Version != "" {
		parts = append(parts, "version "+b.c.Version)
	}
	parts = append(parts, "as of "+b.c.AsOf.String(), "classification: "+b.lh.Marking())
	return strings.Join(parts, ", ")
}

// sheet writes the title block, the headings and the print setup of a
// sheet of columns with the given widths.
func (b *book) sheet(name, heading, note string, headings []string, widths []float64) error {
	f := b.f
	steps := []func() error{
		func() error { return f.SetCellStr(name, "A1", heading) },
		func() error { return f.SetCellStyle(name, "A1", "A1", b.title) },
		func() error { return f.SetRowHeight(name, 1, 22) },
		func() error { return f.SetCellStr(name, "A2", b.byline()) },
		func() error { return f.SetCellStyle(name, "A2", "A2", b.subtitle) },
		func() error { return f.SetCellStr(name, "A3", note) },
		func() error { return f.SetCellStyle(name, "A3", "A3", b.note) },
		func() error { return f.SetRowHeight(name, headRow, 2*xlsxdoc.LineHeight+4) },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	for i, h := range headings {
		if err := f.SetCellStr(name, cell(i, headRow), h); err != nil {
			return err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, widths[i]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(name, cell(0, headRow), cell(len(headings)-1, headRow), b.head); err != nil {
		return err
	}
	return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: cell(0, headRow+1), ActivePane: "bottomLeft"})
}

// fit sets the height of a row so that its wrapped text shows
// (xlsxdoc.RowHeight).
func (b *book) fit(sheet string, row int, cells []string, widths []float64) error {
	return b.f.SetRowHeight(sheet, row, xlsxdoc.RowHeight(cells, widths))
}

// printSetup sets the sheet's print setup (internal/xlsxdoc): the
// report's title and classification marking in the header, its byline
// and the page numbers in the footer, repeatRow at the top of every page.
func (b *book) printSetup(sheet string, repeatRow int) error {
	return xlsxdoc.PrintSetup(b.f, sheet, xlsxdoc.Page{Title: b.c.Organisation + ": " + b.c.Title(),
		Marking: b.lh.Marking(), Footer: b.byline(), RepeatRow: repeatRow})
}

// put writes one row from column 0: strings as text, ints as numbers,
// ismskit.Date as dates (an empty cell for the zero Date).
func (b *book) put(sheet string, row int, values ...any) error {
	for i, v := range values {
		var err error
		at := cell(i, row)
		switch v := v.(type) {
		case string:
			err = b.f.SetCellStr(sheet, at, v)
		case int:
			err = b.f.SetCellInt(sheet, at, int64(v))
		case ismskit.Date:
			if !v.IsZero() {
				err = b.f.SetCellValue(sheet, at, v.Time())
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (b *book) style(sheet string, row, col, style int) error {
	return b.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style)
}

func yesNo(v bool) string {
	if v {
		return "Yes"
	}
	return "No"
}

func (b *book) risksSheet() error {
	const s = SheetRisks
	headings := []string{"#", "Risk", "Title", "Owner", "Inherent", "Current", "Residual", "Residual likelihood", "Residual impact",
		"Limit", "Residual above limit", "Treatment", "Plan approved", "Acceptance", "Plan lines", "Overdue"}
	widths := []float64{5, 8, 40, 20, 11, 11, 11, 10, 10, 10, 10, 22, 10, 14, 8, 8}
	note := "Ranked by residual risk. A residual risk above its limit needs its owner's acceptance (ISO/IEC 27001:2022 clause 6.1.3 f)."
	if err := b.sheet(s, "Risk register", note, headings, widths); err != nil {
		return err
	}
	for i, r := range b.c.Risks {
		row := headRow + 1 + i
		opt := r.Option.String()
		if r.SharedWith != "" {
			opt += " with " + r.SharedWith
		}
		if err := b.put(s, row, r.Position, r.ID, r.Title, r.Owner, r.Inherent.Label, r.Current.Label, r.Residual.Label,
			r.Residual.Likelihood, r.Residual.Impact, r.Limit, yesNo(r.AboveLimit), opt, yesNo(r.PlanApproved),
			r.AcceptanceText(), r.Actions, r.Overdue); err != nil {
			return err
		}
		if err := b.fit(s, row, []string{"", r.ID, r.Title, r.Owner, "", "", "", "", "", "", "", opt, "", r.AcceptanceText()}, widths); err != nil {
			return err
		}
		if err := b.f.SetCellStyle(s, cell(0, row), cell(len(headings)-1, row), b.body); err != nil {
			return err
		}
		for _, col := range []int{0, 7, 8, 14, 15} {
			if err := b.style(s, row, col, b.number); err != nil {
				return err
			}
		}
		if err := b.style(s, row, 1, b.bold); err != nil {
			return err
		}
		for col, rt := range map[int]report.Rated{4: r.Inherent, 5: r.Current, 6: r.Residual} {
			if st, ok := b.levels[rt.Colour]; ok {
				if err := b.style(s, row, col, st); err != nil {
					return err
				}
			}
		}
		if r.Overdue > 0 {
			if err := b.style(s, row, 15, b.overdueN); err != nil {
				return err
			}
		}
	}
	return b.filterAndPrint(s, len(headings), len(b.c.Risks))
}

// filterAndPrint puts a filter on the table of n rows and sets up the
// printing; the filter goes first, as setting it rewrites the sheet
// properties that hold "fit to page".
func (b *book) filterAndPrint(sheet string, cols, n int) error {
	if n > 0 {
		if err := b.f.AutoFilter(sheet, cell(0, headRow)+":"+cell(cols-1, headRow+n), nil); err != nil {
			return err
		}
	}
	return b.printSetup(sheet, headRow)
}

func (b *book) planSheet() error {
	const s = SheetPlan
	headings := []string{"Due", "Days overdue", "Risk", "Risk title", "Action", "What", "Controls", "Owner", "Status"}
	widths := []float64{11, 9, 8, 30, 8, 40, 30, 20, 13}
	sum := b.c.Summary
	note := fmt.Sprintf("%d lines: %d open, %d overdue as of %s, %d open without a due date.", sum.Actions, sum.Open, sum.Overdue, b.c.AsOf, sum.NoDue)
	if err := b.sheet(s, "Risk treatment plan", note, headings, widths); err != nil {
		return err
	}
	for i, a := range b.c.Plan {
		row := headRow + 1 + i
		var days any = ""
		if a.Overdue {
			days = a.DaysOverdue
		}
		what := a.Title
		if a.NoAction {
			what = "No action recorded for this planned control"
		}
		if err := b.put(s, row, a.Due, days, a.RiskID, a.RiskTitle, a.ID, what, a.ControlsText(), a.Owner, a.StatusText()); err != nil {
			return err
		}
		if err := b.fit(s, row, []string{"", "", a.RiskID, a.RiskTitle, a.ID, what, a.ControlsText(), a.Owner, a.StatusText()}, widths); err != nil {
			return err
		}
		if err := b.f.SetCellStyle(s, cell(0, row), cell(len(headings)-1, row), b.body); err != nil {
			return err
		}
		due := b.date
		if a.Overdue {
			due = b.overdue
		}
		if err := b.style(s, row, 0, due); err != nil {
			return err
		}
		daysStyle := b.number
		if a.Overdue {
			daysStyle = b.overdueN
		}
		if err := b.style(s, row, 1, daysStyle); err != nil {
			return err
		}
	}
	return b.filterAndPrint(s, len(headings), len(b.c.Plan))
}

func (b *book) summarySheet() error {
	const s = SheetSummary
	sum := b.c.Summary
	if err := b.sheet(s, "Summary", "Criteria "+b.c.Criteria.Ref().String()+"; acceptance limit "+b.c.LimitText()+".",
		[]string{"Level", "Inherent", "Current", "Residual"}, []float64{30, 12, 12, 12}); err != nil {
		return err
	}
	row := headRow + 1
	for _, lc := range sum.Levels {
		if err := b.put(s, row, lc.Level.Label, lc.Inherent, lc.Current, lc.Residual); err != nil {
			return err
		}
		if err := b.f.SetCellStyle(s, cell(1, row), cell(3, row), b.number); err != nil {
			return err
		}
		if st, ok := b.levels[lc.Level.Colour]; ok {
			if err := b.style(s, row, 0, st); err != nil {
				return err
			}
		}
		row++
	}
	if err := b.put(s, row, "All risks", sum.Risks, sum.Risks, sum.Risks); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(s, cell(0, row), cell(0, row), b.bold); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(s, cell(1, row), cell(3, row), b.number); err != nil {
		return err
	}
	row += 2
	figures := []struct {
		label string
		n     int
	}{
		{"Risks assessed", sum.Risks}, {"Residual risks above their limit", sum.AboveLimit},
		{"Of them without a valid acceptance", sum.Unaccepted}, {"Treatment plans approved by their owner", sum.PlansApproved},
		{"Plan lines", sum.Actions}, {"Plan lines open", sum.Open}, {"Actions overdue", sum.Overdue}, {"Open lines without a due date", sum.NoDue},
	}
	for _, fg := range figures {
		if err := b.put(s, row, fg.label, fg.n); err != nil {
			return err
		}
		if err := b.style(s, row, 0, b.body); err != nil {
			return err
		}
		if err := b.style(s, row, 1, b.number); err != nil {
			return err
		}
		row++
	}
	return b.printSetup(s, headRow)
}
