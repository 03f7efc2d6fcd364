// Package race tells tests whether the race detector is on, as the
// standard library's internal/race does: under it some tests shrink their
// largest inputs, or leave a check to a run without it (.ci/run has a
// step for those), so that CI stays within its time budget.
package race
