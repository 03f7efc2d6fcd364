package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

// DefaultMaxBytes is the byte limit of Decode and Read unless
// ismskit.MaxBytes sets another: the largest workbook they read (8 MiB),
// and separately the largest total size of the parts it unzips to. A
// workbook of the 93 controls of ISO/IEC 27002:2022 is about 25 KB and
// unzips to about 150 KB; one of a thousand controls with long texts
// stays within a few MB.
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

// Decode reads an SoA from the bytes of a workbook that Write wrote, as
// DecodeDocument does, and returns its SoA.
func Decode(data []byte, opts ...ismskit.DecodeOption) (soa.SoA, error) {
	d, err := DecodeDocument(data, opts...)
	return d.SoA, err
}

// Read reads a workbook from r, never past the byte limit, and decodes it
// as Decode does.
func Read(r io.Reader, opts ...ismskit.DecodeOption) (soa.SoA, error) {
	d, err := ReadDocument(r, opts...)
	return d.SoA, err
}

// ReadDocument reads a workbook from r, never past the byte limit, and
// decodes it as DecodeDocument does.
func ReadDocument(r io.Reader, opts ...ismskit.DecodeOption) (soa.Document, error) {
	data, err := codec.ReadAll(r, []ismskit.DecodeOption{ismskit.MaxBytes(maxBytes(opts))})
	if err != nil {
		return soa.Document{}, err
	}
	return DecodeDocument(data, opts...)
}

// DecodeDocument reads a document from the bytes of a workbook that
// WriteDocument wrote, as a person may have edited it: the entries from
// the "SoA" sheet and the header from the "Document" sheet (see the
// package doc for how words are read); the "Summary" and "History" sheets
// are derived and ignored. Besides the SoA it gives back the scope
// statement, the classification marking and the as-of date of the
// Document sheet; the history, logo and colour are not read.
//
// The workbook is bounded before it is opened: data longer than the byte
// limit (DefaultMaxBytes, or what ismskit.MaxBytes sets; a negative limit
// removes it), or whose parts unzip to more than that limit in total (a
// decompression bomb), is an error wrapping ismskit.ErrTooLarge, found
// from the zip's directory before anything is inflated. Every part is
// unzipped into memory, never into temporary files, and a row wider than
// the sheet's columns stops the reading.
//
// Data that is not a workbook, a corrupt part, a missing sheet, an unknown
// column or field, or a malformed cell is an error wrapping
// ismskit.ErrSyntax or the error of the value (ismskit.ErrUnknownValue for
// a word that is not in its list, ismskit.ErrInvalidDate,
// ismskit.ErrUnknownControl), with paths such as "SoA.rows[12].status"
// (12 is the row's number in the sheet) and the row's control as Item,
// every one of them joined, up to the problem limit.
func DecodeDocument(data []byte, opts ...ismskit.DecodeOption) (soa.Document, error) {
	max := maxBytes(opts)
	if max >= 0 && int64(len(data)) > max {
		return soa.Document{}, codec.TooLarge(max)
	}
	if err := checkZip(data, max); err != nil {
		return soa.Document{}, err
	}
	lim := max
	if lim < 0 {
		lim = math.MaxInt64
	}
	// Both limits equal: no part is too large to stay in memory, so
	// excelize writes no temporary file.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim, UnzipXMLSizeLimit: lim})
	if err != nil {
		return soa.Document{}, &ismskit.Error{Err: errf(ismskit.ErrSyntax, "not a workbook: %v", err)}
	}
	defer f.Close()
	r := reader{l: fielderr.List{Max: ismskit.LimitsOf(opts...).MaxProblems}}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		r.date1904 = *p.Date1904
	}
	var d soa.Document
	rows, err := sheetRows(f, SheetSoA, nCols)
	if err != nil {
		r.l.Add(SheetSoA, err)
	} else {
		d.SoA.Entries = r.entries(rows)
	}
	rows, err = sheetRows(f, SheetDocument, 4)
	if err != nil {
		r.l.Add(SheetDocument, err)
	} else {
		r.document(&d, rows)
	}
	if err := r.l.Err(); err != nil {
		return soa.Document{}, err
	}
	return d, nil
}

// reader reads the sheets of one workbook.
type reader struct {
	l        fielderr.List
	date1904 bool
}

// row is a row of a sheet with its number (from 1).
type row struct {
	n     int
	cells []string
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

// sheetRows reads the rows of a sheet as raw values (a date is its serial
// number), one at a time, keeping no empty row: a row with a cell beyond
// the width columns is an error, found before any later row is read.
func sheetRows(f *excelize.File, sheet string, width int) ([]row, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, errf(ismskit.ErrSyntax, "%v", err)
	}
	defer it.Close()
	var out []row
	for n := 1; it.Next(); n++ {
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, errf(ismskit.ErrSyntax, "row %d: %v", n, err)
		}
		if len(cells) > width {
			return nil, errf(ismskit.ErrSyntax, "row %d has %d cells, want at most %d", n, len(cells), width)
		}
		if slices.ContainsFunc(cells, func(c string) bool { return c != "" }) {
			out = append(out, row{n, cells})
		}
	}
	if err := it.Error(); err != nil {
		return nil, errf(ismskit.ErrSyntax, "%v", err)
	}
	return out, nil
}

// entries reads the SoA sheet: the rows above the heading row are the
// title block; below it, section rows set the theme of the entries that
// follow, and every other row is an entry.
func (r *reader) entries(rows []row) []soa.Entry {
	at := -1
	for i, rw := range rows {
		if len(rw.cells) > 1 && rw.cells[0] == columns[colControl].heading && rw.cells[1] == columns[colTitle].heading {
			at = i
			break
		}
	}
	if at < 0 {
		r.l.Add(SheetSoA, errf(ismskit.ErrSyntax, "no heading row (Control, Title, ...)"))
		return nil
	}
	// idx[c] is the position of column c in the sheet, or -1.
	var idx [nCols]int
	for c := range idx {
		idx[c] = -1
	}
	for j, h := range rows[at].cells {
		p := fielderr.Index(SheetSoA+".rows", rows[at].n) + "[" + colName(j) + "]"
		c := slices.IndexFunc(columns[:], func(col column) bool { return col.heading == h })
		switch {
		case h == "":
		case c < 0:
			r.l.Add(p, errf(ismskit.ErrSyntax, "unknown column %q", clip(h)))
		case idx[c] >= 0:
			r.l.Add(p, errf(ismskit.ErrSyntax, "column %q given twice", h))
		default:
			idx[c] = j
		}
	}
	for c, j := range idx {
		if j < 0 && c != colData {
			r.l.Add(fielderr.Index(SheetSoA+".rows", rows[at].n), errf(ismskit.ErrSyntax, "column %q is missing", columns[c].heading))
		}
	}
	if r.l.Len() > 0 {
		return nil
	}

	type keyed struct {
		e        soa.Entry
		major, k int
	}
	var out []keyed
	theme, prev, k := "", -1, 0
	for _, rw := range rows[at+1:] {
		var cells [nCols]string
		for c, j := range idx {
			if j >= 0 && j < len(rw.cells) {
				cells[c] = rw.cells[j]
			}
		}
		p := fielderr.Index(SheetSoA+".rows", rw.n)
		var rd rowData
		hasData := cells[colData] != ""
		if hasData {
			dec := json.NewDecoder(strings.NewReader(cells[colData]))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&rd); err != nil || dec.More() {
				r.l.AddItem(p+".data", clip(cells[colControl]), errf(ismskit.ErrSyntax, "the hidden data cell was changed: %v", err))
				continue
			}
		}
		if rd.Section {
			theme = rd.Theme
			continue
		}
		if !slices.ContainsFunc(cells[:colData], func(c string) bool { return c != "" }) {
			continue
		}
		if !hasData {
			rd.Theme = theme
		}
		e := r.entry(p, cells, rd, hasData)
		if rd.Order != nil {
			prev, k = *rd.Order, 0
		} else {
			k++
		}
		out = append(out, keyed{e, prev, k})
	}
	slices.SortStableFunc(out, func(a, b keyed) int {
		if a.major != b.major {
			return a.major - b.major
		}
		return a.k - b.k
	})
	entries := make([]soa.Entry, len(out))
	for i := range out {
		entries[i] = out[i].e
	}
	return entries
}

// entry reads one row: the words of every column, and from the hidden
// data what the words cannot say exactly, when the words are unchanged.
func (r *reader) entry(p string, c [nCols]string, rd rowData, hasData bool) soa.Entry {
	var e soa.Entry
	item := clip(strings.TrimSpace(c[colControl]))
	at := func(col int) string { return p + "." + columns[col].field }
	bad := func(col int, err error) { r.l.AddItem(at(col), item, err) }
	if id := strings.TrimSpace(c[colControl]); id == "" {
		bad(colControl, errf(ismskit.ErrMissing, "the control is missing"))
	} else if cid, err := iso27002.Parse(id); err != nil {
		bad(colControl, err)
	} else {
		e.Control = cid
	}
	e.Title = c[colTitle]
	e.Theme = rd.Theme
	var err error
	if e.Applicability, err = parseApplicable(c[colApplicable]); err != nil {
		bad(colApplicable, err)
	}
	switch {
	case hasData && c[colReasons] == reasonsWords(rd.Reasons):
		e.Reasons = rd.Reasons
	default:
		if e.Reasons, err = parseReasons(c[colReasons]); err != nil {
			bad(colReasons, err)
		}
	}
	e.Justification = c[colJustification]
	if e.Status, err = parseStatus(c[colStatus]); err != nil {
		bad(colStatus, err)
	}
	if e.TargetDate, err = r.date(c[colTarget]); err != nil {
		bad(colTarget, err)
	}
	e.Implementation = c[colImplementation]
	e.Owner = c[colOwner]
	e.Evidence = rd.Evidence
	if !hasData || c[colEvidence] != listWords(rd.Evidence) {
		e.Evidence = parseList(c[colEvidence])
	}
	if e.Responsibility, err = parseResponsibility(c[colResponsibility]); err != nil {
		bad(colResponsibility, err)
	}
	e.Provider = c[colProvider]
	e.Notes = rd.Notes
	if !hasData || c[colNotes] != listWords(rd.Notes) {
		e.Notes = parseList(c[colNotes])
	}
	if x := rd.Extensions; x != "" {
		if !json.Valid([]byte(x)) {
			r.l.AddItem(p+".data", item, errf(ismskit.ErrSyntax, "the extensions are not valid JSON"))
		} else {
			e.Extensions = json.RawMessage(x)
		}
	}
	return e
}

// date reads a date cell: its serial number (the workbook's date system),
// or text in the form YYYY-MM-DD; empty is no date.
func (r *reader) date(raw string) (ismskit.Date, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ismskit.Date{}, nil
	}
	if v, err := strconv.ParseFloat(raw, 64); err == nil {
		if v < 1 || v > 2958465 || math.IsNaN(v) { // 9999-12-31
			return ismskit.Date{}, errf(ismskit.ErrInvalidDate, "%s is not a date of the years 0001 to 9999", clip(raw))
		}
		t, err := excelize.ExcelDateToTime(v, r.date1904)
		if err != nil {
			return ismskit.Date{}, errf(ismskit.ErrInvalidDate, "%s: %v", clip(raw), err)
		}
		return ismskit.DateOf(t), nil
	}
	return ismskit.ParseDate(raw)
}

// document reads the table of the Document sheet, from its heading row
// (Field, Value) to the first empty row; the approval block below it is
// room for signatures and is not read.
func (r *reader) document(d *soa.Document, rows []row) {
	at := slices.IndexFunc(rows, func(rw row) bool {
		return len(rw.cells) >= 2 && rw.cells[0] == fieldHeading && rw.cells[1] == valueHeading
	})
	if at < 0 {
		r.l.Add(SheetDocument, errf(ismskit.ErrSyntax, "want the headings Field and Value"))
		return
	}
	h := &d.SoA.Header
	seen := map[string]bool{}
	for i, rw := range rows[at+1:] {
		if rw.n != rows[at].n+1+i {
			break // an empty row ends the table
		}
		p := fielderr.Index(SheetDocument+".rows", rw.n)
		label, val := rw.cells[0], ""
		if len(rw.cells) > 1 {
			val = rw.cells[1]
		}
		if len(rw.cells) > 2 && slices.ContainsFunc(rw.cells[2:], func(c string) bool { return c != "" }) {
			r.l.Add(p, errf(ismskit.ErrSyntax, "%d cells, want 2", len(rw.cells)))
			continue
		}
		if seen[label] {
			r.l.Add(p, errf(ismskit.ErrSyntax, "field %q given twice", clip(label)))
			continue
		}
		seen[label] = true
		date := func() ismskit.Date {
			t, err := r.date(val)
			r.l.Add(p, err)
			return t
		}
		switch label {
		case "Organisation":
			h.Organization = val
		case "ISMS scope statement":
			d.ScopeStatement = val
		case "ISMS scope reference":
			h.Scope = val
		case "Version":
			h.Version = val
		case "Date":
			h.Date = date()
		case "Prepared by":
			h.PreparedBy = val
		case "Approved by":
			h.ApprovedBy = val
		case "Approved on":
			h.ApprovedAt = date()
		case "Control catalog":
			h.Catalog = val
		case "Catalog edition":
			e, err := catalogEdition(val)
			r.l.Add(p, err)
			h.Edition = e
		case "Classification":
			d.Letterhead.Classification = val
		case "Status as of":
			d.AsOf = date()
		case "Extensions (JSON)":
			if val != "" {
				if !json.Valid([]byte(val)) {
					r.l.Add(p, errf(ismskit.ErrSyntax, "the extensions are not valid JSON"))
				} else {
					d.SoA.Extensions = json.RawMessage(val)
				}
			}
		default:
			r.l.Add(p, errf(ismskit.ErrSyntax, "unknown field %q", clip(label)))
		}
	}
}
