package soa

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

// soa2013 is a complete, valid SoA on the 2013 catalog: A.11 excluded,
// A.8.1.2 excluded (so 5.9 conflicts), everything else included.
func soa2013(t testing.TB) SoA {
	t.Helper()
	var src Sources
	for ctl := range iso27002.Catalog2013().Controls() {
		c := ctl.ID.String()
		switch {
		case strings.HasPrefix(c, "A.11.1.") || c == "A.8.1.2":
			src.Decisions = append(src.Decisions, Decision{Control: ctl.ID, Applicability: Excluded, Justification: "No premises (" + c + ")"})
		default:
			d := Decision{Control: ctl.ID, Reasons: []Reason{{Kind: Legal, Reference: "Law " + ctl.ID.Clause()}}, Status: Implemented,
				Owner: "Owner " + ctl.ID.Clause(), Evidence: []string{"EV-" + c}}
			if c == "A.5.1.2" {
				d.Status = Planned
				d.TargetDate = due
			}
			if c == "A.9.1.1" {
				d.Reasons = append(d.Reasons, Reason{Kind: RiskTreatment, Risks: []string{"R-1"}})
			}
			src.Decisions = append(src.Decisions, d)
		}
	}
	s, err := Generate(Input{Catalog: iso27002.Catalog2013(), Header: testHeader(), Sources: src})
	require.NoError(t, err)
	s.Entries[at(t, s, "A.9.1.2")].Reasons = append(s.Entries[at(t, s, "A.9.1.2")].Reasons, Reason{Kind: RiskTreatment, Risks: []string{"R-2", "R-1"}})
	s.Entries[at(t, s, "A.9.1.1")].Extensions = json.RawMessage(`{"a":1}`)
	s.Entries[at(t, s, "A.9.1.2")].Extensions = json.RawMessage(`{"b":2}`)
	s.Header.ApprovedBy, s.Header.ApprovedAt = "CEO", asOf
	require.NoError(t, s.Validate(ValidateOptions{}))
	return s
}

func TestTransitionFull2013SoA(t *testing.T) {
	old := soa2013(t)
	before := old.Clone()
	beforeJSON, err := EncodeSoA(old)
	require.NoError(t, err)
	date := ismskit.NewDate(2027, 1, 10)
	res, err := Transition(old, nil, date)
	require.NoError(t, err)
	assert.True(t, reflect.DeepEqual(before, old), "Transition modified its input")
	afterJSON, err := EncodeSoA(old)
	require.NoError(t, err)
	assert.Equal(t, string(beforeJSON), string(afterJSON))

	s := res.SoA
	require.Len(t, s.Entries, 93)
	assert.Equal(t, iso27002.Edition2022, s.Header.Edition)
	assert.Equal(t, "ISO/IEC 27002:2022", s.Header.Catalog)
	assert.Equal(t, date, s.Header.Date)
	assert.Empty(t, s.Header.ApprovedBy, "a draft is not approved")
	assert.Equal(t, "Example Ledger Ltd", s.Header.Organization)

	require.Equal(t, []Conflict{{Control: id("5.9"), Included: ids("A.8.1.1"), Excluded: ids("A.8.1.2")}}, res.Conflicts)
	assert.Equal(t, "5.9: A.8.1.1 included, A.8.1.2 excluded", res.Conflicts[0].String())
	e := s.Entries[at(t, s, "5.9")]
	assert.Equal(t, Undecided, e.Applicability)
	assert.Equal(t, "No premises (A.8.1.2)", e.Justification, "kept for the person who decides")
	assert.Contains(t, strings.Join(e.Notes, " "), "Conflict: A.8.1.1 included but A.8.1.2 excluded")

	var undecided []string
	for e := range s.Undecided() {
		undecided = append(undecided, e.Control.String())
	}
	assert.Equal(t, []string{"5.7", "5.9", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"}, undecided,
		"the 11 new controls and the conflict")
	for _, c := range []string{"5.7", "8.28"} {
		e := s.Entries[at(t, s, c)]
		assert.Contains(t, e.Notes[0], "New in ISO/IEC 27002:2022")
		assert.Empty(t, e.Reasons)
	}

	// 5.1 came from A.5.1.1 (implemented) and A.5.1.2 (planned).
	e = s.Entries[at(t, s, "5.1")]
	assert.Equal(t, Included, e.Applicability)
	assert.Equal(t, []Reason{{Kind: Legal, Reference: "Law A.5"}}, e.Reasons, "identical reasons merged")
	assert.Equal(t, PartiallyImplemented, e.Status)
	assert.Equal(t, due, e.TargetDate)
	assert.Equal(t, []string{"EV-A.5.1.1", "EV-A.5.1.2"}, e.Evidence)
	assert.Equal(t, "Owner A.5", e.Owner)
	assert.Equal(t, "Carried over from A.5.1.1, A.5.1.2 (ISO/IEC 27001:2013).", e.Notes[0])

	// 5.15 came from A.9.1.1 and A.9.1.2: the risk reasons merge.
	e = s.Entries[at(t, s, "5.15")]
	assert.Equal(t, []Reason{{Kind: RiskTreatment, Risks: []string{"R-1", "R-2"}}, {Kind: Legal, Reference: "Law A.9"}}, e.Reasons)
	assert.JSONEq(t, `{"from2013":{"A.9.1.1":{"a":1},"A.9.1.2":{"b":2}}}`, string(e.Extensions), "no extension lost")

	// 7.1 came from A.11.1.1, excluded.
	e = s.Entries[at(t, s, "7.1")]
	assert.Equal(t, Excluded, e.Applicability)
	assert.Equal(t, "No premises (A.11.1.1)", e.Justification)
	assert.Equal(t, NotApplicable, e.Status)

	// 7.2 came from A.11.1.2 and A.11.1.6: each justification says where
	// it came from.
	e = s.Entries[at(t, s, "7.2")]
	assert.Equal(t, Excluded, e.Applicability)
	assert.Equal(t, "A.11.1.2: No premises (A.11.1.2)\nA.11.1.6: No premises (A.11.1.6)", e.Justification)

	// Once the undecided controls are decided the draft validates.
	for i := range s.Entries {
		if s.Entries[i].Applicability == Undecided {
			s.Entries[i].Applicability, s.Entries[i].Justification, s.Entries[i].Status = Excluded, "Decided later", NotApplicable
		}
	}
	assert.NoError(t, s.Validate(ValidateOptions{}))

	// The result shares no memory with the input.
	res.SoA.Entries[at(t, res.SoA, "5.1")].Evidence[0] = "x"
	assert.Equal(t, "EV-A.5.1.1", old.Entries[0].Evidence[0])
}

func TestTransitionMergeRules(t *testing.T) {
	assert.Equal(t, Status(0), mergeStatus(nil))
	assert.Equal(t, Planned, mergeStatus([]Status{Planned, Planned}))
	assert.Equal(t, NotStarted, mergeStatus([]Status{Planned, NotStarted}))
	assert.Equal(t, PartiallyImplemented, mergeStatus([]Status{Implemented, NotStarted}))
}

func TestTransitionCustomControls(t *testing.T) {
	old := soa2013(t)
	old.Entries = append(old.Entries, Entry{Control: id("acme:X"), Title: "X", Applicability: Included,
		Reasons: []Reason{{Kind: BestPractice}}, Status: Implemented})
	old.Header.Edition = 0
	target, err := iso27002.Catalog2022().Extend("with acme", []iso27002.Control{
		{ID: id("acme:X"), Title: "X"}, {ID: id("acme:Y"), Title: "Y"},
	})
	require.NoError(t, err)
	res, err := Transition(old, target, asOf)
	require.NoError(t, err)
	require.Len(t, res.SoA.Entries, 95)
	x := res.SoA.Entries[93]
	assert.Equal(t, id("acme:X"), x.Control)
	assert.Equal(t, Included, x.Applicability)
	assert.Equal(t, Undecided, res.SoA.Entries[94].Applicability)

	_, err = Transition(old, nil, asOf)
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
	assert.Contains(t, err.Error(), "entries[114].control (acme:X): acme:X is not in the target catalog")
}

func TestTransitionRejectsWrongEditions(t *testing.T) {
	_, err := Transition(testSoA(t), nil, asOf)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrEdition)
	assert.Contains(t, err.Error(), "header.edition")
	assert.Contains(t, err.Error(), "entries[0].control (5.1): 5.1 is a 2022 control")

	_, err = Transition(soa2013(t), iso27002.Catalog2013(), asOf)
	assert.ErrorIs(t, err, ErrEdition)
}
