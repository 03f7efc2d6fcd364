// Package htmldoc is the one look of the documents ismskit renders for
// people: the Statement of Applicability, the audit report, the gap
// analysis and the readiness verdict share its stylesheet, its page
// layout and its title block, in HTML and in Markdown.
//
// The HTML page is self-contained (inline CSS, no scripts, no external
// resources; a logo is embedded as a data URI) and prints on A4
// landscape: the table headings repeat on every page, rows do not break
// across pages, and where the browser supports CSS page-margin boxes
// (Chromium 131 and later) every page carries a running header with the
// organisation, the title and the classification marking, and a footer
// with the version, the date and "Page n of N". Every text is escaped by
// html/template, the strings of the page margins included.
//
// The letterhead (ismskit.Letterhead) brands the page: its accent colour
// is the CSS custom property --accent, its logo sits in the title block,
// its marking on every page. The stylesheet's class names are the
// package's contract with the renderers: badges "s-<status code>" and
// "r-<result code>", rows "section" and "excluded", cells "n" for numbers,
// blocks "note", "kpis", "cols", tables "fields" and "signoff".
//
// Everything here is pure and safe for concurrent use.
package htmldoc

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Head is the title block of a document and the running header and
// footer of its pages.
type Head struct {
	// The kind of document: "Statement of Applicability".
	Title string
	// A line under the organisation: what the document is about ("ISO/IEC
	// 27001:2022 clause 6.1.3 d").
	Subtitle string
	// The organisation, version and date of the document.
	Organization string
	Version      string
	Date         ismskit.Date
	// The classification marking, logo and colour.
	Letterhead ismskit.Letterhead
}

// Running returns the running header's text: "Organisation: Title", or
// the title alone.
func (h Head) Running() string {
	if h.Organization == "" {
		return h.Title
	}
	return h.Organization + ": " + h.Title
}

// Footer returns the footer's text: the title, version and date.
func (h Head) Footer() string {
	parts := []string{h.Title}
	if h.Version != "" {
		parts = append(parts, "version "+h.Version)
	}
	if !h.Date.IsZero() {
		parts = append(parts, h.Date.String())
	}
	return strings.Join(parts, ", ")
}

//go:embed style.css
var style string

//go:embed layout.html.tmpl
var layoutSource string

var layout = template.Must(template.New("layout").Parse(layoutSource))

// page is what the layout template reads.
type page struct {
	Head       Head
	Style      template.CSS
	Accent     template.CSS
	Marking    string
	Footer     string
	Running    template.CSS // the CSS strings of the page margins
	MarkingCSS template.CSS
	FooterCSS  template.CSS
	Logo       template.URL
	Body       template.HTML
}

// Render lays body out as a whole HTML page under h's title block. body
// must come from html/template (it is inserted as it is). A letterhead
// that does not validate is its error (ismskit.Letterhead.Validate), at
// paths under "letterhead".
func Render(h Head, body template.HTML) ([]byte, error) {
	if err := h.Letterhead.Validate(); err != nil {
		return nil, fielderr.At("letterhead", err)
	}
	p := page{Head: h, Style: template.CSS(style), Accent: template.CSS(h.Letterhead.AccentColour()),
		Marking: h.Letterhead.Marking(), Footer: h.Footer(), Body: body,
		Running: cssString(h.Running()), MarkingCSS: cssString(h.Letterhead.Marking()), FooterCSS: cssString(h.Footer())}
	if t := h.Letterhead.LogoType(); t != "" {
		p.Logo = template.URL("data:" + t + ";base64," + base64.StdEncoding.EncodeToString(h.Letterhead.Logo))
	}
	var b bytes.Buffer
	if err := layout.Execute(&b, p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// cssString returns s as a quoted CSS string in which every character
// other than a letter, a digit or a space is a hexadecimal escape, so
// that nothing in s can end the string, the rule or the style element.
// Characters that CSS cannot hold (NUL, surrogates, invalid UTF-8)
// become U+FFFD.
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ':
			b.WriteRune(r)
		case r == 0 || r == utf8.RuneError || r >= 0xD800 && r <= 0xDFFF:
			b.WriteString(`\fffd `)
		default:
			fmt.Fprintf(&b, `\%x `, r)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String())
}

// Execute runs t with data and lays the result out as Render does.
func Execute(h Head, t *template.Template, data any) ([]byte, error) {
	if err := h.Letterhead.Validate(); err != nil {
		return nil, fielderr.At("letterhead", err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	return Render(h, template.HTML(b.String()))
}

// MarkdownHead returns the title block of a Markdown document: the title
// as a level-1 heading, then one line with the organisation, version,
// date and classification marking, every text escaped.
func MarkdownHead(h Head) string {
	var b strings.Builder
	b.WriteString("# " + MarkdownInline(h.Title) + "\n\n")
	var parts []string
	if h.Organization != "" {
		parts = append(parts, "**"+MarkdownInline(h.Organization)+"**")
	}
	if h.Subtitle != "" {
		parts = append(parts, MarkdownInline(h.Subtitle))
	}
	v := "not versioned"
	if h.Version != "" {
		v = MarkdownInline(h.Version)
	}
	parts = append(parts, "Version "+v)
	if h.Date.IsZero() {
		parts = append(parts, "not dated")
	} else {
		parts = append(parts, h.Date.String())
	}
	parts = append(parts, "Classification: **"+MarkdownInline(h.Letterhead.Marking())+"**")
	b.WriteString(strings.Join(parts, " · ") + "\n")
	return b.String()
}

// mdInline writes the characters of HTML as entities ("<" as "&lt;",
// "&" as "&amp;"), so that no tag or entity of the text's survives, escapes
// with a backslash every other ASCII punctuation character that can start
// or end Markdown syntax inside a line (emphasis, code, links and images,
// headings' closing sequences, strikethrough, table cells), and turns line
// breaks into spaces, so that text stays one line of plain text.
var mdInline = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"#", `\#`, "~", `\~`, "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")

// MarkdownInline escapes text for one line of Markdown, in a paragraph or
// a table cell: nothing of it is read as HTML, an entity, a link,
// emphasis, code or a cell separator, and line breaks become spaces.
func MarkdownInline(s string) string { return mdInline.Replace(s) }
