package report

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

var asOf = ismskit.MustParseDate("2026-11-28")

func sampleRegister(t testing.TB) risk.Register {
	t.Helper()
	data, err := os.ReadFile("../testdata/register.json")
	require.NoError(t, err)
	reg, err := risk.DecodeRegister(data)
	require.NoError(t, err)
	return reg
}

// SampleDocument is the document the golden files and package xlsx's
// tests render: the register of package risk's tests as of 2026-11-28.
func sampleDocument(t testing.TB) Document {
	return Document{Register: sampleRegister(t), Organisation: "Nimbus Ledger B.V.", Version: "2026.4", AsOf: asOf,
		Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
}

func TestGolden(t *testing.T) {
	d := sampleDocument(t)
	page, err := d.HTML()
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/report.golden.html", page)
	md, err := d.Markdown()
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/report.golden.md", md)
	c, err := d.Content()
	require.NoError(t, err)
	js, err := json.MarshalIndent(c, "", "  ")
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/content.golden.json", append(js, '\n'))

	again, err := d.HTML()
	require.NoError(t, err)
	assert.Equal(t, string(page), string(again), "deterministic")
	requireWellFormedSVG(t, page)
}

func TestContent(t *testing.T) {
	c, err := sampleDocument(t).Content()
	require.NoError(t, err)
	assert.Equal(t, "Nimbus Ledger B.V.", c.Organisation)
	require.Len(t, c.Risks, 30)
	assert.Equal(t, 1, c.Risks[0].Position)
	for i := 1; i < len(c.Risks); i++ {
		assert.LessOrEqual(t, c.Risks[i-1].Position, c.Risks[i].Position, "ranked")
		assert.GreaterOrEqual(t, c.Risks[i-1].Residual.Rank, c.Risks[i].Residual.Rank, "ranked by residual level")
	}
	for _, r := range c.Risks {
		assert.NotEmpty(t, r.Residual.Label, r.ID)
		assert.Regexp(t, `^#[0-9a-f]{6}$`, r.Residual.Colour, r.ID)
	}

	// 3 actions and 15 planned controls without an action: 18 lines, as
	// the register plans 18 control applications
	require.Len(t, c.Plan, 18)
	assert.Equal(t, 18, c.Summary.Actions)
	noAction := 0
	for i, a := range c.Plan {
		if a.NoAction {
			noAction++
			assert.True(t, a.Due.IsZero())
			assert.Equal(t, "No action yet", a.StatusText())
			require.Len(t, a.Controls, 1)
		}
		if i > 0 && !a.Due.IsZero() {
			assert.False(t, c.Plan[i-1].Due.After(a.Due), "by due date")
		}
	}
	assert.Equal(t, 15, noAction)
	// every dated action is before 2026-11-28 and open: overdue
	assert.Equal(t, "R-02", c.Plan[0].RiskID)
	assert.True(t, c.Plan[0].Overdue)
	assert.Equal(t, 273, c.Plan[0].DaysOverdue)
	assert.Equal(t, "2026-02-28 (overdue by 273 days)", c.Plan[0].DueText())
	assert.Equal(t, 3, c.Summary.Overdue)
	assert.Equal(t, 15, c.Summary.NoDue)
	assert.Equal(t, 18, c.Summary.Open)

	// the control's title comes from the catalog; the organisation's own
	// controls are shown by ID unless the catalog holds them
	for _, a := range c.Plan {
		for _, ctl := range a.Controls {
			if ctl.ID.Edition() == iso27002.Edition2022 {
				assert.NotEmpty(t, ctl.Title, ctl.ID)
			}
		}
	}
	lvTotal := 0
	for _, lc := range c.Summary.Levels {
		lvTotal += lc.Residual
	}
	assert.Equal(t, 30, lvTotal)
	assert.Equal(t, "critical", c.Summary.Levels[0].Level.ID, "the highest level first")
}

func TestOverdue(t *testing.T) {
	due := ismskit.MustParseDate("2026-03-31")
	reg := risk.Register{Criteria: risk.Standard3x3(), Risks: []risk.Risk{{ID: "R", Title: "t", Owner: "o", Likelihood: 2, Impact: 2,
		Treatment: risk.Treatment{Option: risk.Modify, Plan: []risk.Action{
			{ID: "open", Title: "x", Owner: "a", Due: due, Status: risk.ActionPlanned},
			{ID: "done", Title: "x", Owner: "a", Due: due, Status: risk.ActionDone},
			{ID: "cancelled", Title: "x", Owner: "a", Due: due, Status: risk.ActionCancelled},
			{ID: "undated", Title: "x", Owner: "a", Status: risk.ActionInProgress},
		}}}}}
	tests := []struct {
		day  string
		want map[string]bool
	}{
		{"2026-03-31", map[string]bool{}},             // due today: not yet overdue
		{"2026-04-01", map[string]bool{"open": true}}, // a day late
		{"2030-01-01", map[string]bool{"open": true}}, // done and cancelled never are
		{"2000-01-01", map[string]bool{}},             // long before
	}
	for _, tt := range tests {
		c, err := Document{Register: reg, AsOf: ismskit.MustParseDate(tt.day)}.Content()
		require.NoError(t, err)
		got := map[string]bool{}
		for _, a := range c.Plan {
			if a.Overdue {
				got[a.ID] = true
			}
		}
		assert.Equal(t, tt.want, got, tt.day)
		assert.Equal(t, "undated", c.Plan[len(c.Plan)-1].ID, "undated last")
		assert.Equal(t, 2, c.Summary.Open, tt.day)
		assert.Equal(t, 1, c.Summary.NoDue, tt.day)
	}
}

func TestErrors(t *testing.T) {
	_, err := Document{}.Content()
	require.ErrorIs(t, err, ismskit.ErrMissing)
	paths := map[string]bool{}
	for _, p := range ismskit.Problems(err) {
		paths[p.Path] = true
	}
	assert.True(t, paths["asOf"], paths)
	assert.True(t, strings.HasPrefix(strings.Join(keys(paths), " "), "asOf") || paths["register.criteria.id"], paths)

	reg := sampleRegister(t)
	reg.Risks[3].Likelihood = 9
	_, err = Document{Register: reg, AsOf: asOf}.HTML()
	require.ErrorIs(t, err, ismskit.ErrOutOfRange)
	assert.Contains(t, err.Error(), "register.risks[3]")

	d := sampleDocument(t)
	d.Letterhead.Colour = "blue"
	_, err = d.HTML()
	require.ErrorIs(t, err, ismskit.ErrSyntax)
	_, err = d.Markdown()
	require.ErrorIs(t, err, ismskit.ErrSyntax)
	assert.Contains(t, err.Error(), "letterhead.colour")
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Every text of the register reaches the page escaped.
func TestHostileText(t *testing.T) {
	hostile := `<script>alert(1)</script> | *x* [l](http://e) & "q"`
	d := sampleDocument(t)
	d.Organisation = hostile
	d.Version = hostile
	r := &d.Register.Risks[0]
	r.Title, r.Owner = hostile, hostile
	r.Treatment.Plan[0].Title = hostile
	r.Treatment.Plan[0].Owner = hostile
	d.Register.Criteria.RiskLevels[0].Description = hostile
	page, err := d.HTML()
	require.NoError(t, err)
	assert.NotContains(t, string(page), "<script>")
	requireWellFormedSVG(t, page)
	md, err := d.Markdown()
	require.NoError(t, err)
	assert.NotContains(t, string(md), "<script>")
	assert.NotContains(t, string(md), "[l](")
	for _, line := range strings.Split(string(md), "\n") {
		if strings.Contains(line, "| R-01 |") {
			assert.Equal(t, 12+1, strings.Count(line, "|")-strings.Count(line, `\|`), "12 cells: %s", line)
		}
	}
}

func TestJSON(t *testing.T) {
	d := sampleDocument(t)
	d.Catalog = iso27002.Catalog2022()
	b, err := json.Marshal(d)
	require.NoError(t, err)
	var back Document
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d.AsOf, back.AsOf)
	assert.Nil(t, back.Catalog, "the catalog is not encoded")
	for _, v := range []any{Content{}, Risk{}, Action{}, Control{}, Summary{}, LevelCount{}, Rated{}} {
		_, err := json.Marshal(v)
		require.NoError(t, err)
	}
}

func TestZeroValues(t *testing.T) {
	assert.Equal(t, " (L0 I0)", Rated{}.String())
	assert.Equal(t, "#000000", Rated{}.TextColour())
	assert.Equal(t, "Not needed", Risk{}.AcceptanceText())
	assert.Equal(t, "Not approved", Risk{}.ApprovalText())
	assert.Equal(t, "none", Action{}.DueText())
	assert.Equal(t, "", Action{}.ActionText())
	assert.Equal(t, "", Action{}.ControlsText())
	assert.Equal(t, iso27002.ControlID{}.String(), Control{}.String())
	assert.Equal(t, "", Content{}.LimitText())
	assert.Nil(t, Content{}.AppetiteTexts())
	assert.Contains(t, string(Content{}.HeatMapSVG()), "</svg>")
	assert.Len(t, Content{}.KPIs(), 6)
	assert.Equal(t, "ISO/IEC 27001:2022 clauses 6.1.2 and 6.1.3", Content{}.Subtitle())
}

// requireWellFormedSVG checks that the inline SVG of a page is
// well-formed XML.
func requireWellFormedSVG(t *testing.T, page []byte) {
	t.Helper()
	s := string(page)
	i, j := strings.Index(s, "<svg"), strings.Index(s, "</svg>")
	require.True(t, i >= 0 && j > i, "an inline SVG")
	d := xml.NewDecoder(strings.NewReader(s[i : j+len("</svg>")]))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err)
	}
}

var sink int

// BenchmarkHTML renders the 30-risk sample report.
func BenchmarkHTML(b *testing.B) {
	d := sampleDocument(b)
	for b.Loop() {
		page, err := d.HTML()
		if err != nil {
			b.Fatal(err)
		}
		sink += len(page)
	}
}
