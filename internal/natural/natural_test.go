package natural

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"5.2", "5.10", -1},
		{"5.10", "5.2", 1},
		{"5.1", "5.1", 0},
		{"A.9.4.1", "A.10.1.1", -1},
		{"8.34", "8.4", 1},
		{"", "", 0},
		{"", "a", -1},
		{"a", "", 1},
		{"a1", "a01", -1},
		{"a01", "a1", 1},
		{"a2", "a10b", -1},
		{"x", "10", 1},
		{"6.1.3.d", "6.1.3.e", -1},
		{"9.2.2", "10.1", -1},
		{"ac-2", "ac-10", -1},
	}
	for _, tt := range tests {
		t.Run(tt.a+"|"+tt.b, func(t *testing.T) {
			assert.Equal(t, tt.want, Compare(tt.a, tt.b))
		})
	}
}

func TestSortsIDs(t *testing.T) {
	ids := []string{"8.1", "5.10", "A.18.2.3", "5.2", "10.2", "A.5.1.1", "4.1", "5.1"}
	slices.SortFunc(ids, Compare)
	assert.Equal(t, []string{"4.1", "5.1", "5.2", "5.10", "8.1", "10.2", "A.5.1.1", "A.18.2.3"}, ids)
}

func FuzzCompare(f *testing.F) {
	f.Add("5.2", "5.10")
	f.Add("a01", "a1")
	f.Add("", "0")
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := Compare(a, b), Compare(b, a)
		if ab != -ba {
			t.Fatalf("Compare not antisymmetric: %q %q: %d %d", a, b, ab, ba)
		}
		if (ab == 0) != (a == b) {
			t.Fatalf("Compare(%q, %q) = %d disagrees with equality", a, b, ab)
		}
		if Compare(a, a) != 0 || Compare(strings.Clone(b), b) != 0 {
			t.Fatal("not reflexive")
		}
	})
}
