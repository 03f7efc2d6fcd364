package regulation

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

func ctl(s string) iso27002.ControlID { return iso27002.MustParse(s) }

func obligation(t *testing.T, obs []soa.Obligation, id string) soa.Obligation {
	t.Helper()
	for _, o := range obs {
		if o.ID == id {
			return o
		}
	}
	t.Fatalf("no obligation %s", id)
	return soa.Obligation{}
}

func TestObligationsGDPR(t *testing.T) {
	obs, err := Tailoring{Regulations: []Regulation{GDPR}}.Obligations()
	require.NoError(t, err)
	var ids []string
	for _, o := range obs {
		ids = append(ids, o.ID)
		assert.Equal(t, soa.Legal, o.Kind)
		id := MustParseID(o.ID)
		assert.Equal(t, Controls(id), o.Controls)
		assert.Equal(t, "Annex A mapping: ismskit's editorial mapping", o.Note)
	}
	assert.Equal(t, []string{"GDPR Art. 5", "GDPR Art. 17", "GDPR Art. 24", "GDPR Art. 25", "GDPR Art. 28", "GDPR Art. 30", "GDPR Art. 32",
		"GDPR Art. 33", "GDPR Art. 34", "GDPR Art. 35", "GDPR Art. 37", "GDPR Art. 38", "GDPR Art. 39"}, ids)
	assert.Equal(t, "GDPR Art. 32 (Security of processing)", obligation(t, obs, "GDPR Art. 32").Reference)

	none, err := Tailoring{}.Obligations()
	require.NoError(t, err)
	assert.Empty(t, none, "the zero tailoring applies nothing")
}

func TestObligationsKindsAndNotes(t *testing.T) {
	obs, err := Tailoring{Regulations: []Regulation{HIPAA, NIS2, DORA}}.Obligations()
	require.NoError(t, err)
	o := obligation(t, obs, "45 CFR 164.312(a)(2)(iv)")
	assert.Equal(t, soa.Regulatory, o.Kind)
	assert.Equal(t, "HIPAA 45 CFR 164.312(a)(2)(iv) (Encryption and decryption)", o.Reference)
	assert.Equal(t, "Annex A mapping: derived from NIST SP 800-66r2 via SP 800-53", o.Note)
	o = obligation(t, obs, "45 CFR 164.312(a)(2)(iii)")
	assert.Equal(t, "Annex A mapping: ismskit's editorial mapping", o.Note)
	o = obligation(t, obs, "NIS2 Art. 21(2)(d)")
	assert.Equal(t, soa.Legal, o.Kind)
	assert.Equal(t, "Annex A mapping: derived from ENISA's mapping of the annex to Implementing Regulation (EU) 2024/2690", o.Note)
	o = obligation(t, obs, "DORA RTS Art. 5(1)(a)")
	assert.Equal(t, soa.Regulatory, o.Kind)
	assert.Equal(t, "DORA RTS Art. 5(1)(a) (Time limit of the initial notification)", o.Reference)
	for _, o := range obs {
		assert.NotEqual(t, "45 CFR 164.308(a)(1)", o.ID, "only weak pairs: no obligation by default")
		assert.NotEqual(t, "NIS2 Art. 23(5)", o.ID, "a duty of the authority has no controls")
	}
	weak, err := Tailoring{Regulations: []Regulation{HIPAA}, IncludeWeak: true}.Obligations()
	require.NoError(t, err)
	o = obligation(t, weak, "45 CFR 164.308(a)(1)")
	assert.Len(t, o.Controls, len(Mappings(MustParseID("45 CFR 164.308(a)(1)"))))
}

// TestGenerateCitesArticle feeds the obligations to soa.Generate: the
// mapped controls get a legal reason that cites the article.
func TestGenerateCitesArticle(t *testing.T) {
	tl := Tailoring{
		Regulations: []Regulation{GDPR, NIS2},
		Exclusions:  []Exclusion{{Requirement: MustParseID("GDPR Art. 37"), Reason: "No large-scale monitoring: no DPO is required."}},
		Changes: []Change{
			{Requirement: MustParseID("GDPR Art. 32"), Action: Drop, Control: ctl("8.12"), Reason: "No DLP tooling; 8.12 is met by 5.14 and 8.24."},
			{Requirement: MustParseID("GDPR Art. 33"), Action: Add, Control: ctl("8.16"), Reason: "Monitoring finds the breaches we must notify."},
			{Requirement: MustParseID("GDPR Art. 33"), Action: Add, Control: iso27002.MustParse("acme:BREACH-LOG"), Reason: "Our breach register."},
		},
	}
	require.NoError(t, tl.Validate())
	obs, err := tl.Obligations()
	require.NoError(t, err)
	art32 := obligation(t, obs, "GDPR Art. 32")
	assert.NotContains(t, art32.Controls, ctl("8.12"))
	assert.Equal(t, "Annex A mapping: ismskit's editorial mapping; 8.12 left out: No DLP tooling; 8.12 is met by 5.14 and 8.24.", art32.Note)
	added := obligation(t, obs, "GDPR Art. 33 + 8.16")
	assert.Equal(t, []iso27002.ControlID{ctl("8.16")}, added.Controls)
	assert.Equal(t, "added by the organisation: Monitoring finds the breaches we must notify.", added.Note)
	assert.Equal(t, "GDPR Art. 33 (Notification of a personal data breach to the supervisory authority)", added.Reference)
	for _, o := range obs {
		assert.NotEqual(t, "GDPR Art. 37", o.ID, "excluded")
	}

	cat, err := iso27002.Catalog2022().Extend("with own", []iso27002.Control{{ID: iso27002.MustParse("acme:BREACH-LOG"), Title: "Breach register"}})
	require.NoError(t, err)
	s, err := soa.Generate(soa.Input{Catalog: cat, Header: soa.Header{Organization: "Acme", Version: "1", Date: ismskit.MustParseDate("2026-06-01")},
		Sources: soa.Sources{Obligations: obs}})
	require.NoError(t, err)
	e, ok := s.Entry(ctl("8.24"))
	require.True(t, ok)
	assert.Equal(t, soa.Included, e.Applicability)
	var refs []string
	for _, r := range e.Reasons {
		assert.Equal(t, soa.Legal, r.Kind)
		refs = append(refs, r.Reference)
	}
	assert.Contains(t, refs, "GDPR Art. 32 (Security of processing)")
	assert.Contains(t, refs, "NIS2 Art. 21(2)(h) (Cryptography and encryption)")
	e, _ = s.Entry(ctl("8.16"))
	require.NotEmpty(t, e.Reasons)
	assert.Contains(t, e.Reasons[0].String(), "Monitoring finds the breaches we must notify.")
	e, _ = s.Entry(iso27002.MustParse("acme:BREACH-LOG"))
	assert.Equal(t, soa.Included, e.Applicability, "an organisation's own control can be added")
}

func TestObligations2013(t *testing.T) {
	tl := Tailoring{Requirements: []ID{MustParseID("GDPR Art. 32")}, Edition: iso27002.Edition2013}
	obs, err := tl.Obligations()
	require.NoError(t, err)
	require.Len(t, obs, 1)
	assert.Equal(t, Controls2013(MustParseID("GDPR Art. 32")), obs[0].Controls)
	for _, c := range obs[0].Controls {
		assert.Equal(t, iso27002.Edition2013, c.Edition())
	}
	assert.Contains(t, obs[0].Note, "no 2013 control for 5.30, 8.11, 8.12 (new in 2022)")
	s, err := soa.Generate(soa.Input{Catalog: iso27002.Catalog2013(), Header: soa.Header{Organization: "Acme", Version: "1", Date: ismskit.MustParseDate("2026-06-01")},
		Sources: soa.Sources{Obligations: obs}})
	require.NoError(t, err, "the obligations name 2013 controls only")
	e, _ := s.Entry(iso27002.MustParse("A.10.1.1"))
	assert.Equal(t, soa.Included, e.Applicability)
	added, err := Tailoring{Requirements: []ID{MustParseID("GDPR Art. 33")}, Edition: iso27002.Edition2013,
		Changes: []Change{{Requirement: MustParseID("GDPR Art. 33"), Action: Add, Control: ctl("5.7"), Reason: "threat intelligence"}}}.Obligations()
	require.NoError(t, err)
	for _, o := range added {
		assert.NotEqual(t, "GDPR Art. 33 + 5.7", o.ID, "5.7 is new in 2022: nothing to add in 2013")
	}
}

func TestSelectByProvision(t *testing.T) {
	obs, err := Tailoring{Requirements: []ID{MustParseID("NIS2 Art. 21(2)")}}.Obligations()
	require.NoError(t, err)
	require.Len(t, obs, 10)
	assert.Equal(t, "NIS2 Art. 21(2)(a)", obs[0].ID)
	assert.Equal(t, "NIS2 Art. 21(2)(j)", obs[9].ID)
}

func TestTailoringValidate(t *testing.T) {
	id := MustParseID
	for _, tt := range []struct {
		name string
		t    Tailoring
		path string
		kind error
		item string
	}{
		{"unknown regulation", Tailoring{Regulations: []Regulation{9}}, "regulations[0]", ismskit.ErrUnknownValue, ""},
		{"regulation twice", Tailoring{Regulations: []Regulation{GDPR, GDPR}}, "regulations[1]", ismskit.ErrDuplicateID, ""},
		{"unknown requirement", Tailoring{Requirements: []ID{id("GDPR Art. 100")}}, "requirements[0]", ismskit.ErrUnknownReference, "GDPR Art. 100"},
		{"zero requirement", Tailoring{Requirements: []ID{{}}}, "requirements[0]", ismskit.ErrMissing, ""},
		{"requirement twice", Tailoring{Requirements: []ID{id("GDPR Art. 32"), id("GDPR Art. 32")}}, "requirements[1]", ismskit.ErrDuplicateID, "GDPR Art. 32"},
		{"exclusion of nothing", Tailoring{Exclusions: []Exclusion{{Requirement: id("GDPR Art. 32"), Reason: "x"}}}, "exclusions[0].requirement", ismskit.ErrInconsistent, "GDPR Art. 32"},
		{"exclusion unknown", Tailoring{Regulations: []Regulation{GDPR}, Exclusions: []Exclusion{{Requirement: id("45 CFR 164.999"), Reason: "x"}}}, "exclusions[0].requirement", ismskit.ErrUnknownReference, "45 CFR 164.999"},
		{"exclusion without reason", Tailoring{Regulations: []Regulation{GDPR}, Exclusions: []Exclusion{{Requirement: id("GDPR Art. 37")}}}, "exclusions[0].reason", ismskit.ErrMissing, "GDPR Art. 37"},
		{"exclusion zero", Tailoring{Exclusions: []Exclusion{{Reason: "x"}}}, "exclusions[0].requirement", ismskit.ErrMissing, ""},
		{"change unknown requirement", Tailoring{Regulations: []Regulation{GDPR}, Changes: []Change{{Requirement: id("GDPR Art. 33(1)"), Action: Add, Control: ctl("8.16"), Reason: "x"}}}, "changes[0].requirement", ismskit.ErrUnknownReference, "GDPR Art. 33(1)"},
		{"change not applicable", Tailoring{Changes: []Change{{Requirement: id("GDPR Art. 33"), Action: Add, Control: ctl("8.16"), Reason: "x"}}}, "changes[0].requirement", ismskit.ErrInconsistent, "GDPR Art. 33"},
		{"change excluded", Tailoring{Regulations: []Regulation{GDPR}, Exclusions: []Exclusion{{Requirement: id("GDPR Art. 33"), Reason: "y"}},
			Changes: []Change{{Requirement: id("GDPR Art. 33"), Action: Add, Control: ctl("8.16"), Reason: "x"}}}, "changes[0].requirement", ismskit.ErrInconsistent, "GDPR Art. 33"},
		{"change zero requirement", Tailoring{Changes: []Change{{Action: Add, Control: ctl("8.16"), Reason: "x"}}}, "changes[0].requirement", ismskit.ErrMissing, ""},
		{"change without reason", Tailoring{Regulations: []Regulation{GDPR}, Changes: []Change{{Requirement: id("GDPR Art. 33"), Action: Add, Control: ctl("8.16")}}}, "changes[0].reason", ismskit.ErrMissing, "GDPR Art. 33"},
		{"change without control", Tailoring{Regulations: []Regulation{GDPR}, Changes: []Change{{Requirement: id("GDPR Art. 33"), Action: Add, Reason: "x"}}}, "changes[0].control", ismskit.ErrMissing, "GDPR Art. 33"},
		{"change without action", Tailoring{Regulations: []Regulation{GDPR}, Changes: []Change{{Requirement: id("GDPR Art. 33"), Control: ctl("8.16"), Reason: "x"}}}, "changes[0].action", ismskit.ErrUnknownValue, "GDPR Art. 33"},
		{"add mapped", Tailoring{Regulations: []Regulation{GDPR}, Changes: []Change{{Requirement: id("GDPR Art. 33"), Action: Add, Control: ctl("5.26"), Reason: "x"}}}, "changes[0].control", ismskit.ErrDuplicateID, "GDPR Art. 33"},
		{"add 2013", Tailoring{Regulations: []Regulation{GDPR}, Changes: []Change{{Requirement: id("GDPR Art. 33"), Action: Add, Control: ctl("A.16.1.1"), Reason: "x"}}}, "changes[0].control", ismskit.ErrUnknownControl, "GDPR Art. 33"},
		{"drop unmapped", Tailoring{Regulations: []Regulation{GDPR}, Changes: []Change{{Requirement: id("GDPR Art. 33"), Action: Drop, Control: ctl("8.1"), Reason: "x"}}}, "changes[0].control", ErrNotMapped, "GDPR Art. 33"},
		{"change twice", Tailoring{Regulations: []Regulation{GDPR}, Changes: []Change{
			{Requirement: id("GDPR Art. 33"), Action: Drop, Control: ctl("5.5"), Reason: "x"},
			{Requirement: id("GDPR Art. 33"), Action: Add, Control: ctl("5.5"), Reason: "y"}}}, "changes[1].control", ismskit.ErrDuplicateID, "GDPR Art. 33"},
		{"edition", Tailoring{Edition: 2005}, "edition", ismskit.ErrUnknownValue, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.t.Validate()
			require.Error(t, err)
			ps := ismskit.Problems(err)
			require.Len(t, ps, 1, "%v", err)
			assert.Equal(t, tt.path, ps[0].Path)
			assert.Equal(t, tt.item, ps[0].Item)
			assert.ErrorIs(t, err, tt.kind)
			obs, oerr := tt.t.Obligations()
			assert.Nil(t, obs)
			assert.Equal(t, err.Error(), oerr.Error())
		})
	}
	// Weak pairs: dropping one is allowed; adding one back is an
	// addition unless weak pairs are included already.
	weak := Mappings(MustParseID("45 CFR 164.308(a)(1)"))[0].Control
	ok := Tailoring{Regulations: []Regulation{HIPAA}, Changes: []Change{
		{Requirement: id("45 CFR 164.308(a)(1)"), Action: Add, Control: weak, Reason: "policy"},
	}}
	require.NoError(t, ok.Validate())
	obs, err := ok.Obligations()
	require.NoError(t, err)
	assert.Equal(t, []iso27002.ControlID{weak}, obligation(t, obs, "45 CFR 164.308(a)(1) + "+weak.String()).Controls)
	ok.IncludeWeak = true
	assert.ErrorIs(t, ok.Validate(), ismskit.ErrDuplicateID)
	ok.Changes[0].Action = Drop
	require.NoError(t, ok.Validate())
	obs, err = ok.Obligations()
	require.NoError(t, err)
	assert.NotContains(t, obligation(t, obs, "45 CFR 164.308(a)(1)").Controls, weak)
}

func TestTailoringJSON(t *testing.T) {
	tl := Tailoring{
		Regulations:  []Regulation{GDPR, NIS2},
		Requirements: []ID{MustParseID("45 CFR 164.312(a)(2)(iv)")},
		Exclusions:   []Exclusion{{Requirement: MustParseID("GDPR Art. 37"), Reason: "no DPO required"}},
		Changes:      []Change{{Requirement: MustParseID("GDPR Art. 32"), Action: Drop, Control: ctl("8.12"), Reason: "<b>no DLP</b> & \"quotes\""}},
		IncludeWeak:  true,
		Edition:      iso27002.Edition2022,
		Extensions:   json.RawMessage(`{"ticket":"GRC-7"}`),
	}
	data, err := EncodeTailoring(tl)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"regulations": [
    "gdpr",
    "nis2"
  ]`)
	assert.Contains(t, string(data), `"requirement": "GDPR Art. 32"`)
	assert.Contains(t, string(data), `"action": "drop"`)
	assert.Contains(t, string(data), `<b>no DLP</b> &`, "no HTML escaping")
	// Extensions keep their content; the encoder indents them.
	same := func(back Tailoring) {
		t.Helper()
		assert.JSONEq(t, string(tl.Extensions), string(back.Extensions))
		back.Extensions = tl.Extensions
		assert.Equal(t, tl, back)
	}
	back, err := DecodeTailoring(data)
	require.NoError(t, err)
	same(back)
	var buf bytes.Buffer
	require.NoError(t, WriteTailoring(&buf, tl))
	assert.Equal(t, data, buf.Bytes())
	back, err = ReadTailoring(bytes.NewReader(data))
	require.NoError(t, err)
	same(back)
	var viaStd Tailoring
	require.NoError(t, json.Unmarshal(data, &viaStd))
	same(viaStd)

	_, err = DecodeTailoring([]byte(`{"regulations": ["gdpr", "ccpa"], "requirements": ["GDPR Art. x"], "changes": [{"requirement": "GDPR Art. 32", "action": "remove"}], "weak": true}`))
	require.Error(t, err)
	assert.Equal(t, []string{"regulations[1]", "requirements[0]", "changes[0].action", "weak"}, fielderr.Paths(err))
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.ErrorIs(t, err, ismskit.ErrInvalidID)
	assert.ErrorIs(t, err, ismskit.ErrUnknownField)
	_, err = DecodeTailoring([]byte(`{} {}`))
	assert.ErrorIs(t, err, ismskit.ErrTrailingData)
	_, err = ReadTailoring(strings.NewReader(`{"regulations": []}`), ismskit.MaxBytes(5))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
	_, err = ReadTailoring(nil)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	var nilT *Tailoring
	assert.Error(t, nilT.UnmarshalJSON([]byte(`{}`)))
	err = json.Unmarshal([]byte(`{"regulations": ["x"]}`), &viaStd)
	var e *ismskit.Error
	assert.True(t, errors.As(err, &e))
}

func TestReference(t *testing.T) {
	r, _ := Lookup(MustParseID("NIS2 Art. 21(2)(d)"))
	assert.Equal(t, "NIS2 Art. 21(2)(d) (Supply chain security)", r.Reference())
	assert.Equal(t, "", Requirement{}.Reference())
	assert.Equal(t, "GDPR Art. 1", Requirement{ID: MustParseID("GDPR Art. 1")}.Reference())
}
