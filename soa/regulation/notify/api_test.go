package notify

import (
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/soa/regulation"
)

// exportedFuncs lists every exported function of the package; TestAPIZero
// fails when the source has one that is not here.
var exportedFuncs = map[string]any{
	"Deadlines": Deadlines, "DecodeIncident": DecodeIncident, "DueAt": DueAt, "DueOn": DueOn, "EncodeIncident": EncodeIncident,
	"Overdue": Overdue, "ParseRecipient": ParseRecipient, "ParseReport": ParseReport, "ReadIncident": ReadIncident,
	"Recipients": Recipients, "Reports": Reports, "WriteIncident": WriteIncident,
}

// exportedTypes has a value of every exported type of the package.
var exportedTypes = []any{Due{}, Incident{}, Notification{}, Recipient(0), Report(0), Submission{}}

func typeNames(vs []any) []string {
	var out []string
	for _, v := range vs {
		out = append(out, reflect.TypeOf(v).Name())
	}
	return out
}

// TestAPIZero calls every exported function with zero arguments, and
// every exported method on a zero value and on a nil pointer: none
// panics.
func TestAPIZero(t *testing.T) {
	funcs, types := apitest.Exported(t, ".")
	apitest.Complete(t, "function", funcs, slices.Collect(maps.Keys(exportedFuncs)))
	apitest.Complete(t, "type", types, typeNames(exportedTypes))
	for _, name := range slices.Sorted(maps.Keys(exportedFuncs)) {
		apitest.Zero(t, name, exportedFuncs[name], nil)
	}
	for _, v := range exportedTypes {
		apitest.Methods(t, v, nil)
	}
}

// TestAPIJSON marshals every exported type, its zero value and values
// from Deadlines, with lowerCamelCase keys, and decodes it back equal.
func TestAPIJSON(t *testing.T) {
	aware := time.Date(2026, 1, 30, 10, 0, 0, 0, time.UTC)
	inc := Incident{Regimes: []regulation.Regulation{regulation.HIPAA, regulation.DORA}, Aware: aware, Classified: aware.Add(12 * time.Hour),
		Individuals: 600, Residents: map[string]int{"CA": 600}, Holidays: []ismskit.Date{day("2026-02-02")},
		Submitted: []Submission{{Regime: regulation.DORA, Report: InitialNotification, At: aware.Add(13 * time.Hour)}}}
	var notes []any
	for _, n := range deadlines(t, inc) {
		notes = append(notes, n)
	}
	samples := map[string][]any{
		"Due":          {DueAt(aware), DueOn(day("2026-03-31"))},
		"Incident":     {inc},
		"Notification": notes,
		"Recipient":    {Media, CoveredEntity},
		"Report":       {EarlyWarning, CoveredEntityNotice},
		"Submission":   {inc.Submitted[0]},
	}
	apitest.Complete(t, "type with samples", typeNames(exportedTypes), slices.Collect(maps.Keys(samples)))
	for _, v := range exportedTypes {
		name := reflect.TypeOf(v).Name()
		t.Run(name, func(t *testing.T) {
			for _, x := range append([]any{v}, samples[name]...) {
				assert.Equal(t, x, apitest.RoundTrip(t, x, "residents")) // residents are keyed by the user's State names
			}
		})
	}
}
