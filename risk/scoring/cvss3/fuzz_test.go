package cvss3

import (
	"errors"
	"testing"

	"github.com/ismskit/ismskit"
)

// FuzzParse checks that Parse never panics, that an accepted vector
// round-trips through its canonical string, and that every score stays
// within 0..10 with a consistent severity.
func FuzzParse(f *testing.F) {
	for _, tt := range scoreTests {
		f.Add(tt.vector)
	}
	f.Add("CVSS:3.1/")
	f.Add("CVSS:3.1/AV:N/AV:N")
	f.Add("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/MS:C/MPR:L")
	f.Add("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H//")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			var fe *ismskit.Error
			if !errors.As(err, &fe) {
				t.Fatalf("Parse(%q): error %v is not a *ismskit.Error", s, err)
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
		if sc.Temporal > sc.Base {
			t.Fatalf("%q: temporal %v above base %v", s, sc.Temporal, sc.Base)
		}
		if sc.Severity != SeverityOf(v.Score()) {
			t.Fatalf("%q: severity %v for score %v", s, sc.Severity, v.Score())
		}
	})
}
