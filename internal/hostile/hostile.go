// Package hostile builds the large inputs of the hostile-input tests
// (nesting, size and junk far past the decoders' limits) and sizes them
// for the race detector, under which every byte copied into a fresh
// buffer costs: an input of 32 MiB built by bytes.Repeat into one buffer,
// then copied into another, costs seconds of CPU. Only tests import it;
// it is safe for concurrent use.
package hostile

import (
	"runtime/debug"
	"slices"
	"testing"

	"github.com/ismskit/ismskit/internal/race"
)

// Scale is what the hostile-input tests divide the sizes of their inputs
// and their memory bounds by: 10 under the race detector, 1 otherwise.
// A tenth of ten million levels of nesting is still a thousand times the
// deepest limit, and a tenth of a bound of bytes allocated catches the
// same bytes a level.
func Scale() int {
	if race.Enabled {
		return 10
	}
	return 1
}

// HoldGC turns the garbage collector off for the rest of t under the race
// detector, and does nothing otherwise. The race detector checks a long
// copy (a 32 MiB input built, io.ReadAll's copy of what it read) in one
// call the scheduler cannot preempt, and a collection that starts
// meanwhile spins until it ends: seconds of CPU in all. What such copies
// allocate stays in use until they end either way, and runtime.GC still
// collects for a test that measures what it allocated.
func HoldGC(t testing.TB) {
	if race.Enabled {
		old := debug.SetGCPercent(-1)
		t.Cleanup(func() { debug.SetGCPercent(old) })
	}
}

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
