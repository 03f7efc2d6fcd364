package table

import (
	"io"
	"strings"
)

// MarkdownText escapes text for Markdown inline content, such as a table
// cell or a heading: "&", "<" and ">" become character references, so
// that no text is read as HTML (a <script> element stays text), and "\",
// "`", "*", "_", "[", "]", "~" and "#" get a backslash, so that no text
// becomes a link, an image, code or emphasis. Line breaks are left alone;
// WriteMarkdown turns them into <br> in cells.
func MarkdownText(s string) string { return mdTextEscaper.Replace(s) }

var mdTextEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "~", `\~`, "#", `\#`,
)

// WriteMarkdownText writes t as WriteMarkdown does, with the text of
// every row cell escaped by MarkdownText first; the headings are written
// as they are (they are the caller's own words). t is not changed.
func (t *Table) WriteMarkdownText(w io.Writer) error {
	esc := Table{Header: t.Header, Rows: make([][]string, len(t.Rows))}
	for i, r := range t.Rows {
		esc.Rows[i] = make([]string, len(r))
		for j, c := range r {
			esc.Rows[i][j] = MarkdownText(c)
		}
	}
	return esc.WriteMarkdown(w)
}
