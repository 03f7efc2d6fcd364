package table

import "strings"

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
