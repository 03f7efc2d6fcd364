package soa

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

// tinyPNG is a 2x2 PNG logo.
func tinyPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{200, 30, 30, 255})
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

// richDocument is a document with every part filled: a scope statement,
// a history of two versions, a letterhead with logo, an approval, and
// overdue and undecided entries.
func richDocument(t testing.TB) Document {
	s := richSoA(t)
	s.Header.ApprovedBy, s.Header.ApprovedAt = "CEO", asOf
	s.Entries[5].Applicability, s.Entries[5].Reasons, s.Entries[5].Status = Undecided, nil, 0
	s.Entries[6].Status, s.Entries[6].TargetDate = Planned, ismskit.NewDate(2026, 6, 30) // overdue
	older := s.Clone()
	older.Header.Version, older.Header.Date = "0.9", ismskit.NewDate(2026, 5, 29)
	older.Entries[6].Owner = "Nobody"
	older.Entries = older.Entries[:len(older.Entries)-1]
	first := older.Clone()
	first.Header.Version, first.Header.Date = "0.1", ismskit.NewDate(2026, 1, 15)
	return Document{
		SoA:            s,
		ScopeStatement: "The invoicing platform, its development and operation, and the Utrecht office.",
		History:        []ChangeLog{Diff(first, older), Diff(older, s)},
		Letterhead:     ismskit.Letterhead{Classification: "Confidential", Colour: "#7A1F5C", Logo: tinyPNG(t)},
	}
}

func TestDocumentGolden(t *testing.T) {
	d := richDocument(t)
	h, err := d.HTML()
	require.NoError(t, err)
	golden(t, "testdata/document.golden.html", h)
	md := d.Markdown()
	golden(t, "testdata/document.golden.md", md)

	again, err := d.HTML()
	require.NoError(t, err)
	assert.Equal(t, h, again, "deterministic")
	assert.Equal(t, md, d.Markdown(), "deterministic")

	text := string(h)
	for _, want := range []string{
		"<h1>Statement of Applicability</h1>",
		`<p class="org">Example Ledger Ltd</p>`,
		`<dt>Version</dt><dd>1.0</dd>`,
		`<span class="marking">Confidential</span>`,
		`--accent: #7A1F5C;`,
		`src="data:image/png;base64,`,
		"The invoicing platform, its development and operation, and the Utrecht office. (ISMS-SCOPE-1)",
		"Approved by CEO on 2026-11-28",
		`<span class="badge overdue">overdue</span>`,
		"Organizational controls: 37 controls, 36 applicable",
		"Legal: GDPR Art. 32",
		"<td>0.1</td><td>2026-01-15</td><td>Earlier version.</td>",
		"<td>0.9</td><td>2026-05-29</td><td>No control changed.</td>",
		"counter(pages)",
	} {
		assert.Contains(t, text, want)
	}
	assert.Contains(t, string(md), "| 5.7 | Threat intelligence | Yes | Best practice (Baseline) | Planned | 2026-06-30 (overdue on 2026-11-28) |")
	assert.Contains(t, string(md), "Classification: **Confidential**")
	assert.Contains(t, string(md), "| 1.0 | 2026-11-28 | 2 controls changed: 5.7 (owner); added 8.34. |")
}

func TestDocumentZeroAndInvalid(t *testing.T) {
	h, err := Document{}.HTML()
	require.NoError(t, err)
	assert.Contains(t, string(h), "<dd>not versioned</dd>")
	assert.Contains(t, string(h), "No earlier version is recorded.")
	assert.Contains(t, string(Document{}.Markdown()), "Version not versioned · not dated · Classification: **Internal**")

	_, err = Document{Letterhead: ismskit.Letterhead{Colour: "red", Logo: []byte("GIF89a")}}.HTML()
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

// TestDocumentEscapesMarking: the marking and the organisation reach the
// page's CSS (the running header) as escaped CSS strings, never as markup
// or rules.
func TestDocumentEscapesMarking(t *testing.T) {
	d := Document{SoA: SoA{Header: Header{Organization: `"; } body { display: none } </style><script>x</script>`}},
		Letterhead: ismskit.Letterhead{Classification: `</style><script>alert(1)</script>`}}
	h, err := d.HTML()
	require.NoError(t, err)
	text := string(h)
	assert.NotContains(t, text, "<script")
	assert.Equal(t, 1, strings.Count(text, "</style>"))
	style := text[strings.Index(text, "<style>"):strings.Index(text, "</style>")]
	assert.NotContains(t, style, "body { display: none }", "no rule of the user's in the stylesheet")
	assert.Contains(t, text, `content: "\3c \2f style\3e \3c script\3e alert\28 1\29 \3c \2f script\3e ";`)
}

func TestIsOverdue(t *testing.T) {
	past, future := ismskit.NewDate(2026, 1, 1), ismskit.NewDate(2027, 1, 1)
	tests := []struct {
		name string
		e    Entry
		want bool
	}{
		{"planned past", Entry{Applicability: Included, Status: Planned, TargetDate: past}, true},
		{"partial past", Entry{Applicability: Included, Status: PartiallyImplemented, TargetDate: past}, true},
		{"on the day", Entry{Applicability: Included, Status: Planned, TargetDate: asOf}, false},
		{"future", Entry{Applicability: Included, Status: Planned, TargetDate: future}, false},
		{"implemented", Entry{Applicability: Included, Status: Implemented, TargetDate: past}, false},
		{"no date", Entry{Applicability: Included, Status: Planned}, false},
		{"excluded", Entry{Applicability: Excluded, Status: NotApplicable, TargetDate: past}, false},
		{"undecided", Entry{TargetDate: past}, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.e.IsOverdue(asOf), tt.name)
	}
}

func TestThemeTitle(t *testing.T) {
	for in, want := range map[string]string{
		"organizational":     "Organizational controls",
		"technological":      "Technological controls",
		"A.9 Access control": "A.9 Access control",
		"5":                  "5",
		"":                   "Other controls",
		" ":                  "Other controls",
		"acme":               "acme",
	} {
		assert.Equal(t, want, ThemeTitle(in), in)
	}
}

func TestChangeLogDescription(t *testing.T) {
	s := testSoA(t)
	assert.Equal(t, "First version.", ChangeLog{}.Description())
	assert.Equal(t, "No control changed.", Diff(s, s).Description())
	newer := s.Clone()
	newer.Entries[0].Status, newer.Entries[0].TargetDate = Planned, due
	newer.Entries = newer.Entries[:len(newer.Entries)-1]
	assert.Equal(t, "2 controls changed: 5.1 (status, target date); removed 8.34.", Diff(s, newer).Description())
	newest := newer.Clone()
	newest.Entries = append(newest.Entries, s.Entries[len(s.Entries)-1])
	assert.Equal(t, "1 control changed: added 8.34.", Diff(newer, newest).Description())
}
