package ismskit_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// The tests of this file replay, on the sample register, what three
// programs written against ismskit as new users would write it (a GRC
// backend, a report tool, a compliance test suite) had to do by hand at
// the seams between packages, and show that one call of the library
// does it now. A regression here is glue that users must write again.

func sampleRegister(t *testing.T) (risk.Register, []byte) {
	t.Helper()
	data, err := os.ReadFile("risk/testdata/register.json")
	require.NoError(t, err)
	reg, err := risk.DecodeRegister(data)
	require.NoError(t, err)
	return reg, data
}

// sampleCatalog is Annex A with the company's own controls that the
// sample register names.
func sampleCatalog(t *testing.T, reg risk.Register) *iso27002.Catalog {
	t.Helper()
	var own []iso27002.Control
	seen := map[iso27002.ControlID]bool{}
	for _, r := range reg.Risks {
		for _, id := range r.TreatingControls() {
			if id.IsCustom() && !seen[id] {
				seen[id] = true
				own = append(own, iso27002.Control{ID: id, Title: id.Local()})
			}
		}
	}
	cat, err := iso27002.Catalog2022().Extend("Annex A and Nimbus's own", own)
	require.NoError(t, err)
	return cat
}

// An HTTP API returns the problems of an upload as they are: no flatten
// helper, one code per kind of problem, the element the user knows.
func TestSeamErrorsForAnAPI(t *testing.T) {
	_, data := sampleRegister(t)
	bad := strings.Replace(string(data), `"likelihood"`, `"likelyhood"`, 1)
	_, err := risk.DecodeRegister([]byte(bad))
	require.Error(t, err)
	b, err := json.Marshal(ismskit.Problems(err))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"kind":"unknown-field"`)
	assert.Contains(t, string(b), `likelyhood`)

	reg, _ := sampleRegister(t)
	reg.Risks[2].Owner = ""
	ps := ismskit.Problems(reg.Validate())
	require.NotEmpty(t, ps)
	assert.Equal(t, "risks[2].owner", ps[0].Path)
	assert.Equal(t, reg.Risks[2].ID, ps[0].Item, "the problem names the risk the user knows")
	assert.Equal(t, "missing", ps[0].Code())

	// One sentinel per kind, whichever package reports it.
	_, err = soa.Generate(soa.Input{Header: soa.Header{Organization: "x", Version: "1", Date: ismskit.MustParseDate("2026-12-01")},
		Sources: soa.Sources{Decisions: []soa.Decision{{Control: iso27002.MustParse("acme:X"), Applicability: soa.Included}}}})
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
}

// A product's payload embeds documents; strictness survives json.Unmarshal.
func TestSeamStrictWhenEmbedded(t *testing.T) {
	_, data := sampleRegister(t)
	bad := strings.Replace(string(data), `"likelihood"`, `"likelyhood"`, 1)
	var payload struct {
		Tenant   string        `json:"tenant"`
		Register risk.Register `json:"register"`
		Sources  soa.Sources   `json:"sources"`
	}
	err := json.Unmarshal([]byte(`{"tenant":"p","register":`+bad+`,"sources":{}}`), &payload)
	assert.ErrorIs(t, err, ismskit.ErrUnknownField)
	err = json.Unmarshal([]byte(`{"tenant":"p","register":`+string(data)+`,"sources":{"obligations":[{"id":"G","kind":"legall"}]}}`), &payload)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

// A valid SoA in one Generate: a policy for what no source decides and
// decisions set by control, no second pass.
func TestSeamSoAWithoutASecondPass(t *testing.T) {
	reg, _ := sampleRegister(t)
	src := soa.Sources{Policy: soa.Policy{Include: []soa.Reason{{Kind: soa.BestPractice, Note: "Adopted baseline"}}, Status: soa.NotStarted}}
	src.Decide(soa.Decision{Control: iso27002.MustParse("7.12"), Applicability: soa.Excluded, Justification: "No cabling of our own"})
	src.Decide(soa.Decision{Control: iso27002.MustParse("7.12"), Applicability: soa.Excluded, Justification: "Fully remote company"})
	cat := sampleCatalog(t, reg)
	s, err := soa.Generate(soa.Input{Catalog: cat, Register: reg, Sources: src,
		Header: soa.Header{Organization: "Parcelio GmbH", Version: "1.0", Date: ismskit.MustParseDate("2026-12-01")}})
	require.NoError(t, err)
	e := s.EntryFor("7.12")
	require.NotNil(t, e)
	assert.Equal(t, "Fully remote company", e.Justification, "the later decision replaced the earlier one")
	assert.NoError(t, s.Validate(soa.ValidateOptions{Catalog: cat, Register: &reg}))
	b, err := json.Marshal(s.Summary())
	require.NoError(t, err)
	assert.NotEmpty(t, b)
}

// Look-ups by ID instead of maps built by hand; result types marshal.
func TestSeamLookups(t *testing.T) {
	reg, _ := sampleRegister(t)
	as, err := risk.AssessRegister(reg)
	require.NoError(t, err)
	id := reg.Risks[3].ID
	r, err := reg.Risk(id)
	require.NoError(t, err)
	a, err := as.Of(id)
	require.NoError(t, err)
	assert.Equal(t, r.ID, a.RiskID)
	_, err = reg.Risk("R-404")
	assert.ErrorIs(t, err, ismskit.ErrUnknownReference)

	high, err := reg.Criteria.Rank("high")
	require.NoError(t, err)
	n := 0
	for _, a := range as {
		if a.Inherent.Rank >= high {
			n++
		}
	}
	assert.Positive(t, n)

	hm, err := risk.NewHeatMap(reg.Criteria, as)
	require.NoError(t, err)
	assert.Equal(t, len(reg.Criteria.Likelihood.Levels), hm.Rows[0].Likelihood, "highest likelihood first")
	unaccepted, err := risk.NeedingAcceptance(reg, ismskit.MustParseDate("2026-12-01"))
	require.NoError(t, err)
	for _, v := range []any{as, risk.Rank(as, risk.Residual), hm, unaccepted} {
		_, err := json.Marshal(v)
		assert.NoError(t, err, "%T", v)
	}
}

// The readiness verdict from the documents in one call.
func TestSeamReadinessInOneCall(t *testing.T) {
	reg, _ := sampleRegister(t)
	cat := sampleCatalog(t, reg)
	records := audit.Records{Organization: "Nimbus", Programme: audit.Programme{
		CycleStart: ismskit.MustParseDate("2026-01-12"), CycleEnd: ismskit.MustParseDate("2029-01-11")}}
	ev, err := audit.Evaluate(audit.Documents{Catalog: cat, Register: reg, Audit: records}, ismskit.MustParseDate("2026-11-28"))
	require.NoError(t, err)
	assert.False(t, ev.Readiness.Ready)
	assert.NotEmpty(t, ev.Readiness.Reasons)
	assert.True(t, errors.Is(ev.SoA.Validate(soa.ValidateOptions{Catalog: cat, Register: &reg}), soa.ErrUndecided), "the SoA generated from the register alone leaves controls undecided")
}
