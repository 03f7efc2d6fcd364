//go:build race

package cvss4

func init() { raceEnabled = true }
