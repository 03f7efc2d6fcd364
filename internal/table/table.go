// Package table writes rows of text as CSV (RFC 4180) or as a Markdown
// table, and reads such CSV back. The document exporters (risk, soa) and
// the examples share it.
//
// The CSV reader and writer keep every byte of every cell: unlike
// encoding/csv they do not turn a line break inside a quoted cell into
// another one, nor drop a carriage return, so a cell reads back exactly
// as it was written.
//
// Output is deterministic and the package keeps no state, so it is safe
// for concurrent use.
package table

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Table is a header and rows of cells. Rows shorter than the header are
// padded with empty cells when written.
type Table struct {
	Header []string
	Rows   [][]string
}

// Append adds a row.
func (t *Table) Append(cells ...string) { t.Rows = append(t.Rows, cells) }

func (t *Table) padded(row []string) []string {
	if len(row) >= len(t.Header) {
		return row
	}
	out := make([]string, len(t.Header))
	copy(out, row)
	return out
}

// WriteCSV writes the header and rows as RFC 4180 CSV with CRLF record
// ends. ReadCSV gives every cell back unchanged.
func (t *Table) WriteCSV(w io.Writer) error {
	out := AppendCSVRecord(nil, t.Header)
	for _, r := range t.Rows {
		out = AppendCSVRecord(out, t.padded(r))
	}
	_, err := w.Write(out)
	return err
}

// AppendCSVRecord appends one CSV record ending in CRLF to b. A cell
// holding a comma, a quote, a line break or outer spaces is quoted, with
// quotes doubled; every byte is kept.
func AppendCSVRecord(b []byte, cells []string) []byte {
	for i, c := range cells {
		if i > 0 {
			b = append(b, ',')
		}
		if c == "" || !strings.ContainsAny(c, ",\"\r\n") && c[0] != ' ' && c[len(c)-1] != ' ' {
			b = append(b, c...)
			continue
		}
		b = append(b, '"')
		b = append(b, strings.ReplaceAll(c, `"`, `""`)...)
		b = append(b, '"')
	}
	return append(b, '\r', '\n')
}

// CSVError is a syntax error in CSV input.
type CSVError struct {
	Line int // 1-based line of the input where the problem is
	Msg  string
}

// Error returns "line N: message".
func (e *CSVError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// ReadCSV reads RFC 4180 CSV into records. Records end at CRLF or LF, a
// final line break is optional, a leading UTF-8 byte order mark is
// skipped, and quoted cells keep every byte, carriage returns included.
// Records may have different lengths. A malformed input is a *CSVError.
func ReadCSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var records [][]string
	var rec []string
	var field []byte
	line := 1
	i := 0
	for i < len(data) {
		field = field[:0]
		if data[i] == '"' {
			i++
			for {
				if i >= len(data) {
					return nil, &CSVError{Line: line, Msg: "quoted cell not closed"}
				}
				c := data[i]
				i++
				if c == '"' {
					if i < len(data) && data[i] == '"' {
						field = append(field, '"')
						i++
						continue
					}
					break
				}
				if c == '\n' {
					line++
				}
				field = append(field, c)
			}
		} else {
			for i < len(data) && data[i] != ',' && data[i] != '\n' && !(data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n') {
				if data[i] == '"' {
					return nil, &CSVError{Line: line, Msg: "a quote inside an unquoted cell"}
				}
				field = append(field, data[i])
				i++
			}
		}
		rec = append(rec, string(field))
		switch {
		case i >= len(data):
		case data[i] == ',':
			i++
			if i == len(data) {
				rec = append(rec, "")
			}
			continue
		case data[i] == '\n':
			i++
		case data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n':
			i += 2
		default:
			return nil, &CSVError{Line: line, Msg: "text after a quoted cell"}
		}
		records = append(records, rec)
		rec = nil
		line++
	}
	if rec != nil {
		records = append(records, rec)
	}
	return records, nil
}

// WriteMarkdown writes a GitHub-flavoured Markdown table. Pipes and line
// breaks inside cells are escaped so each row stays on one line.
func (t *Table) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" ")
			b.WriteString(escape(c))
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	line(t.Header)
	b.WriteString("|")
	for range t.Header {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		line(t.padded(r))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEscaper = strings.NewReplacer("|", `\|`, "\r\n", "<br>", "\n", "<br>", "\r", "<br>")

func escape(s string) string { return mdEscaper.Replace(s) }
