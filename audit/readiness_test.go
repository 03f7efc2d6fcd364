package audit

import (
	"slices"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tinyBasis has one applicable control and the whole 2022 edition.
func tinyBasis() Basis { return Basis{Applicable: ids("5.1", "8.8")} }

// tinyRecords is one audit covering everything, with the given findings.
func tinyRecords(fs ...Finding) Records {
	var cl []iso27001.ClauseID
	for c := range iso27001.Latest().Children(iso27001.ClauseID{}) {
		cl = append(cl, c.ID)
	}
	return Records{Programme: Programme{CycleStart: d("2026-01-01"), CycleEnd: d("2028-12-31"), Audits: []Audit{
		{ID: "A", Kind: Internal, Start: d("2026-03-01"), End: d("2026-03-31"), Scope: Scope{Clauses: cl, Controls: ids("5.1", "8.8")}, Auditors: []Auditor{{Name: "X"}}},
	}}, Findings: fs}
}

func fc(id, ctl string, r Result, day string) Finding {
	return Finding{ID: id, Audit: "A", Control: iso27002.MustParse(ctl), Result: r, Date: d(day), Auditor: "X", Statement: "s"}
}

// everyItem returns a conforming finding for every requirement item.
func everyItem() []Finding {
	var out []Finding
	for it := range iso27001.Latest().Items() {
		if !it.Note {
			out = append(out, Finding{ID: "I-" + it.ID.String(), Audit: "A", Item: it.ID, Result: Conforming, Date: d("2026-03-02"), Auditor: "X"})
		}
	}
	return out
}

var okGap = &iso27001.GapReport{}

func TestReadinessFormula(t *testing.T) {
	at := ismskit.NewDate(2026, 3, 31)
	tests := []struct {
		name    string
		fs      []Finding
		actions []CorrectiveAction
		theme   float64 // technological theme score (control 8.8)
	}{
		{"no finding", nil, nil, 0},
		{"conforming", []Finding{fc("F1", "8.8", Conforming, "2026-03-02")}, nil, 100},
		{"observation", []Finding{fc("F1", "8.8", Observation, "2026-03-02")}, nil, 100},
		{"opportunity", []Finding{fc("F1", "8.8", Opportunity, "2026-03-02")}, nil, 100},
		{"minor", []Finding{fc("F1", "8.8", Minor, "2026-03-02")}, nil, 50},
		{"major", []Finding{fc("F1", "8.8", Major, "2026-03-02")}, nil, 0},
		{"not audited", []Finding{fc("F1", "8.8", NotAudited, "2026-03-02")}, nil, 0},
		{"later finding wins", []Finding{fc("F1", "8.8", Major, "2026-03-02"), fc("F2", "8.8", Conforming, "2026-03-05")}, nil, 100},
		{"later in document wins on the same day", []Finding{fc("F1", "8.8", Conforming, "2026-03-02"), fc("F2", "8.8", Minor, "2026-03-02")}, nil, 50},
		{"finding after as-of ignored", []Finding{fc("F1", "8.8", Conforming, "2026-03-02"), fc("F2", "8.8", Major, "2026-03-31")}, nil, 100},
		{"major with effective action", []Finding{fc("F1", "8.8", Major, "2026-03-02")}, []CorrectiveAction{closedAction("F1", "2026-03-20")}, 100},
		{"major with action effective later", []Finding{fc("F1", "8.8", Major, "2026-03-02")}, []CorrectiveAction{closedAction("F1", "2026-04-20")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tinyRecords(tt.fs...)
			r.Actions = tt.actions
			at := at
			if tt.name == "finding after as-of ignored" {
				at = at.AddDate(0, 0, -1)
			}
			rd, err := Assess(r, tinyBasis(), ReadinessInput{Gap: okGap}, at)
			require.NoError(t, err)
			tech := rd.Themes[len(rd.Themes)-1]
			assert.Equal(t, "technological", tech.ID)
			assert.Equal(t, tt.theme, tech.Score)
			assert.Equal(t, 1, tech.Subjects)
		})
	}
}

// closedAction is an action for finding id that became effective on day.
func closedAction(id, day string) CorrectiveAction {
	h := []Transition{{To: Raised, Date: d("2026-03-02")}, {To: Corrected, Date: d("2026-03-03")}, {To: Analysed, Date: d("2026-03-04")},
		{To: Planned, Date: d("2026-03-05")}, {To: Implemented, Date: d("2026-03-06")}, {To: Effective, Date: d(day)}}
	return CorrectiveAction{ID: "CA-" + id, Finding: id, State: Effective, Correction: "c", RootCause: "r", Action: "a", Owner: "o", Due: d("2026-03-10"), History: h}
}

func TestReadinessScores(t *testing.T) {
	fs := everyItem()
	fs[0].Result, fs[0].Statement = Major, "x"     // 4.1.p1
	fs[1].Result, fs[1].Statement = Minor, "x"     // 4.1.a? whatever the second item of 4.1 is
	fs[2].Result, fs[2].Statement = NotAudited, "" // third item of 4
	fs = append(fs, fc("C1", "5.1", Conforming, "2026-03-02"))
	rd, err := Assess(tinyRecords(fs...), tinyBasis(), ReadinessInput{Gap: okGap}, asOf)
	require.NoError(t, err)
	require.Len(t, rd.Clauses, 7)
	four := rd.Clauses[0]
	assert.Equal(t, Score{ID: "4", Title: "Context of the organization", Subjects: 11, Audited: 10, Points: 8.5, Score: 77.3}, four)
	for _, c := range rd.Clauses[1:] {
		assert.Equal(t, 100.0, c.Score, c.ID)
		assert.Equal(t, c.Subjects, c.Audited)
	}
	require.Len(t, rd.Themes, 2)
	assert.Equal(t, Score{ID: "organizational", Title: "Organizational controls", Subjects: 1, Audited: 1, Points: 1, Score: 100}, rd.Themes[0])
	assert.Equal(t, Score{ID: "technological", Title: "Technological controls", Subjects: 1, Audited: 0, Points: 0, Score: 0}, rd.Themes[1])
	assert.Equal(t, 158, rd.Overall.Subjects)
	assert.Equal(t, round1(100*(156-3+0.5+1)/158.0), rd.Overall.Score)
	assert.False(t, rd.Ready)
	assert.Equal(t, []Reason{{Kind: OpenMajor, Subject: "I-4.1.p1", Detail: "major nonconformity I-4.1.p1 against 4.1.p1 (audit A) has no effective corrective action"}}, rd.Reasons)
}

func TestVerdict(t *testing.T) {
	bad := testSoA(t, "5.1", "8.8")
	bad.Entries[1].Justification = "" // 5.2 excluded without a justification
	bad.Entries[2].Justification = ""
	good := testSoA(t, "5.1", "8.8")
	gap := &iso27001.GapReport{MissingDocuments: []iso27001.DocumentGap{{Item: iso27001.MustParseItemID("6.1.3.d"), Kind: iso27001.Maintained, Status: iso27001.Expired}}}
	all := everyItem()
	tests := []struct {
		name  string
		fs    []Finding
		in    ReadinessInput
		kinds []ReasonKind
		subj  []string
	}{
		{"ready", all, ReadinessInput{Gap: okGap}, nil, nil},
		{"ready with a valid SoA", all, ReadinessInput{Gap: okGap, SoA: &good}, nil, nil},
		{"no gap analysis", all, ReadinessInput{}, []ReasonKind{NoGapAnalysis}, []string{""}},
		{"missing document", all, ReadinessInput{Gap: gap}, []ReasonKind{MissingDocument}, []string{"6.1.3.d"}},
		{"invalid SoA", all, ReadinessInput{Gap: okGap, SoA: &bad}, []ReasonKind{InvalidSoA}, []string{"5.2"}},
		{"open major", append(all[:len(all):len(all)], fc("M", "8.8", Major, "2026-03-03")), ReadinessInput{Gap: okGap}, []ReasonKind{OpenMajor}, []string{"M"}},
		{"minor does not block", append(all[:len(all):len(all)], fc("M", "8.8", Minor, "2026-03-03")), ReadinessInput{Gap: okGap}, nil, nil},
		{"nothing audited", nil, ReadinessInput{Gap: okGap}, []ReasonKind{ClauseNotAudited, ClauseNotAudited, ClauseNotAudited, ClauseNotAudited, ClauseNotAudited, ClauseNotAudited, ClauseNotAudited},
			[]string{"4", "5", "6", "7", "8", "9", "10"}},
		{"one subclause never audited", dropClause(all, "9.2.2"), ReadinessInput{Gap: okGap}, []ReasonKind{ClauseNotAudited}, []string{"9.2.2"}},
		{"not-audited results do not count", markNotAudited(all, "10.1"), ReadinessInput{Gap: okGap}, []ReasonKind{ClauseNotAudited}, []string{"10.1"}},
		{"everything", []Finding{fc("M", "8.8", Major, "2026-03-03")}, ReadinessInput{Gap: gap, SoA: &bad},
			[]ReasonKind{OpenMajor, MissingDocument, InvalidSoA, ClauseNotAudited, ClauseNotAudited, ClauseNotAudited, ClauseNotAudited, ClauseNotAudited, ClauseNotAudited, ClauseNotAudited},
			[]string{"M", "6.1.3.d", "5.2", "4", "5", "6", "7", "8", "9", "10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd, err := Assess(tinyRecords(tt.fs...), tinyBasis(), tt.in, asOf)
			require.NoError(t, err)
			var kinds []ReasonKind
			var subj []string
			for _, r := range rd.Reasons {
				kinds = append(kinds, r.Kind)
				subj = append(subj, r.Subject)
				assert.NotEmpty(t, r.Detail)
			}
			assert.Equal(t, tt.kinds, kinds)
			assert.Equal(t, tt.subj, subj)
			assert.Equal(t, len(tt.kinds) == 0, rd.Ready)
		})
	}
	rd, err := Assess(tinyRecords(all...), tinyBasis(), ReadinessInput{Gap: okGap, SoA: &bad}, asOf)
	require.NoError(t, err)
	want := ismskit.Problems(bad.Validate(soa.ValidateOptions{}))
	require.Len(t, want, 2)
	assert.Equal(t, "the Statement of Applicability does not validate: "+want[0].Error()+" (and 1 more problem)", rd.Reasons[0].Detail)
	assert.Equal(t, "documented information for 6.1.3.d (maintained) is expired", func() string {
		rd, _ := Assess(tinyRecords(all...), tinyBasis(), ReadinessInput{Gap: gap}, asOf)
		return rd.Reasons[0].Detail
	}())
}

// testSoA is a valid SoA of the 2022 catalog that includes the given
// controls, as good practice, and excludes the others.
func testSoA(t testing.TB, included ...string) soa.SoA {
	t.Helper()
	var src soa.Sources
	for id := range iso27002.Catalog2022().IDs() {
		if slices.Contains(included, id.String()) {
			src.Decisions = append(src.Decisions, soa.Decision{Control: id, Applicability: soa.Included,
				Reasons: []soa.Reason{{Kind: soa.BestPractice}}, Status: soa.Implemented})
		} else {
			src.Decisions = append(src.Decisions, soa.Decision{Control: id, Applicability: soa.Excluded, Justification: "Not relevant to the scope."})
		}
	}
	s, err := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1", Date: d("2026-01-05")}, Sources: src})
	require.NoError(t, err)
	require.NoError(t, s.Validate(soa.ValidateOptions{}))
	return s
}

func dropClause(fs []Finding, clause string) []Finding {
	c := iso27001.MustParseClauseID(clause)
	var out []Finding
	for _, f := range fs {
		if !c.Contains(f.Item.Clause()) {
			out = append(out, f)
		}
	}
	return out
}

func markNotAudited(fs []Finding, clause string) []Finding {
	c := iso27001.MustParseClauseID(clause)
	out := append([]Finding(nil), fs...)
	for i := range out {
		if c.Contains(out[i].Item.Clause()) {
			out[i].Result = NotAudited
		}
	}
	return out
}

func TestAssessRejectsInvalidRecords(t *testing.T) {
	r := tinyRecords(fc("F", "5.2", Conforming, "2026-03-02"))
	rd, err := Assess(r, tinyBasis(), ReadinessInput{}, asOf)
	assert.Nil(t, rd)
	assert.ErrorIs(t, err, ErrNotInSoA)
	_, err = Assess(tinyRecords(), Basis{Applicable: ids("A.5.1.1")}, ReadinessInput{}, asOf)
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
}

func TestAssessUsesCalendarDayOfAsOf(t *testing.T) {
	r := tinyRecords(fc("F", "8.8", Conforming, "2026-03-02"))
	east := time.FixedZone("UTC+10", 10*3600)
	// 2026-03-01 20:00 UTC is 2026-03-02 06:00 in UTC+10.
	rd, err := Assess(r, tinyBasis(), ReadinessInput{Gap: okGap}, ismskit.DateOf(time.Date(2026, 3, 2, 6, 0, 0, 0, east)))
	require.NoError(t, err)
	assert.Equal(t, d("2026-03-02"), rd.AsOf)
	assert.Equal(t, 100.0, rd.Themes[1].Score)
}
