package monitor

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

// Metric is the definition of what an organisation monitors and
// measures (ISO/IEC 27001:2022 9.1 a to f): what is measured, the
// method, when it is measured and by whom, when the results are analysed
// and by whom, with a target, the Annex A controls and the information
// security objectives (6.2) it serves, and its unit. The zero value is
// invalid.
type Metric struct {
	// ID is unique among the metrics ("mfa-coverage"). Required.
	ID string `json:"id"`
	// Title says what is measured (9.1 a). Required.
	Title string `json:"title"`
	// Description of the metric, for people.
	Description string `json:"description,omitempty"`
	// Method of measuring and analysing, chosen so that results are
	// comparable and reproducible (9.1 b). Required.
	Method string `json:"method"`
	// Unit of the values. Required.
	Unit Unit `json:"unit"`
	// Frequency of measuring (9.1 c); a metric whose latest result is
	// older than one period is overdue. Required.
	Frequency checks.Frequency `json:"frequency"`
	// MeasuredBy is who measures (9.1 d). Required.
	MeasuredBy string `json:"measuredBy"`
	// AnalysisFrequency is when the results are analysed and evaluated
	// (9.1 e). Required.
	AnalysisFrequency checks.Frequency `json:"analysisFrequency"`
	// AnalysedBy is who analyses and evaluates them (9.1 f). Required.
	AnalysedBy string `json:"analysedBy"`
	// Target is the value aimed at, with its threshold. Required.
	Target Target `json:"target"`
	// Controls are the Annex A controls whose effectiveness the metric
	// shows.
	Controls []iso27002.ControlID `json:"controls,omitempty"`
	// Objectives are the IDs of the information security objectives
	// (iso27001.Objective, 6.2) the metric measures.
	Objectives []string `json:"objectives,omitempty"`
	// Source says how the metric is computed from a check's results
	// (Measure); nil for a metric measured by other means.
	Source *Source `json:"source,omitempty"`
}

// Target is what a metric aims at. A value on the good side of Value
// (at least Value when higher is better, at most when lower is) meets
// the target; one between Value and Threshold is a warning; one beyond
// Threshold is missed. Threshold equal to Value leaves no warning band.
// The zero value is invalid: it has no direction.
type Target struct {
	// Direction says which way is better. Required.
	Direction Direction `json:"direction"`
	// Value is the target.
	Value float64 `json:"value"`
	// Threshold is the worst value still counted as a warning; it is on
	// the worse side of Value, or equal to it.
	Threshold float64 `json:"threshold"`
	// Tolerance is the change between two results that still counts as
	// stable; zero means any change counts.
	Tolerance float64 `json:"tolerance,omitempty"`
}

// Status returns where v stands against the target.
func (t Target) Status(v float64) Status {
	switch t.Direction {
	case HigherIsBetter:
		switch {
		case v >= t.Value:
			return Met
		case v >= t.Threshold:
			return Warning
		}
		return Missed
	case LowerIsBetter:
		switch {
		case v <= t.Value:
			return Met
		case v <= t.Threshold:
			return Warning
		}
		return Missed
	}
	return NoData
}

// String returns the target in words: ">= 95 (warning from 85)", "<= 0
// (warning up to 5)"; "" for a target without a direction.
func (t Target) String() string {
	switch t.Direction {
	case HigherIsBetter:
		if t.Threshold == t.Value {
			return ">= " + num(t.Value)
		}
		return ">= " + num(t.Value) + " (warning down to " + num(t.Threshold) + ")"
	case LowerIsBetter:
		if t.Threshold == t.Value {
			return "<= " + num(t.Value)
		}
		return "<= " + num(t.Value) + " (warning up to " + num(t.Threshold) + ")"
	}
	return ""
}

// num formats a value with at most one decimal.
func num(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

// Format returns v with its unit: "83.3%", "4", "12 days".
func (u Unit) Format(v float64) string {
	switch u {
	case Percent:
		return num(v) + "%"
	case Days:
		if v == 1 {
			return "1 day"
		}
		return num(v) + " days"
	}
	return num(v)
}

// Source says how a metric is computed from the results of a check. The
// zero value is invalid.
type Source struct {
	// Check is the ID of the check (checks.Definition.ID). Required.
	Check string `json:"check"`
	// Measure is what is taken from its result. Required.
	Measure Measure `json:"measure"`
}

// Measurement is one result of a metric: its value on a day (9.1: the
// monitoring and measurement results, kept as documented information).
// The zero value is invalid.
type Measurement struct {
	// Metric is the ID of the metric. Required.
	Metric string `json:"metric"`
	// Date of the measurement. Required.
	Date ismskit.Date `json:"date"`
	// Value measured, in the metric's unit.
	Value float64 `json:"value"`
	// By is who measured.
	By string `json:"by,omitempty"`
	// Evidence is the ID of the evidence the value comes from (a check
	// result's checks.Result.EvidenceID, a report).
	Evidence string `json:"evidence,omitempty"`
	// Note on the measurement.
	Note string `json:"note,omitempty"`
}

// Records is an organisation's measurement programme as one JSON
// document: the metrics it defined and their results over time (9.1).
// DecodeRecords reads it strictly, Validate checks it, Evaluate judges
// every metric as of a day; JSONSchema returns its JSON Schema.
//
// The zero value is an empty document, which is valid.
type Records struct {
	// Organization the records belong to.
	Organization string `json:"organization,omitempty"`
	// Metrics defined (9.1 a to f).
	Metrics []Metric `json:"metrics,omitempty"`
	// Results of the metrics, in any order.
	Results []Measurement `json:"results,omitempty"`
	// Extensions holds the user's own data as raw JSON, never
	// interpreted.
	Extensions map[string]json.RawMessage `json:"extensions,omitempty"`
}

// DecodeRecords decodes a Records document strictly: an unknown or
// duplicated key, a wrong JSON type, an unknown enum value, a malformed
// ID or date and data after the document are each an *ismskit.Error with
// its path, all of them up to the problem limit, joined. opts set the
// decoder's limits. It does not validate the content; call Validate for
// that.
func DecodeRecords(data []byte, opts ...ismskit.DecodeOption) (Records, error) {
	r, err := codec.Decode[recordsJSON](data, opts)
	return Records(r), err
}

// ReadRecords reads a Records document from r, never past the byte
// limit, and decodes it as DecodeRecords does.
func ReadRecords(r io.Reader, opts ...ismskit.DecodeOption) (Records, error) {
	return codec.Read(r, opts, DecodeRecords)
}

// EncodeRecords returns the JSON form of r, indented by two spaces and
// ending in a newline; DecodeRecords reads it back.
func EncodeRecords(r Records) ([]byte, error) { return codec.Encode(recordsJSON(r)) }

// WriteRecords writes the JSON form of r to w, as EncodeRecords returns
// it.
func WriteRecords(w io.Writer, r Records) error { return codec.Write(w, recordsJSON(r)) }

// recordsJSON is Records without its methods, for decoding.
type recordsJSON Records

// UnmarshalJSON decodes the document strictly, as DecodeRecords does
// with the default limits.
func (r *Records) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*recordsJSON)(r))
}

// Add returns a copy of r with ms among its results: a measurement of
// the same metric and date as one r holds replaces it, the others are
// appended in order. r is not modified.
func (r Records) Add(ms ...Measurement) Records {
	out := r
	out.Results = slices.Clone(r.Results)
	for _, m := range ms {
		i := slices.IndexFunc(out.Results, func(x Measurement) bool { return x.Metric == m.Metric && x.Date == m.Date })
		if i >= 0 {
			out.Results[i] = m
		} else {
			out.Results = append(out.Results, m)
		}
	}
	return out
}

// Validate reports every problem of the records, each an *ismskit.Error
// with its path and the ID of the element ("metrics[2].measuredBy", Item
// "mfa-coverage"):
//
//   - a metric without an ID, title, method, unit, frequency, who
//     measures, analysis frequency, who analyses or target direction
//     (ismskit.ErrMissing: 9.1 a to f ask for each), an ID given twice
//     (ismskit.ErrDuplicateID), a threshold on the better side of the
//     target or a source whose measure does not fit the unit
//     (ismskit.ErrInconsistent), a percent target outside 0 to 100 or a
//     negative tolerance (ismskit.ErrOutOfRange), a malformed control ID
//     (ismskit.ErrInvalidID), a source without a check or measure
//     (ismskit.ErrMissing);
//   - a result without a metric or date (ismskit.ErrMissing), of an
//     unknown metric (ismskit.ErrUnknownReference), given twice for one
//     day (ismskit.ErrDuplicateID), a value that is not finite or a
//     percentage outside 0 to 100 (ismskit.ErrOutOfRange).
func (r Records) Validate() error {
	var l fielderr.List
	units := map[string]Unit{}
	for i, m := range r.Metrics {
		var ml fielderr.List
		_, dup := units[m.ID]
		switch {
		case strings.TrimSpace(m.ID) == "":
			ml.Add("id", ismskit.ErrMissing)
		case dup:
			ml.Add("id", fmt.Errorf("%w: %q", ismskit.ErrDuplicateID, clip(m.ID)))
		default:
			units[m.ID] = m.Unit
		}
		m.validate(&ml)
		l.AddItem(fielderr.Index("metrics", i), m.ID, ml.Err())
	}
	type day struct {
		metric string
		date   ismskit.Date
	}
	seen := map[day]bool{}
	for i, x := range r.Results {
		var xl fielderr.List
		u, known := units[x.Metric]
		switch {
		case strings.TrimSpace(x.Metric) == "":
			xl.Add("metric", ismskit.ErrMissing)
		case !known:
			xl.Add("metric", fmt.Errorf("%w: no metric %q", ismskit.ErrUnknownReference, clip(x.Metric)))
		}
		if x.Date.IsZero() {
			xl.Add("date", ismskit.ErrMissing)
		} else if k := (day{x.Metric, x.Date}); seen[k] {
			xl.Add("date", fmt.Errorf("%w: a second result of %s on %s", ismskit.ErrDuplicateID, clip(x.Metric), x.Date))
		} else {
			seen[k] = true
		}
		switch {
		case math.IsNaN(x.Value) || math.IsInf(x.Value, 0):
			xl.Add("value", fielderr.Errorf(ismskit.ErrOutOfRange, "%v is not a number", x.Value))
		case u == Percent && (x.Value < 0 || x.Value > 100):
			xl.Add("value", fielderr.Errorf(ismskit.ErrOutOfRange, "%s is not a percentage", num(x.Value)))
		}
		l.AddItem(fielderr.Index("results", i), x.Metric, xl.Err())
	}
	return l.Err()
}

// validate checks a metric's own fields, at paths relative to it.
func (m Metric) validate(l *fielderr.List) {
	required := func(path, v string) {
		if strings.TrimSpace(v) == "" {
			l.Add(path, ismskit.ErrMissing)
		}
	}
	required("title", m.Title)
	required("method", m.Method)
	if !m.Unit.IsValid() {
		l.Add("unit", ismskit.ErrMissing)
	}
	if !m.Frequency.IsValid() {
		l.Add("frequency", ismskit.ErrMissing)
	}
	required("measuredBy", m.MeasuredBy)
	if !m.AnalysisFrequency.IsValid() {
		l.Add("analysisFrequency", ismskit.ErrMissing)
	}
	required("analysedBy", m.AnalysedBy)
	t := m.Target
	switch {
	case !t.Direction.IsValid():
		l.Add("target.direction", ismskit.ErrMissing)
	case t.Direction == HigherIsBetter && t.Threshold > t.Value:
		l.Add("target.threshold", fielderr.Errorf(ismskit.ErrInconsistent, "threshold %s is above the target %s, where higher is better", num(t.Threshold), num(t.Value)))
	case t.Direction == LowerIsBetter && t.Threshold < t.Value:
		l.Add("target.threshold", fielderr.Errorf(ismskit.ErrInconsistent, "threshold %s is below the target %s, where lower is better", num(t.Threshold), num(t.Value)))
	}
	for _, f := range []struct {
		path string
		v    float64
	}{{"target.value", t.Value}, {"target.threshold", t.Threshold}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || m.Unit == Percent && (f.v < 0 || f.v > 100) {
			l.Add(f.path, fielderr.Errorf(ismskit.ErrOutOfRange, "%v is not a value of the unit %s", f.v, strings.ToLower(m.Unit.String())))
		}
	}
	if t.Tolerance < 0 || math.IsNaN(t.Tolerance) {
		l.Add("target.tolerance", fielderr.Errorf(ismskit.ErrOutOfRange, "%v is negative", t.Tolerance))
	}
	for i, c := range m.Controls {
		if !c.IsValid() {
			l.Add(fielderr.Index("controls", i), fmt.Errorf("%w: %q", ismskit.ErrInvalidID, c.String()))
		}
	}
	for i, o := range m.Objectives {
		if strings.TrimSpace(o) == "" {
			l.Add(fielderr.Index("objectives", i), ismskit.ErrMissing)
		}
	}
	if s := m.Source; s != nil {
		if strings.TrimSpace(s.Check) == "" {
			l.Add("source.check", ismskit.ErrMissing)
		}
		switch {
		case !s.Measure.IsValid():
			l.Add("source.measure", ismskit.ErrMissing)
		case s.Measure == PassedPercent && m.Unit != Percent,
			s.Measure != PassedPercent && m.Unit != Count:
			l.Add("source.measure", fielderr.Errorf(ismskit.ErrInconsistent, "the measure %s does not give a value in %s",
				measures.Code(s.Measure), strings.ToLower(m.Unit.String())))
		}
	}
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
