// Package table writes rows of text as CSV (RFC 4180) or as a Markdown
// table. The examples and the report renderers share it.
//
// Output is deterministic and the package keeps no state, so it is safe
// for concurrent use.
package table

import (
	"encoding/csv"
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

// WriteCSV writes the header and rows as RFC 4180 CSV with CRLF line
// endings, quoting cells as needed, so that any CSV reader gets the cells
// back unchanged.
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := cw.Write(t.padded(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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
