// Package colour reads colours written "#RRGGBB", the one form ismskit
// takes (letterheads, risk levels, heat maps, charts).
package colour

// Parse reads "#RRGGBB", in either case, as 0xRRGGBB; ok is false for
// anything else.
func Parse(s string) (rgb uint32, ok bool) {
	if len(s) != 7 || s[0] != '#' {
		return 0, false
	}
	for i := 1; i < 7; i++ {
		c := s[i]
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		rgb = rgb<<4 | uint32(d)
	}
	return rgb, true
}

// Valid reports whether s is written "#RRGGBB".
func Valid(s string) bool {
	_, ok := Parse(s)
	return ok
}
