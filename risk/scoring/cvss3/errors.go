package cvss3

// maxLen is the length of the longest valid vector: the prefix and every
// metric once, each with a one-letter value (117 bytes). A longer string
// is rejected before it is parsed.
var maxLen = func() int {
	n := prefixLen - 1
	for _, m := range metrics {
		n += 1 + len(m.abbr) + 2
	}
	return n
}()
