package cvssdiff

import (
	"math/big"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	gocvss20 "github.com/pandatix/go-cvss/20"
	gocvss40 "github.com/pandatix/go-cvss/40"

	"github.com/ismskit/ismskit/risk/scoring/cvss2"
	"github.com/ismskit/ismskit/risk/scoring/cvss4"
)

// The number of random vectors each differential test compares.
const n = 100_000

// metrics4 lists the CVSS v4.0 metrics in the order of the
// specification's Table 23, with their values, "X" first for the
// optional ones.
var metrics4 = []struct {
	abbr   string
	values []string
}{
	{"AV", []string{"N", "A", "L", "P"}}, {"AC", []string{"L", "H"}}, {"AT", []string{"N", "P"}},
	{"PR", []string{"N", "L", "H"}}, {"UI", []string{"N", "P", "A"}},
	{"VC", []string{"H", "L", "N"}}, {"VI", []string{"H", "L", "N"}}, {"VA", []string{"H", "L", "N"}},
	{"SC", []string{"H", "L", "N"}}, {"SI", []string{"H", "L", "N"}}, {"SA", []string{"H", "L", "N"}},
	{"E", []string{"X", "A", "P", "U"}},
	{"CR", []string{"X", "H", "M", "L"}}, {"IR", []string{"X", "H", "M", "L"}}, {"AR", []string{"X", "H", "M", "L"}},
	{"MAV", []string{"X", "N", "A", "L", "P"}}, {"MAC", []string{"X", "L", "H"}}, {"MAT", []string{"X", "N", "P"}},
	{"MPR", []string{"X", "N", "L", "H"}}, {"MUI", []string{"X", "N", "P", "A"}},
	{"MVC", []string{"X", "H", "L", "N"}}, {"MVI", []string{"X", "H", "L", "N"}}, {"MVA", []string{"X", "H", "L", "N"}},
	{"MSC", []string{"X", "H", "L", "N"}}, {"MSI", []string{"X", "H", "L", "N", "S"}}, {"MSA", []string{"X", "H", "L", "N", "S"}},
	{"S", []string{"X", "N", "P"}}, {"AU", []string{"X", "N", "Y"}}, {"R", []string{"X", "A", "U", "I"}},
	{"V", []string{"X", "D", "C"}}, {"RE", []string{"X", "L", "M", "H"}}, {"U", []string{"X", "Clear", "Green", "Amber", "Red"}},
}

// random4 returns a random valid CVSS v4.0 vector: every base metric,
// and each other metric left out, given as X or given a value, at
// random.
func random4(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("CVSS:4.0")
	for i, m := range metrics4 {
		vals := m.values
		if i >= 11 {
			switch r.IntN(4) {
			case 0:
				continue
			case 1:
				b.WriteString("/" + m.abbr + ":X")
				continue
			}
			vals = vals[1:]
		}
		b.WriteString("/" + m.abbr + ":" + vals[r.IntN(len(vals))])
	}
	return b.String()
}

// random2 returns a random valid CVSS v2.0 vector with whole groups, the
// form go-cvss reads: the base metrics, and the temporal and the
// environmental group each left out or given whole, ND values included.
func random2(r *rand.Rand) string {
	pick := func(vals ...string) string { return vals[r.IntN(len(vals))] }
	s := "AV:" + pick("L", "A", "N") + "/AC:" + pick("H", "M", "L") + "/Au:" + pick("M", "S", "N") +
		"/C:" + pick("N", "P", "C") + "/I:" + pick("N", "P", "C") + "/A:" + pick("N", "P", "C")
	if r.IntN(2) == 0 {
		s += "/E:" + pick("U", "POC", "F", "H", "ND") + "/RL:" + pick("OF", "TF", "W", "U", "ND") + "/RC:" + pick("UC", "UR", "C", "ND")
	}
	if r.IntN(2) == 0 {
		s += "/CDP:" + pick("N", "L", "LM", "MH", "H", "ND") + "/TD:" + pick("N", "L", "M", "H", "ND") +
			"/CR:" + pick("L", "M", "H", "ND") + "/IR:" + pick("L", "M", "H", "ND") + "/AR:" + pick("L", "M", "H", "ND")
	}
	return s
}

// knownDiff40 reads testdata/known-diff-40.tsv: the vectors of the
// random set on which go-cvss and ismskit disagree, with the score
// FIRST's calculator gives them. Every other vector must score the same
// in both.
func knownDiff40(t *testing.T) map[string]float64 {
	data, err := os.ReadFile("testdata/known-diff-40.tsv")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		score, err := strconv.ParseFloat(f[1], 64)
		if err != nil || len(f) != 3 {
			t.Fatalf("known-diff-40.tsv: bad line %q", line)
		}
		out[f[0]] = score
	}
	return out
}

func TestDifferential40(t *testing.T) {
	knownDiff40 := knownDiff40(t)
	r := rand.New(rand.NewPCG(40, 2023))
	differ := 0
	for range n {
		s := random4(r)
		ours, err := cvss4.Parse(s)
		if err != nil {
			t.Fatalf("ismskit rejects %s: %v", s, err)
		}
		theirs, err := gocvss40.ParseVector(s)
		if err != nil {
			t.Fatalf("go-cvss rejects %s: %v", s, err)
		}
		if got, want := ours.Nomenclature().String(), theirs.Nomenclature(); got != want {
			t.Errorf("%s: nomenclature %s, go-cvss %s", s, got, want)
		}
		if ours.String() != theirs.Vector() {
			t.Errorf("%s: canonical %s, go-cvss %s", s, ours.String(), theirs.Vector())
		}
		if a, b := ours.Score(), theirs.Score(); a != b {
			differ++
			first, known := knownDiff40[s]
			switch {
			case !known:
				t.Errorf("%s: ismskit %v, go-cvss %v: not a known difference", s, a, b)
			case a != first:
				t.Errorf("%s: ismskit %v, FIRST %v", s, a, first)
			}
		}
	}
	t.Logf("%d random vectors, %d scored differently by go-cvss (FIRST's calculator agrees with ismskit on each)", n, differ)
	if differ != len(knownDiff40) {
		t.Errorf("%d differences, %d known", differ, len(knownDiff40))
	}
}

func TestDifferential20(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 2007))
	differ := 0
	for range n {
		s := random2(r)
		ours, err := cvss2.Parse(s)
		if err != nil {
			t.Fatalf("ismskit rejects %s: %v", s, err)
		}
		theirs, err := gocvss20.ParseVector(s)
		if err != nil {
			t.Fatalf("go-cvss rejects %s: %v", s, err)
		}
		if ours.String() != theirs.Vector() {
			t.Errorf("%s: canonical %s, go-cvss %s", s, ours.String(), theirs.Vector())
		}
		sc := ours.Scores()
		got := [3]float64{sc.Base, sc.Temporal, sc.Environmental}
		guide := guideScores(s)
		if got != guide {
			t.Errorf("%s: ismskit %v, the guide's equations %v", s, got, guide)
		}
		if other := [3]float64{theirs.BaseScore(), theirs.TemporalScore(), theirs.EnvironmentalScore()}; got != other {
			// go-cvss computes in float64: where the exact value of an
			// equation is a half tenth (9.0 × 0.95 = 8.55), float64 holds
			// a little less (8.549999999999999) and rounds it down, and a
			// negative adjusted base score is not clamped.
			differ++
			t.Logf("%s: ismskit and the guide %v, go-cvss %v", s, got, other)
		}
	}
	t.Logf("%d random vectors, %d scored differently by go-cvss; the guide's equations in exact arithmetic agree with ismskit on all", n, differ)
}

// guideWeights are the guide's metric weights (section 3.2), by metric
// and value, as exact rationals, parsed once: guideScores only reads
// them.
var guideWeights = func() map[string]map[string]*big.Rat {
	text := map[string]map[string]string{
		"AV": {"L": "0.395", "A": "0.646", "N": "1"}, "AC": {"H": "0.35", "M": "0.61", "L": "0.71"},
		"Au": {"M": "0.45", "S": "0.56", "N": "0.704"},
		"C":  {"N": "0", "P": "0.275", "C": "0.660"}, "I": {"N": "0", "P": "0.275", "C": "0.660"}, "A": {"N": "0", "P": "0.275", "C": "0.660"},
		"E":   {"U": "0.85", "POC": "0.9", "F": "0.95", "H": "1", "ND": "1"},
		"RL":  {"OF": "0.87", "TF": "0.90", "W": "0.95", "U": "1", "ND": "1"},
		"RC":  {"UC": "0.90", "UR": "0.95", "C": "1", "ND": "1"},
		"CDP": {"N": "0", "L": "0.1", "LM": "0.3", "MH": "0.4", "H": "0.5", "ND": "0"},
		"TD":  {"N": "0", "L": "0.25", "M": "0.75", "H": "1", "ND": "1"},
		"CR":  {"L": "0.5", "M": "1", "H": "1.51", "ND": "1"}, "IR": {"L": "0.5", "M": "1", "H": "1.51", "ND": "1"}, "AR": {"L": "0.5", "M": "1", "H": "1.51", "ND": "1"},
	}
	out := map[string]map[string]*big.Rat{}
	for metric, values := range text {
		out[metric] = map[string]*big.Rat{}
		for v, w := range values {
			out[metric][v] = rat(w)
		}
	}
	return out
}()

// rat parses an exact decimal or fraction.
func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("cvssdiff: not a number: " + s)
	}
	return r
}

// The guide's constants, as exact rationals.
var (
	ratZero, ratHalf, ratOne, ratTen       = rat("0"), rat("1/2"), rat("1"), rat("10")
	ratImpact, ratExpl, ratBase6, ratBase4 = rat("10.41"), rat("20"), rat("0.6"), rat("0.4")
	ratBaseSub, ratBaseMul                 = rat("1.5"), rat("1.176")
)

// guideScores computes the base, temporal and environmental scores of a
// CVSS v2.0 vector with whole groups, straight from the guide's
// equations (section 3.2) in exact rational arithmetic, independently of
// package cvss2: the reference that decides where go-cvss and ismskit
// disagree.
func guideScores(vector string) [3]float64 {
	val := map[string]string{"E": "ND", "RL": "ND", "RC": "ND", "CDP": "ND", "TD": "ND", "CR": "ND", "IR": "ND", "AR": "ND"}
	for _, comp := range strings.Split(vector, "/") {
		k, v, _ := strings.Cut(comp, ":")
		val[k] = v
	}
	w := func(k string) *big.Rat { return guideWeights[k][val[k]] }
	mul := func(xs ...*big.Rat) *big.Rat {
		p := new(big.Rat).Set(ratOne)
		for _, x := range xs {
			p.Mul(p, x)
		}
		return p
	}
	add := func(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }
	sub := func(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }
	// round_to_1_decimal, half away from zero.
	round := func(x *big.Rat) *big.Rat {
		t := mul(x, ratTen)
		neg := t.Sign() < 0
		if neg {
			t.Neg(t)
		}
		t.Add(t, ratHalf)
		q := new(big.Int).Quo(t.Num(), t.Denom())
		if neg {
			q.Neg(q)
		}
		return new(big.Rat).SetFrac(q, big.NewInt(10))
	}
	impactOf := func(c, i, a *big.Rat) *big.Rat {
		return mul(ratImpact, sub(ratOne, mul(sub(ratOne, c), sub(ratOne, i), sub(ratOne, a))))
	}
	expl := mul(ratExpl, w("AV"), w("AC"), w("Au"))
	baseOf := func(impact *big.Rat) *big.Rat {
		if impact.Sign() == 0 {
			return ratZero
		}
		return round(mul(sub(add(mul(ratBase6, impact), mul(ratBase4, expl)), ratBaseSub), ratBaseMul))
	}
	temporalOf := func(base *big.Rat) *big.Rat { return round(mul(base, w("E"), w("RL"), w("RC"))) }
	base := baseOf(impactOf(w("C"), w("I"), w("A")))
	temporal := temporalOf(base)
	adjImpact := impactOf(mul(w("C"), w("CR")), mul(w("I"), w("IR")), mul(w("A"), w("AR")))
	if adjImpact.Cmp(ratTen) > 0 {
		adjImpact = ratTen
	}
	at := temporalOf(baseOf(adjImpact))
	env := round(mul(add(at, mul(sub(ratTen, at), w("CDP"))), w("TD")))
	if env.Sign() < 0 {
		env = ratZero // every CVSS score is 0 to 10
	}
	f := func(x *big.Rat) float64 { v, _ := x.Float64(); return v }
	return [3]float64{f(base), f(temporal), f(env)}
}
