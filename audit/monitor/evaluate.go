package monitor

import (
	"math"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/iso27002"
)

// Evaluation is a metric judged as of a day (9.1: analysis and
// evaluation of the results): its latest value, whether it meets its
// target, which way it is going, and whether a measurement is overdue.
// The zero value is an empty evaluation of no metric.
type Evaluation struct {
	// Metric is the ID of the metric.
	Metric string `json:"metric"`
	// Title of the metric.
	Title string `json:"title"`
	// Unit of the values.
	Unit Unit `json:"unit"`
	// AsOf is the day of the evaluation.
	AsOf ismskit.Date `json:"asOf"`
	// Value is the latest result on or before AsOf; 0 when there is none
	// (Status NoData).
	Value float64 `json:"value"`
	// Measured is the day of that result; zero when there is none.
	Measured ismskit.Date `json:"measured,omitzero"`
	// Previous is the result before it, for the trend; 0 when there is
	// none.
	Previous float64 `json:"previous"`
	// PreviousDate is the day of the previous result; zero when none.
	PreviousDate ismskit.Date `json:"previousDate,omitzero"`
	// Results counts the results on or before AsOf.
	Results int `json:"results"`
	// Target of the metric.
	Target Target `json:"target"`
	// Status of Value against the target.
	Status Status `json:"status"`
	// Met says whether the target is met.
	Met bool `json:"met"`
	// Trend from the previous result to the latest; unset with fewer
	// than two results.
	Trend Trend `json:"trend,omitzero"`
	// Overdue says that no result is as recent as the metric's frequency
	// asks (or that there is none).
	Overdue bool `json:"overdue"`
	// NextDue is the day a new result is due; zero when there is none
	// yet, which is due now.
	NextDue ismskit.Date `json:"nextDue,omitzero"`
	// Controls the metric shows the effectiveness of.
	Controls []iso27002.ControlID `json:"controls,omitempty"`
	// Objectives the metric measures.
	Objectives []string `json:"objectives,omitempty"`
	// Check is the ID of the check the metric is computed from
	// (Metric.Source), if any.
	Check string `json:"check,omitempty"`
	// Summary says all of it in a sentence.
	Summary string `json:"summary"`
}

// Evaluate judges m as of asOf from its results among results (those
// whose Metric is m.ID, dated on or before asOf; the others are
// ignored):
//
//  1. the latest result is the value; with none, the status is NoData
//     and the metric is overdue;
//  2. the status is m.Target.Status of the value: Met, Warning between
//     the target and the threshold, Missed beyond the threshold;
//  3. the trend compares the latest result with the one before it: a
//     change of at most Target.Tolerance is Stable, a move towards the
//     better side is Improving, away from it Worsening;
//  4. the metric is overdue when asOf is after one period of
//     m.Frequency from the latest result (checks.Frequency.Due).
//
// Results of one day count once: the last one given.
func Evaluate(m Metric, results []Measurement, asOf ismskit.Date) Evaluation {
	ev := Evaluation{Metric: m.ID, Title: m.Title, Unit: m.Unit, AsOf: asOf, Target: m.Target,
		Controls: slices.Clone(m.Controls), Objectives: slices.Clone(m.Objectives)}
	if m.Source != nil {
		ev.Check = m.Source.Check
	}
	var mine []Measurement
	for _, x := range results {
		if x.Metric == m.ID && !x.Date.IsZero() && !x.Date.After(asOf) {
			mine = append(mine, x)
		}
	}
	slices.SortStableFunc(mine, func(a, b Measurement) int { return a.Date.Compare(b.Date) })
	// One result a day: the last given.
	dedup := mine[:0]
	for _, x := range mine {
		if n := len(dedup); n > 0 && dedup[n-1].Date == x.Date {
			dedup[n-1] = x
			continue
		}
		dedup = append(dedup, x)
	}
	mine = dedup
	ev.Results = len(mine)
	if len(mine) == 0 {
		ev.Status = NoData
		ev.Overdue = m.Frequency.IsValid()
		ev.Summary = m.Title + ": no result"
		if ev.Overdue {
			ev.Summary += "; a measurement is due"
		}
		ev.Summary += "."
		return ev
	}
	last := mine[len(mine)-1]
	ev.Value, ev.Measured = last.Value, last.Date
	ev.Status = m.Target.Status(last.Value)
	ev.Met = ev.Status == Met
	if len(mine) > 1 {
		prev := mine[len(mine)-2]
		ev.Previous, ev.PreviousDate = prev.Value, prev.Date
		ev.Trend = trend(m.Target, prev.Value, last.Value)
	}
	ev.Overdue = m.Frequency.Due(last.Date, asOf)
	ev.NextDue = m.Frequency.Next(last.Date)
	ev.Summary = summary(m, ev)
	return ev
}

func trend(t Target, prev, last float64) Trend {
	d := last - prev
	if math.Abs(d) <= t.Tolerance+1e-9 {
		return Stable
	}
	if (d > 0) == (t.Direction == HigherIsBetter) {
		return Improving
	}
	return Worsening
}

// summary says the evaluation in a sentence: "MFA coverage: 83.3% on
// 2026-11-28, target >= 100 (warning down to 95): missed, worsening from
// 91.7%."
func summary(m Metric, ev Evaluation) string {
	var b strings.Builder
	b.WriteString(m.Title + ": " + m.Unit.Format(ev.Value) + " on " + ev.Measured.String())
	b.WriteString(", target " + m.Target.String() + ": " + strings.ToLower(ev.Status.String()))
	if ev.Trend != 0 {
		b.WriteString(", " + strings.ToLower(ev.Trend.String()) + " from " + m.Unit.Format(ev.Previous))
	}
	if ev.Overdue {
		b.WriteString("; overdue since " + ev.NextDue.String())
	}
	b.WriteString(".")
	return b.String()
}

// Evaluate validates r and evaluates each of its metrics as of asOf, in
// the order of r.Metrics. It returns Validate's error if r is invalid.
func (r Records) Evaluate(asOf ismskit.Date) ([]Evaluation, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	out := make([]Evaluation, 0, len(r.Metrics))
	for _, m := range r.Metrics {
		out = append(out, Evaluate(m, r.Results, asOf))
	}
	return out, nil
}

// FromChecks turns check results into measurements of the metrics computed
// from them (Metric.Source): for each metric in order and each result of
// its check in order, a measurement dated the result's day, by the
// metric's MeasuredBy, citing the result's evidence ID. PassedPercent
// takes the share of the population that passed (no measurement for an
// empty population), FailedCount the failures, Population the
// population's size.
func FromChecks(metrics []Metric, results []checks.Result) []Measurement {
	var out []Measurement
	for _, m := range metrics {
		if m.Source == nil {
			continue
		}
		for i := range results {
			r := &results[i]
			if r.Check != m.Source.Check {
				continue
			}
			x := Measurement{Metric: m.ID, Date: r.AsOf, By: m.MeasuredBy, Evidence: r.EvidenceID()}
			switch m.Source.Measure {
			case PassedPercent:
				v, ok := r.PassedPercent()
				if !ok {
					continue
				}
				x.Value = v
			case FailedCount:
				x.Value = float64(r.Failed)
			case Population:
				x.Value = float64(r.Total)
			default:
				continue
			}
			out = append(out, x)
		}
	}
	return out
}
