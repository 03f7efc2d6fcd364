package cvss4

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/cvssdata"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

// The valid example vectors of the specification's section 7 ("Vector
// String") with the scores FIRST's calculator gives them.
var specExamples = []struct {
	name         string
	vector       string
	score        float64
	severity     cvss.Severity
	nomenclature Nomenclature
	macro        string
}{
	{"base example", "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", 5.1, cvss.SeverityMedium, NomenclatureB, "102201"},
	{"base example with E:A", "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:A", 5.1, cvss.SeverityMedium, NomenclatureBT, "102201"},
	{"CVSS-BT sample", "CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:P", 4.5, cvss.SeverityMedium, NomenclatureBT, "210210"},
	{"CVSS-BE sample", "CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:L/SC:H/SI:H/SA:H/CR:H/IR:H/AR:M/MAV:N/MAC:L/MAT:P/MPR:L/MUI:A/MVC:N/MVI:H/MVA:L/MSC:L/MSI:S/MSA:H", 8.5, cvss.SeverityHigh, NomenclatureBE, "111000"},
	{"CVSS-B with supplemental sample", "CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:A/S:P/AU:Y/R:A/V:D/RE:L/U:Red", 5.4, cvss.SeverityMedium, NomenclatureBT, "210200"},
	{"CVSS-BTE with supplemental sample", "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:X/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green", 4.2, cvss.SeverityMedium, NomenclatureBTE, "111021"},
	// More vectors, scored by FIRST's calculator.
	{"highest", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10, cvss.SeverityCritical, NomenclatureB, "000100"},
	{"no impact", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0, cvss.SeverityNone, NomenclatureB, "002201"},
	{"vulnerable system only", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, cvss.SeverityCritical, NomenclatureB, "000200"},
	{"low impacts", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9, cvss.SeverityMedium, NomenclatureB, "002201"},
	{"safety only", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MSI:S", 8.9, cvss.SeverityHigh, NomenclatureBE, "002001"},
	{"lowest", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N/E:U/CR:L/IR:L/AR:L", 0.1, cvss.SeverityLow, NomenclatureBTE, "212221"},
}

func TestSpecExamples(t *testing.T) {
	for _, tt := range specExamples {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.vector)
			require.NoError(t, err)
			assert.Equal(t, withoutX(tt.vector), v.String(), "canonical form")
			assert.Equal(t, tt.score, v.Score())
			assert.Equal(t, tt.severity, v.Severity())
			assert.Equal(t, tt.nomenclature, v.Nomenclature())
			assert.Equal(t, tt.macro, v.MacroVector().String())
			assert.Equal(t, Scores{Score: tt.score, Severity: tt.severity, Nomenclature: tt.nomenclature, MacroVector: v.MacroVector()}, v.Scores())
		})
	}
}

// withoutX drops the components with value X from a vector string.
func withoutX(s string) string {
	var parts []string
	for _, p := range strings.Split(s, "/") {
		if !strings.HasSuffix(p, ":X") {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "/")
}

// TestSpecInvalidExamples checks the invalid example vectors of section
// 7, each with the problem the specification names.
func TestSpecInvalidExamples(t *testing.T) {
	for _, tt := range []struct {
		name  string
		in    string
		kind  error
		paths []string
	}{
		{"F is not a value of AV", "CVSS:4.0/AV:F/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N", ismskit.ErrUnknownValue, []string{"AV"}},
		{"E given twice", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A/E:X", cvss.ErrDuplicateMetric, []string{"E"}},
		{"ui is not an abbreviation", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/ui:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N", cvss.ErrUnknownMetric, []string{"ui", "UI"}},
		{"no prefix", "AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N", cvss.ErrPrefix, []string{""}},
		{"VA missing", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/SC:N/SI:N/SA:N", cvss.ErrMissingMetric, []string{"VA"}},
		{"order not respected", "CVSS:4.0/AC:L/AV:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/CR:L/IR:X/AR:L/RE:H/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/AT:N/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/E:U/S:N/AU:N/R:I/V:C/U:Green",
			cvss.ErrMetricOrder, []string{"AV", "MAV", "MAC", "MAT", "MPR", "MUI", "AT", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA", "E", "S", "AU", "R", "V"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.in)
			require.Error(t, err)
			assert.Equal(t, Vector{}, v)
			assert.ErrorIs(t, err, tt.kind)
			assert.Equal(t, tt.paths, fielderr.Paths(err))
		})
	}
}

// readTSV returns the rows of a tab-separated test data file, without
// its "#" comment lines.
func readTSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	return rows
}

// TestFIRSTMacroScores checks the 270 reference vectors of FIRST's CVSS
// SIG, one per MacroVector, and that the lookup table gives each its
// score.
func TestFIRSTMacroScores(t *testing.T) {
	rows := readTSV(t, "testdata/first-macro-scores.tsv")
	require.Len(t, rows, 270)
	seen := map[MacroVector]bool{}
	for _, row := range rows {
		v, err := Parse(row[0])
		require.NoError(t, err, row[0])
		want, err := strconv.ParseFloat(row[1], 64)
		require.NoError(t, err)
		assert.Equal(t, want, v.Score(), row[0])
		assert.Equal(t, row[2], v.Severity().String(), row[0])
		mv := v.MacroVector()
		assert.Equal(t, want, mv.Score(), "lookup of %s", mv)
		seen[mv] = true
	}
	assert.Len(t, seen, 270, "one vector per MacroVector")
}

// TestFIRSTCalculator checks 2,000 random vectors against the scores
// and MacroVectors FIRST's calculator gives them.
func TestFIRSTCalculator(t *testing.T) {
	rows := readTSV(t, "testdata/first-calculator.tsv")
	require.Len(t, rows, 2000)
	for _, row := range rows {
		v, err := Parse(row[0])
		require.NoError(t, err, row[0])
		want, err := strconv.ParseFloat(row[1], 64)
		require.NoError(t, err)
		if !assert.Equal(t, want, v.Score(), row[0]) || !assert.Equal(t, row[2], v.MacroVector().String(), row[0]) {
			return
		}
		w, err := Parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, w, "round trip of %s", row[0])
	}
}

func TestParseCanonical(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:X",
			"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/MAV:L/U:Clear",
			"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:L/U:Clear"},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Amber",
			"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Amber"},
	} {
		v, err := Parse(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, v.String())
		w, err := Parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, w)
		text, err := v.MarshalText()
		require.NoError(t, err)
		var u Vector
		require.NoError(t, u.UnmarshalText(text))
		assert.Equal(t, v, u)
	}
}

// TestNotDefinedDefaults checks section 8.2's defaults: E:X scores as
// E:A, CR:X as CR:H, and a modified metric X as its base metric.
func TestNotDefinedDefaults(t *testing.T) {
	const base = "CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:P/VC:H/VI:L/VA:N/SC:L/SI:H/SA:N"
	score := func(s string) float64 { return MustParse(s).Score() }
	assert.Equal(t, score(base), score(base+"/E:A"))
	assert.Equal(t, score(base), score(base+"/CR:H/IR:H/AR:H"))
	assert.Equal(t, score(base), score(base+"/MAV:L/MAC:H/MAT:P/MPR:L/MUI:P/MVC:H/MVI:L/MVA:N/MSC:L/MSI:H/MSA:N"))
	assert.Equal(t, score(base), score(base+"/S:P/AU:Y/R:I/V:C/RE:H/U:Red"), "supplemental metrics never change the score")
	assert.Less(t, score(base+"/E:U"), score(base))
	assert.Equal(t, score("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:P/VC:H/VI:L/VA:N/SC:L/SI:H/SA:N"), score(base+"/MAV:N"))
}

func TestParseErrors(t *testing.T) {
	const ok = "AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
	for _, tt := range []struct {
		name  string
		in    string
		kinds []error
		paths []string
		msg   string
	}{
		{"empty", "", []error{cvss.ErrPrefix}, []string{""}, `vector does not start with CVSS:4.0/: ""`},
		{"3.1 prefix", "CVSS:3.1/" + ok, []error{cvss.ErrPrefix}, []string{""}, `vector does not start with CVSS:4.0/: "CVSS:3.1/"`},
		{"no slash", "CVSS:4.0", []error{cvss.ErrPrefix}, []string{""}, ""},
		{"unknown metric", "CVSS:4.0/" + ok + "/ZZ:P", []error{cvss.ErrUnknownMetric}, []string{"ZZ"}, "ZZ: unknown metric"},
		{"odd metric", "CVSS:4.0/" + ok + "/a b:P", []error{cvss.ErrUnknownMetric}, []string{`["a b"]`}, ""},
		{"unknown value", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:X/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", []error{ismskit.ErrUnknownValue}, []string{"UI"}, `UI: unknown value "X" (want N, P or A)`},
		{"lower-case value", "CVSS:4.0/" + ok + "/U:red", []error{ismskit.ErrUnknownValue}, []string{"U"}, `U: unknown value "red" (want X, Clear, Green, Amber or Red)`},
		{"S for a base metric", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", []error{ismskit.ErrUnknownValue}, []string{"SI"}, ""},
		{"S for MSC", "CVSS:4.0/" + ok + "/MSC:S", []error{ismskit.ErrUnknownValue}, []string{"MSC"}, ""},
		{"empty value", "CVSS:4.0/" + ok + "/E:", []error{ismskit.ErrUnknownValue}, []string{"E"}, `E: unknown value "" (want X, A, P or U)`},
		{"duplicate", "CVSS:4.0/" + ok + "/E:A/E:A", []error{cvss.ErrDuplicateMetric}, []string{"E"}, "E: metric given more than once"},
		{"duplicate base", "CVSS:4.0/AV:N/" + ok, []error{cvss.ErrDuplicateMetric}, []string{"AV"}, ""},
		{"order", "CVSS:4.0/" + ok + "/CR:H/E:A", []error{cvss.ErrMetricOrder}, []string{"E"}, "E: metric out of order: E must come before CR"},
		{"missing", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", []error{cvss.ErrMissingMetric}, []string{"SA"}, "SA: missing mandatory metric"},
		{"only prefix", "CVSS:4.0/", []error{ismskit.ErrSyntax, cvss.ErrMissingMetric}, []string{"[0]", "AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"}, ""},
		{"no colon", "CVSS:4.0/" + ok + "/EA", []error{ismskit.ErrSyntax}, []string{"[11]"}, `[11]: malformed component, want METRIC:VALUE: "EA"`},
		{"empty component", "CVSS:4.0/AV:N//AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", []error{ismskit.ErrSyntax}, []string{"[1]"}, ""},
		{"trailing slash", "CVSS:4.0/" + ok + "/", []error{ismskit.ErrSyntax}, []string{"[11]"}, ""},
		{"leading colon", "CVSS:4.0/" + ok + "/:A", []error{ismskit.ErrSyntax}, []string{"[11]"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.in)
			require.Error(t, err)
			assert.Equal(t, Vector{}, v)
			for _, k := range tt.kinds {
				assert.ErrorIs(t, err, k)
			}
			assert.Equal(t, tt.paths, fielderr.Paths(err))
			if tt.msg != "" {
				assert.Equal(t, tt.msg, err.Error())
			}
		})
	}
}

func TestTooLong(t *testing.T) {
	const longest = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:Clear"
	assert.Len(t, longest, maxLen)
	var v Vector
	require.NoError(t, v.UnmarshalText([]byte(longest)))
	assert.True(t, v.IsValid())
	for _, in := range []string{longest + "/", strings.Repeat("/", 10<<10), "CVSS:4.0/" + strings.Repeat("AV:N/", 1<<20)} {
		_, err := Parse(in)
		require.ErrorIs(t, err, ismskit.ErrTooLarge)
		assert.Len(t, ismskit.Problems(err), 1)
		assert.Less(t, len(err.Error()), 100)
	}
}

func TestProblemsBounded(t *testing.T) {
	_, err := Parse("CVSS:4.0/" + strings.Repeat("/", maxLen-len(prefix)))
	ps := ismskit.Problems(err)
	require.Len(t, ps, 101)
	assert.ErrorIs(t, ps[0], ismskit.ErrSyntax)
	assert.ErrorIs(t, ps[100], ismskit.ErrMoreProblems)
	assert.Equal(t, "and 81 more problems", ps[100].Message())
}

func TestAccessors(t *testing.T) {
	v := MustParse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/MAV:L/U:Red")
	assert.True(t, v.IsValid())
	assert.Equal(t, "4.0", v.Version())
	assert.Equal(t, "N", v.Get(AttackVector))
	assert.Equal(t, "X", v.Get(ExploitMaturity))
	assert.Equal(t, "L", v.Get(ModifiedAttackVector))
	assert.Equal(t, "Red", v.Get(ProviderUrgency))
	assert.Equal(t, "", v.Get(Metric(99)))
	assert.True(t, v.Defined(SubsequentAvailability))
	assert.False(t, v.Defined(ExploitMaturity))
	assert.False(t, v.HasThreat())
	assert.True(t, v.HasEnvironmental())
	var got []string
	for m, val := range v.Metrics() {
		got = append(got, m.String()+"="+val)
		if m == AttackRequirements {
			break
		}
	}
	assert.Equal(t, []string{"AV=N", "AC=L", "AT=N"}, got)
	assert.Equal(t, "Modified Subsequent System Integrity", ModifiedSubsequentIntegrity.Name())
	assert.Equal(t, []string{"X", "H", "L", "N", "S"}, ModifiedSubsequentIntegrity.Values())
	assert.Equal(t, []string{"N", "P", "A"}, UserInteraction.Values())
	for m, g := range map[Metric]Group{AttackVector: Base, SubsequentAvailability: Base, ExploitMaturity: Threat, ConfidentialityRequirement: Environmental, ModifiedSubsequentAvailability: Environmental, Safety: Supplemental, ProviderUrgency: Supplemental} {
		assert.Equal(t, g, m.Group(), m.String())
	}
	assert.Equal(t, "supplemental", Supplemental.String())
	assert.Equal(t, "", Group(9).String())
	for g := Base; g <= Supplemental; g++ {
		b, err := json.Marshal(g)
		require.NoError(t, err)
		var back Group
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, g, back)
	}
	_, err := Group(9).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = ParseGroup("Base")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.False(t, Metric(numMetrics).IsValid())
	assert.Equal(t, "", Metric(numMetrics).String())
	assert.Equal(t, "", Metric(numMetrics).Name())
	assert.Nil(t, Metric(numMetrics).Values())
}

func TestLookupMetric(t *testing.T) {
	for m := range Metric(numMetrics) {
		got, ok := lookupMetric(m.String())
		assert.True(t, ok, m.String())
		assert.Equal(t, m, got)
	}
	for _, s := range []string{"", "X", "a", "AB", "av", "MAX", "XAV", "MSIX", "M", "MM", "\xff", "A\xff", "M\xffA", "@V"} {
		_, ok := lookupMetric(s)
		assert.False(t, ok, s)
	}
}

func TestZeroVector(t *testing.T) {
	var v Vector
	assert.False(t, v.IsValid())
	assert.Equal(t, "", v.String())
	assert.Equal(t, "", v.Version())
	assert.Equal(t, "", v.Get(AttackVector))
	assert.Equal(t, 0.0, v.Score())
	assert.Equal(t, MacroVector{}, v.MacroVector())
	assert.Equal(t, Scores{}, v.Scores())
	for range v.Metrics() {
		t.Fatal("zero vector has no metrics")
	}
	require.NoError(t, v.UnmarshalText(nil))
	assert.Equal(t, Vector{}, v)
	assert.Error(t, v.UnmarshalText([]byte("CVSS:4.0/")))
	assert.Panics(t, func() { MustParse("CVSS:4.0/") })
	b, err := json.Marshal(Scores{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"score":0,"severity":"none","nomenclature":"CVSS-B","macroVector":"000000"}`, string(b))
	var back Scores
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, Scores{}, back)
}

func TestNomenclature(t *testing.T) {
	for _, tt := range []struct {
		suffix string
		want   Nomenclature
	}{
		{"", NomenclatureB}, {"/E:X", NomenclatureB}, {"/S:P/U:Red", NomenclatureB},
		{"/E:P", NomenclatureBT}, {"/CR:X/MSA:S", NomenclatureBE}, {"/E:U/AR:L", NomenclatureBTE},
	} {
		v := MustParse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" + tt.suffix)
		assert.Equal(t, tt.want, v.Nomenclature(), tt.suffix)
	}
	for n := NomenclatureB; n <= NomenclatureBTE; n++ {
		b, err := n.MarshalText()
		require.NoError(t, err)
		var back Nomenclature
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, n, back)
		assert.Equal(t, string(b), n.String())
	}
	assert.False(t, Nomenclature(4).IsValid())
	assert.Equal(t, "Nomenclature(4)", Nomenclature(4).String())
	_, err := Nomenclature(4).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = ParseNomenclature("cvss-b")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

func TestMacroVectorText(t *testing.T) {
	mv, err := ParseMacroVector("212221")
	require.NoError(t, err)
	assert.Equal(t, MacroVector{2, 1, 2, 2, 2, 1}, mv)
	assert.Equal(t, 0.1, mv.Score())
	b, err := json.Marshal(mv)
	require.NoError(t, err)
	assert.Equal(t, `"212221"`, string(b))
	var back MacroVector
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, mv, back)
	for _, bad := range []string{"", "00000", "0000000", "300000", "020000", "002000", "00x000", "000003"} {
		_, err := ParseMacroVector(bad)
		assert.ErrorIs(t, err, ismskit.ErrUnknownValue, bad)
	}
	invalid := MacroVector{0, 0, 2, 0, 0, 0}
	assert.False(t, invalid.IsValid())
	assert.Equal(t, 0.0, invalid.Score())
	_, err = invalid.MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

// TestLookupComplete checks the generated lookup table: 270 scores, one
// per MacroVector that can exist, and none for the others.
func TestLookupComplete(t *testing.T) {
	n := 0
	for i := range 324 {
		mv := MacroVector{uint8(i / 108), uint8(i / 54 % 2), uint8(i / 18 % 3), uint8(i / 6 % 3), uint8(i / 2 % 3), uint8(i % 2)}
		if mv.IsValid() {
			n++
			assert.LessOrEqual(t, mv.tenths(), uint8(100), mv.String())
		} else {
			assert.Equal(t, uint8(noMacro), mv.tenths(), mv.String())
		}
	}
	assert.Equal(t, 270, n)
}

// TestGeneratedCodeIsFresh fails when zlookup.go is stale; run
// "go generate ./risk/scoring/cvss4".
func TestGeneratedCodeIsFresh(t *testing.T) {
	want, err := cvssdata.Generate(cvssdata.CVSS4)
	require.NoError(t, err)
	got, err := os.ReadFile("zlookup.go")
	require.NoError(t, err)
	if !bytes.Equal(want, got) {
		t.Fatal("zlookup.go is stale: run go generate ./risk/scoring/cvss4")
	}
}

func TestParseAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		v, err := Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:X/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green")
		if err != nil || v.Scores().Score == 0 {
			panic("bad")
		}
	})
	assert.Zero(t, allocs)
}
