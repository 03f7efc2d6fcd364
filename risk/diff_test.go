package risk

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/iso27002"
)

func TestDiff(t *testing.T) {
	older := loadSample(t)
	older.Risks[2].Extensions = json.RawMessage(`{"a": [1, 2]}`)
	newer := older.Clone()
	r1 := &newer.Risks[0]
	r1.Owner = "CISO"
	r1.Controls[0].Status = Implemented
	r1.Controls = append(r1.Controls, AppliedControl{Control: iso27002.MustParse("8.25"), Status: Planned, LikelihoodEffect: 20})
	var err error
	*r1, err = r1.Approve(Approval{By: "CISO", At: day("2026-12-01"), Comment: "new owner"})
	require.NoError(t, err)
	r2 := &newer.Risks[1]
	r2.Residual = &Estimate{Likelihood: 1, Impact: 4}
	r2.Treatment.Plan[0].Status = ActionDone
	r2.Extensions = json.RawMessage(`{ "jira" : "SEC-2" }`)
	newer.Risks[2].Extensions = json.RawMessage(`{ "a" :[1,2] }`) // layout only: no change
	newer.Risks = append(newer.Risks[:4], newer.Risks[5:]...)     // R-05 removed
	newer.Risks = append(newer.Risks, Risk{ID: "R-31", Title: "Supplier <b>breach</b>", Owner: "CFO"})
	newer.Criteria.Version = "2027.1"

	log := Diff(older, newer)
	require.False(t, log.IsEmpty())
	assert.Equal(t, CriteriaRef{ID: "nimbus-5x5", Version: "2026.1"}, log.FromCriteria)
	assert.Equal(t, CriteriaRef{ID: "nimbus-5x5", Version: "2027.1"}, log.ToCriteria)
	require.Len(t, log.Changes, 4)
	assert.Equal(t, "R-01", log.Changes[0].RiskID)
	assert.Equal(t, Modified, log.Changes[0].Kind)
	var fields []string
	for _, f := range log.Changes[0].Fields {
		fields = append(fields, f.Field)
	}
	assert.Equal(t, []string{"owner", "controls", "approvals"}, fields, "in the order of Risk's fields")
	assert.Equal(t, FieldChange{Field: "owner", Old: "CTO", New: "CISO"}, log.Changes[0].Fields[0])
	assert.Equal(t, "R-02 modified: residual, treatment.plan, extensions", log.Changes[1].String())
	assert.Equal(t, FieldChange{Field: "residual", Old: "", New: "L1 I4"}, log.Changes[1].Fields[0])
	assert.Equal(t, `{"jira":"SEC-2"}`, log.Changes[1].Fields[2].New, "extensions compare as compact JSON")
	assert.Equal(t, Change{RiskID: "R-05", Title: older.Risks[4].Title, Kind: Removed}, log.Changes[2])
	assert.Equal(t, Change{RiskID: "R-31", Title: "Supplier <b>breach</b>", Kind: Added}, log.Changes[3], "natural order: R-31 after R-05")

	md := log.Markdown()
	golden(t, "testdata/changelog.golden.md", md)
	assert.NotContains(t, string(md), "<b>")

	b, err := json.Marshal(log)
	require.NoError(t, err)
	var back ChangeLog
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, log, back)
}

func TestDiffCases(t *testing.T) {
	base := testRegister()
	tests := []struct {
		name   string
		change func(*Register)
		want   []string // Change.String of each change
	}{
		{"no change", func(*Register) {}, nil},
		{"order of risks does not matter", func(r *Register) { r.Risks[0], r.Risks[2] = r.Risks[2], r.Risks[0] }, nil},
		{"a scalar", func(r *Register) { r.Risks[1].Likelihood = 3 }, []string{"R-2 modified: likelihood"}},
		{"a list item", func(r *Register) { r.Risks[0].Assets = append(r.Risks[0].Assets, "web") }, []string{"R-1 modified: assets"}},
		{"the treatment", func(r *Register) {
			r.Risks[2].Treatment = Treatment{Option: Modify, Rationale: "r"}
		}, []string{"R-10 modified: treatment.option, treatment.rationale, treatment.sharedWith"}},
		{"scoring and scenario", func(r *Register) {
			r.Risks[1].Scoring = &ScoreRecord{Method: "matrix", Version: "1", Vector: "L:2/I:2", Score: 4}
			r.Risks[1].Quantitative = fullRegister().Risks[0].Quantitative
		}, []string{"R-2 modified: scoring, quantitative"}},
		{"a duplicate ID: the first counts", func(r *Register) { r.Risks = append(r.Risks, Risk{ID: "R-1", Title: "other"}) }, nil},
		{"added and removed", func(r *Register) { r.Risks[1].ID = "R-3" }, []string{"R-2 removed", "R-3 added"}},
		{"criteria alone are no risk change", func(r *Register) { r.Criteria = Standard3x3() }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newer := base.Clone()
			tt.change(&newer)
			log := Diff(base, newer)
			var got []string
			for _, c := range log.Changes {
				got = append(got, c.String())
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, len(tt.want) == 0, log.IsEmpty())
		})
	}
	assert.True(t, Diff(Register{}, Register{}).IsEmpty())
	assert.Equal(t, "# Risk register changes\n\nCriteria: @ to @.\n\nNo risk changed.\n", string(Diff(Register{}, Register{}).Markdown()))
}

// The Markdown form escapes every text from the registers.
func TestChangeLogMarkdownEscapes(t *testing.T) {
	hostile := "<script>alert(1)</script> *bold* _em_ `code` [link](http://x) ![img](y) a|b\nc & d \\"
	log := ChangeLog{
		FromCriteria: CriteriaRef{ID: hostile, Version: "1"},
		ToCriteria:   CriteriaRef{ID: "c", Version: hostile},
		Changes: []Change{{RiskID: hostile, Title: hostile, Kind: Modified, Fields: []FieldChange{{Field: hostile, Old: hostile, New: hostile}}},
			{RiskID: "R-2", Title: hostile, Kind: ChangeKind(hostile)}},
	}
	md := string(log.Markdown())
	for _, bad := range []string{"<script>", "*bold*", "_em_", "`code`", "[link]", "![img]", "c & d"} {
		assert.NotContains(t, md, bad)
	}
	assert.Contains(t, md, `&lt;script&gt;alert(1)&lt;/script&gt; \*bold\* \_em\_ \`+"`"+`code\`+"`"+` \[link\](http://x) !\[img\](y) a\|b<br>c &amp; d \\`)
	lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
	assert.Len(t, lines, 6+2+2, "heading, criteria and count with blank lines, the table's two header lines and two rows: no line broken")
	for _, l := range lines[6:] {
		assert.True(t, strings.HasPrefix(l, "|") && strings.HasSuffix(l, "|"), l)
	}
}
