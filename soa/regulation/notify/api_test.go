package notify

import (
	"maps"
	"slices"
	"testing"
	"time"

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

// TestAPIZero calls every exported function with zero arguments, and every
// exported method on a zero value and on a nil pointer: none panics. A new
// exported function or type fails it until it is listed above.
func TestAPIZero(t *testing.T) {
	apitest.ZeroCalls(t, ".", exportedFuncs, exportedTypes...)
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
	values := slices.Clone(exportedTypes)
	for _, name := range slices.Sorted(maps.Keys(samples)) {
		values = append(values, samples[name]...)
	}
	// Residents are keyed by the user's State names ("CA").
	apitest.JSONSkipping(t, ".", []string{"residents"}, values...)
}
