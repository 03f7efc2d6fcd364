package cvss4

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// randomVector returns a random valid vector string: every base metric,
// and each other metric left out, given as X or given a value, at random.
func randomVector(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("CVSS:4.0")
	for m := range Metric(numMetrics) {
		vals := metrics[m].values
		if m.Group() != Base {
			switch r.IntN(4) {
			case 0:
				continue // left out
			case 1:
				b.WriteString("/" + metrics[m].abbr + ":X")
				continue
			}
			vals = vals[1:]
		}
		b.WriteString("/" + metrics[m].abbr + ":" + vals[r.IntN(len(vals))])
	}
	return b.String()
}

// TestRandomVectors checks properties of 20,000 random vectors: they
// parse, round-trip through their canonical string, score within 0..10
// and no higher than their MacroVector, and score the same without their
// supplemental metrics.
func TestRandomVectors(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		s := randomVector(r)
		v, err := Parse(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if w := MustParse(v.String()); w != v {
			t.Fatalf("%s: round trip %s", s, v)
		}
		score := v.Score()
		if score < 0 || score > 10 || score > v.MacroVector().Score() {
			t.Fatalf("%s: score %v, MacroVector %s %v", s, score, v.MacroVector(), v.MacroVector().Score())
		}
		w := v
		for m := Safety; m <= ProviderUrgency; m++ {
			w.values[m] = 0
		}
		if w.Score() != score {
			t.Fatalf("%s: supplemental metrics change the score", s)
		}
	}
}
