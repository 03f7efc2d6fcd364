package pdfdoc

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/htmldoc"
	"github.com/ismskit/ismskit/internal/pdfdoc/pdftext"
)

func head(org string) htmldoc.Head {
	var logo bytes.Buffer
	_ = png.Encode(&logo, image.NewRGBA(image.Rect(0, 0, 8, 4)))
	return htmldoc.Head{Title: "Test report", Subtitle: "For tests", Organization: org, Version: "2",
		Date: ismskit.NewDate(2026, 11, 28), Letterhead: ismskit.Letterhead{Classification: "Confidential", Logo: logo.Bytes()}}
}

func build(d *Doc) {
	d.H2("Summary")
	d.KPIs([][2]string{{"1", "one"}, {"2", "two"}})
	d.Para("A paragraph with a (parenthesis) and a backslash \\ and a long text " + strings.Repeat("word ", 80))
	d.Fields([][2]string{{"Scope", "Everything"}})
	var rows []Row
	for i := range 120 {
		rows = append(rows, Row{Cells: []Cell{Text("row"), {Lines: []string{"line one", "line two"}, Fill: &OK, Ink: &OKInk}}})
		if i == 60 {
			rows = append(rows, Row{Section: "Second section"})
		}
	}
	rows = append(rows, Row{Cells: []Cell{Text("tall"), Text(strings.Repeat("many lines\n", 120))}})
	d.Table([]Column{{Title: "Name", Width: 40}, {Title: "Value", Width: 100, Right: true}}, rows)
	d.Bars("Chart", []htmldoc.Bar{{Label: "a", Value: 2, Text: "2", Fill: "#C0392B"}, {Label: "b", Value: 4, Text: "4"}, {Label: "c", Value: -1}}, 0)
	d.SignOff([][3]string{{"Prepared by", "Me", "2026-11-28"}})
}

func TestRender(t *testing.T) {
	b, err := Render(head("Acme B.V."), build)
	require.NoError(t, err)
	again, err := Render(head("Acme B.V."), build)
	require.NoError(t, err)
	assert.Equal(t, b, again, "deterministic")
	assert.True(t, bytes.HasPrefix(b, []byte("%PDF-")))
	pages, text := pdftext.Read(b)
	assert.GreaterOrEqual(t, pages, 6)
	for _, want := range []string{"Test report", "Acme B.V.", "CONFIDENTIAL", "Summary", "Second section",
		"Page 1 of ", "A paragraph with a (parenthesis) and a backslash \\ and", "Prepared by", "Chart"} {
		assert.Contains(t, text, want)
	}
	assert.GreaterOrEqual(t, strings.Count(text, "Name\n"), pages-2, "the heading row repeats on the pages the table spans")
	assert.Contains(t, string(b), "/BaseFont /Helvetica")
	assert.NotContains(t, string(b), "/FontFile2", "Windows-1252 text needs no embedded font")
	assert.Contains(t, string(b), "/Subtype /Image", "the logo")
	assert.Contains(t, string(b), "/CreationDate (D:20261128")
}

func TestRenderUnicode(t *testing.T) {
	b, err := Render(head("Ωμέγα Λτδ — Łódź"), build)
	require.NoError(t, err)
	assert.Contains(t, string(b), "/FontFile2", "text outside Windows-1252 embeds the Go fonts")
	assert.NotContains(t, string(b), "/BaseFont /Helvetica")
	again, err := Render(head("Ωμέγα Λτδ — Łódź"), build)
	require.NoError(t, err)
	assert.Equal(t, b, again, "deterministic")
}

func TestRenderErrors(t *testing.T) {
	h := head("x")
	h.Letterhead.Colour = "blue"
	_, err := Render(h, build)
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
	assert.Equal(t, "letterhead.colour", ismskit.Problems(err)[0].Path)

	b, err := Render(htmldoc.Head{}, func(*Doc) {})
	require.NoError(t, err)
	pages, text := pdftext.Read(b)
	assert.Equal(t, 1, pages)
	assert.Contains(t, text, "not versioned")
	// A logo that is PNG by its signature but not decodable is left out.
	h = head("x")
	h.Letterhead.Logo = []byte("\x89PNG\r\n\x1a\nbroken")
	_, err = Render(h, build)
	require.NoError(t, err)
}

func TestCleanAndHex(t *testing.T) {
	assert.Equal(t, "a b\nc\uFFFD", clean("a\tb\nc\x00\x07\u2028\xff"))
	assert.Equal(t, Colour{0x12, 0x34, 0x56}, Hex("#123456"))
	assert.Equal(t, Colour{0x99, 0x99, 0x99}, Hex("red"))
}
