package audit

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewChecklist(t *testing.T) {
	p := testProgramme(t)
	a := p.Audits[1] // 6.1.3, 6.2, 6.3, 7, 8.1; 6.3, 7.1, 8.8, 8.13
	c, err := NewChecklist(a, testBasis())
	require.NoError(t, err)
	assert.Equal(t, "IA-2", c.Audit)
	std := iso27001.Latest()
	want := 0
	for it := range std.Items() {
		if it.Note {
			continue
		}
		for _, sc := range a.Scope.Clauses {
			if sc.Contains(it.ID.Clause()) {
				want++
			}
		}
	}
	assert.Equal(t, want+4, len(c.Lines))
	for _, ln := range c.Lines {
		assert.NotEmpty(t, ln.Check, ln.Subject())
		assert.NotEmpty(t, ln.LookFor, ln.Subject())
		assert.Zero(t, ln.Result, "open")
		assert.NotContains(t, ln.Check, "shall")
		for _, h := range ln.LookFor {
			assert.NotContains(t, strings.ToLower(h), "shall")
		}
	}
	last := c.Lines[len(c.Lines)-1]
	assert.Equal(t, iso27002.MustParse("8.13"), last.Control)
	assert.True(t, last.HighRisk)
	assert.Contains(t, last.Check, "Information backup")
	assert.Contains(t, last.LookFor, capabilityHints[iso27002.Continuity])
	first := c.Lines[0]
	assert.Equal(t, "6.1.3.p1", first.Subject())
	sod := c.Line("6.1.3.d")
	require.NotNil(t, sod)
	assert.Equal(t, docHints[iso27001.Maintained], sod.LookFor[0], "the SoA is a maintained document")
	assert.Nil(t, c.Line("4.1.p1"))
	assert.Equal(t, "IA-2: "+itoa(len(c.Lines))+" lines, "+itoa(len(c.Lines))+" open", c.String())
	b, err := json.MarshalIndent(c, "", "  ")
	require.NoError(t, err)
	golden(t, "checklist-IA-2.json", append(b, '\n'))
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestChecklistFindings(t *testing.T) {
	p := testProgramme(t)
	c, err := NewChecklist(p.Audits[1], testBasis())
	require.NoError(t, err)
	ln := c.Line("8.8")
	ln.Result, ln.Statement, ln.Auditor, ln.Evidence = Major, "Patches late", "Ben", []string{"E-2"}
	ln = c.Line("6.1.3.d")
	ln.Result, ln.Auditor = Conforming, "Ben"
	fs := c.Findings("IA-2/", d("2027-02-03"))
	require.Len(t, fs, 2)
	assert.Equal(t, Finding{ID: "IA-2/1", Audit: "IA-2", Item: iso27001.MustParseItemID("6.1.3.d"), Result: Conforming, Date: d("2027-02-03"), Auditor: "Ben"}, fs[0])
	assert.Equal(t, Finding{ID: "IA-2/2", Audit: "IA-2", Control: iso27002.MustParse("8.8"), Result: Major, Date: d("2027-02-03"), Auditor: "Ben",
		Statement: "Patches late", Evidence: []string{"E-2"}}, fs[1])
	r := &Records{Programme: p, Findings: fs, Evidence: []Evidence{{ID: "E-2", What: "x", When: d("2027-02-03")}}}
	assert.NoError(t, r.Validate(testBasis()), "checklist findings validate")
	fs[1].Evidence[0] = "X"
	assert.Equal(t, "E-2", c.Line("8.8").Evidence[0], "findings do not alias the checklist")
	assert.Len(t, c.Open(), len(c.Lines)-2)
}

func TestNewChecklistErrors(t *testing.T) {
	a := Audit{ID: "X", Scope: Scope{Clauses: []iso27001.ClauseID{iso27001.MustParseClauseID("6.4")}, Controls: ids("5.2", "5.1", "A.5.1.1")}}
	c, err := NewChecklist(a, testBasis())
	assert.Nil(t, c)
	assert.ErrorIs(t, err, iso27001.ErrUnknownItem)
	assert.ErrorIs(t, err, ErrNotInSoA)
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
	assert.Equal(t, []string{"scope.clauses[0]", "scope.controls[0]", "scope.controls[2]"}, errPaths(err))
	_, err = NewChecklist(Audit{}, Basis{Applicable: ids("A.5.1.1")})
	assert.Equal(t, []string{"basis.applicable[0]"}, errPaths(err))
}

func TestChecklistCustomAnd2013Controls(t *testing.T) {
	cat, err := iso27002.Catalog2022().Extend("ACME", []iso27002.Control{{ID: iso27002.MustParse("acme:ORG-1"), Title: "Security champions"}})
	require.NoError(t, err)
	c, err := NewChecklist(Audit{ID: "A", Scope: Scope{Controls: ids("acme:ORG-1")}}, Basis{Catalog: cat, Applicable: ids("acme:ORG-1", "5.1")})
	require.NoError(t, err)
	require.Len(t, c.Lines, 1)
	assert.Equal(t, "Security champions", c.Lines[0].Check)
	assert.Len(t, c.Lines[0].LookFor, 2, "generic hints for a control without attributes")

	c, err = NewChecklist(Audit{ID: "B", Scope: Scope{Controls: ids("A.12.6.1"), Clauses: []iso27001.ClauseID{iso27001.MustParseClauseID("9.2")}}},
		Basis{Standard: iso27001.MustNew(iso27001.Edition2013), Catalog: iso27002.Catalog2013(), Applicable: ids("A.12.6.1")})
	require.NoError(t, err)
	assert.Equal(t, "9.2.p1", c.Lines[0].Subject())
	assert.Equal(t, "A.12.6.1", c.Lines[len(c.Lines)-1].Subject())
}
