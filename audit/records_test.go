package audit

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecordsRoundTrip(t *testing.T) {
	r := testRecords(t)
	r.Extensions = map[string]json.RawMessage{"acme": json.RawMessage(`{"ticket":"SEC-12","tags":["a","b"]}`)}
	require.NoError(t, r.Validate(testBasis()))
	b, err := EncodeRecords(r)
	require.NoError(t, err)
	golden(t, "records.json", b)
	back, err := DecodeRecords(b)
	require.NoError(t, err)
	assert.JSONEq(t, string(r.Extensions["acme"]), string(back.Extensions["acme"]), "extensions kept (white space may change)")
	back.Extensions = r.Extensions
	assert.Equal(t, r, back)
	again, err := EncodeRecords(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))
	assert.JSONEq(t, `{"ticket":"SEC-12","tags":["a","b"]}`, string(back.Extensions["acme"]))
}

func TestDecodeRecordsStrict(t *testing.T) {
	valid, err := EncodeRecords(testRecords(t))
	require.NoError(t, err)
	tests := []struct {
		name string
		in   string
		path string
		kind error
	}{
		{"syntax", `{"programme": `, "", ismskit.ErrSyntax},
		{"trailing", `{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": []}} {}`, "", ismskit.ErrTrailingData},
		{"unknown key", `{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": [], "cyclestart": "x"}}`, "programme.cyclestart", ismskit.ErrUnknownField},
		{"wrong case", `{"Programme": {}}`, "Programme", ismskit.ErrUnknownField},
		{"unknown kind", `{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": [{"id": "A", "kind": "external"}]}}`, "programme.audits[0].kind", ismskit.ErrUnknownValue},
		{"unknown result", `{"programme": {"audits": []}, "findings": [{"id": "F", "result": "major"}]}`, "findings[0].result", ismskit.ErrUnknownValue},
		{"unknown state", `{"programme": {"audits": []}, "actions": [{"id": "C", "state": "closed"}]}`, "actions[0].state", ismskit.ErrUnknownValue},
		{"bad control", `{"programme": {"audits": []}, "findings": [{"id": "F", "control": "5.99"}]}`, "findings[0].control", ismskit.ErrUnknownControl},
		{"bad item", `{"programme": {"audits": []}, "findings": [{"id": "F", "item": "6.1.3.D"}]}`, "findings[0].item", ismskit.ErrInvalidID},
		{"bad date", `{"programme": {"cycleStart": "2026-02-30", "audits": []}}`, "programme.cycleStart", ismskit.ErrInvalidDate},
		{"wrong type", `{"programme": {"highRiskAudits": "3", "audits": []}}`, "programme.highRiskAudits", ismskit.ErrType},
		{"duplicate key", `{"organization": "a", "organization": "b", "programme": {"audits": []}}`, "organization", ismskit.ErrDuplicateField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := DecodeRecords([]byte(tt.in))
			require.Error(t, err)
			assert.Zero(t, r)
			assert.ErrorIs(t, err, tt.kind)
			if tt.path != "" {
				assert.Contains(t, errPaths(err), tt.path)
			}
		})
	}
	// Every problem is reported, not just the first.
	bad := strings.Replace(string(valid), `"kind": "internal"`, `"kind": "Internal"`, -1)
	bad = strings.Replace(bad, `"result": "conforming"`, `"result": "ok"`, 1)
	_, err = DecodeRecords([]byte(bad))
	assert.Equal(t, []string{"programme.audits[0].kind", "programme.audits[1].kind", "programme.audits[2].kind", "findings[0].result"}, errPaths(err))
}

func TestValidate(t *testing.T) {
	c := iso27001.MustParseClauseID
	tests := []struct {
		name   string
		basis  func(*Basis)
		mutate func(*Records)
		path   string
		kind   error
		msg    string
		item   string // the Item of the problem at path, when not ""
	}{
		{name: "valid", mutate: func(*Records) {}},
		{name: "no cycle", mutate: func(r *Records) { r.Programme.CycleStart = ismskit.Date{} }, path: "programme.cycleStart", kind: ismskit.ErrMissing},
		{name: "cycle backwards", mutate: func(r *Records) { r.Programme.CycleEnd = d("2025-01-01") }, path: "programme.cycleEnd", kind: ismskit.ErrDateOrder},
		{name: "cycle too long", mutate: func(r *Records) { r.Programme.CycleEnd = d("2029-02-02") }, path: "programme.cycleEnd", kind: ErrCycleTooLong},
		{name: "negative high-risk", mutate: func(r *Records) { r.Programme.HighRiskAudits = -1 }, path: "programme.highRiskAudits", kind: ismskit.ErrOutOfRange},
		{name: "audit id", mutate: func(r *Records) { r.Programme.Audits[2].ID = r.Programme.Audits[0].ID }, path: "programme.audits[2].id", kind: ismskit.ErrDuplicateID, item: "IA-1"},
		{name: "audit kind", mutate: func(r *Records) { r.Programme.Audits[2].Kind = 0 }, path: "programme.audits[2].kind", kind: ismskit.ErrMissing, item: "IA-3"},
		{name: "audit end before start", mutate: func(r *Records) { r.Programme.Audits[2].End = d("2028-01-01") }, path: "programme.audits[2].end", kind: ismskit.ErrDateOrder},
		{name: "audit before cycle", mutate: func(r *Records) { r.Programme.Audits[0].Start = d("2026-01-01") }, path: "programme.audits[0].start", kind: ismskit.ErrDateOrder},
		{name: "no auditors", mutate: func(r *Records) { r.Programme.Audits[2].Auditors = nil }, path: "programme.audits[2].auditors", kind: ismskit.ErrMissing},
		{name: "auditor twice", mutate: func(r *Records) {
			a := &r.Programme.Audits[2]
			a.Auditors = append(a.Auditors, a.Auditors[0])
		}, path: "programme.audits[2].auditors[1].name", kind: ismskit.ErrDuplicateID, item: "Chloe"},
		{name: "not independent", mutate: func(r *Records) {
			r.Programme.Audits[0].Auditors[0].Responsible = Scope{Processes: []string{"Patching"}, Clauses: []iso27001.ClauseID{c("5.2")}}
			r.Programme.Audits[0].Scope.Processes = []string{"Patching"}
		}, path: "programme.audits[0].auditors[0]", kind: ErrNotIndependent, msg: "Ben is responsible for clause 5, process Patching", item: "Ben"},
		{name: "external audit may be by anyone", mutate: func(r *Records) {
			r.Programme.Audits = append(r.Programme.Audits, Audit{ID: "S-1", Kind: Surveillance, Start: d("2027-01-10"), End: d("2027-01-11"),
				Scope: Scope{Clauses: []iso27001.ClauseID{c("4")}}, Auditors: []Auditor{{Name: "CB", Responsible: Scope{Clauses: []iso27001.ClauseID{c("4")}}}}})
		}},
		{name: "unknown scope clause", mutate: func(r *Records) { r.Programme.Audits[0].Scope.Clauses[0] = c("6.4") }, path: "programme.audits[0].scope.clauses[0]", kind: iso27001.ErrUnknownItem},
		{name: "scope control outside SoA", mutate: func(r *Records) { r.Programme.Audits[0].Scope.Controls[0] = iso27002.MustParse("5.2") }, path: "programme.audits[0].scope.controls[0]", kind: ErrNotInSoA},
		{name: "scope control from other edition", mutate: func(r *Records) { r.Programme.Audits[0].Scope.Controls[0] = iso27002.MustParse("A.5.1.1") }, path: "programme.audits[0].scope.controls[0]", kind: ismskit.ErrUnknownControl},
		{name: "basis", basis: func(b *Basis) { b.HighRisk = ids("5.2") }, mutate: func(*Records) {}, path: "basis.highRisk[0]", kind: ErrNotInSoA},
		{name: "evidence", mutate: func(r *Records) { r.Evidence[1] = Evidence{ID: "E-1", SHA256: "xyz"} }, path: "evidence[1].id", kind: ismskit.ErrDuplicateID},
		{name: "evidence fields", mutate: func(r *Records) { r.Evidence[2].What, r.Evidence[2].When = "", ismskit.Date{} }, path: "evidence[2].when", kind: ismskit.ErrMissing, item: "E-3"},
		{name: "evidence digest", mutate: func(r *Records) { r.Evidence[0].SHA256 = strings.ToUpper(r.Evidence[0].SHA256) }, path: "evidence[0].sha256", kind: ErrInvalidDigest},
		{name: "finding id", mutate: func(r *Records) { r.Findings[1].ID = "F-1" }, path: "findings[1].id", kind: ismskit.ErrDuplicateID, item: "F-1"},
		{name: "finding without id", mutate: func(r *Records) { r.Findings[1].ID = " " }, path: "findings[1].id", kind: ismskit.ErrMissing},
		{name: "finding audit", mutate: func(r *Records) { r.Findings[0].Audit = "IA-9" }, path: "findings[0].audit", kind: ismskit.ErrUnknownReference, item: "F-1"},
		{name: "finding both subjects", mutate: func(r *Records) { r.Findings[2].Item = iso27001.MustParseItemID("6.1.3.d") }, path: "findings[2]", kind: ErrSubject},
		{name: "finding no subject", mutate: func(r *Records) { r.Findings[2].Control = iso27002.ControlID{} }, path: "findings[2]", kind: ErrSubject},
		{name: "finding control outside SoA", mutate: func(r *Records) { r.Findings[2].Control = iso27002.MustParse("5.37") }, path: "findings[2].control", kind: ErrNotInSoA,
			msg: "findings[2].control (F-3): not an applicable control of the SoA: 5.37", item: "F-3"},
		{name: "finding control outside audit", mutate: func(r *Records) { r.Findings[2].Control = iso27002.MustParse("8.24") }, path: "findings[2].control", kind: ErrOutOfScope},
		{name: "finding unknown item", mutate: func(r *Records) { r.Findings[0].Item = iso27001.MustParseItemID("5.2.z") }, path: "findings[0].item", kind: iso27001.ErrUnknownItem},
		{name: "finding on a note", mutate: func(r *Records) { r.Findings[0].Item = iso27001.MustParseItemID("4.2.n1") }, path: "findings[0].item", kind: iso27001.ErrUnknownItem},
		{name: "finding item outside audit", mutate: func(r *Records) { r.Findings[0].Item = iso27001.MustParseItemID("10.2.f") }, path: "findings[0].item", kind: ErrOutOfScope},
		{name: "finding result", mutate: func(r *Records) { r.Findings[0].Result = 0 }, path: "findings[0].result", kind: ismskit.ErrMissing},
		{name: "finding statement", mutate: func(r *Records) { r.Findings[3].Statement = "" }, path: "findings[3].statement", kind: ismskit.ErrMissing, item: "F-4", msg: "an observation needs a statement"},
		{name: "finding date after audit", mutate: func(r *Records) { r.Findings[0].Date = d("2026-02-05") }, path: "findings[0].date", kind: ismskit.ErrDateOrder},
		{name: "finding date before audit", mutate: func(r *Records) { r.Findings[0].Date = d("2026-02-01") }, path: "findings[0].date", kind: ismskit.ErrDateOrder},
		{name: "finding auditor", mutate: func(r *Records) { r.Findings[0].Auditor = "Chloe" }, path: "findings[0].auditor", kind: ismskit.ErrUnknownReference},
		{name: "finding evidence", mutate: func(r *Records) { r.Findings[0].Evidence = []string{"E-1", "E-7"} }, path: "findings[0].evidence[1]", kind: ismskit.ErrUnknownReference},
		{name: "evidence after finding", mutate: func(r *Records) { r.Findings[2].Evidence = []string{"E-3"} }, path: "findings[2].evidence[0]", kind: ismskit.ErrDateOrder,
			msg: "evidence E-3 was examined on 2027-02-03, after the finding's date 2027-02-02"},
		{name: "action id", mutate: func(r *Records) { r.Actions[1].ID = "CA-1" }, path: "actions[1].id", kind: ismskit.ErrDuplicateID},
		{name: "action finding", mutate: func(r *Records) { r.Actions[1].Finding = "F-9" }, path: "actions[1].finding", kind: ismskit.ErrUnknownReference},
		{name: "action on observation", mutate: func(r *Records) { r.Actions[1].Finding = "F-4" }, path: "actions[1].finding", kind: ErrNotNonconformity, item: "CA-2", msg: "F-4 is observation"},
		{name: "action before finding", mutate: func(r *Records) { r.Actions[1].History[0].Date = d("2027-01-01") }, path: "actions[1].history[0].date", kind: ismskit.ErrDateOrder},
		{name: "action skips a step", mutate: func(r *Records) {
			h := r.Actions[1].History
			r.Actions[1].History = []Transition{h[0], h[2], h[3]}
		}, path: "actions[1].history[1].to", kind: ErrIllegalTransition, item: "CA-2", msg: "illegal state transition from raised to analysed (allowed: corrected)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := testRecords(t)
			b := testBasis()
			if tt.basis != nil {
				tt.basis(&b)
			}
			tt.mutate(&r)
			err := r.Validate(b)
			if tt.kind == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			assert.Contains(t, errPaths(err), tt.path, err.Error())
			if tt.msg != "" {
				assert.Contains(t, err.Error(), tt.msg)
			}
			for _, p := range ismskit.Problems(err) {
				if p.Path == tt.path && tt.item != "" {
					assert.Equal(t, tt.item, p.Item, "the Item of %s", p.Path)
				}
			}
		})
	}
}

func TestValidateReportsEverything(t *testing.T) {
	r := testRecords(t)
	r.Programme.Audits[1].Kind = 0
	r.Findings[0].Result = 0
	r.Findings[2].Control = iso27002.MustParse("5.37")
	r.Evidence[0].When = ismskit.Date{}
	r.Actions[0].State = Raised
	err := r.Validate(testBasis())
	assert.Equal(t, []string{"programme.audits[1].kind", "evidence[0].when", "findings[0].result", "findings[2].control", "actions[0].state"}, errPaths(err))
	assert.Equal(t, 5, len(flatten(err)))
}

func TestZeroRecords(t *testing.T) {
	err := (&Records{}).Validate(Basis{})
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	assert.Equal(t, []string{"programme.cycleStart"}, errPaths(err))
}
