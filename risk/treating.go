package risk

import (
	"iter"
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

// ControlUse is one use of a control to treat a risk (ISO/IEC
// 27001:2022 clause 6.1.3 b): an applied control of the risk, or a
// control of an action of its treatment plan that is not cancelled.
type ControlUse struct {
	// The control.
	Control iso27002.ControlID `json:"control"`
	// Applied is the index of the use in Risk.Controls, or -1 for a
	// control of a plan action.
	Applied int `json:"applied"`
	// Status of the applied control; empty for a plan action.
	Status ControlStatus `json:"status,omitempty"`
	// Action is the index of the plan action in Treatment.Plan, or -1 for
	// an applied control.
	Action int `json:"action"`
	// Item is the index of the control in the action's Controls, or -1.
	Item int `json:"item"`
	// ActionStatus is the status of the plan action; empty for an applied
	// control.
	ActionStatus ActionStatus `json:"actionStatus,omitempty"`
	// Due is the due date of an open plan action (not done); zero
	// otherwise.
	Due ismskit.Date `json:"due,omitzero"`
}

// String returns the control and its status, as "8.13 Implemented" for
// an applied control and "8.7 Planned (plan action 0)" for a control of
// a plan action.
func (u ControlUse) String() string {
	if u.Applied >= 0 {
		return u.Control.String() + " " + u.Status.String()
	}
	return u.Control.String() + " " + u.ActionStatus.String() + " (plan action " + strconv.Itoa(u.Action) + ")"
}

// ControlUses returns every use of a control to treat r: its applied
// controls in order, then the controls of its plan's actions that are
// not cancelled. It is the one rule of ismskit for "which controls treat
// this risk": soa.Generate, the audit package and audittest all use it.
//
//	for u := range r.ControlUses() {
//		fmt.Println(u.Control, u.Status, u.ActionStatus)
//	}
func (r Risk) ControlUses() iter.Seq[ControlUse] {
	return func(yield func(ControlUse) bool) {
		for j, c := range r.Controls {
			if !yield(ControlUse{Control: c.Control, Applied: j, Status: c.Status, Action: -1, Item: -1}) {
				return
			}
		}
		for j := range r.Treatment.Plan {
			a := &r.Treatment.Plan[j]
			if a.Status == ActionCancelled {
				continue
			}
			due := a.Due
			if a.Status == ActionDone {
				due = ismskit.Date{}
			}
			for k, c := range a.Controls {
				if !yield(ControlUse{Control: c, Applied: -1, Action: j, Item: k, ActionStatus: a.Status, Due: due}) {
					return
				}
			}
		}
	}
}

// TreatingControls returns the distinct controls that treat r, in the
// order ControlUses first names them, or nil if none does.
func (r Risk) TreatingControls() []iso27002.ControlID {
	var out []iso27002.ControlID
	seen := map[iso27002.ControlID]bool{}
	for u := range r.ControlUses() {
		if !seen[u.Control] {
			seen[u.Control] = true
			out = append(out, u.Control)
		}
	}
	return out
}
