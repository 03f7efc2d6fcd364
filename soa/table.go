package soa

import (
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/iso27002"
)

// column is one column of the tabular form: its key (used in error
// paths) and its heading.
type column struct{ key, heading string }

var columns = []column{
	{"control", "Control"},
	{"title", "Title"},
	{"theme", "Theme"},
	{"applicable", "Applicable"},
	{"reasons", "Reasons for inclusion"},
	{"justification", "Justification for exclusion"},
	{"status", "Status"},
	{"owner", "Owner"},
	{"evidence", "Evidence"},
	{"implementation", "Implementation"},
	{"targetDate", "Target date"},
	{"responsibility", "Responsibility"},
	{"provider", "Provider"},
	{"notes", "Notes"},
	{"extensions", "Extensions"},
}

const (
	colControl = iota
	colTitle
	colTheme
	colApplicable
	colReasons
	colJustification
	colStatus
	colOwner
	colEvidence
	colImplementation
	colTargetDate
	colResponsibility
	colProvider
	colNotes
	colExtensions
)

// TableHeader returns the headings of the tabular form of an SoA, the
// one that EncodeCSV and the spreadsheet export write: Control, Title,
// Theme, Applicable, Reasons for inclusion, Justification for exclusion,
// Status, Owner, Evidence, Implementation, Target date, Responsibility,
// Provider, Notes, Extensions.
func TableHeader() []string {
	out := make([]string, len(columns))
	for i, c := range columns {
		out[i] = c.heading
	}
	return out
}

// Rows returns the entries of s as rows of text cells under TableHeader,
// one row per entry, the control ID first. Every field of an entry has a
// cell, so ParseRows gives the entries back unchanged:
//
//   - Applicable is "yes", "no" or "undecided"; Status and
//     Responsibility hold the codes of the JSON form ("implemented");
//   - Reasons for inclusion holds one reason per line, written as the
//     kind's code followed by "; risks=R-1,R-2", "; ref=..." and "; note=..."
//     as present ("legal; ref=GDPR Art. 32");
//   - Evidence and Notes hold one item per line;
//   - Target date is YYYY-MM-DD, and empty for none;
//   - Extensions holds the entry's extensions JSON as it is.
//
// Inside list items and reason values a backslash escapes a backslash,
// ';', ',', and line breaks ("\n", "\r"). An empty list item cannot be
// written without loss: it is an error wrapping ismskit.ErrNotEncodable,
// as are undefined enum values (ismskit.ErrUnknownValue), each with its
// path and the control of its entry as Item.
//
// The cells are the values themselves: a cell may begin with "=", which
// matters to a writer for spreadsheets (see EncodeCSV).
func (s SoA) Rows() ([][]string, error) {
	var l fielderr.List
	rows := make([][]string, len(s.Entries))
	for i := range s.Entries {
		rows[i] = entryRow(&l, fielderr.Index("entries", i), &s.Entries[i])
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return rows, nil
}

func entryRow(l *fielderr.List, p string, e *Entry) []string {
	row := make([]string, len(columns))
	row[colControl] = e.Control.String()
	item := row[colControl]
	if !e.Control.IsValid() {
		item = ""
		l.AddItem(p+".control", item, errf(ismskit.ErrNotEncodable, "the entry names no control"))
	}
	row[colTitle] = e.Title
	row[colTheme] = e.Theme
	switch e.Applicability {
	case Included:
		row[colApplicable] = "yes"
	case Excluded:
		row[colApplicable] = "no"
	case Undecided:
		row[colApplicable] = "undecided"
	default:
		l.AddItem(p+".applicability", item, errf(ismskit.ErrUnknownValue, "applicability %d is not defined", uint8(e.Applicability)))
	}
	reasons := make([]string, len(e.Reasons))
	for j, r := range e.Reasons {
		rp := fielderr.Index(p+".reasons", j)
		if !r.Kind.IsValid() {
			l.AddItem(rp+".kind", item, errf(ismskit.ErrUnknownValue, "reason kind %d is not defined", uint8(r.Kind)))
		}
		var b strings.Builder
		b.WriteString(r.Kind.code())
		if len(r.Risks) > 0 {
			b.WriteString("; risks=")
			for k, id := range r.Risks {
				if id == "" {
					l.AddItem(fielderr.Index(rp+".risks", k), item, errf(ismskit.ErrNotEncodable, "an empty risk ID cannot be written"))
				}
				if k > 0 {
					b.WriteByte(',')
				}
				b.WriteString(escape(id))
			}
		}
		if r.Reference != "" {
			b.WriteString("; ref=")
			b.WriteString(escape(r.Reference))
		}
		if r.Note != "" {
			b.WriteString("; note=")
			b.WriteString(escape(r.Note))
		}
		reasons[j] = b.String()
	}
	row[colReasons] = strings.Join(reasons, "\n")
	row[colJustification] = e.Justification
	if e.Status != 0 {
		if e.Status.IsValid() {
			row[colStatus] = e.Status.code()
		} else {
			l.AddItem(p+".status", item, errf(ismskit.ErrUnknownValue, "status %d is not defined", uint8(e.Status)))
		}
	}
	row[colOwner] = e.Owner
	row[colEvidence] = joinItems(l, p+".evidence", item, e.Evidence)
	row[colImplementation] = e.Implementation
	row[colTargetDate] = e.TargetDate.String()
	if e.Responsibility.IsValid() {
		row[colResponsibility] = e.Responsibility.code()
	} else {
		l.AddItem(p+".responsibility", item, errf(ismskit.ErrUnknownValue, "responsibility %d is not defined", uint8(e.Responsibility)))
	}
	row[colProvider] = e.Provider
	row[colNotes] = joinItems(l, p+".notes", item, e.Notes)
	row[colExtensions] = string(e.Extensions)
	return row
}

func joinItems(l *fielderr.List, p, item string, items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		if s == "" {
			l.AddItem(fielderr.Index(p, i), item, errf(ismskit.ErrNotEncodable, "an empty item cannot be written"))
		}
		out[i] = escape(s)
	}
	return strings.Join(out, "\n")
}

var escaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", `\r`)

func escape(s string) string { return escaper.Replace(s) }

// unescape reverses escape; it fails on a lone or unknown escape.
func unescape(s string) (string, error) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(s) {
			return "", errors.New("a backslash ends the text")
		}
		switch s[i] {
		case '\\', ';', ',':
			b.WriteByte(s[i])
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			return "", errors.New(`unknown escape \` + string(s[i]))
		}
	}
	return b.String(), nil
}

// splitUnescaped splits s at every sep not preceded by an escaping
// backslash.
func splitUnescaped(s string, sep byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// ParseRows reads entries from rows of text cells under header, the
// tabular form that Rows writes. The header must hold every heading of
// TableHeader once, in any order, and nothing else; every row must have
// as many cells. It reports every malformed cell as a *ismskit.Error with
// the path "rows[i].column" and the row's control as Item, wrapping
// ismskit.ErrSyntax, ismskit.ErrUnknownValue or the error of the value
// (ismskit.ErrInvalidDate, ismskit.ErrUnknownControl), joined.
func ParseRows(header []string, rows [][]string) ([]Entry, error) {
	var l fielderr.List
	idx := make([]int, len(columns)) // column -> position in header
	for i := range idx {
		idx[i] = -1
	}
	for j, h := range header {
		k := slices.IndexFunc(columns, func(c column) bool { return c.heading == h })
		switch {
		case k < 0:
			l.Add(fielderr.Index("header", j), errf(ismskit.ErrSyntax, "unknown column %q", h))
		case idx[k] >= 0:
			l.Add(fielderr.Index("header", j), errf(ismskit.ErrSyntax, "column %q given twice", h))
		default:
			idx[k] = j
		}
	}
	for k, j := range idx {
		if j < 0 {
			l.Add("header", errf(ismskit.ErrSyntax, "column %q is missing", columns[k].heading))
		}
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	entries := make([]Entry, len(rows))
	for i, row := range rows {
		p := fielderr.Index("rows", i)
		if len(row) != len(header) {
			item := ""
			if j := idx[colControl]; j < len(row) {
				item = clip(row[j])
			}
			l.AddItem(p, item, errf(ismskit.ErrSyntax, "%d cells, want %d", len(row), len(header)))
			continue
		}
		cells := make([]string, len(columns))
		for k, j := range idx {
			cells[k] = row[j]
		}
		entries[i] = parseRow(&l, p, cells)
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return entries, nil
}

func parseRow(l *fielderr.List, p string, c []string) Entry {
	var e Entry
	item := clip(c[colControl])
	at := func(col int) string { return p + "." + columns[col].key }
	if c[colControl] == "" {
		l.AddItem(at(colControl), item, errf(ismskit.ErrSyntax, "the control is missing"))
	} else if id, err := iso27002.Parse(c[colControl]); err != nil {
		l.AddItem(at(colControl), item, err)
	} else {
		e.Control = id
	}
	e.Title = c[colTitle]
	e.Theme = c[colTheme]
	switch c[colApplicable] {
	case "yes":
		e.Applicability = Included
	case "no":
		e.Applicability = Excluded
	case "undecided":
		e.Applicability = Undecided
	default:
		l.AddItem(at(colApplicable), item, errf(ismskit.ErrUnknownValue, `%q: want "yes", "no" or "undecided"`, clip(c[colApplicable])))
	}
	if c[colReasons] != "" {
		for j, line := range strings.Split(c[colReasons], "\n") {
			r, err := parseReason(line)
			if err != nil {
				l.AddItem(fielderr.Index(at(colReasons), j), item, err)
				continue
			}
			e.Reasons = append(e.Reasons, r)
		}
	}
	e.Justification = c[colJustification]
	if c[colStatus] != "" {
		st, err := ParseStatus(c[colStatus])
		if err != nil {
			l.AddItem(at(colStatus), item, err)
		}
		e.Status = st
	}
	e.Owner = c[colOwner]
	e.Evidence = splitItems(l, at(colEvidence), item, c[colEvidence])
	e.Implementation = c[colImplementation]
	if err := e.TargetDate.UnmarshalText([]byte(c[colTargetDate])); err != nil {
		l.AddItem(at(colTargetDate), item, err)
	}
	if c[colResponsibility] != "" {
		r, err := ParseResponsibility(c[colResponsibility])
		if err != nil {
			l.AddItem(at(colResponsibility), item, err)
		}
		e.Responsibility = r
	}
	e.Provider = c[colProvider]
	e.Notes = splitItems(l, at(colNotes), item, c[colNotes])
	if x := c[colExtensions]; x != "" {
		if !json.Valid([]byte(x)) {
			l.AddItem(at(colExtensions), item, errf(ismskit.ErrSyntax, "not valid JSON"))
		} else {
			e.Extensions = json.RawMessage(x)
		}
	}
	return e
}

func splitItems(l *fielderr.List, p, item, cell string) []string {
	if cell == "" {
		return nil
	}
	lines := strings.Split(cell, "\n")
	out := make([]string, 0, len(lines))
	for i, s := range lines {
		v, err := unescape(s)
		if err != nil {
			l.AddItem(fielderr.Index(p, i), item, errf(ismskit.ErrSyntax, "%v", err))
			continue
		}
		if v == "" {
			l.AddItem(fielderr.Index(p, i), item, errf(ismskit.ErrSyntax, "empty item"))
			continue
		}
		out = append(out, v)
	}
	return out
}

// parseReason reads one line of the reasons cell.
func parseReason(line string) (Reason, error) {
	parts := splitUnescaped(line, ';')
	var r Reason
	k, err := ParseReasonKind(parts[0])
	if err != nil {
		return Reason{}, err
	}
	r.Kind = k
	seen := map[string]bool{}
	for _, part := range parts[1:] {
		if !strings.HasPrefix(part, " ") {
			return Reason{}, errf(ismskit.ErrSyntax, `want "; " between the parts of a reason`)
		}
		key, val, ok := strings.Cut(part[1:], "=")
		if !ok || seen[key] {
			return Reason{}, errf(ismskit.ErrSyntax, "%q: want one each of risks=, ref= and note=", part[1:])
		}
		seen[key] = true
		switch key {
		case "risks":
			for _, id := range splitUnescaped(val, ',') {
				v, err := unescape(id)
				if err != nil || v == "" {
					return Reason{}, errf(ismskit.ErrSyntax, "bad risk ID %q", id)
				}
				r.Risks = append(r.Risks, v)
			}
		case "ref", "note":
			v, err := unescape(val)
			if err != nil || v == "" {
				return Reason{}, errf(ismskit.ErrSyntax, "bad %s %q", key, val)
			}
			if key == "ref" {
				r.Reference = v
			} else {
				r.Note = v
			}
		default:
			return Reason{}, errf(ismskit.ErrSyntax, "unknown part %q of a reason", key)
		}
	}
	return r, nil
}

// EncodeCSV writes the entries of s as CSV (RFC 4180, CRLF record ends,
// line breaks inside quoted cells kept as they are): the TableHeader row,
// then one row per entry in document order, the control ID in the first
// column; see Rows for the cell formats. The document header is not part
// of the table.
//
// The CSV is safe to open in a spreadsheet: a cell that begins with "=",
// "+", "-", "@", a tab or a carriage return, which a spreadsheet would
// run as a formula, is written with an apostrophe before it, and so is a
// cell that begins with an apostrophe. A spreadsheet shows such a cell as
// the text after the apostrophe. DecodeCSV removes that one apostrophe
// again, so it reads every cell back exactly as it was.
func EncodeCSV(s SoA) ([]byte, error) {
	rows, err := s.Rows()
	if err != nil {
		return nil, err
	}
	out := table.AppendCSVRecord(nil, TableHeader())
	for _, r := range rows {
		for j := range r {
			r[j] = table.DefuseFormula(r[j])
		}
		out = table.AppendCSVRecord(out, r)
	}
	return out, nil
}

// DecodeCSV reads the entries that EncodeCSV wrote: it removes the one
// apostrophe that EncodeCSV puts before a cell (so a cell that a person
// began with an apostrophe loses it, as in a spreadsheet), then parses
// the rows as ParseRows does. Quoted cells keep every byte, carriage
// returns included. Problems are *ismskit.Error values with paths such as
// "rows[3].status" (rows counted from 0 after the header) and the
// control of the row as Item, joined. opts set the byte limit.
func DecodeCSV(data []byte, opts ...ismskit.DecodeOption) ([]Entry, error) {
	if max := ismskit.LimitsOf(opts...).MaxBytes; max >= 0 && int64(len(data)) > max {
		return nil, codec.TooLarge(max)
	}
	records, err := table.ReadCSV(data)
	if err != nil {
		return nil, &ismskit.Error{Err: errf(ismskit.ErrSyntax, "%v", err)}
	}
	if len(records) == 0 {
		return nil, &ismskit.Error{Path: "header", Err: errf(ismskit.ErrSyntax, "no header row")}
	}
	for _, r := range records {
		for j := range r {
			r[j] = table.RestoreFormula(r[j])
		}
	}
	return ParseRows(records[0], records[1:])
}

// ReadCSV reads a CSV table from r, never past the byte limit, and
// decodes it as DecodeCSV does.
func ReadCSV(r io.Reader, opts ...ismskit.DecodeOption) ([]Entry, error) {
	return codec.Read(r, opts, DecodeCSV)
}

// WriteCSV writes the CSV table of s to w, as EncodeCSV returns it.
func WriteCSV(w io.Writer, s SoA) error {
	if w == nil {
		return &ismskit.Error{Err: errf(ismskit.ErrMissing, "no writer")}
	}
	b, err := EncodeCSV(s)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
