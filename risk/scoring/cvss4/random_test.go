package cvss4

import (
	"math/rand/v2"
	"strings"
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
