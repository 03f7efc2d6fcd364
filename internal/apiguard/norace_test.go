//go:build !race

package apiguard

// raceEnabled: see race_test.go.
const raceEnabled = false
