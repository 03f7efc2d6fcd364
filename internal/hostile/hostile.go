// Package hostile builds the large inputs of the hostile-input tests
// (nesting, size and junk far past the decoders' limits) cheaply: under
// the race detector every byte copied into a fresh buffer costs, and an
// input of 32 MiB built by bytes.Repeat into one buffer, then copied into
// another, costs seconds of CPU. Only tests import it; it is safe for
// concurrent use.
package hostile

import "slices"

// AppendRepeat appends n copies of s to b, the bytes bytes.Repeat would
// make, but into b's room if it has enough, and in a few long copies
// (each doubling what is there) rather than n short ones. It returns b
// unchanged if n <= 0 or s is empty.
func AppendRepeat(b []byte, s string, n int) []byte {
	if n <= 0 || s == "" {
		return b
	}
	b = slices.Grow(b, n*len(s))
	start, end := len(b), len(b)+n*len(s)
	b = append(b, s...)
	for len(b) < end {
		b = append(b, b[start:start+min(len(b)-start, end-len(b))]...)
	}
	return b
}
