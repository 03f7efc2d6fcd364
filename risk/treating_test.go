package risk

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

func TestTreatingControls(t *testing.T) {
	c := iso27002.MustParse
	r := Risk{
		Controls: []AppliedControl{{Control: c("8.13"), Status: Implemented}, {Control: c("5.15"), Status: Planned}},
		Treatment: Treatment{Option: Modify, Plan: []Action{
			{ID: "A1", Status: ActionCancelled, Controls: []iso27002.ControlID{c("8.7")}},
			{ID: "A2", Status: ActionPlanned, Due: ismskit.MustParseDate("2027-01-31"), Controls: []iso27002.ControlID{c("8.8"), c("8.13")}},
			{ID: "A3", Status: ActionDone, Due: ismskit.MustParseDate("2026-01-31"), Controls: []iso27002.ControlID{c("acme:drill")}},
		}},
	}
	assert.Equal(t, []iso27002.ControlID{c("8.13"), c("5.15"), c("8.8"), c("acme:drill")}, r.TreatingControls())
	var uses []ControlUse
	for u := range r.ControlUses() {
		uses = append(uses, u)
	}
	assert.Equal(t, []ControlUse{
		{Control: c("8.13"), Applied: 0, Status: Implemented, Action: -1, Item: -1},
		{Control: c("5.15"), Applied: 1, Status: Planned, Action: -1, Item: -1},
		{Control: c("8.8"), Applied: -1, Action: 1, Item: 0, ActionStatus: ActionPlanned, Due: ismskit.MustParseDate("2027-01-31")},
		{Control: c("8.13"), Applied: -1, Action: 1, Item: 1, ActionStatus: ActionPlanned, Due: ismskit.MustParseDate("2027-01-31")},
		{Control: c("acme:drill"), Applied: -1, Action: 2, Item: 0, ActionStatus: ActionDone},
	}, uses)
	for range r.ControlUses() {
		break // stopping early is safe
	}
	assert.Nil(t, Risk{}.TreatingControls())
}

func TestActionOverdue(t *testing.T) {
	asOf := ismskit.MustParseDate("2026-11-28")
	due := func(s string) ismskit.Date { return ismskit.MustParseDate(s) }
	tests := []struct {
		name          string
		a             Action
		open, overdue bool
	}{
		{"planned, due before", Action{Status: ActionPlanned, Due: due("2026-11-27")}, true, true},
		{"in progress, due before", Action{Status: ActionInProgress, Due: due("2026-01-01")}, true, true},
		{"due on the day", Action{Status: ActionPlanned, Due: asOf}, true, false},
		{"no due date", Action{Status: ActionPlanned}, true, false},
		{"done late", Action{Status: ActionDone, Due: due("2026-01-01")}, false, false},
		{"cancelled", Action{Status: ActionCancelled, Due: due("2026-01-01")}, false, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.open, tt.a.IsOpen(), tt.name)
		assert.Equal(t, tt.overdue, tt.a.IsOverdue(asOf), tt.name)
	}
}
