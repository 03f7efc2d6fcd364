//go:build race

package apiguard

// raceEnabled: under the race detector TestRepository, which type-checks
// the whole module, takes four times as long and finds nothing a run
// without it would not; .ci/run runs it without the race detector.
const raceEnabled = true
