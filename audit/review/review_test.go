package review

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

func TestPrepare(t *testing.T) {
	in := testInputs(t)
	p, err := Prepare(in, asOf)
	require.NoError(t, err)
	var items []string
	for _, x := range p.Inputs {
		items = append(items, x.Item.String())
		assert.NotEmpty(t, x.Summary, x.Item.String())
		assert.NotEmpty(t, x.Title, x.Item.String())
	}
	assert.Equal(t, []string{"9.3.2.a", "9.3.2.b", "9.3.2.c", "9.3.2.d.1", "9.3.2.d.2", "9.3.2.d.3", "9.3.2.d.4", "9.3.2.e", "9.3.2.f", "9.3.2.g"}, items)
	assert.Equal(t, "MR-2026", p.PreviousReview)
	assert.Equal(t, d("2026-03-19"), p.Since)

	a := p.Input("9.3.2.a")
	require.Len(t, a.Actions, 2)
	assert.Equal(t, "IMP-1", a.Actions[0].Improvement)
	assert.Equal(t, InProgress, a.Actions[0].Status)
	assert.True(t, a.Actions[0].Overdue)
	assert.Equal(t, Status(0), a.Actions[1].Status)

	b := p.Input("9.3.2.b")
	require.Len(t, b.Issues, 3)
	assert.Equal(t, []Change{Unchanged, Changed, Added}, []Change{b.Issues[0].Change, b.Issues[1].Change, b.Issues[2].Change})
	assert.Contains(t, b.Summary, "1 added (ISS-3), 1 changed (ISS-2)")

	c := p.Input("9.3.2.c")
	assert.Equal(t, Changed, c.Requirements[0].Change)

	n := p.Input("9.3.2.d.1").Nonconformities
	require.NotNil(t, n)
	assert.Equal(t, 0, n.Major, "F-3 is dated after the review")
	assert.Equal(t, 1, n.Minor)
	assert.Equal(t, 0, n.InPeriod, "F-3 is dated 2027")
	assert.Equal(t, 1, n.Before, "F-2 of 2026-02-02 falls in the period as long before")
	assert.Equal(t, monitor.Improving, n.Trend)

	m := p.Input("9.3.2.d.2")
	assert.Len(t, m.Metrics, 8)
	assert.Len(t, m.Checks, 8)
	d3 := p.Input("9.3.2.d.3")
	require.Len(t, d3.Audits, 1, "only IA-1 has ended by the review")
	assert.False(t, d3.Audits[0].InPeriod)

	obj := p.Input("9.3.2.d.4")
	require.Len(t, obj.Objectives, 2)

	e := p.Input("9.3.2.e")
	require.Len(t, e.Feedback, 2)
	assert.Equal(t, "Staff survey", e.Feedback[0].From, "by date")
	assert.Contains(t, e.Summary, "2 items of feedback, 1 since 2026-03-19")

	f := p.Input("9.3.2.f").Risks
	require.NotNil(t, f)
	assert.Equal(t, 30, f.Total)
	sum := 0
	for _, l := range f.Levels {
		sum += l.Count
	}
	assert.Equal(t, 30, sum)
	assert.Equal(t, "critical", f.Levels[0].Level)

	g := p.Input("9.3.2.g")
	assert.NotEmpty(t, g.Opportunities)
	for _, it := range g.Opportunities {
		assert.True(t, it.Status.IsOpen())
	}
	assert.NotEmpty(t, p.Proposals)
	assert.Equal(t, "P-1", p.Proposals[0].ID)
	assert.Nil(t, p.Input("9.9.9"))
}

// TestGolden renders the pack of the sample inputs, concluded with two
// decisions, as Markdown, HTML and JSON.
func TestGolden(t *testing.T) {
	p := concluded(t)
	goldenfile.Check(t, "testdata/pack.md", p.Markdown())
	h, err := p.HTML()
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/pack.html", h)
	j, err := EncodePack(p)
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/pack.json", j)
	back, err := DecodePack(j)
	require.NoError(t, err)
	assert.Equal(t, p, back)
	assert.NotContains(t, string(h), "<b>too long</b>", "user text is escaped")
	assert.Contains(t, string(h), "&lt;b&gt;too long&lt;/b&gt;")
	assert.Contains(t, string(p.Markdown()), `\<b\>too long\</b\> \| split it.`)
}

func concluded(t testing.TB) *Pack {
	p, err := Prepare(testInputs(t), asOf)
	require.NoError(t, err)
	p, err = p.Conclude(Meeting{ID: "MR-2026-11", Date: d("2026-12-02"), Chair: "CEO", Attendees: []string{"CEO", "CTO", "CISO"},
		DocumentID: "MR-2026-11-MIN",
		Decisions: []Decision{
			{ID: "D-1", Kind: KindImprovement, Decision: "Enforce MFA for every console user by policy", Owner: "CTO", Due: d("2027-01-31"),
				Inputs: []iso27001.ItemID{iso27001.MustParseItemID("9.3.2.d.2")}, Improvement: p.Input("9.3.2.g").Opportunities[2].ID},
			{ID: "D-2", Kind: KindChange, Decision: "Add quarterly restore tests to the ISMS calendar", Owner: "Head of Engineering", Due: d("2027-03-31"),
				Inputs: []iso27001.ItemID{iso27001.MustParseItemID("9.3.2.e")}},
		}})
	require.NoError(t, err)
	return p
}

func TestRecord(t *testing.T) {
	in := testInputs(t)
	p := concluded(t)
	before, err := iso27001.Analyze(in.Records, d("2026-12-02"))
	require.NoError(t, err)
	recs, err := p.Record(in.Records)
	require.NoError(t, err)
	assert.Len(t, in.Records.ManagementReviews, 1, "the input is not modified")
	require.Len(t, recs.ManagementReviews, 2)
	mr := recs.ManagementReviews[1]
	assert.Equal(t, "MR-2026-11", mr.ID)
	assert.Equal(t, []string{"CEO", "CTO", "CISO"}, mr.Attendees)
	assert.Len(t, mr.Inputs, 10)
	assert.Equal(t, p.Inputs[3].Summary, mr.Inputs[3].Summary)
	require.Len(t, mr.Outputs, 2)
	assert.Equal(t, iso27001.ISMSChange, mr.Outputs[1].Kind)
	doc := recs.Documents[len(recs.Documents)-1]
	assert.Equal(t, "MR-2026-11-MIN", doc.ID)
	assert.Equal(t, []iso27001.ItemID{iso27001.MustParseItemID("9.3.3.p2")}, doc.Evidences)

	after, err := iso27001.Analyze(recs, d("2026-12-02"))
	require.NoError(t, err)
	for _, c := range after.Clauses {
		if c.Clause.String() == "9.3" {
			assert.Equal(t, c.Total, c.Evidenced, "9.3 is evidenced")
			for _, it := range c.Items {
				assert.Equal(t, iso27001.Evidenced, it.Status, it.Item.String())
			}
		}
	}
	assert.GreaterOrEqual(t, after.Evidenced, before.Evidenced)

	_, err = p.Record(recs)
	assert.ErrorIs(t, err, ismskit.ErrDuplicateID)
	_, err = (&Pack{}).Record(in.Records)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	var nilPack *Pack
	_, err = nilPack.Record(in.Records)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
}

func TestConcludeProblems(t *testing.T) {
	p, err := Prepare(testInputs(t), asOf)
	require.NoError(t, err)
	_, err = p.Conclude(Meeting{Date: d("2026-11-01"), Decisions: []Decision{
		{},
		{ID: "D-2", Kind: KindChange, Decision: "x", Owner: "o", Due: d("2026-10-01"), Improvement: "IMP-99",
			Inputs: []iso27001.ItemID{iso27001.MustParseItemID("9.2.2.a")}},
		{ID: "D-2", Kind: KindChange, Decision: "y", Owner: "o", Due: d("2027-01-01")},
	}})
	require.Error(t, err)
	assert.Equal(t, []string{"id", "date", "decisions[0].id", "decisions[0].kind", "decisions[0].decision", "decisions[0].owner", "decisions[0].due",
		"decisions[1].due", "decisions[1].improvement", "decisions[1].inputs[0]", "decisions[2].id"}, fielderr.Paths(err))
	for _, k := range []error{ismskit.ErrMissing, ismskit.ErrDateOrder, ismskit.ErrUnknownReference, ismskit.ErrDuplicateID} {
		assert.ErrorIs(t, err, k)
	}
	c := concluded(t)
	_, err = c.Conclude(Meeting{ID: "again", Date: asOf})
	assert.ErrorIs(t, err, ismskit.ErrInconsistent)
}

func TestPrepareProblems(t *testing.T) {
	in := testInputs(t)
	in.Records.Edition = 0
	bad := *in.Improvements
	bad.Items = append(bad.Items, Improvement{ID: "IMP-1"})
	in.Improvements = &bad
	in.Feedback = append(in.Feedback, Feedback{})
	_, err := Prepare(in, ismskit.Date{})
	require.Error(t, err)
	paths := fielderr.Paths(err)
	assert.Contains(t, paths, "asOf")
	assert.Contains(t, paths, "records.edition")
	assert.Contains(t, paths, "improvements.items[10].id")
	assert.Contains(t, paths, "feedback[2].date")

	// Only the records: every section says what is missing.
	recs := testInputs(t).Records
	p, err := Prepare(Inputs{Records: recs}, asOf)
	require.NoError(t, err)
	assert.Equal(t, "No audit records were given.", p.Input("9.3.2.d.1").Summary)
	assert.Equal(t, "No risk register was given.", p.Input("9.3.2.f").Summary)
	assert.Equal(t, "No improvement register was given.", p.Input("9.3.2.g").Summary)
	assert.Contains(t, p.Input("9.3.2.b").Summary, "no earlier records were given")
	assert.Equal(t, "No feedback from interested parties was recorded.", p.Input("9.3.2.e").Summary)
	assert.Contains(t, p.Input("9.3.2.d.2").Summary, "No measurement records were given.")

	// The 2013 edition has its own inputs.
	old := iso27001.Records{Edition: iso27001.Edition2013, Organization: "Old Co"}
	p, err = Prepare(Inputs{Records: old}, asOf)
	require.NoError(t, err)
	var items []string
	for _, x := range p.Inputs {
		items = append(items, x.Item.String())
	}
	assert.Equal(t, []string{"9.3.a", "9.3.b", "9.3.c.1", "9.3.c.2", "9.3.c.3", "9.3.c.4", "9.3.d", "9.3.e", "9.3.f"}, items)
	assert.Equal(t, "No earlier management review is recorded.", p.Input("9.3.a").Summary)
	assert.Equal(t, d("2025-11-29"), p.Since)
	p, err = p.Conclude(Meeting{ID: "MR-1", Date: asOf, DocumentID: "MIN-1"})
	require.NoError(t, err)
	recs2, err := p.Record(old)
	require.NoError(t, err)
	assert.Equal(t, "9.3.p3", recs2.Documents[0].Evidences[0].String())
}

func TestFeed(t *testing.T) {
	in := testInputs(t)
	reg := *in.Improvements
	require.NoError(t, reg.Validate())
	bySource := map[Source][]Improvement{}
	for _, it := range reg.Items {
		bySource[it.Source] = append(bySource[it.Source], it)
	}
	assert.Len(t, bySource[FromAudit], 0, "the sample audit has an observation, no opportunity")
	assert.Len(t, bySource[FromMetric], 7, "seven metrics missed their target")
	assert.Len(t, bySource[FromCheck], 1, "all eight checks have failures; seven are covered by their missed metric")
	assert.Equal(t, "trivy-fixable", bySource[FromCheck][0].Reference, "its metric is in warning, not missed")
	m := bySource[FromMetric][0]
	assert.Equal(t, "IMP-3", m.ID, "numbered after the highest")
	assert.Equal(t, Open, m.Status)
	assert.Equal(t, "Information security manager", m.Owner)
	assert.Equal(t, asOf, m.Raised)
	assert.Equal(t, asOf.AddDate(0, 0, DefaultDueDays), m.Due)
	assert.Equal(t, "mfa-coverage", m.Reference)

	// Feeding again adds nothing while the items are open.
	again := reg.Feed(FeedInput{Metrics: mustEvals(t, in), Checks: in.Checks}, asOf)
	assert.Equal(t, reg.Items, again.Items)
	// A closed item is raised again when the problem is back.
	reg.Items[2].Status, reg.Items[2].Closed = Done, asOf
	again = reg.Feed(FeedInput{Metrics: mustEvals(t, in)}, asOf)
	assert.Len(t, again.Items, len(reg.Items)+1)

	// An audit opportunity.
	aud := audit.Records{Findings: []audit.Finding{{ID: "F-9", Audit: "IA-4", Control: iso27002.MustParse("8.16"), Result: audit.Opportunity, Date: d("2026-11-03"), Statement: "Page the on-call engineer"}}}
	got := Register{}.Feed(FeedInput{Audit: &aud, DueDays: 30}, asOf)
	require.Len(t, got.Items, 1)
	assert.Equal(t, Improvement{ID: "IMP-1", Title: "Audit IA-4 on 8.16: Page the on-call engineer", Source: FromAudit, Reference: "F-9",
		Status: Open, Raised: d("2026-11-03"), Due: d("2026-12-03"), Controls: got.Items[0].Controls}, got.Items[0])

	// Review decisions: a new item per decision, or the item taken up.
	p := concluded(t)
	taken := p.Meeting.Decisions[0].Improvement
	after := in.Improvements.Feed(FeedInput{Review: p}, asOf)
	assert.Len(t, after.Items, len(in.Improvements.Items)+1)
	last := after.Items[len(after.Items)-1]
	assert.Equal(t, "MR-2026-11/D-2", last.Reference)
	assert.Equal(t, "Head of Engineering", last.Owner)
	assert.Equal(t, d("2026-12-02"), last.Raised)
	for _, it := range after.Items {
		if it.ID == taken {
			assert.Equal(t, InProgress, it.Status)
			assert.Equal(t, "CTO", it.Owner)
			assert.Equal(t, d("2027-01-31"), it.Due)
		}
	}
}

func mustEvals(t *testing.T, in Inputs) []monitor.Evaluation {
	evs, err := in.Monitoring.Evaluate(asOf)
	require.NoError(t, err)
	return evs
}

func TestRegisterValidate(t *testing.T) {
	r := Register{Items: []Improvement{
		{},
		{ID: "A", Title: "t", Source: FromOther, Status: Done, Raised: d("2026-02-01")},
		{ID: "A", Title: "t", Source: FromOther, Status: Open, Raised: d("2026-02-01"), Due: d("2026-01-01"), Closed: d("2026-03-01"), Controls: []iso27002.ControlID{{}}},
		{ID: "C", Title: "t", Source: FromOther, Status: Cancelled, Raised: d("2026-02-01"), Closed: d("2026-01-01")},
	}}
	err := r.Validate()
	assert.Equal(t, []string{"items[0].id", "items[0].title", "items[0].source", "items[0].status", "items[0].raised",
		"items[1].closed", "items[2].id", "items[2].due", "items[2].closed", "items[2].controls[0]", "items[3].closed"}, fielderr.Paths(err))
	assert.True(t, Improvement{Status: Open, Due: d("2026-01-01")}.IsOverdue(asOf))
	assert.False(t, Improvement{Status: Done, Due: d("2026-01-01")}.IsOverdue(asOf))
	enc, err := EncodeRegister(*testInputs(t).Improvements)
	require.NoError(t, err)
	back, err := DecodeRegister(enc)
	require.NoError(t, err)
	assert.Equal(t, *testInputs(t).Improvements, back)
	_, err = DecodeRegister([]byte(`{"items": [{"id": "x", "status": "closed"}]}`))
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}
