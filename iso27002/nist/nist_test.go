package nist_test

import (
	"encoding/json"
	"iter"
	"os"
	"slices"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/internal/nistdata"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/nist"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedCodeIsFresh fails when zmappings.go is stale; run
// go generate ./iso27002/nist.
func TestGeneratedCodeIsFresh(t *testing.T) {
	want, err := nistdata.Generate(nistdata.Data80053, nistdata.DataCSF)
	require.NoError(t, err)
	got, err := os.ReadFile("zmappings.go")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "zmappings.go is stale: run go generate ./iso27002/nist")
}

func TestParseSP80053(t *testing.T) {
	tests := []struct {
		in, want, oscal string
		wantErr         bool
	}{
		{in: "AC-2", want: "AC-2", oscal: "ac-2"},
		{in: "AC-02", want: "AC-2", oscal: "ac-2"},
		{in: "ac-2", want: "AC-2", oscal: "ac-2"},
		{in: "AC-2(1)", want: "AC-2(1)", oscal: "ac-2.1"},
		{in: "AC-02(01)", want: "AC-2(1)", oscal: "ac-2.1"},
		{in: "ac-2.12", want: "AC-2(12)", oscal: "ac-2.12"},
		{in: "SR-12", want: "SR-12", oscal: "sr-12"},
		{in: "", wantErr: true},
		{in: "AC", wantErr: true},
		{in: "AC-", wantErr: true},
		{in: "AC-0", wantErr: true},
		{in: "AC-100", wantErr: true},
		{in: "A1-2", wantErr: true},
		{in: "AC-2(1", wantErr: true},
		{in: "AC-2()", wantErr: true},
		{in: "AC-2.x", wantErr: true},
		{in: "AC 2", wantErr: true},
	}
	for _, tt := range tests {
		id, err := nist.ParseSP80053(tt.in)
		if tt.wantErr {
			assert.ErrorIs(t, err, ismskit.ErrInvalidID, tt.in)
			assert.False(t, id.IsValid())
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, id.String())
		assert.Equal(t, tt.oscal, id.OSCALID())
		b, _ := id.MarshalText()
		var back nist.SP80053ID
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, id, back)
	}
	ids := []nist.SP80053ID{nist.MustParseSP80053("AC-3"), nist.MustParseSP80053("AC-2(10)"), nist.MustParseSP80053("AC-2"), nist.MustParseSP80053("AC-2(2)"), nist.MustParseSP80053("AB-9")}
	slices.SortFunc(ids, nist.SP80053ID.Compare)
	assert.Equal(t, "[AB-9 AC-2 AC-2(2) AC-2(10) AC-3]", fmtIDs(ids))
	e := nist.MustParseSP80053("AC-2(1)")
	assert.True(t, e.IsEnhancement())
	assert.Equal(t, "AC-2", e.Base().String())
	assert.Equal(t, "AC", e.Family())
	assert.Equal(t, "", nist.SP80053ID{}.String())
	assert.Equal(t, "", nist.SP80053ID{}.OSCALID())
	assert.Equal(t, "", nist.SP80053ID{}.Family())
	var z nist.SP80053ID
	require.NoError(t, z.UnmarshalText(nil))
	assert.Error(t, z.UnmarshalText([]byte("x")))
	assert.Panics(t, func() { nist.MustParseSP80053("x") })
}

func fmtIDs[T interface{ String() string }](ids []T) string {
	s := "["
	for i, id := range ids {
		if i > 0 {
			s += " "
		}
		s += id.String()
	}
	return s + "]"
}

func TestParseCSF(t *testing.T) {
	tests := []struct {
		in, want string
		level    nist.CSFLevel
		wantErr  bool
	}{
		{in: "PR", want: "PR", level: nist.Function},
		{in: "gv.oc", want: "GV.OC", level: nist.Category},
		{in: "PR.AA-01", want: "PR.AA-01", level: nist.Subcategory},
		{in: "RC.RP-06", want: "RC.RP-06", level: nist.Subcategory},
		{in: "", wantErr: true},
		{in: "XX", wantErr: true},
		{in: "PR.", wantErr: true},
		{in: "PR.A", wantErr: true},
		{in: "PR.AA-1", wantErr: true},
		{in: "PR.AA-00", wantErr: true},
		{in: "PR.AA-001", wantErr: true},
		{in: "PR.A1", wantErr: true},
		{in: "PR-AA", wantErr: true},
	}
	for _, tt := range tests {
		id, err := nist.ParseCSF(tt.in)
		if tt.wantErr {
			assert.ErrorIs(t, err, ismskit.ErrInvalidID, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, id.String())
		assert.Equal(t, tt.level, id.Level())
		b, _ := id.MarshalText()
		var back nist.CSFID
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, id, back)
	}
	sub := nist.MustParseCSF("PR.AA-01")
	assert.Equal(t, "PR", sub.Function().String())
	assert.Equal(t, "PR.AA", sub.Category().String())
	assert.True(t, nist.MustParseCSF("PR").Contains(sub))
	assert.True(t, nist.MustParseCSF("PR.AA").Contains(sub))
	assert.False(t, nist.MustParseCSF("PR.AT").Contains(sub))
	assert.False(t, nist.CSFID{}.Contains(sub))
	assert.Equal(t, nist.CSFID{}, nist.MustParseCSF("PR").Category())
	ids := []nist.CSFID{nist.MustParseCSF("RC"), nist.MustParseCSF("PR.AA-02"), nist.MustParseCSF("GV.OC"), nist.MustParseCSF("PR.AA"), nist.MustParseCSF("PR")}
	slices.SortFunc(ids, nist.CSFID.Compare)
	assert.Equal(t, "[GV.OC PR PR.AA PR.AA-02 RC]", fmtIDs(ids))
	assert.Equal(t, "[GV ID PR DE RS RC]", fmtIDs(slices.Collect(nist.Functions())))

	for l := nist.Function; l <= nist.Subcategory; l++ {
		b, err := l.MarshalText()
		require.NoError(t, err)
		var back nist.CSFLevel
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
	}
	text, err := nist.CSFLevel(0).MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
	var l nist.CSFLevel
	assert.ErrorIs(t, l.UnmarshalText([]byte("tier")), ismskit.ErrUnknownValue)
}

func TestBaseline(t *testing.T) {
	apitest.Enum(t, []nist.Baseline{nist.BaselineLow, nist.BaselineModerate, nist.BaselineHigh, nist.BaselineNotSelected}, nist.ParseBaseline, "")
	_, err := nist.Baseline(9).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	var b nist.Baseline
	assert.ErrorIs(t, b.UnmarshalText([]byte("Low")), ismskit.ErrUnknownValue)
	assert.Equal(t, "Not selected", nist.BaselineNotSelected.String())
}

func TestCSFLevel(t *testing.T) {
	apitest.Enum(t, []nist.CSFLevel{nist.Function, nist.Category, nist.Subcategory}, nist.ParseCSFLevel, "")
	_, err := nist.CSFLevel(4).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

func TestRef(t *testing.T) {
	tests := []struct {
		in      string
		want    nist.Ref
		wantErr error
	}{
		{in: "A.8.8", want: nist.Ref{Control: iso27002.MustParse("8.8")}},
		{in: "6.1.2", want: nist.Ref{Clause: iso27001.MustParseClauseID("6.1.2")}},
		{in: "4.2(a)", want: nist.Ref{Clause: iso27001.MustParseClauseID("4.2"), Item: 'a'}},
		{in: "A.5.1.1", wantErr: ismskit.ErrInvalidID},
		{in: "A.5.99", wantErr: ismskit.ErrUnknownControl},
		{in: "11", wantErr: ismskit.ErrInvalidID},
		{in: "9.2.3", wantErr: iso27001.ErrUnknownClause},
		{in: "4.2(A)", wantErr: ismskit.ErrInvalidID},
		{in: "A.8.8(a)", wantErr: ismskit.ErrInvalidID},
		{in: "", wantErr: ismskit.ErrInvalidID},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := nist.ParseRef(tt.in)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.True(t, got.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.in, got.String())
			text, err := got.MarshalText()
			require.NoError(t, err)
			var back nist.Ref
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, got, back)
		})
	}
	for _, bad := range []nist.Ref{
		{Control: iso27002.MustParse("A.5.1.1")},
		{Control: iso27002.MustParse("acme:x")},
		{Control: iso27002.MustParse("8.8"), Clause: iso27001.MustParseClauseID("4")},
		{Clause: iso27001.MustParseClauseID("4"), Item: '1'},
		{Item: 'a'},
	} {
		_, err := bad.MarshalText()
		assert.ErrorIs(t, err, ismskit.ErrNotEncodable, "%#v", bad)
	}
	// Every pair of the tables encodes and reads back.
	roundTripAll(t, nist.SP80053Pairs())
	roundTripAll(t, nist.CSFPairs())
}

// roundTripAll encodes every value of seq with encoding/json and requires
// it to decode back equal.
func roundTripAll[T any](t *testing.T, seq iter.Seq[T]) {
	t.Helper()
	for v := range seq {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		var back T
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, v, back)
	}
}

func TestSP80053Data(t *testing.T) {
	pairs := slices.Collect(nist.SP80053Pairs())
	assert.Len(t, pairs, 643)
	isoElems := map[nist.Ref]bool{}
	controls := map[nist.SP80053ID]bool{}
	enh := 0
	for _, p := range pairs {
		isoElems[p.ISO] = true
		controls[p.Control] = true
		assert.NotEqual(t, p.ISO.Control.IsValid(), p.ISO.Clause.IsValid(), "a Ref is a control or a clause: %v", p)
		if p.Control.IsEnhancement() {
			enh++
		}
	}
	// Counted in the TSV with awk. The shared data README says "120 ISO
	// elements"; the file holds 121 distinct ones (30 clauses, 91 controls).
	assert.Len(t, isoElems, 121)
	assert.Len(t, controls, 220)
	assert.Equal(t, 49, enh, "pairs of the 48 enhancements")

	// Both directions agree.
	for _, p := range pairs {
		if p.ISO.Control.IsValid() {
			assert.Contains(t, nist.SP80053ForControl(p.ISO.Control), p.Control)
		} else {
			assert.Contains(t, nist.SP80053ForClause(p.ISO.Clause), p.Control)
		}
		assert.Contains(t, nist.ISOForSP80053(p.Control), p.ISO)
	}
}

func TestSP80053Queries(t *testing.T) {
	got := nist.SP80053ForControl(iso27002.MustParse("8.8"))
	assert.Equal(t, "[RA-3 RA-5 SI-2 SI-5]", fmtIDs(got))
	// A 2013 ID counts through its 2022 controls: A.12.6.1 became 8.8.
	assert.Equal(t, got, nist.SP80053ForControl(iso27002.MustParse("A.12.6.1")))
	assert.Nil(t, nist.SP80053ForControl(iso27002.MustParse("acme:x")))

	refs := nist.ISOForSP80053(nist.MustParseSP80053("AC-1"))
	assert.Equal(t, "[A.5.1 A.5.2 A.5.4 A.5.15 A.5.31 A.5.36 A.5.37 5.2 5.3 7.5.1 7.5.2 7.5.3]", fmtIDs(refs))
	assert.Nil(t, nist.ISOForSP80053(nist.MustParseSP80053("ZZ-1")))

	// 9.2 takes 9.2.1 and 9.2.2 along.
	all := nist.SP80053ForClause(iso27001.MustParseClauseID("9.2"))
	for _, sub := range []string{"9.2.1", "9.2.2"} {
		for _, c := range nist.SP80053ForClause(iso27001.MustParseClauseID(sub)) {
			assert.Contains(t, all, c)
		}
	}
}

func TestCSFData(t *testing.T) {
	pairs := slices.Collect(nist.CSFPairs())
	assert.Len(t, pairs, 415)
	levels := map[nist.CSFLevel]int{}
	var notes []string
	for _, p := range pairs {
		levels[p.Element.Level()]++
		if p.Note != "" {
			notes = append(notes, p.Element.String()+" "+p.ISO.String())
		}
	}
	assert.Equal(t, map[nist.CSFLevel]int{nist.Function: 15, nist.Category: 67, nist.Subcategory: 333}, levels)
	assert.Equal(t, []string{"GV.RM-07 6.1.1", "ID.RA-06 6.1.3", "PR "}, notes)
}

func TestCSFQueries(t *testing.T) {
	refs := nist.ISOForCSF(nist.MustParseCSF("PR.AA-01"))
	assert.Equal(t, "[A.5.15 A.5.18 A.8.2 A.8.5]", fmtIDs(refs))
	assert.Equal(t, "[A.5.20 A.5.31 4.2(a) 4.2(b)]", fmtIDs(nist.ISOForCSF(nist.MustParseCSF("GV.OC-03"))))
	assert.Equal(t, "[8.3]", fmtIDs(nist.ISOForCSF(nist.MustParseCSF("PR"))), "PR's 'All applicable controls' names no element")
	under := nist.ISOUnderCSF(nist.MustParseCSF("PR.AA"))
	for _, r := range refs {
		assert.Contains(t, under, r)
	}
	for _, p := range slices.Collect(nist.CSFPairs()) {
		switch {
		case p.ISO.Control.IsValid():
			assert.Contains(t, nist.CSFForControl(p.ISO.Control), p.Element)
		case p.ISO.Clause.IsValid():
			assert.Contains(t, nist.CSFForClause(p.ISO.Clause), p.Element)
		}
	}
	assert.Contains(t, nist.CSFForControl(iso27002.MustParse("5.15")), nist.MustParseCSF("PR.AA-01"))
	assert.Contains(t, nist.CSFForClause(iso27001.MustParseClauseID("6.1")), nist.MustParseCSF("ID.RA-06"), "6.1 takes 6.1.3 along")
}

func TestCSFCoverage(t *testing.T) {
	none := nist.CSFCoverage(nil)
	require.Len(t, none, 6)
	total := 0
	for _, fc := range none {
		assert.Zero(t, fc.Covered)
		assert.Zero(t, fc.Percent)
		assert.Len(t, fc.Uncovered, fc.Mapped)
		total += fc.Mapped
	}
	assert.Positive(t, total)

	all := nist.CSFCoverage(slices.Collect(iso27002.Catalog2022().IDs()))
	for _, fc := range all {
		assert.Equal(t, fc.Mapped, fc.Covered, fc.Function.String())
		if fc.Mapped > 0 {
			assert.Equal(t, 100.0, fc.Percent)
		}
		assert.Empty(t, fc.Uncovered)
	}

	// Only the controls PR.AA-01 names: PR.AA-01 is covered.
	some := []iso27002.ControlID{iso27002.MustParse("5.15"), iso27002.MustParse("5.15"), iso27002.MustParse("acme:x")}
	cov := nist.CSFCoverage(some)
	pr := cov[2]
	assert.Equal(t, "PR", pr.Function.String())
	assert.GreaterOrEqual(t, pr.Covered, 1)
	assert.NotContains(t, pr.Uncovered, nist.MustParseCSF("PR.AA-01"))
	assert.InDelta(t, 100*float64(pr.Covered)/float64(pr.Mapped), pr.Percent, 1e-9)
	// The same set given through 2013 IDs (A.9.1.1 became 5.15) counts the same.
	require.Equal(t, []iso27002.ControlID{iso27002.MustParse("5.15")}, iso27002.To2022(iso27002.MustParse("A.9.1.1")))
	assert.Equal(t, cov, nist.CSFCoverage([]iso27002.ControlID{iso27002.MustParse("A.9.1.1")}))
}

func TestRefString(t *testing.T) {
	assert.Equal(t, "", nist.Ref{}.String())
	assert.True(t, nist.Ref{}.IsZero())
	assert.Equal(t, "A.8.8", nist.Ref{Control: iso27002.MustParse("8.8")}.String())
	assert.Equal(t, "4.2(a)", nist.Ref{Clause: iso27001.MustParseClauseID("4.2"), Item: 'a'}.String())
}
