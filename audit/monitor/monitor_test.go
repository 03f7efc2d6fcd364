package monitor

import (
	"io/fs"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

func osDirFS(dir string) fs.FS { return os.DirFS(dir) }

func TestTargetStatus(t *testing.T) {
	hi := Target{Direction: HigherIsBetter, Value: 95, Threshold: 85}
	lo := Target{Direction: LowerIsBetter, Value: 0, Threshold: 5}
	tests := []struct {
		t    Target
		v    float64
		want Status
	}{
		{hi, 100, Met}, {hi, 95, Met}, {hi, 94.9, Warning}, {hi, 85, Warning}, {hi, 84.9, Missed},
		{lo, 0, Met}, {lo, 1, Warning}, {lo, 5, Warning}, {lo, 6, Missed},
		{Target{Direction: HigherIsBetter, Value: 100, Threshold: 100}, 99, Missed},
		{Target{}, 1, NoData},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.t.Status(tt.v), "%v %v", tt.t, tt.v)
	}
	assert.Equal(t, ">= 95 (warning down to 85)", hi.String())
	assert.Equal(t, "<= 0 (warning up to 5)", lo.String())
	assert.Equal(t, ">= 100", Target{Direction: HigherIsBetter, Value: 100, Threshold: 100}.String())
	assert.Equal(t, "", Target{}.String())
	assert.Equal(t, "83.3%", Percent.Format(83.33))
	assert.Equal(t, "1 day", Days.Format(1))
	assert.Equal(t, "2.5 days", Days.Format(2.5))
	assert.Equal(t, "4", Count.Format(4))
}

func TestEvaluate(t *testing.T) {
	m := Metric{ID: "m", Title: "Coverage", Unit: Percent, Frequency: checks.Monthly,
		Target:   Target{Direction: HigherIsBetter, Value: 95, Threshold: 85, Tolerance: 1},
		Controls: []iso27002.ControlID{iso27002.MustParse("6.3")}, Objectives: []string{"OBJ-3"}}
	x := func(date string, v float64) Measurement { return Measurement{Metric: "m", Date: d(date), Value: v} }
	tests := []struct {
		name    string
		results []Measurement
		asOf    string
		status  Status
		value   float64
		trend   Trend
		overdue bool
		next    string
		summary string
	}{
		{"none", nil, "2026-11-28", NoData, 0, 0, true, "", "Coverage: no result; a measurement is due."},
		{"one", []Measurement{x("2026-11-20", 96)}, "2026-11-28", Met, 96, 0, false, "2026-12-20",
			"Coverage: 96% on 2026-11-20, target >= 95 (warning down to 85): met."},
		{"improving", []Measurement{x("2026-10-20", 80), x("2026-11-20", 90)}, "2026-11-28", Warning, 90, Improving, false, "2026-12-20",
			"Coverage: 90% on 2026-11-20, target >= 95 (warning down to 85): warning, improving from 80%."},
		{"stable within tolerance", []Measurement{x("2026-10-20", 90.5), x("2026-11-20", 90)}, "2026-11-28", Warning, 90, Stable, false, "2026-12-20", ""},
		{"worsening and overdue", []Measurement{x("2026-09-01", 90), x("2026-10-01", 70)}, "2026-11-28", Missed, 70, Worsening, true, "2026-11-01",
			"Coverage: 70% on 2026-10-01, target >= 95 (warning down to 85): missed, worsening from 90%; overdue since 2026-11-01."},
		{"order of input does not matter", []Measurement{x("2026-11-20", 90), x("2026-10-20", 80)}, "2026-11-28", Warning, 90, Improving, false, "2026-12-20", ""},
		{"later results are ignored", []Measurement{x("2026-10-20", 80), x("2026-12-20", 99)}, "2026-11-28", Missed, 80, 0, true, "2026-11-20", ""},
		{"one result a day, the last given", []Measurement{x("2026-11-20", 50), x("2026-11-20", 97), x("2026-11-19", 97)}, "2026-11-28", Met, 97, Stable, false, "2026-12-20", ""},
		{"other metrics are ignored", []Measurement{{Metric: "other", Date: d("2026-11-20"), Value: 1}, x("2026-11-21", 99)}, "2026-11-28", Met, 99, 0, false, "2026-12-21", ""},
		{"due on the next date, overdue after", []Measurement{x("2026-10-28", 99)}, "2026-11-28", Met, 99, 0, false, "2026-11-28", ""},
		{"overdue the day after", []Measurement{x("2026-10-27", 99)}, "2026-11-28", Met, 99, 0, true, "2026-11-27", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := Evaluate(m, tt.results, d(tt.asOf))
			assert.Equal(t, tt.status, ev.Status)
			assert.Equal(t, tt.status == Met, ev.Met)
			assert.Equal(t, tt.value, ev.Value)
			assert.Equal(t, tt.trend, ev.Trend)
			assert.Equal(t, tt.overdue, ev.Overdue)
			if tt.next != "" {
				assert.Equal(t, d(tt.next), ev.NextDue)
			} else {
				assert.True(t, ev.NextDue.IsZero())
			}
			if tt.summary != "" {
				assert.Equal(t, tt.summary, ev.Summary)
			}
			assert.Equal(t, m.Controls, ev.Controls)
			assert.Equal(t, []string{"OBJ-3"}, ev.Objectives)
		})
	}
	// Lower is better: a fall is an improvement.
	lo := Metric{ID: "v", Title: "Vulns", Unit: Count, Frequency: checks.Weekly, Target: Target{Direction: LowerIsBetter, Value: 0, Threshold: 5}}
	ev := Evaluate(lo, []Measurement{{Metric: "v", Date: d("2026-11-20"), Value: 9}, {Metric: "v", Date: d("2026-11-27"), Value: 4}}, asOf)
	assert.Equal(t, Improving, ev.Trend)
	assert.Equal(t, Warning, ev.Status)
	// A results slice given by the caller is not reordered.
	in := []Measurement{x("2026-11-20", 90), x("2026-10-20", 80)}
	Evaluate(m, in, asOf)
	assert.Equal(t, d("2026-11-20"), in[0].Date)
}

func TestFromChecksAndRecords(t *testing.T) {
	r := sampleRecords(t)
	require.NoError(t, r.Validate())
	ms := FromChecks(r.Metrics, checkResults(t))
	require.Len(t, ms, 8, "one per built-in metric")
	byID := map[string]Measurement{}
	for _, m := range ms {
		byID[m.Metric] = m
		assert.Equal(t, asOf, m.Date)
		assert.Equal(t, "Security engineer", m.By)
	}
	assert.Equal(t, 50.0, byID["mfa-coverage"].Value)
	assert.Equal(t, "check:aws-iam-mfa:2026-11-28", byID["mfa-coverage"].Evidence)
	assert.Equal(t, 3.0, byID["unused-credentials"].Value)
	assert.Equal(t, 5.0, byID["fixable-vulnerabilities"].Value)
	assert.Equal(t, 33.3, byID["access-reviews-on-time"].Value)

	r2 := r.Add(ms...)
	assert.Len(t, r2.Results, len(r.Results)+8)
	assert.Len(t, r.Add(ms...).Add(ms...).Results, len(r.Results)+8, "a result of the same metric and day replaces the earlier one")
	evs, err := r2.Evaluate(asOf)
	require.NoError(t, err)
	require.Len(t, evs, 8)
	want := map[string]struct {
		status Status
		trend  Trend
	}{
		"mfa-coverage":               {Missed, Worsening},
		"unused-credentials":         {Missed, Worsening},
		"fixable-vulnerabilities":    {Warning, Improving},
		"training-coverage":          {Missed, Stable},
		"access-reviews-on-time":     {Missed, Stable},
		"restore-tests-passed":       {Missed, Stable},
		"suppliers-assessed":         {Missed, Stable},
		"incidents-closed-in-target": {Missed, Stable},
	}
	for _, ev := range evs {
		assert.Equal(t, want[ev.Metric].status, ev.Status, ev.Metric)
		assert.Equal(t, want[ev.Metric].trend, ev.Trend, ev.Metric)
		assert.False(t, ev.Overdue, ev.Metric)
		assert.Equal(t, 6, ev.Results)
	}
	// Without the check results of November, every metric is overdue.
	evs, err = r.Evaluate(asOf)
	require.NoError(t, err)
	for _, ev := range evs {
		assert.True(t, ev.Overdue, ev.Metric)
	}

	// Empty populations give no percentage.
	empty := []checks.Result{{Check: "training-current", AsOf: asOf}, {Check: "trivy-fixable", AsOf: asOf}}
	ms = FromChecks(Builtin(), empty)
	assert.Equal(t, []Measurement{{Metric: "fixable-vulnerabilities", Date: asOf, Value: 0, By: "Security engineer", Evidence: "check:trivy-fixable:2026-11-28"}}, ms)
	pop := Metric{ID: "p", Source: &Source{Check: "trivy-fixable", Measure: Population}}
	assert.Equal(t, 6.0, FromChecks([]Metric{pop}, checkResults(t))[0].Value)
	assert.Empty(t, FromChecks([]Metric{{ID: "x", Source: &Source{Check: "trivy-fixable"}}}, checkResults(t)))
}

func TestObjectives(t *testing.T) {
	evs := []Evaluation{
		{Metric: "a", Status: Met, Objectives: []string{"O-1", "O-2"}},
		{Metric: "b", Status: Warning, Objectives: []string{"O-2"}},
		{Metric: "c", Status: Missed, Objectives: []string{"O-3", "O-4"}},
		{Metric: "d", Status: Met, Overdue: true, Objectives: []string{"O-5"}},
		{Metric: "e", Status: NoData, Overdue: true, Objectives: []string{"O-6"}},
	}
	objs := []iso27001.Objective{
		{ID: "O-1", Description: "one", Owner: "CTO"},
		{ID: "O-2", Description: "two"},
		{ID: "O-3", Description: "three", Due: d("2027-03-31")},
		{ID: "O-4", Description: "four", Due: d("2026-10-31")},
		{ID: "O-5", Description: "five"},
		{ID: "O-6", Description: "six"},
		{ID: "O-7", Description: "seven"},
	}
	got := EvaluateObjectives(objs, evs, asOf)
	want := []struct {
		status ObjectiveStatus
		reason string
	}{
		{OnTrack, "every metric meets its target: a"},
		{AtRisk, "short of the target: b"},
		{AtRisk, "beyond the threshold before the due date 2027-03-31: c"},
		{OffTarget, "beyond the threshold: c; it was due on 2026-10-31"},
		{AtRisk, "measurement overdue: d"},
		{NotMeasured, "its metrics have no result: e"},
		{NotMeasured, "no metric measures it"},
	}
	require.Len(t, got, len(want))
	for i, w := range want {
		assert.Equal(t, w.status, got[i].Status, objs[i].ID)
		assert.Equal(t, w.reason, got[i].Reason, objs[i].ID)
	}
	assert.Equal(t, []string{"a", "b"}, got[1].Metrics)
	assert.Equal(t, "CTO", got[0].Owner)
	assert.Empty(t, EvaluateObjectives(nil, evs, asOf))
}

func TestValidate(t *testing.T) {
	good := Builtin()[0]
	bad := Records{
		Metrics: []Metric{
			{},
			good,
			good,
			{ID: "x", Title: "X", Method: "M", Unit: Percent, Frequency: checks.Monthly, MeasuredBy: "A", AnalysisFrequency: checks.Yearly, AnalysedBy: "B",
				Target:   Target{Direction: HigherIsBetter, Value: 90, Threshold: 120, Tolerance: -1},
				Controls: []iso27002.ControlID{{}}, Objectives: []string{""}, Source: &Source{Measure: FailedCount}},
			{ID: "y", Title: "Y", Method: "M", Unit: Count, Frequency: checks.Monthly, MeasuredBy: "A", AnalysisFrequency: checks.Yearly, AnalysedBy: "B",
				Target: Target{Direction: LowerIsBetter, Value: 3, Threshold: 1}},
		},
		Results: []Measurement{
			{},
			{Metric: "nope", Date: asOf},
			{Metric: "mfa-coverage", Date: asOf, Value: 101},
			{Metric: "y", Date: asOf, Value: 1},
			{Metric: "y", Date: asOf, Value: 2},
		},
	}
	err := bad.Validate()
	require.Error(t, err)
	want := []string{
		"metrics[0].id", "metrics[0].title", "metrics[0].method", "metrics[0].unit", "metrics[0].frequency", "metrics[0].measuredBy",
		"metrics[0].analysisFrequency", "metrics[0].analysedBy", "metrics[0].target.direction",
		"metrics[2].id",
		"metrics[3].target.threshold", "metrics[3].target.threshold", "metrics[3].target.tolerance", "metrics[3].controls[0]", "metrics[3].objectives[0]",
		"metrics[3].source.check", "metrics[3].source.measure",
		"metrics[4].target.threshold",
		"results[0].metric", "results[0].date", "results[1].metric", "results[2].value", "results[4].date",
	}
	assert.Equal(t, want, fielderr.Paths(err))
	for _, k := range []error{ismskit.ErrMissing, ismskit.ErrDuplicateID, ismskit.ErrInconsistent, ismskit.ErrOutOfRange, ismskit.ErrInvalidID, ismskit.ErrUnknownReference} {
		assert.ErrorIs(t, err, k)
	}
	assert.Equal(t, "mfa-coverage", ismskit.Problems(err)[9].Item)
	_, err = bad.Evaluate(asOf)
	assert.Error(t, err)
	assert.NoError(t, Records{}.Validate())
	assert.NoError(t, Records{Metrics: Builtin()}.Validate())
}

func TestRecordsJSON(t *testing.T) {
	r := sampleRecords(t).Add(FromChecks(sampleRecords(t).Metrics, checkResults(t))...)
	enc, err := EncodeRecords(r)
	require.NoError(t, err)
	back, err := DecodeRecords(enc)
	require.NoError(t, err)
	assert.Equal(t, r, back)
	_, err = DecodeRecords([]byte(`{"metrics": [{"id": "a", "unit": "percentage"}]}`))
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, []string{"metrics[0].unit"}, fielderr.Paths(err))
	_, err = DecodeRecords([]byte(`{"metric": []}`))
	assert.ErrorIs(t, err, ismskit.ErrUnknownField)
	_, err = ReadRecords(nil)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
}
