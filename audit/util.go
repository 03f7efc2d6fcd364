package audit

import (
	"math"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
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

// plural returns one when n is 1, many otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// clip shortens text from the input quoted in a message, so that a
// hostile input cannot make the message large.
func clip(s string) string {
	if len(s) > 60 {
		return strings.ToValidUTF8(s[:60], "") + "..."
	}
	return s
}

// article puts "a" or "an" before a phrase.
func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// nilTarget is the error of decoding into a nil pointer.
func nilTarget(typ string) error {
	return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "decoding into a nil *%s", typ)}
}
