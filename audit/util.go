package audit

import (
	"math"
	"slices"

	"github.com/ismskit/ismskit/iso27002"
)

// unjoin returns the errors inside a joined error, or err alone.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// sortControls sorts ids in natural order.
func sortControls(ids []iso27002.ControlID) {
	slices.SortFunc(ids, iso27002.Compare)
}

// round1 rounds to one decimal.
func round1(x float64) float64 { return math.Round(x*10) / 10 }
