//go:build race

package fair

// raceEnabled tells tests that the race detector slows this run: the
// largest inputs shrink (with their bounds) so that CI stays within its
// time budget.
const raceEnabled = true
