package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
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
// undefined enum values are errors wrapping ismskit.ErrNotEncodable or
// ismskit.ErrUnknownValue, with their paths and the control of their
// entry as Item, all of them joined; nothing is written then. A nil w is
// an error wrapping ismskit.ErrMissing.
//
// Every cell is written as text, never as a formula: a value that begins
// with "=" stays text when the workbook is opened.
func Write(w io.Writer, s soa.SoA) error {
	if w == nil {
		return &ismskit.Error{Err: errf(ismskit.ErrMissing, "no writer")}
	}
	rows, err := s.Rows()
	if err != nil {
		return err
	}
	doc := documentRows(s)
	var l fielderr.List
	for i, r := range rows {
		checkCells(&l, fielderr.Index("entries", i), r[0], fields, r)
	}
	for _, r := range doc {
		checkCells(&l, "header", "", []string{r[0]}, r[1:])
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

// checkCells reports cells that a workbook cannot hold unchanged; item
// names the entry.
func checkCells(l *fielderr.List, path, item string, names, cells []string) {
	for j, c := range cells {
		p := path
		if j < len(names) {
			p = fielderr.Key(path, names[j])
		}
		switch {
		case !utf8.ValidString(c):
			l.AddItem(p, item, errf(ismskit.ErrNotEncodable, "not valid UTF-8"))
		case utf8.RuneCountInString(c) > maxCell:
			l.AddItem(p, item, errf(ismskit.ErrNotEncodable, "%d characters, a cell holds at most %d", utf8.RuneCountInString(c), maxCell))
		case strings.IndexFunc(c, badXML) >= 0:
			l.AddItem(p, item, errf(ismskit.ErrNotEncodable, "a control character that XML cannot hold"))
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

// DefaultMaxBytes is the byte limit of Decode and Read unless
// ismskit.MaxBytes sets another: the largest workbook they read (8 MiB),
// and separately the largest total size of the parts it unzips to. A
// workbook of the 93 controls of ISO/IEC 27002:2022 is about 15 KB and
// unzips to about 90 KB; one of a thousand controls with long texts stays
// within a few MB.
const DefaultMaxBytes = 8 << 20

// maxBytes returns the byte limit that opts set, DefaultMaxBytes if they
// set none, or a negative number for no limit.
func maxBytes(opts []ismskit.DecodeOption) int64 {
	var l ismskit.Limits
	for _, o := range opts {
		if o != nil {
			o(&l)
		}
	}
	if l.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

// Decode reads an SoA from the bytes of a workbook that Write wrote: the
// entries from the "SoA" sheet (columns in any order, as soa.ParseRows
// accepts them; empty rows are skipped) and the header from the
// "Document" sheet; the "Summary" sheet is derived and ignored.
//
// The workbook is bounded before it is opened: data longer than the byte
// limit (DefaultMaxBytes, or what ismskit.MaxBytes sets; a negative limit
// removes it), or whose parts unzip to more than that limit in total (a
// decompression bomb), is an error wrapping ismskit.ErrTooLarge, found
// from the zip's directory before anything is inflated. Every part is
// unzipped into memory, never into temporary files, and a row wider than
// the sheet's header stops the reading.
//
// Data that is not a workbook, a corrupt part, a missing sheet or a
// malformed cell is an error wrapping ismskit.ErrSyntax (or the parse
// error of the value, such as ismskit.ErrUnknownValue), with paths such
// as "SoA.rows[3].status" and the row's control as Item, every one of
// them joined, up to the problem limit.
func Decode(data []byte, opts ...ismskit.DecodeOption) (soa.SoA, error) {
	max := maxBytes(opts)
	if max >= 0 && int64(len(data)) > max {
		return soa.SoA{}, codec.TooLarge(max)
	}
	if err := checkZip(data, max); err != nil {
		return soa.SoA{}, err
	}
	lim := max
	if lim < 0 {
		lim = math.MaxInt64
	}
	// Both limits equal: no part is too large to stay in memory, so
	// excelize writes no temporary file.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim, UnzipXMLSizeLimit: lim})
	if err != nil {
		return soa.SoA{}, &ismskit.Error{Err: errf(ismskit.ErrSyntax, "not a workbook: %v", err)}
	}
	defer f.Close()
	l := fielderr.List{Max: ismskit.LimitsOf(opts...).MaxProblems}
	var s soa.SoA

	header := soa.TableHeader()
	rows, err := sheetRows(f, SheetSoA, len(header))
	switch {
	case err != nil:
		l.Add(SheetSoA, err)
	case len(rows) == 0:
		l.Add(SheetSoA, errf(ismskit.ErrSyntax, "no header row"))
	default:
		header, body := rows[0], rows[1:]
		for i := range body { // the reader leaves out empty trailing cells
			for len(body[i]) < len(header) {
				body[i] = append(body[i], "")
			}
		}
		entries, err := soa.ParseRows(header, body)
		l.Add(SheetSoA, err)
		s.Entries = entries
	}

	drows, err := sheetRows(f, SheetDocument, 2)
	if err != nil {
		l.Add(SheetDocument, err)
	} else {
		readDocument(&l, &s, drows)
	}
	if err := l.Err(); err != nil {
		return soa.SoA{}, err
	}
	return s, nil
}

// Read reads a workbook from r, never past the byte limit, and decodes it
// as Decode does.
func Read(r io.Reader, opts ...ismskit.DecodeOption) (soa.SoA, error) {
	data, err := codec.ReadAll(r, []ismskit.DecodeOption{ismskit.MaxBytes(maxBytes(opts))})
	if err != nil {
		return soa.SoA{}, err
	}
	return Decode(data, opts...)
}

// checkZip reads the zip directory of data and checks every part before
// excelize inflates any: their declared sizes must add up to at most max
// bytes (unless max is negative), and each must unzip to exactly its
// declared size with a matching checksum. archive/zip stops a part that
// inflates beyond its declared size, so the check itself inflates at most
// max bytes.
func checkZip(data []byte, max int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &ismskit.Error{Err: errf(ismskit.ErrSyntax, "not a workbook: %v", err)}
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if max >= 0 && (zf.UncompressedSize64 > uint64(max) || total > uint64(max)) {
			return &ismskit.Error{Err: errf(ismskit.ErrTooLarge, "the workbook unzips to more than the limit of %d bytes", max)}
		}
	}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, rc)
			if cerr := rc.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return &ismskit.Error{Err: errf(ismskit.ErrSyntax, "not a workbook: part %q: %v", clip(zf.Name), err)}
		}
	}
	return nil
}

// sheetRows reads the rows of a sheet, one at a time, keeping no empty
// row: a row with a cell beyond the width columns is an error, found
// before any later row is read.
func sheetRows(f *excelize.File, sheet string, width int) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, errf(ismskit.ErrSyntax, "%v", err)
	}
	defer it.Close()
	var out [][]string
	for n := 1; it.Next(); n++ {
		cells, err := it.Columns()
		if err != nil {
			return nil, errf(ismskit.ErrSyntax, "row %d: %v", n, err)
		}
		if len(cells) > width {
			return nil, errf(ismskit.ErrSyntax, "row %d has %d cells, want at most %d", n, len(cells), width)
		}
		if slices.ContainsFunc(cells, func(c string) bool { return c != "" }) {
			out = append(out, cells)
		}
	}
	if err := it.Error(); err != nil {
		return nil, errf(ismskit.ErrSyntax, "%v", err)
	}
	return out, nil
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
