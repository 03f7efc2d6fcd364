package monitor

import (
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
)

// ObjectiveEvaluation is an information security objective (6.2) judged
// by the metrics that measure it, as of a day. The zero value is empty.
type ObjectiveEvaluation struct {
	// Objective is the ID of the objective.
	Objective string `json:"objective"`
	// Description of the objective.
	Description string `json:"description"`
	// Owner of the objective (6.2 j).
	Owner string `json:"owner,omitempty"`
	// Due is when it is to be achieved (6.2 k); zero when not set.
	Due ismskit.Date `json:"due,omitzero"`
	// Status of the objective.
	Status ObjectiveStatus `json:"status"`
	// Metrics are the IDs of the metrics that measure it, in the order
	// of the evaluations.
	Metrics []string `json:"metrics"`
	// Reason says why, in words.
	Reason string `json:"reason"`
}

// EvaluateObjectives judges each objective, in order, by the evaluations
// of the metrics that list it in their Objectives (Evaluation.Objectives),
// as of asOf:
//
//  1. NotMeasured when no metric measures it, or none has a result;
//  2. OffTarget ("missed") when a metric is Missed and the objective's
//     due date has passed, or it has none;
//  3. OnTrack when every metric with a result meets its target and none
//     is overdue;
//  4. AtRisk otherwise: a metric in Warning, Missed before the due
//     date, or overdue.
func EvaluateObjectives(objectives []iso27001.Objective, evals []Evaluation, asOf ismskit.Date) []ObjectiveEvaluation {
	out := make([]ObjectiveEvaluation, 0, len(objectives))
	for _, o := range objectives {
		oe := ObjectiveEvaluation{Objective: o.ID, Description: o.Description, Owner: o.Owner, Due: o.Due, Metrics: []string{}}
		var measured, missed, short, overdue []string
		for _, ev := range evals {
			if !slices.Contains(ev.Objectives, o.ID) {
				continue
			}
			oe.Metrics = append(oe.Metrics, ev.Metric)
			if ev.Status == NoData || !ev.Status.IsValid() {
				continue
			}
			measured = append(measured, ev.Metric)
			switch ev.Status {
			case Missed:
				missed = append(missed, ev.Metric)
			case Warning:
				short = append(short, ev.Metric)
			}
			if ev.Overdue {
				overdue = append(overdue, ev.Metric)
			}
		}
		due := o.Due.IsZero() || o.Due.Before(asOf)
		switch {
		case len(oe.Metrics) == 0:
			oe.Status, oe.Reason = NotMeasured, "no metric measures it"
		case len(measured) == 0:
			oe.Status, oe.Reason = NotMeasured, "its metrics have no result: "+strings.Join(oe.Metrics, ", ")
		case len(missed) > 0 && due:
			oe.Status, oe.Reason = OffTarget, "beyond the threshold: "+strings.Join(missed, ", ")
			if !o.Due.IsZero() {
				oe.Reason += "; it was due on " + o.Due.String()
			}
		case len(missed) == 0 && len(short) == 0 && len(overdue) == 0:
			oe.Status, oe.Reason = OnTrack, "every metric meets its target: "+strings.Join(measured, ", ")
		default:
			oe.Status = AtRisk
			var why []string
			if len(missed) > 0 {
				why = append(why, "beyond the threshold before the due date "+o.Due.String()+": "+strings.Join(missed, ", "))
			}
			if len(short) > 0 {
				why = append(why, "short of the target: "+strings.Join(short, ", "))
			}
			if len(overdue) > 0 {
				why = append(why, "measurement overdue: "+strings.Join(overdue, ", "))
			}
			oe.Reason = strings.Join(why, "; ")
		}
		out = append(out, oe)
	}
	return out
}
