package cvss2

import (
	"errors"
	"testing"

	"github.com/ismskit/ismskit"
)

// FuzzParse checks that Parse never panics, that an accepted vector
// round-trips through its canonical string, and that every score stays
// within 0..10.
func FuzzParse(f *testing.F) {
	for _, tt := range scoreTests {
		f.Add(tt.vector)
	}
	f.Add("(AV:N/AC:L/Au:N/C:P/I:P/A:P)")
	f.Add("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND")
	f.Add("AV:N/AV:N")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			var fe *ismskit.Error
			if !errors.As(err, &fe) {
				t.Fatalf("Parse(%q): error %v is not an *ismskit.Error", s, err)
			}
			if v != (Vector{}) {
				t.Fatalf("Parse(%q) returned a vector with an error", s)
			}
			return
		}
		canon := v.String()
		w, err := Parse(canon)
		if err != nil {
			t.Fatalf("Parse(%q) -> %q does not parse again: %v", s, canon, err)
		}
		if w != v || w.String() != canon {
			t.Fatalf("round trip %q -> %q -> %q", s, canon, w.String())
		}
		sc := v.Scores()
		for _, x := range []float64{sc.Base, sc.Temporal, sc.Environmental, v.Score()} {
			if x < 0 || x > 10 {
				t.Fatalf("%q: score %v out of 0..10", s, x)
			}
		}
		if sc.Temporal > sc.Base || sc.Severity != v.Severity() {
			t.Fatalf("%q: scores %+v", s, sc)
		}
	})
}
