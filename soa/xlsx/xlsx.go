package xlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

// The sheet names.
const (
	SheetSoA      = "SoA"
	SheetSummary  = "Summary"
	SheetDocument = "Document"
)

// fields are the JSON names of the entry fields in the columns of
// soa.TableHeader, for error paths.
var fields = []string{"control", "title", "theme", "applicability", "reasons", "justification", "status", "owner",
	"evidence", "implementation", "targetDate", "responsibility", "provider", "notes", "extensions"}

// maxCell is the most characters a spreadsheet cell holds.
const maxCell = 32767

// widths are the column widths of the SoA sheet, in the order of
// soa.TableHeader.
var widths = []float64{10, 42, 15, 11, 48, 42, 20, 18, 30, 40, 12, 14, 18, 36, 20}

// Encode returns the workbook of s as XLSX bytes; see Write.
func Encode(s soa.SoA) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write writes s to w as an XLSX workbook (see the package doc). Values a
// spreadsheet cannot hold without loss (a cell over 32,767 characters,
// characters that XML 1.0 forbids, invalid UTF-8, an empty list item) and
// undefined enum values are errors wrapping soa.ErrNotEncodable or
// soa.ErrUnknownValue, with their paths, all of them joined; nothing is
// written then.
func Write(w io.Writer, s soa.SoA) error {
	rows, err := s.Rows()
	if err != nil {
		return err
	}
	doc := documentRows(s)
	var l fielderr.List
	for i, r := range rows {
		checkCells(&l, fielderr.Index("entries", i), fields, r)
	}
	for _, r := range doc {
		checkCells(&l, "header", []string{r[0]}, r[1:])
	}
	if err := l.Err(); err != nil {
		return err
	}

	f := excelize.NewFile()
	defer f.Close()
	if err := build(f, s, rows, doc); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return f.Write(w)
}

// checkCells reports cells that a workbook cannot hold unchanged.
func checkCells(l *fielderr.List, path string, names, cells []string) {
	for j, c := range cells {
		p := path
		if j < len(names) {
			p = fielderr.Key(path, names[j])
		}
		switch {
		case !utf8.ValidString(c):
			l.Add(p, fmt.Errorf("%w: not valid UTF-8", ismskit.ErrNotEncodable))
		case utf8.RuneCountInString(c) > maxCell:
			l.Add(p, fmt.Errorf("%w: %d characters, a cell holds at most %d", ismskit.ErrNotEncodable, utf8.RuneCountInString(c), maxCell))
		case strings.IndexFunc(c, badXML) >= 0:
			l.Add(p, fmt.Errorf("%w: a control character that XML cannot hold", ismskit.ErrNotEncodable))
		}
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

func build(f *excelize.File, s soa.SoA, rows [][]string, doc [][2]string) error {
	if err := f.SetSheetName("Sheet1", SheetSoA); err != nil {
		return err
	}
	for _, name := range []string{SheetSummary, SheetDocument} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
	})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}

	// The SoA sheet.
	header := soa.TableHeader()
	if err := writeRows(f, SheetSoA, header, rows); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(SheetSoA, col, col, w); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(SheetSoA, "A1", last+"1", head); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := f.SetCellStyle(SheetSoA, "A2", fmt.Sprintf("%s%d", last, len(rows)+1), body); err != nil {
			return err
		}
	}
	if err := f.SetPanes(SheetSoA, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	if err := f.AutoFilter(SheetSoA, fmt.Sprintf("A1:%s%d", last, len(rows)+1), nil); err != nil {
		return err
	}

	// The summary sheet.
	sh, sr := s.Summary().SummaryTable()
	if err := writeRows(f, SheetSummary, sh, sr); err != nil {
		return err
	}
	slast, _ := excelize.ColumnNumberToName(len(sh))
	if err := f.SetColWidth(SheetSummary, "A", "A", 34); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetSummary, "B", slast, 13); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetSummary, "A1", slast+"1", head); err != nil {
		return err
	}
	if err := f.SetPanes(SheetSummary, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}

	// The document sheet.
	drows := make([][]string, len(doc))
	for i, r := range doc {
		drows[i] = []string{r[0], r[1]}
	}
	if err := writeRows(f, SheetDocument, []string{"Field", "Value"}, drows); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetDocument, "A", "A", 16); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetDocument, "B", "B", 60); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetDocument, "A1", "B1", head); err != nil {
		return err
	}

	f.SetActiveSheet(0)
	stamp := s.Header.Date.Time()
	if stamp.IsZero() {
		stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	ts := stamp.Format(time.RFC3339)
	title := "Statement of Applicability"
	if s.Header.Organization != "" {
		title += " - " + s.Header.Organization
	}
	return f.SetDocProps(&excelize.DocProperties{
		Created: ts, Modified: ts, Creator: "ismskit", LastModifiedBy: "ismskit",
		Title: title, Subject: "ISO/IEC 27001:2022 clause 6.1.3 d", Version: s.Header.Version,
	})
}

func writeRows(f *excelize.File, sheet string, header []string, rows [][]string) error {
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	return nil
}

// documentRows is the header of s as field and value pairs, keyed by the
// JSON names.
func documentRows(s soa.SoA) [][2]string {
	h := s.Header
	return [][2]string{
		{"organization", h.Organization},
		{"scope", h.Scope},
		{"version", h.Version},
		{"date", h.Date.String()},
		{"preparedBy", h.PreparedBy},
		{"approvedBy", h.ApprovedBy},
		{"approvedAt", h.ApprovedAt.String()},
		{"catalog", h.Catalog},
		{"edition", h.Edition.String()},
		{"extensions", string(s.Extensions)},
	}
}

// Decode reads an SoA from XLSX bytes; see Read.
func Decode(data []byte) (soa.SoA, error) { return Read(bytes.NewReader(data)) }

// Read reads an SoA from a workbook that Write wrote: the entries from
// the "SoA" sheet (columns in any order, as soa.ParseRows accepts them)
// and the header from the "Document" sheet; the "Summary" sheet is
// derived and ignored. A workbook that cannot be opened, lacks a sheet or
// holds a malformed cell is an error wrapping soa.ismskit.ErrSyntax (or the parse
// error of the value), with paths such as "SoA.rows[3].status", all of
// them joined.
func Read(r io.Reader) (soa.SoA, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return soa.SoA{}, &ismskit.Error{Err: fmt.Errorf("%w: not a workbook: %v", ismskit.ErrSyntax, err)}
	}
	defer f.Close()
	var l fielderr.List
	var s soa.SoA

	rows, err := f.GetRows(SheetSoA)
	switch {
	case err != nil:
		l.Add(SheetSoA, fmt.Errorf("%w: %v", ismskit.ErrSyntax, err))
	case len(rows) == 0:
		l.Add(SheetSoA, fmt.Errorf("%w: no header row", ismskit.ErrSyntax))
	default:
		header := rows[0]
		body := rows[1:]
		for i := range body { // the reader leaves out empty trailing cells
			for len(body[i]) < len(header) {
				body[i] = append(body[i], "")
			}
		}
		entries, err := soa.ParseRows(header, body)
		l.Add(SheetSoA, err)
		s.Entries = entries
	}

	drows, err := f.GetRows(SheetDocument)
	if err != nil {
		l.Add(SheetDocument, fmt.Errorf("%w: %v", ismskit.ErrSyntax, err))
	} else {
		readDocument(&l, &s, drows)
	}
	if err := l.Err(); err != nil {
		return soa.SoA{}, err
	}
	return s, nil
}

func readDocument(l *fielderr.List, s *soa.SoA, rows [][]string) {
	if len(rows) == 0 || len(rows[0]) < 2 || rows[0][0] != "Field" || rows[0][1] != "Value" {
		l.Add(SheetDocument, fmt.Errorf("%w: want the headings Field and Value", ismskit.ErrSyntax))
		return
	}
	h := &s.Header
	seen := map[string]bool{}
	for i, r := range rows[1:] {
		p := fielderr.Index(SheetDocument+".rows", i)
		if len(r) == 0 {
			continue
		}
		key, val := r[0], ""
		if len(r) > 1 {
			val = r[1]
		}
		if len(r) > 2 {
			l.Add(p, fmt.Errorf("%w: %d cells, want 2", ismskit.ErrSyntax, len(r)))
			continue
		}
		if seen[key] {
			l.Add(p, fmt.Errorf("%w: field %q given twice", ismskit.ErrSyntax, key))
			continue
		}
		seen[key] = true
		p = fielderr.Key(SheetDocument, key)
		tm := func() ismskit.Date {
			var d ismskit.Date
			l.Add(p, d.UnmarshalText([]byte(val)))
			return d
		}
		switch key {
		case "organization":
			h.Organization = val
		case "scope":
			h.Scope = val
		case "version":
			h.Version = val
		case "date":
			h.Date = tm()
		case "preparedBy":
			h.PreparedBy = val
		case "approvedBy":
			h.ApprovedBy = val
		case "approvedAt":
			h.ApprovedAt = tm()
		case "catalog":
			h.Catalog = val
		case "edition":
			e, err := iso27002.ParseEdition(val)
			if err != nil {
				l.Add(p, fmt.Errorf("%w: %v", ismskit.ErrUnknownValue, err))
			}
			h.Edition = e
		case "extensions":
			if val != "" {
				if !json.Valid([]byte(val)) {
					l.Add(p, fmt.Errorf("%w: not valid JSON", ismskit.ErrSyntax))
				} else {
					s.Extensions = json.RawMessage(val)
				}
			}
		default:
			l.Add(fielderr.Index(SheetDocument+".rows", i), fmt.Errorf("%w: unknown field %q", ismskit.ErrSyntax, key))
		}
	}
}
