// Package race tells tests whether the race detector is on, as the
// standard library's internal/race does: under it some tests shrink their
// largest inputs (the same properties, on fewer iterations), or leave a
// check of sequential code to a run without it (the step "checks left to
// a run without the race detector" of .ci/run), so that CI stays within
// its time budget.
package race
