package cvss4

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
)

// FuzzParse checks that Parse never panics, that an accepted vector
// round-trips through its canonical string, and that its score stays
// within 0..10 with a consistent severity, nomenclature and MacroVector.
func FuzzParse(f *testing.F) {
	for _, tt := range specExamples {
		f.Add(tt.vector)
	}
	f.Add("CVSS:4.0/")
	f.Add("CVSS:4.0/AV:N/AV:N")
	f.Add("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Clear/")
	f.Add("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:H/E:A")
	f.Fuzz(func(t *testing.T, s string) {
		checkFastPath(t, s)
		v, err := Parse(s)
		if err != nil {
			var fe *ismskit.Error
			if !errors.As(err, &fe) {
				t.Fatalf("Parse(%q): error %v is not an *ismskit.Error", s, err)
			}
			if v != (Vector{}) {
				t.Fatalf("Parse(%q) returned a vector with an error", s)
			}
			if n := len(ismskit.Problems(err)); n > ismskit.DefaultMaxProblems+1 {
				t.Fatalf("Parse(%q): %d problems", s, n)
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
		if sc.Score < 0 || sc.Score > 10 || sc.Score != v.Score() {
			t.Fatalf("%q: score %v", s, sc.Score)
		}
		if sc.Severity != v.Severity() || !sc.Nomenclature.IsValid() || !sc.MacroVector.IsValid() {
			t.Fatalf("%q: scores %+v", s, sc)
		}
		if sc.MacroVector.Score() < sc.Score {
			t.Fatalf("%q: score %v above its MacroVector's %v", s, sc.Score, sc.MacroVector.Score())
		}
	})
}

// checkFastPath checks that Parse's fast path, where it accepts s,
// gives what the full parser gives, and that it accepts every valid
// vector.
func checkFastPath(t *testing.T, s string) {
	t.Helper()
	if len(s) > maxLen || !strings.HasPrefix(s, prefix) {
		return
	}
	fast, ok := parseValid(s)
	full, err := parseAll(s)
	if ok != (err == nil) || fast != full {
		t.Fatalf("%q: fast path %v %v, full parser %v %v", s, fast, ok, full, err)
	}
}

// TestFastPathAgrees mutates random valid vectors (a byte changed,
// removed or doubled, a component dropped or repeated) and checks that
// the fast path and the full parser agree on each.
func TestFastPathAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "ABCDEHILMNOPRSTUVXaclr:/0X"
	for range 50_000 {
		s := randomVector(r)
		checkFastPath(t, s)
		b := []byte(s)
		switch k := len(prefix) + r.IntN(len(b)-len(prefix)); r.IntN(5) {
		case 0:
			b[k] = alphabet[r.IntN(len(alphabet))]
		case 1:
			b = append(b[:k], b[k+1:]...)
		case 2:
			b = append(b[:k+1], b[k:]...)
		case 3:
			b = append(b, '/')
		case 4:
			parts := strings.Split(s[len(prefix):], "/")
			i := r.IntN(len(parts))
			parts = append(parts[:i+1], parts[i:]...)
			if r.IntN(2) == 0 {
				parts = append(parts[:i], parts[i+2:]...)
			}
			b = []byte(prefix + strings.Join(parts, "/"))
		}
		checkFastPath(t, string(b))
	}
}
