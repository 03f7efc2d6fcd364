package regulation

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

func day(s string) ismskit.Date { return ismskit.MustParseDate(s) }

// testSoA has entries for a few controls only: the others are missing.
func testSoA() soa.SoA {
	inc := func(c string, st soa.Status) soa.Entry {
		return soa.Entry{Control: ctl(c), Applicability: soa.Included, Status: st,
			Reasons: []soa.Reason{{Kind: soa.Legal, Reference: "GDPR"}}}
	}
	exc := func(c string) soa.Entry {
		return soa.Entry{Control: ctl(c), Applicability: soa.Excluded, Justification: "Not needed.", Status: soa.NotApplicable}
	}
	return soa.SoA{
		Header: soa.Header{Organization: "Acme *Corp* <script>alert(1)</script> | [x](y)", Version: "2026.1", Date: day("2026-06-01"), Edition: iso27002.Edition2022},
		Entries: []soa.Entry{
			inc("5.2", 0), exc("5.9"), inc("5.24", soa.Implemented), inc("5.26", soa.Planned), exc("5.33"),
			inc("5.34", soa.Implemented), inc("8.10", soa.Implemented), inc("8.24", soa.Implemented),
			{Control: ctl("8.11")},
		},
	}
}

func testAudit() *audit.Records {
	return &audit.Records{
		Findings: []audit.Finding{
			{ID: "F-1", Audit: "IA-1", Control: ctl("8.10"), Result: audit.Minor, Date: day("2026-05-10"), Auditor: "Ann", Statement: "Backups are not erased."},
			{ID: "F-2", Audit: "IA-1", Control: ctl("8.24"), Result: audit.Major, Date: day("2026-05-10"), Auditor: "Ann", Statement: "Weak ciphers."},
			{ID: "F-3", Audit: "IA-1", Control: ctl("5.34"), Result: audit.Observation, Date: day("2026-05-10"), Auditor: "Ann", Statement: "Note."},
			{ID: "F-4", Audit: "IA-2", Control: ctl("5.24"), Result: audit.Minor, Date: day("2026-07-01"), Auditor: "Ann", Statement: "Later."},
		},
		Actions: []audit.CorrectiveAction{{ID: "CA-1", Finding: "F-2", State: audit.Effective, History: []audit.Transition{
			{To: audit.Raised, Date: day("2026-05-11")}, {To: audit.Effective, Date: day("2026-05-30")}}}},
	}
}

func line(t *testing.T, c *Coverage, id string) RequirementCoverage {
	t.Helper()
	for _, rc := range c.Requirements {
		if rc.Requirement == MustParseID(id) {
			return rc
		}
	}
	t.Fatalf("no line for %s", id)
	return RequirementCoverage{}
}

func ids(ss ...string) []iso27002.ControlID {
	var out []iso27002.ControlID
	for _, s := range ss {
		out = append(out, ctl(s))
	}
	return out
}

func TestCoverageStatuses(t *testing.T) {
	c, err := CoverageOf(GDPR, testSoA(), CoverageOptions{})
	require.NoError(t, err)
	assert.Len(t, c.Requirements, 99)
	assert.Equal(t, "2026.1", c.SoAVersion)
	assert.Equal(t, day("2026-06-01"), c.SoADate)

	l := line(t, c, "GDPR Art. 17")
	assert.Equal(t, Covered, l.Status)
	assert.Equal(t, ids("8.10"), l.Implemented)

	l = line(t, c, "GDPR Art. 34")
	assert.Equal(t, Partial, l.Status)
	assert.Equal(t, ids("5.24", "8.24"), l.Implemented)
	assert.Equal(t, ids("5.26"), l.InProgress)

	l = line(t, c, "GDPR Art. 30")
	assert.Equal(t, Covered, l.Status, "the excluded controls are justified in the SoA")
	assert.Equal(t, ids("5.34"), l.Implemented)
	assert.Equal(t, ids("5.9", "5.33"), l.Excluded)

	l = line(t, c, "GDPR Art. 37")
	assert.Equal(t, Partial, l.Status, "5.2 is included without a status: in progress")
	assert.Equal(t, ids("5.2"), l.InProgress)
	assert.Equal(t, ids("5.5"), l.Missing)

	l = line(t, c, "GDPR Art. 25")
	assert.Equal(t, Partial, l.Status)
	assert.Contains(t, l.Missing, ctl("8.11"), "an undecided entry is missing")

	l = line(t, c, "GDPR Art. 28")
	assert.Equal(t, Partial, l.Status)
	l = line(t, c, "GDPR Art. 1")
	assert.Equal(t, Unmapped, l.Status)

	// A requirement whose controls are all missing or excluded.
	c, err = CoverageOf(GDPR, soa.SoA{}, CoverageOptions{})
	require.NoError(t, err)
	assert.Equal(t, NotCovered, line(t, c, "GDPR Art. 32").Status)
	assert.Equal(t, CoverageSummary{NotCovered: 13, Unmapped: 86}, c.Summary)
}

func TestCoverageWithAudit(t *testing.T) {
	c, err := CoverageOf(GDPR, testSoA(), CoverageOptions{Audit: testAudit(), AsOf: day("2026-06-15")})
	require.NoError(t, err)
	assert.Equal(t, day("2026-06-15"), c.AsOf)
	l := line(t, c, "GDPR Art. 17")
	assert.Equal(t, Partial, l.Status, "an open minor nonconformity against 8.10")
	assert.Equal(t, ids("8.10"), l.InProgress)
	assert.Equal(t, []string{"F-1"}, l.Nonconformities)
	l = line(t, c, "GDPR Art. 34")
	assert.Equal(t, ids("5.24", "8.24"), l.Implemented, "F-2 is corrected effectively; F-4 is after asOf; F-3 is an observation")
	assert.Empty(t, l.Nonconformities)

	_, err = CoverageOf(GDPR, testSoA(), CoverageOptions{Audit: testAudit()})
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	assert.Equal(t, "asOf", ismskit.Problems(err)[0].Path)
}

func TestCoverageTailoring(t *testing.T) {
	tl := &Tailoring{
		Regulations: []Regulation{GDPR},
		Exclusions:  []Exclusion{{Requirement: MustParseID("GDPR Art. 37"), Reason: "No DPO is required."}},
		Changes: []Change{
			{Requirement: MustParseID("GDPR Art. 34"), Action: Drop, Control: ctl("5.26"), Reason: "Communication is run by 5.24's plan."},
			{Requirement: MustParseID("GDPR Art. 17"), Action: Add, Control: ctl("5.33"), Reason: "Records hold personal data too."},
		},
	}
	c, err := CoverageOf(GDPR, testSoA(), CoverageOptions{Tailoring: tl})
	require.NoError(t, err)
	l := line(t, c, "GDPR Art. 37")
	assert.Equal(t, NotApplicable, l.Status)
	assert.Equal(t, "No DPO is required.", l.Note)
	assert.Equal(t, Covered, line(t, c, "GDPR Art. 34").Status, "5.26 dropped")
	l = line(t, c, "GDPR Art. 17")
	assert.Equal(t, ids("5.33"), l.Excluded, "the added control counts")
	assert.Equal(t, 1, c.Summary.NotApplicable)

	c, err = CoverageOf(NIS2, testSoA(), CoverageOptions{Tailoring: tl})
	require.NoError(t, err)
	assert.Equal(t, 21, c.Summary.NotApplicable, "NIS2 does not apply under this tailoring")

	_, err = CoverageOf(GDPR, testSoA(), CoverageOptions{Tailoring: &Tailoring{Regulations: []Regulation{9}}})
	require.Error(t, err)
	assert.Equal(t, "tailoring.regulations[0]", ismskit.Problems(err)[0].Path)
	_, err = CoverageOf(0, testSoA(), CoverageOptions{})
	assert.Equal(t, "regulation", ismskit.Problems(err)[0].Path)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

func TestCoverage2013(t *testing.T) {
	s := soa.SoA{Header: soa.Header{Organization: "Old", Version: "1", Date: day("2026-01-01"), Edition: iso27002.Edition2013},
		Entries: []soa.Entry{
			{Control: ctl("A.10.1.1"), Applicability: soa.Included, Status: soa.Implemented},
			{Control: ctl("A.10.1.2"), Applicability: soa.Included, Status: soa.Implemented},
			{Control: ctl("A.16.1.1"), Applicability: soa.Included, Status: soa.Implemented},
			{Control: ctl("A.16.1.5"), Applicability: soa.Included, Status: soa.Implemented},
		}}
	c, err := CoverageOf(GDPR, s, CoverageOptions{})
	require.NoError(t, err)
	l := line(t, c, "GDPR Art. 34")
	assert.Equal(t, Covered, l.Status)
	assert.Equal(t, ids("A.10.1.1", "A.10.1.2", "A.16.1.1", "A.16.1.5"), l.Implemented)
}

func testCoverage(t *testing.T) *Coverage {
	t.Helper()
	tl := &Tailoring{Regulations: []Regulation{GDPR},
		Exclusions: []Exclusion{{Requirement: MustParseID("GDPR Art. 37"), Reason: "No DPO *required* | see <memo>."}}}
	c, err := CoverageOf(GDPR, testSoA(), CoverageOptions{Tailoring: tl, Audit: testAudit(), AsOf: day("2026-06-15")})
	require.NoError(t, err)
	return c
}

func TestCoverageGolden(t *testing.T) {
	c := testCoverage(t)
	md := c.Markdown()
	goldenfile.Check(t, "testdata/coverage.golden.md", md)
	js, err := EncodeCoverage(c)
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/coverage.golden.json", js)
	var buf bytes.Buffer
	require.NoError(t, WriteCoverage(&buf, c))
	assert.Equal(t, js, buf.Bytes())

	var back Coverage
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Equal(t, *c, back)
	assert.Equal(t, md, c.Markdown(), "the same coverage gives the same bytes")
}

func TestMarkdownEscapes(t *testing.T) {
	md := string(testCoverage(t).Markdown())
	assert.NotContains(t, md, "<script>")
	assert.Contains(t, md, `Acme \*Corp\* \<script\>alert(1)\</script\> \| \[x\](y)`)
	assert.Contains(t, md, `No DPO \*required\* \| see \<memo\>.`)
	for _, l := range strings.Split(strings.TrimSpace(md), "\n") {
		if strings.HasPrefix(l, "|") {
			assert.True(t, strings.HasSuffix(l, "|"), "every table row stays one line: %q", l)
		}
	}
	assert.Contains(t, string((*Coverage)(nil).Markdown()), "# ")
	assert.Equal(t, `a\\b\_c`, mdEscape(`a\b_c`))
	assert.Equal(t, "164.308(a)(1)", mdEscape("164.308(a)(1)"), "IDs stay readable")
}
