package fielderr

import (
	"strconv"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
)

// MaxQuoted is how many bytes of an input Quote keeps.
const MaxQuoted = 40

// Quote returns s quoted with strconv.Quote for an error message, cut to
// its first MaxQuoted bytes (at a rune boundary) with "..." after the
// closing quote when longer, so that a hostile input cannot make a
// message large: Quote("5.x") is `"5.x"`.
func Quote(s string) string {
	if len(s) <= MaxQuoted {
		return strconv.Quote(s)
	}
	cut := MaxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "..."
}

// NilTarget is the error of an UnmarshalText or UnmarshalJSON method
// called on a nil pointer, which has nowhere to put the value: typ names
// the type ("iso27002.Theme").
func NilTarget(typ string) error {
	return Errorf(ismskit.ErrMissing, "cannot decode into a nil *%s", typ)
}
