// Package natural orders identifiers the way people read them: runs of
// digits compare as numbers, everything else byte by byte, so "5.2" sorts
// before "5.10" and "A.9.4.1" before "A.10.1.1".
//
// It is safe for concurrent use; it keeps no state.
package natural

// Compare returns -1, 0 or +1 as a sorts before, equal to or after b in
// natural order. Digit runs compare by numeric value, ignoring leading
// zeros; where two runs have the same value the shorter run (fewer leading
// zeros) sorts first, so that Compare is a total order consistent with
// string equality.
func Compare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if isDigit(ca) && isDigit(cb) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			if c := compareDigits(a[si:i], b[sj:j]); c != 0 {
				return c
			}
			continue
		}
		if ca != cb {
			if ca < cb {
				return -1
			}
			return 1
		}
		i++
		j++
	}
	switch {
	case len(a)-i < len(b)-j:
		return -1
	case len(a)-i > len(b)-j:
		return 1
	}
	return 0
}

// compareDigits compares two runs of ASCII digits by value, then by length.
func compareDigits(x, y string) int {
	tx, ty := trimZeros(x), trimZeros(y)
	if len(tx) != len(ty) {
		if len(tx) < len(ty) {
			return -1
		}
		return 1
	}
	for k := 0; k < len(tx); k++ {
		if tx[k] != ty[k] {
			if tx[k] < ty[k] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(x) < len(y):
		return -1
	case len(x) > len(y):
		return 1
	}
	return 0
}

func trimZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
