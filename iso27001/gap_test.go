package iso27001

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var asOf = ismskit.NewDate(2026, time.June, 30)

func statusOf(rep *GapReport, id string) ItemGap {
	want := MustParseItemID(id)
	for _, c := range rep.Clauses {
		for _, g := range c.Items {
			if g.Item == want {
				return g
			}
		}
	}
	return ItemGap{}
}

func clauseGap(rep *GapReport, id string) ClauseGap {
	for _, c := range rep.Clauses {
		if c.Clause.String() == id {
			return c
		}
	}
	return ClauseGap{}
}

// complete returns records with one current document for every item of s
// that asks for documented information, and one evidencing all the rest.
func complete(s *Standard, approved, reviewDue ismskit.Date) Records {
	r := &Records{Edition: s.Edition(), Amendments: s.Amendments()}
	var rest []ItemID
	for it := range s.Items() {
		if it.Note {
			continue
		}
		if it.Documented != NotDocumented {
			r.Documents = append(r.Documents, Document{ID: "DOC-" + it.ID.String(), Title: "Evidence of " + it.ID.String(),
				Kind: it.Documented, Approved: approved, ReviewDue: reviewDue, Evidences: []ItemID{it.ID}})
			continue
		}
		rest = append(rest, it.ID)
	}
	r.Documents = append(r.Documents, Document{ID: "ALL", Title: "ISMS manual", Approved: ismskit.MustParseDate("2026-01-01"),
		ReviewDue: ismskit.MustParseDate("2027-01-01"), Evidences: rest})
	return *r
}

func TestAnalyzeEmptyOrganisation(t *testing.T) {
	for _, s := range []*Standard{Latest(), MustNew(Edition2022), MustNew(Edition2013)} {
		rep, err := Analyze(Records{Edition: s.Edition(), Amendments: s.Amendments()}, asOf)
		require.NoError(t, err)
		assert.Equal(t, s.Name(), rep.Standard)
		assert.Equal(t, "2026-06-30", rep.AsOf.String())
		assert.Equal(t, 0, rep.Evidenced)
		assert.Equal(t, 0.0, rep.Readiness)
		assert.Len(t, rep.Clauses, s.Len())
		assert.Len(t, rep.MissingDocuments, len(slices.Collect(s.DocumentedInformation())))
		for _, m := range rep.MissingDocuments {
			assert.Equal(t, Missing, m.Status)
			assert.Empty(t, m.Documents)
		}
		assert.Empty(t, rep.OverdueReviews)
		n := 0
		for it := range s.Items() {
			if !it.Note {
				n++
			}
		}
		assert.Equal(t, n, rep.Total)
		for _, c := range rep.Clauses {
			assert.NotNil(t, c.Items)
			for _, g := range c.Items {
				assert.Equal(t, Missing, g.Status)
			}
		}
	}
}

func TestAnalyzeEverythingPresent(t *testing.T) {
	for _, s := range []*Standard{Latest(), MustNew(Edition2013)} {
		r := complete(s, ismskit.MustParseDate("2026-01-01"), ismskit.MustParseDate("2027-01-01"))
		rep, err := Analyze(r, asOf)
		require.NoError(t, err)
		assert.Equal(t, rep.Total, rep.Evidenced)
		assert.Equal(t, 100.0, rep.Readiness)
		assert.Empty(t, rep.MissingDocuments)
		for _, c := range rep.Clauses {
			assert.Equal(t, 100.0, c.Readiness, c.Clause.String())
		}
		assert.Equal(t, []string{"document:DOC-5.2.e"}, statusOf(rep, "5.2.e").Evidence)

		// 7.5.1 a holds when every required document is current, even
		// without a document of its own.
		all := &r.Documents[len(r.Documents)-1]
		all.Evidences = slices.DeleteFunc(all.Evidences, func(id ItemID) bool { return id.String() == "7.5.1.a" })
		rep, err = Analyze(r, asOf)
		require.NoError(t, err)
		assert.Equal(t, ItemGap{Item: MustParseItemID("7.5.1.a"), Status: Evidenced, Evidence: []string{"documents:all-required"}}, statusOf(rep, "7.5.1.a"))
		r.Documents = r.Documents[1:] // drop the scope document
		rep, err = Analyze(r, asOf)
		require.NoError(t, err)
		assert.Equal(t, Missing, statusOf(rep, "7.5.1.a").Status)
	}
}

func TestAnalyzeExpiredAndDraftDocuments(t *testing.T) {
	s := Latest()
	r := complete(s, ismskit.MustParseDate("2024-01-01"), ismskit.MustParseDate("2026-06-29"))
	rep, err := Analyze(r, asOf)
	require.NoError(t, err)
	docs := slices.Collect(s.DocumentedInformation())
	require.Len(t, rep.MissingDocuments, len(docs))
	for i, m := range rep.MissingDocuments {
		assert.Equal(t, docs[i].ID, m.Item)
		assert.Equal(t, docs[i].Documented, m.Kind)
		assert.Equal(t, Expired, m.Status)
		assert.Equal(t, []string{"DOC-" + m.Item.String()}, m.Documents)
	}
	assert.Len(t, rep.OverdueReviews, len(docs))
	assert.Equal(t, Expired, statusOf(rep, "6.1.3.d").Status)
	assert.Equal(t, Evidenced, statusOf(rep, "6.1.3.e").Status)
	assert.Less(t, clauseGap(rep, "6.1.3").Readiness, 100.0)
	assert.Equal(t, 100.0, clauseGap(rep, "5.1").Readiness)

	// A review due today is still current.
	r = complete(s, ismskit.MustParseDate("2024-01-01"), ismskit.MustParseDate("2026-06-30"))
	rep, err = Analyze(r, asOf)
	require.NoError(t, err)
	assert.Empty(t, rep.MissingDocuments)

	// A caller with a time in its own zone takes its calendar day there:
	// 2026-06-30 23:30 in UTC-2 is 2026-07-01 in UTC, but still the 30th
	// where the caller is.
	late := ismskit.DateOf(time.Date(2026, 6, 30, 23, 30, 0, 0, time.FixedZone("UTC-2", -2*3600)))
	rep, err = Analyze(r, late)
	require.NoError(t, err)
	assert.Equal(t, "2026-06-30", rep.AsOf.String())
	assert.Empty(t, rep.MissingDocuments)

	// Drafts (no approval date) do not count.
	r = complete(s, ismskit.Date{}, ismskit.Date{})
	rep, err = Analyze(r, asOf)
	require.NoError(t, err)
	for _, m := range rep.MissingDocuments {
		assert.Equal(t, Unapproved, m.Status)
	}
	assert.Len(t, rep.MissingDocuments, len(docs))
	assert.Empty(t, rep.OverdueReviews)

	// A current document beats an expired one for the same item.
	r.Documents = append(r.Documents, Document{ID: "POL-NEW", Title: "Policy", Approved: ismskit.MustParseDate("2026-05-01"), Evidences: []ItemID{MustParseItemID("5.2.e")}})
	rep, err = Analyze(r, asOf)
	require.NoError(t, err)
	assert.Equal(t, ItemGap{Item: MustParseItemID("5.2.e"), Status: Evidenced, Documented: Maintained, Evidence: []string{"document:POL-NEW"}}, statusOf(rep, "5.2.e"))
}

func TestAnalyzeRecordEvidence(t *testing.T) {
	no, yes := false, true
	r := &Records{Edition: Edition2022, Amendments: []Amendment{Amd1of2024},
		Scope:             Scope{Statement: "Everything", Boundaries: []string{"HQ"}},
		Issues:            []Issue{{ID: "I1", Origin: External, Description: "Regulation"}},
		InterestedParties: []InterestedParty{{ID: "P1", Name: "Customers", Requirements: []PartyRequirement{{Description: "SLA", Addressed: &yes}, {Description: "Audit rights"}}}},
		Roles:             []Role{{Name: "ISM", Conformance: true}},
		Objectives: []Objective{
			{ID: "O1", Description: "d", Metric: "m", Target: "t", Monitoring: "monthly", Plan: "p", Resources: "r", Owner: "o", Due: ismskit.MustParseDate("2026-12-31"), Evaluation: "e"},
			{ID: "O2", Description: "d", Metric: "m", Target: "t", Monitoring: "monthly", Plan: "p", Resources: "r", Due: ismskit.MustParseDate("2026-12-31"), Evaluation: "e"},
		},
	}
	rep, err := Analyze(*r, asOf)
	require.NoError(t, err)
	for id, want := range map[string]ItemStatus{
		"4.1.p1": Evidenced, "4.1.p2": Missing, "4.2.a": Evidenced, "4.2.b": Evidenced, "4.2.c": Missing,
		"4.3.p1": Evidenced, "4.3.a": Evidenced, "4.3.b": Evidenced, "4.3.c": Missing, "4.3.p2": Missing,
		"5.3.p1": Evidenced, "5.3.a": Evidenced, "5.3.b": Missing,
		"6.2.p1": Evidenced, "6.2.b": Evidenced, "6.2.d": Evidenced, "6.2.j": Missing, "6.2.k": Evidenced,
		"6.2.g": Missing, // asks for documented information: records do not substitute
	} {
		assert.Equal(t, want, statusOf(rep, id).Status, id)
	}
	assert.Equal(t, []string{"records:issues", "records:scope"}, statusOf(rep, "4.3.a").Evidence)

	r.InterestedParties[0].Requirements[1].Addressed = &no
	r.Climate = &ClimateDetermination{Relevant: false, Rationale: "Office-only business"}
	r.Objectives[1].Owner = "o"
	rep, err = Analyze(*r, asOf)
	require.NoError(t, err)
	assert.Equal(t, Evidenced, statusOf(rep, "4.2.c").Status)
	assert.Equal(t, Evidenced, statusOf(rep, "4.1.p2").Status)
	assert.Equal(t, Evidenced, statusOf(rep, "6.2.j").Status)
	assert.Equal(t, 100.0, clauseGap(rep, "4.1").Readiness)
	assert.Equal(t, 100.0, clauseGap(rep, "4.2").Readiness) // the note does not count

	// Without the amendment, 4.1 has one item.
	r.Amendments, r.Climate = nil, nil
	rep, err = Analyze(*r, asOf)
	require.NoError(t, err)
	assert.Equal(t, 1, clauseGap(rep, "4.1").Total)
}

func TestAnalyzePointsAndReviewInputs(t *testing.T) {
	r := &Records{Edition: Edition2022, Documents: []Document{
		{ID: "RA", Title: "Risk assessment", Approved: ismskit.MustParseDate("2026-01-01"), Evidences: []ItemID{MustParseItemID("6.1.2.c"), MustParseItemID("6.1.2.d.1"), MustParseItemID("6.1.2.d.2"), MustParseItemID("6.1.2.d.3")}},
	}, ManagementReviews: []ManagementReview{{ID: "MR1", Date: ismskit.MustParseDate("2026-03-01"), Inputs: []ReviewInput{{Item: MustParseItemID("9.3.2.d")}, {Item: MustParseItemID("9.3.2.a")}}},
		{ID: "MR2", Date: ismskit.MustParseDate("2026-06-01"), Inputs: []ReviewInput{{Item: MustParseItemID("9.3.2.a")}, {Item: MustParseItemID("9.3.2.e")}}}}}
	rep, err := Analyze(*r, asOf)
	require.NoError(t, err)
	assert.Equal(t, Evidenced, statusOf(rep, "6.1.2.c.1").Status) // covered by its lettered item
	assert.Equal(t, []string{"document:RA"}, statusOf(rep, "6.1.2.c.2").Evidence)
	d := statusOf(rep, "6.1.2.d") // all its points are evidenced
	assert.Equal(t, Evidenced, d.Status)
	assert.Equal(t, []string{"points:6.1.2.d.1..6.1.2.d.3"}, d.Evidence)
	assert.Equal(t, Missing, statusOf(rep, "6.1.2.e").Status)
	assert.Equal(t, []string{"review:MR1", "review:MR2"}, statusOf(rep, "9.3.2.a").Evidence)
	assert.Equal(t, Evidenced, statusOf(rep, "9.3.2.d.4").Status)
	assert.Equal(t, Missing, statusOf(rep, "9.3.2.b").Status)
	assert.Equal(t, 7, clauseGap(rep, "9.3.2").Evidenced) // a, d, d.1-d.4, e
	assert.Equal(t, 11, clauseGap(rep, "9.3.2").Total)
	assert.Equal(t, 63.6, clauseGap(rep, "9.3.2").Readiness)
}

func TestAnalyzeInvalidRecords(t *testing.T) {
	_, err := Analyze(Records{Edition: Edition2022, Objectives: []Objective{{ID: "O", Description: "d"}}}, asOf)
	assert.ErrorIs(t, err, ErrNotMeasurable)
	_, err = Analyze(Records{}, asOf)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
}

func TestAnalyzeSampleGolden(t *testing.T) {
	r, err := DecodeRecords(readSample(t))
	require.NoError(t, err)
	rep, err := Analyze(r, asOf)
	require.NoError(t, err)
	out := marshalIndent(t, rep)
	golden(t, "gap_sample.json", out)

	again, err := Analyze(r, asOf)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(marshalIndent(t, again)), "not deterministic")

	var back GapReport
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, rep.Readiness, back.Readiness)
	assert.Equal(t, []string{"POL-01", "RA-2025", "IA-PROG"}, rep.OverdueReviews)
	assert.Equal(t, Unapproved, statusOf(rep, "8.1.p2").Status)
}
