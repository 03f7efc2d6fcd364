package audit

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentUse runs the entry points from several goroutines on
// shared inputs; with -race it shows that nothing writes to them, and the
// results are identical.
func TestConcurrentUse(t *testing.T) {
	r := testRecords(t)
	b := testBasis()
	want, err := NewReport(r, b, ReadinessInput{Gap: okGap}, asOf)
	require.NoError(t, err)
	wantMD := want.Markdown()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := NewReport(r, b, ReadinessInput{Gap: okGap}, asOf)
			assert.NoError(t, err)
			assert.Equal(t, string(wantMD), string(got.Markdown()))
			_, err = Plan(PlanOptions{Basis: b, CycleStart: d("2026-02-02"), Slots: slots(t, d("2026-02-02"), 3, 3), Auditors: testAuditors})
			assert.NoError(t, err)
			assert.NoError(t, r.Programme.CheckCoverage(b))
			_, err = NewChecklist(r.Programme.Audits[0], b)
			assert.NoError(t, err)
			assert.Len(t, OverdueActions(r.Actions, asOf), 1)
		})
	}
	wg.Wait()
}
