package soa

import (
	htmltemplate "html/template"
	"strings"
	"testing"
	"text/template"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTemplates runs what a report template asks of an SoA, with
// text/template and html/template alike, and no function map: the
// look-ups, the ranges and the words for people are methods and fields.
func TestTemplates(t *testing.T) {
	s := testSoA(t)
	empty, err := Generate(Input{Header: testHeader()})
	require.NoError(t, err)
	tests := []struct {
		name, tmpl string
		data       any
		want       string
	}{
		{"range over included", `{{range .Included}}{{if eq .Control.String "8.7"}}{{.Control}} {{.Status}}{{end}}{{end}}`, s, "8.7 Planned"},
		{"range over excluded with else", `{{range .Excluded}}{{.Control}},{{else}}none{{end}}`, empty, "none"},
		{"range over undecided", `{{range $e := .Undecided}}{{$e.Control}} {{end}}`, s, ""},
		{"count of a range", `{{.Summary.Total.Excluded}} excluded, {{.Summary.Total.Undecided}} undecided`, s, "12 excluded, 0 undecided"},
		{"entry by ID", `{{with .EntryFor "8.13"}}{{.Title}}: {{.Status}}{{end}}`, s, "Information backup: Partially implemented"},
		{"entry by 2013-style ID", `{{with .EntryFor "A.8.13"}}{{.Control}}{{end}}`, s, "8.13"},
		{"entry missing", `{{with .EntryFor "9.99"}}found{{else}}not listed{{end}}`, s, "not listed"},
		{"reasons in words", `{{with .EntryFor "8.13"}}{{range .Reasons}}{{.}}; {{end}}{{end}}`, s, "Risk treatment: R-1, R-2; Contractual: Customer MSA, clause 7 (Security schedule); "},
		{"reasons as a list", `{{(.EntryFor "6.3").Reasons}}`, s, "[Business requirement (Board decision 2026-04)]"},
		{"enumerations in words", `{{with .EntryFor "7.1"}}{{.Applicability}} {{.Responsibility}} {{.Status}}{{end}}`, s, "Included Inherited Implemented"},
		{"summary fields", `{{range .Summary.Themes}}{{.Theme}}={{.Implemented}}/{{.Entries}} {{end}}`, s, "organizational=37/37 people=8/8 physical=2/14 technological=32/34 "},
		{"summary by status", `{{$t := .Summary.Total}}{{range $st := .Statuses}}{{$st}}={{$t.ByStatus $st}} {{end}}`, struct {
			SoA
			Statuses []Status
		}{s, Statuses()}, "Not started=0 Planned=1 Partially implemented=1 Implemented=79 Not applicable=12 "},
		{"header", `{{.Header.Organization}}, version {{.Header.Version}} of {{.Header.Date}}, {{.Header.Catalog}} ({{.Header.Edition}})`, s,
			"Example Ledger Ltd, version 1.0 of 2026-11-28, ISO/IEC 27002:2022 (2022)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var text, html strings.Builder
			require.NoError(t, template.Must(template.New("t").Parse(tt.tmpl)).Execute(&text, tt.data))
			assert.Equal(t, tt.want, text.String())
			require.NoError(t, htmltemplate.Must(htmltemplate.New("t").Parse(tt.tmpl)).Execute(&html, tt.data))
			assert.Equal(t, htmltemplate.HTMLEscapeString(tt.want), html.String())
		})
	}
}

func TestEntryFor(t *testing.T) {
	s := testSoA(t)
	e := s.EntryFor("5.15")
	require.NotNil(t, e)
	assert.Equal(t, id("5.15"), e.Control)
	e.Evidence[0] = "changed"
	assert.NotEqual(t, "changed", s.EntryFor("5.15").Evidence[0], "a copy")
	assert.Nil(t, s.EntryFor("5.99"))
	assert.Nil(t, s.EntryFor(""))
	assert.Nil(t, s.EntryFor("not an ID"))
	assert.Nil(t, SoA{}.EntryFor("5.1"))
	_, ok := SoA{}.Entry(id("5.1"))
	assert.False(t, ok)
}
