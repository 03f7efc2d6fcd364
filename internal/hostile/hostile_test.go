package hostile_test

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"testing"

	"github.com/ismskit/ismskit/internal/hostile"
	"github.com/ismskit/ismskit/internal/race"
	"github.com/stretchr/testify/assert"
)

func TestAppendRepeat(t *testing.T) {
	tests := []struct {
		prefix, s string
		n         int
	}{
		{"", "ab", 0},
		{"x", "ab", -3},
		{"x", "", 5},
		{"", "a", 1},
		{"head", "abc", 1},
		{"head", "abc", 2},
		{"head", "abc", 7},
		{"", "{\"a\":", 1000},
		{"[", "0,", 4097},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%q*%d", tc.s, tc.n), func(t *testing.T) {
			want := []byte(tc.prefix)
			if tc.n > 0 {
				want = append(want, bytes.Repeat([]byte(tc.s), tc.n)...)
			}
			got := hostile.AppendRepeat([]byte(tc.prefix), tc.s, tc.n)
			assert.Equal(t, string(want), string(got))
		})
	}
	// Into the room of the buffer it is given: no new allocation.
	buf := make([]byte, 0, 64)
	got := hostile.AppendRepeat(buf, "abcd", 16)
	assert.Equal(t, &buf[:1][0], &got[0], "the same backing array")
}

func TestScaleAndHoldGC(t *testing.T) {
	want := 1
	if race.Enabled {
		want = 10
	}
	assert.Equal(t, want, hostile.Scale())

	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	var during int
	t.Run("held", func(t *testing.T) {
		hostile.HoldGC(t)
		during = debug.SetGCPercent(-1)
		debug.SetGCPercent(during)
	})
	if race.Enabled {
		assert.Equal(t, -1, during, "off under the race detector")
	} else {
		assert.Equal(t, 100, during, "untouched without it")
	}
	assert.Equal(t, 100, debug.SetGCPercent(before), "restored when the test ends")
}

func ExampleAppendRepeat() {
	fmt.Println(string(hostile.AppendRepeat([]byte("["), "1,", 3)))
	// Output: [1,1,1,
}
