//go:build !race

package fair

// raceEnabled: see race_test.go.
const raceEnabled = false
