package iso27001

import (
	"encoding/json"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestItemCounterparts checks the item correspondence of the data files:
// every counterpart exists in the other edition, lies in the counterpart
// clause (or a subclause of it), asks for the same kind of documented information, and maps back,
// except where several items share one counterpart.
func TestItemCounterparts(t *testing.T) {
	manyToOne := map[string]bool{"2022 9.2.2.p2": true, "2013 8.1.p2": true}
	for _, pair := range [][2]*Standard{{Latest(), MustNew(Edition2013)}, {MustNew(Edition2013), Latest()}} {
		s, other := pair[0], pair[1]
		for it := range s.Items() {
			if !it.Counterpart.IsValid() {
				continue
			}
			cp, ok := other.Item(it.Counterpart)
			require.True(t, ok, "%s %s -> %s", s.Edition(), it.ID, it.Counterpart)
			c, _ := s.Clause(it.ID.Clause())
			assert.True(t, c.Counterpart.Contains(cp.ID.Clause()), "%s %s -> %s", s.Edition(), it.ID, cp.ID)
			assert.Equal(t, it.Documented, cp.Documented, "%s %s -> %s", s.Edition(), it.ID, cp.ID)
			if !manyToOne[s.Edition().String()+" "+it.ID.String()] {
				assert.Equal(t, it.ID, cp.Counterpart, "%s %s -> %s -> %s", s.Edition(), it.ID, cp.ID, cp.Counterpart)
			}
		}
	}
	it, _ := Latest().Item(MustParseItemID("6.2.h"))
	assert.Equal(t, "6.2.f", it.Counterpart.String())
	it, _ = Latest().Item(MustParseItemID("6.3.p1"))
	assert.False(t, it.Counterpart.IsValid())
	it, _ = MustNew(Edition2013).Item(MustParseItemID("7.4.d"))
	assert.False(t, it.Counterpart.IsValid())
}

func TestTo2022(t *testing.T) {
	in := &Records{Edition: Edition2013, Organization: "Old Co",
		Documents: []Document{
			{ID: "OBJ", Title: "Objectives plan", Approved: ismskit.MustParseDate("2024-01-01"),
				Evidences: []ItemID{MustParseItemID("6.2.f"), MustParseItemID("6.2.p2"), MustParseItemID("7.4.d"), MustParseItemID("9.2.c"), MustParseItemID("10.1.f")},
				Clauses:   []ClauseID{MustParseClauseID("6.2"), MustParseClauseID("10.1"), MustParseClauseID("9.3")}},
		},
		ManagementReviews: []ManagementReview{{ID: "MR", Date: ismskit.MustParseDate("2024-06-01"), Inputs: []ReviewInput{{Item: MustParseItemID("9.3.c"), Summary: "KPIs"}, {Item: MustParseItemID("9.3.f")}}}},
		Extensions:        map[string]json.RawMessage{"x": json.RawMessage(`{"k":1}`)},
	}
	before, err := json.Marshal(in)
	require.NoError(t, err)

	out, dropped, err := To2022(*in)
	require.NoError(t, err)
	after, _ := json.Marshal(in)
	assert.Equal(t, string(before), string(after), "input modified")
	assert.Equal(t, []ItemID{MustParseItemID("7.4.d")}, dropped)
	assert.Equal(t, Edition2022, out.Edition)
	assert.Equal(t, []Amendment{Amd1of2024}, out.Amendments)
	assert.Equal(t, []ItemID{MustParseItemID("6.2.h"), MustParseItemID("6.2.p2"), MustParseItemID("9.2.2.p1"), MustParseItemID("10.2.f")}, out.Documents[0].Evidences)
	assert.Equal(t, []ClauseID{MustParseClauseID("6.2"), MustParseClauseID("10.2"), MustParseClauseID("9.3")}, out.Documents[0].Clauses)
	assert.Equal(t, []ReviewInput{{Item: MustParseItemID("9.3.2.d"), Summary: "KPIs"}, {Item: MustParseItemID("9.3.2.g")}}, out.ManagementReviews[0].Inputs)
	require.NoError(t, out.Validate())

	// The copy shares nothing with the input.
	out.Documents[0].Title = "changed"
	out.Extensions["x"][2] = 'K'
	assert.Equal(t, "Objectives plan", in.Documents[0].Title)
	assert.Equal(t, `{"k":1}`, string(in.Extensions["x"]))

	rep, err := Analyze(out, asOf)
	require.NoError(t, err)
	assert.Equal(t, Missing, statusOf(rep, "6.3.p1").Status)
	assert.Equal(t, Evidenced, statusOf(rep, "6.2.h").Status)

	_, _, err = To2022(Records{Edition: Edition2022})
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, _, err = To2022(Records{Edition: Edition2013, Objectives: []Objective{{ID: "O", Description: "d"}}})
	assert.ErrorIs(t, err, ErrNotMeasurable)
}
