// Package cvssdata reads the CVSS v4.0 scoring data file,
// cvss4_lookup.tsv beside this file (the MacroVector scores, the highest
// severity vectors and the severity-distance divisors of FIRST's
// calculator; see its header for the source, the licence and the
// format), checks it, and generates the Go tables of package
// risk/scoring/cvss4 from it.
//
// Run "go generate ./risk/scoring/cvss4" after editing the file; a test
// in cvss4 fails while the committed tables are stale.
//
// The package uses only the standard library and is safe for concurrent
// use.
package cvssdata

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/format"
	"strconv"
	"strings"
)

// CVSS4 is the data file.
//
//go:embed cvss4_lookup.tsv
var CVSS4 []byte

// Data is the content of the data file.
type Data struct {
	// Lookup maps each MacroVector ("000000") to its score in tenths, in
	// the order of the file.
	Lookup []Macro
	// Highest lists the highest severity vectors, in the order of the
	// file.
	Highest []Level
	// MaxSeverity lists the divisors, in the order of the file.
	MaxSeverity []Level
}

// Macro is one lookup record.
type Macro struct {
	Line   int
	Vector string // six digits
	Tenths int
}

// Level is one highest or maxseverity record: EQ 1, 2, 3 (for EQ3 and
// EQ6 together), 4 or 5, the level (Level6 is the EQ6 level of an EQ3
// record), and the metrics ("AV:N/PR:N/UI:N") or the divisor N.
type Level struct {
	Line    int
	EQ      int
	Level   int
	Level6  int
	Metrics string
	N       int
}

// eqMetrics are the metrics of each EQ's highest severity vectors, in
// order, with the values each may take there.
var eqMetrics = map[int][][2]string{
	1: {{"AV", "NALP"}, {"PR", "NLH"}, {"UI", "NPA"}},
	2: {{"AC", "LH"}, {"AT", "NP"}},
	3: {{"VC", "HLN"}, {"VI", "HLN"}, {"VA", "HLN"}, {"CR", "HML"}, {"IR", "HML"}, {"AR", "HML"}},
	4: {{"SC", "HLN"}, {"SI", "SHLN"}, {"SA", "SHLN"}},
	5: {{"E", "APU"}},
}

// maxLevel is the highest level of each EQ.
var maxLevel = map[int]int{1: 2, 2: 1, 3: 2, 4: 2, 5: 2, 6: 1}

// Load reads and checks a data file: every record well-formed, the 270
// MacroVectors that can exist each once with a score of 0.0 to 10.0, and
// for every EQ level at least one highest severity vector and exactly
// one divisor.
func Load(data []byte) (Data, error) {
	var d Data
	var errs []string
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("line %d: %s", line, fmt.Sprintf(format, args...)))
	}
	seen := map[string]bool{}
	divisors := map[[3]int]bool{}
	highest := map[[3]int]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		switch f[0] {
		case "lookup":
			if len(f) != 3 {
				fail(n, "want 3 fields, got %d", len(f))
				continue
			}
			eq, ok := parseMacro(f[1])
			if !ok {
				fail(n, "MacroVector %q is not six valid EQ levels", f[1])
				continue
			}
			if eq[2] == 2 && eq[5] == 0 {
				fail(n, "MacroVector %s cannot exist (EQ3 level 2 with EQ6 level 0)", f[1])
				continue
			}
			if seen[f[1]] {
				fail(n, "MacroVector %s given twice", f[1])
				continue
			}
			seen[f[1]] = true
			t, ok := parseTenths(f[2])
			if !ok {
				fail(n, "score %q is not 0.0 to 10.0 with at most one decimal", f[2])
				continue
			}
			d.Lookup = append(d.Lookup, Macro{Line: n, Vector: f[1], Tenths: t})
		case "highest", "maxseverity":
			if len(f) != 4 {
				fail(n, "want 4 fields, got %d", len(f))
				continue
			}
			lv, ok := parseLevel(f[1], f[2])
			if !ok {
				fail(n, "%s level %q is not a level", f[1], f[2])
				continue
			}
			lv.Line = n
			key := [3]int{lv.EQ, lv.Level, lv.Level6}
			if f[0] == "maxseverity" {
				v, err := strconv.Atoi(f[3])
				if err != nil || v < 1 || v > 20 {
					fail(n, "divisor %q is not 1 to 20", f[3])
					continue
				}
				if divisors[key] {
					fail(n, "divisor of %s %s given twice", f[1], f[2])
					continue
				}
				divisors[key] = true
				lv.N = v
				d.MaxSeverity = append(d.MaxSeverity, lv)
				continue
			}
			if err := checkMetrics(lv.EQ, f[3]); err != "" {
				fail(n, "%s", err)
				continue
			}
			highest[key] = true
			lv.Metrics = f[3]
			d.Highest = append(d.Highest, lv)
		default:
			fail(n, "unknown record %q", f[0])
		}
	}
	if len(d.Lookup) != 270 && len(errs) == 0 {
		errs = append(errs, fmt.Sprintf("%d MacroVectors, want 270", len(d.Lookup)))
	}
	for _, k := range levelKeys() {
		if !highest[k] {
			errs = append(errs, fmt.Sprintf("no highest severity vector for %s", levelName(k)))
		}
		if !divisors[k] {
			errs = append(errs, fmt.Sprintf("no divisor for %s", levelName(k)))
		}
	}
	if errs != nil {
		return Data{}, fmt.Errorf("cvss4_lookup.tsv: %s", strings.Join(errs, "; "))
	}
	return d, nil
}

func parseMacro(s string) ([6]int, bool) {
	var eq [6]int
	if len(s) != 6 {
		return eq, false
	}
	for i := range 6 {
		c := int(s[i]) - '0'
		if c < 0 || c > maxLevel[i+1] {
			return eq, false
		}
		eq[i] = c
	}
	return eq, true
}

func parseTenths(s string) (int, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 1 {
		return 0, false
	}
	w, err := strconv.Atoi(whole)
	if err != nil || whole == "" || whole[0] == '+' || whole[0] == '-' {
		return 0, false
	}
	t := w * 10
	if frac != "" {
		if frac[0] < '0' || frac[0] > '9' {
			return 0, false
		}
		t += int(frac[0] - '0')
	}
	return t, t >= 0 && t <= 100
}

func parseLevel(eq, level string) (Level, bool) {
	var lv Level
	switch eq {
	case "eq1", "eq2", "eq4", "eq5":
		lv.EQ = int(eq[2] - '0')
		if len(level) != 1 {
			return lv, false
		}
	case "eq3eq6":
		lv.EQ = 3
		if len(level) != 2 {
			return lv, false
		}
		lv.Level6 = int(level[1]) - '0'
		if lv.Level6 < 0 || lv.Level6 > 1 {
			return lv, false
		}
	default:
		return lv, false
	}
	lv.Level = int(level[0]) - '0'
	if lv.Level < 0 || lv.Level > maxLevel[lv.EQ] || lv.EQ == 3 && lv.Level == 2 && lv.Level6 == 0 {
		return lv, false
	}
	return lv, true
}

func checkMetrics(eq int, s string) string {
	want := eqMetrics[eq]
	parts := strings.Split(s, "/")
	if len(parts) != len(want) {
		return fmt.Sprintf("%q has %d metrics, want %d", s, len(parts), len(want))
	}
	for i, p := range parts {
		k, v, ok := strings.Cut(p, ":")
		if !ok || k != want[i][0] || len(v) != 1 || !strings.Contains(want[i][1], v) {
			return fmt.Sprintf("%q: component %d is not %s with one of %s", s, i, want[i][0], want[i][1])
		}
	}
	return ""
}

// levelKeys returns every EQ level there is: EQ1 0..2, EQ2 0..1, EQ3 and
// EQ6 00, 01, 10, 11, 21, EQ4 0..2, EQ5 0..2.
func levelKeys() [][3]int {
	var out [][3]int
	for _, eq := range []int{1, 2, 3, 4, 5} {
		for l := 0; l <= maxLevel[eq]; l++ {
			if eq != 3 {
				out = append(out, [3]int{eq, l, 0})
				continue
			}
			for l6 := 0; l6 <= 1; l6++ {
				if l == 2 && l6 == 0 {
					continue
				}
				out = append(out, [3]int{eq, l, l6})
			}
		}
	}
	return out
}

func levelName(k [3]int) string {
	if k[0] == 3 {
		return fmt.Sprintf("eq3eq6 %d%d", k[1], k[2])
	}
	return fmt.Sprintf("eq%d %d", k[0], k[1])
}

// Generate returns the gofmt'ed source of risk/scoring/cvss4's zlookup.go
// for a data file.
func Generate(data []byte) ([]byte, error) {
	d, err := Load(data)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/cvssdata/cmd/gencvss4 from internal/cvssdata/cvss4_lookup.tsv; DO NOT EDIT.\n\n")
	b.WriteString("package cvss4\n\n")
	b.WriteString("// macroTenths holds the score of each MacroVector in tenths, indexed\n")
	b.WriteString("// [EQ1][EQ2][EQ3][EQ4][EQ5][EQ6]; noMacro marks the combinations that\n")
	b.WriteString("// cannot exist (EQ3 level 2 with EQ6 level 0). From FIRST's\n")
	b.WriteString("// cvss_lookup.js (specification section 8.3).\n")
	var tab [3][2][3][3][3][2]int
	for i := range tab {
		for j := range tab[i] {
			for k := range tab[i][j] {
				for l := range tab[i][j][k] {
					for m := range tab[i][j][k][l] {
						for n := range tab[i][j][k][l][m] {
							tab[i][j][k][l][m][n] = -1
						}
					}
				}
			}
		}
	}
	for _, m := range d.Lookup {
		e, _ := parseMacro(m.Vector)
		tab[e[0]][e[1]][e[2]][e[3]][e[4]][e[5]] = m.Tenths
	}
	b.WriteString("var macroTenths = [3][2][3][3][3][2]uint8{\n")
	for i := range tab {
		b.WriteString("{\n")
		for j := range tab[i] {
			b.WriteString("{\n")
			for k := range tab[i][j] {
				b.WriteString("{\n")
				for l := range tab[i][j][k] {
					b.WriteString("{")
					for m := range tab[i][j][k][l] {
						if m > 0 {
							b.WriteString(", ")
						}
						b.WriteString("{")
						for n, v := range tab[i][j][k][l][m] {
							if n > 0 {
								b.WriteString(", ")
							}
							if v < 0 {
								b.WriteString("noMacro")
							} else {
								b.WriteString(strconv.Itoa(v))
							}
						}
						b.WriteString("}")
					}
					fmt.Fprintf(&b, "}, // %d%d%d%d..\n", i, j, k, l)
				}
				b.WriteString("},\n")
			}
			b.WriteString("},\n")
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// highestRecords lists the highest severity vectors of each EQ level,\n")
	b.WriteString("// in the order FIRST's calculator tries them (max_composed.js;\n")
	b.WriteString("// specification section 8.2, Tables 24 to 30).\n")
	b.WriteString("var highestRecords = [...]eqRecord{\n")
	for _, h := range d.Highest {
		fmt.Fprintf(&b, "{eq: %d, level: %d, level6: %d, metrics: %q},\n", h.EQ, h.Level, h.Level6, h.Metrics)
	}
	b.WriteString("}\n\n")
	b.WriteString("// maxSeverityRecords holds the divisor of the severity distance of each\n")
	b.WriteString("// EQ level, in steps of 0.1: the depth of the level plus one\n")
	b.WriteString("// (max_severity.js).\n")
	b.WriteString("var maxSeverityRecords = [...]eqRecord{\n")
	for _, m := range d.MaxSeverity {
		fmt.Fprintf(&b, "{eq: %d, level: %d, level6: %d, n: %d},\n", m.EQ, m.Level, m.Level6, m.N)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
