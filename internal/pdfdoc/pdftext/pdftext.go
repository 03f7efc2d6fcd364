// Package pdftext reads back, for tests, what the PDF documents of
// ismskit print: the number of pages and the text of the strings that
// show text (Tj and TJ operands) in the page streams, inflated where
// they are compressed. It reads PDFs as internal/pdfdoc writes them in
// Helvetica (Windows-1252 strings), not PDFs in general; text in the
// embedded Go fonts is glyph IDs and not read.
package pdftext

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

var (
	pageRE   = regexp.MustCompile(`/Type\s*/Page[^s]`)
	streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)endstream`)
	showRE   = regexp.MustCompile(`(?s)\((.*?[^\\])\)\s*Tj`)
)

// Read returns the number of pages of a PDF and the text it shows, one
// string a line.
func Read(pdf []byte) (pages int, text string) {
	pages = len(pageRE.FindAll(pdf, -1))
	var b strings.Builder
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		data := m[1]
		if r, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
			if inflated, err := io.ReadAll(r); err == nil {
				data = inflated
			}
		}
		for _, s := range showRE.FindAllSubmatch(data, -1) {
			b.WriteString(unescape(s[1]))
			b.WriteByte('\n')
		}
	}
	return pages, b.String()
}

// unescape decodes a PDF string literal in Windows-1252.
func unescape(s []byte) string {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch s[i] {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		default:
			if s[i] >= '0' && s[i] <= '7' {
				v := 0
				for k := 0; k < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7'; k++ {
					v = v*8 + int(s[i]-'0')
					i++
				}
				i--
				out = append(out, byte(v))
			} else {
				out = append(out, s[i])
			}
		}
	}
	u, err := charmap.Windows1252.NewDecoder().Bytes(out)
	if err != nil {
		return string(out)
	}
	return string(u)
}
