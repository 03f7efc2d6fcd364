package htmldoc

import (
	"encoding/xml"
	"html/template"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"
)

func TestRender(t *testing.T) {
	h := Head{Title: "Test document", Subtitle: "about <things>", Organization: "Acme & Co", Version: "2",
		Date: ismskit.NewDate(2026, 11, 28), Letterhead: ismskit.Letterhead{Classification: "Confidential", Colour: "#336699",
			Logo: []byte("\x89PNG\r\n\x1a\nxx")}}
	body := template.Must(template.New("b").Parse(`<p>{{.}}</p>`))
	page, err := Execute(h, body, "<b>hi</b>")
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/page.golden.html", page)
	text := string(page)
	for _, want := range []string{
		"<title>Test document - Acme &amp; Co</title>",
		"<p>&lt;b&gt;hi&lt;/b&gt;</p>",
		"--accent: #336699;",
		`content: "Acme \26  Co\3a  Test document";`,
		`content: "Confidential";`,
		`content: "Test document\2c  version 2\2c  2026\2d 11\2d 28";`,
		`content: "Page " counter(page) " of " counter(pages);`,
		`src="data:image/png;base64,iVBORw0KGgp4eA=="`,
		`<p class="sub">about &lt;things&gt;</p>`,
		"size: A4 landscape",
	} {
		assert.Contains(t, text, want)
	}

	_, err = Render(Head{Letterhead: ismskit.Letterhead{Colour: "blue"}}, "")
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
	page, err = Render(Head{}, "")
	require.NoError(t, err)
	assert.Contains(t, string(page), "<dd>not versioned</dd>")
	assert.Contains(t, string(page), "<dd>not dated</dd>")
	assert.NotContains(t, string(page), "<img")
}

func TestCSSString(t *testing.T) {
	tests := map[string]string{
		"":                 `""`,
		"Plain 42":         `"Plain 42"`,
		`a"b`:              `"a\22 b"`,
		"</style>":         `"\3c \2f style\3e "`,
		"x\\y":             `"x\5c y"`,
		"é":                `"\e9 "`,
		"a\nb":             `"a\a b"`,
		"nul\x00bad\xffok": `"nul\fffd bad\fffd ok"`,
	}
	for in, want := range tests {
		assert.Equal(t, template.CSS(want), cssString(in), "%q", in)
	}
}

func TestMarkdown(t *testing.T) {
	assert.Equal(t, `&lt;script&gt; \[a\](b) \*x\* a \| b c &amp;amp;`, MarkdownInline("<script> [a](b) *x* a | b\nc &amp;"))
	got := MarkdownHead(Head{Title: "T", Organization: "O_1", Version: "1", Date: ismskit.NewDate(2026, 1, 2)})
	assert.Equal(t, "# T\n\n**O\\_1** · Version 1 · 2026-01-02 · Classification: **Internal**\n", got)
	assert.Equal(t, "# \n\nVersion not versioned · not dated · Classification: **Internal**\n", MarkdownHead(Head{}))
}

func TestBarChart(t *testing.T) {
	svg := BarChart("Results <of> \x01audits", []Bar{
		{Label: "Major & minor", Value: 2, Text: "2", Fill: "#cc0000"},
		{Label: "Conforming\x0b", Value: 10, Text: "10"},
		{Label: strings.Repeat("long ", 20), Value: -1, Text: "n/a", Fill: "bad"},
	}, 0, "#336699")
	goldenfile.Check(t, "testdata/chart.golden.svg", []byte(svg))
	// Well-formed XML: every token parses.
	d := xml.NewDecoder(strings.NewReader(string(svg)))
	for {
		_, err := d.Token()
		if err != nil {
			assert.Equal(t, "EOF", err.Error())
			break
		}
	}
	assert.Contains(t, string(svg), "Results &lt;of&gt; audits")
	assert.Contains(t, string(svg), "Major &amp; minor")
	assert.Contains(t, string(svg), `width="260.0" height="16" fill="#336699"`, "the largest value fills the bars' width")
	assert.Contains(t, string(svg), `width="52.0" height="16" fill="#cc0000"`)
	assert.Contains(t, string(svg), `width="0.0" height="16" fill="#336699"`, "negative values draw nothing, bad colours fall back")
	assert.Contains(t, string(svg), "long long long long long long long …")
	assert.NotPanics(t, func() { BarChart("", nil, 0, "") })
}

func TestXMLText(t *testing.T) {
	assert.Equal(t, "a&amp;b&lt;c&gt;&#34;d&#39;", XMLText(`a&b<c>"d'`))
	assert.Equal(t, "tab\tnl\ncr\r", XMLText("tab\tnl\ncr\r"))
	assert.Equal(t, "xy\uFFFDz\uFFFD", XMLText("x\x00\x1fy\xffz\uFFFD\uFFFE"))
	assert.Equal(t, "😀", XMLText("😀\U0010FFFF"[:4]))
}
