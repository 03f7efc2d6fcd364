package soa

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// at returns the index of the entry for control c.
func at(t testing.TB, s SoA, c string) int {
	t.Helper()
	i := slices.IndexFunc(s.Entries, func(e Entry) bool { return e.Control == id(c) })
	require.GreaterOrEqual(t, i, 0, c)
	return i
}

func TestValidateRules(t *testing.T) {
	reg := testRegister()
	tests := []struct {
		name     string
		opts     ValidateOptions
		break_   func(t *testing.T, s *SoA)
		kind     error
		path     string
		contains string
	}{
		{"catalog control missing", ValidateOptions{}, func(t *testing.T, s *SoA) {
			i := at(t, *s, "5.12")
			s.Entries = slices.Delete(s.Entries, i, i+1)
		}, ErrMissingControl, "entries", "5.12 Classification of information has no entry"},
		{"control listed twice", ValidateOptions{}, func(t *testing.T, s *SoA) {
			i := at(t, *s, "5.12")
			s.Entries = slices.Insert(s.Entries, i+1, s.Entries[i].Clone())
		}, ismskit.ErrDuplicateID, "entries[12].control", "5.12 is listed twice (also entries[11])"},
		{"unknown control", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries = append(s.Entries, Entry{Control: id("acme:X"), Applicability: Excluded, Justification: "j"})
		}, ismskit.ErrUnknownControl, "entries[93].control", "acme:X is not in ISO/IEC 27002:2022"},
		{"2013 control in a 2022 SoA", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[0].Control = id("A.5.1.1")
		}, ismskit.ErrUnknownControl, "entries[0].control", "A.5.1.1 is not in"},
		{"included without a reason", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "5.2")].Reasons = nil
		}, ErrNoReason, "entries[1].reasons", "5.2 is included without a reason"},
		{"excluded without a justification", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "7.9")].Justification = "  "
		}, ErrNoJustification, "entries[53].justification", "7.9 is excluded without a justification"},
		{"excluded but treats a risk", ValidateOptions{}, func(t *testing.T, s *SoA) {
			e := &s.Entries[at(t, *s, "8.13")]
			e.Applicability, e.Justification, e.Status = Excluded, "j", NotApplicable
		}, ErrExcludedRiskControl, "entries[71].applicability", "8.13 is excluded but treats risks R-1, R-2"},
		{"excluded but the register treats a risk with it", ValidateOptions{Register: &reg}, func(t *testing.T, s *SoA) {
			e := &s.Entries[at(t, *s, "5.15")]
			e.Applicability, e.Justification, e.Status, e.Reasons = Excluded, "j", NotApplicable, nil
		}, ErrExcludedRiskControl, "entries[14].applicability", "5.15 is excluded but risk R-2 is treated with it"},
		{"reason names an unknown risk", ValidateOptions{Register: &reg}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "8.13")].Reasons[0].Risks = []string{"R-1", "R-9"}
		}, ismskit.ErrUnknownReference, "entries[71].reasons[0].risks[1]", `8.13: risk "R-9" is not in the register`},
		{"risk reason without risks", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "8.13")].Reasons[0].Risks = nil
		}, ismskit.ErrMissing, "entries[71].reasons[0].risks", "lists no risk"},
		{"legal reason without reference", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "5.34")].Reasons[0].Reference = ""
		}, ismskit.ErrMissing, "entries[33].reasons[0].reference", "a legal reason needs a reference"},
		{"included without a status", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "6.3")].Status = 0
		}, ErrNoStatus, "entries[39].status", "6.3 is included without an implementation status"},
		{"implemented without evidence, strict", ValidateOptions{RequireEvidence: true}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "5.1")].Evidence = nil
		}, ErrNoEvidence, "entries[0].evidence", "5.1 is implemented but cites no evidence"},
		{"inherited without a provider", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "7.1")].Provider = ""
		}, ErrNoProvider, "entries[45].provider", "7.1 is inherited but names no provider"},
		{"undecided", ValidateOptions{}, func(t *testing.T, s *SoA) {
			e := &s.Entries[at(t, *s, "5.7")]
			e.Applicability, e.Reasons = Undecided, nil
		}, ErrUndecided, "entries[6].applicability", "5.7 is undecided"},
		{"excluded but implemented", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "7.9")].Status = Implemented
		}, ismskit.ErrInconsistent, "entries[53].status", "7.9 is excluded but its status is implemented"},
		{"included but not applicable", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[at(t, *s, "5.2")].Status = NotApplicable
		}, ismskit.ErrInconsistent, "entries[1].status", "5.2 is included but its status is not-applicable"},
		{"entries out of order", ValidateOptions{}, func(t *testing.T, s *SoA) {
			s.Entries[0], s.Entries[1] = s.Entries[1], s.Entries[0]
		}, ismskit.ErrInconsistent, "entries[1].control", "5.1 comes after 5.2"},
		{"no organisation", ValidateOptions{}, func(t *testing.T, s *SoA) { s.Header.Organization = "" },
			ismskit.ErrMissing, "header.organization", "organisation is missing"},
		{"no date", ValidateOptions{}, func(t *testing.T, s *SoA) { s.Header.Date = ismskit.Date{} },
			ismskit.ErrMissing, "header.date", "date is missing"},
		{"half an approval", ValidateOptions{}, func(t *testing.T, s *SoA) { s.Header.ApprovedBy = "CEO" },
			ismskit.ErrMissing, "header.approvedBy", "approvedBy and approvedAt"},
		{"edition not the catalog's", ValidateOptions{Catalog: iso27002.Catalog2022()}, func(t *testing.T, s *SoA) { s.Header.Edition = iso27002.Edition2013 },
			ismskit.ErrInconsistent, "header.edition", "edition 2013"},
		{"undefined enum value", ValidateOptions{}, func(t *testing.T, s *SoA) { s.Entries[0].Responsibility = 9 },
			ismskit.ErrUnknownValue, "entries[0].responsibility", "responsibility 9"},
		{"empty evidence item", ValidateOptions{}, func(t *testing.T, s *SoA) { s.Entries[0].Evidence = []string{""} },
			ismskit.ErrMissing, "entries[0].evidence[0]", "empty evidence reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSoA(t)
			require.NoError(t, s.Validate(tt.opts), "the fixture is valid")
			tt.break_(t, &s)
			err := s.Validate(tt.opts)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			var fe *ismskit.Error
			require.ErrorAs(t, err, &fe)
			found := false
			for _, e := range flatten(err) {
				if errors.As(e, &fe) && fe.Path == tt.path && errors.Is(e, tt.kind) {
					found = true
					assert.Contains(t, e.Error(), tt.contains)
				}
			}
			assert.True(t, found, "no %v at %s in:\n%v", tt.kind, tt.path, err)
		})
	}
}

func flatten(err error) []error {
	return fielderr.Flatten(err)
}

func TestValidateReportsEverything(t *testing.T) {
	s := testSoA(t)
	s.Header.Version = ""
	s.Entries[at(t, s, "5.2")].Reasons = nil
	s.Entries[at(t, s, "7.9")].Justification = ""
	s.Entries[at(t, s, "7.1")].Provider = ""
	s.Entries = slices.Delete(s.Entries, 90, 93)
	err := s.Validate(ValidateOptions{})
	require.Error(t, err)
	errs := flatten(err)
	assert.Len(t, errs, 7, err.Error())
	for _, kind := range []error{ismskit.ErrMissing, ErrNoReason, ErrNoJustification, ErrNoProvider, ErrMissingControl} {
		assert.ErrorIs(t, err, kind)
	}
	assert.Equal(t, 3, strings.Count(err.Error(), "has no entry"))
}

func TestValidateEvidenceOnlyWhenAsked(t *testing.T) {
	s := testSoA(t)
	s.Entries[0].Evidence = nil
	assert.NoError(t, s.Validate(ValidateOptions{}))
	assert.ErrorIs(t, s.Validate(ValidateOptions{RequireEvidence: true}), ErrNoEvidence)
}

func TestValidateCustomCatalogNeedsIt(t *testing.T) {
	cat, err := iso27002.Catalog2022().Extend("x", []iso27002.Control{{ID: id("acme:A"), Title: "A"}})
	require.NoError(t, err)
	src := testSources()
	src.Decisions = append(src.Decisions, Decision{Control: id("acme:A"), Applicability: Excluded, Justification: "j"})
	s, err := Generate(Input{Catalog: cat, Header: testHeader(), Register: testRegister(), Sources: src})
	require.NoError(t, err)
	assert.NoError(t, s.Validate(ValidateOptions{Catalog: cat}))
	// Without the catalog, the header's edition (2022) gives the built-in
	// catalog, which does not hold the custom control.
	assert.ErrorIs(t, s.Validate(ValidateOptions{}), ismskit.ErrUnknownControl)
	assert.ErrorIs(t, s.Validate(ValidateOptions{Catalog: iso27002.Catalog2013()}), ErrMissingControl)
}

// TestValidateWithoutCatalog: with no catalog to check against, Validate
// still reports every problem, and the missing catalog once.
func TestValidateWithoutCatalog(t *testing.T) {
	handbuilt := testSoA(t) // rebuilt from a product's database, the edition forgotten
	handbuilt.Header.Edition = 0
	handbuilt.Header.Organization = ""
	handbuilt.Entries[at(t, handbuilt, "7.9")].Justification = ""
	handbuilt.Entries[at(t, handbuilt, "5.2")].Reasons = nil

	tests := []struct {
		name  string
		soa   SoA
		paths []string
		kinds []error
		hint  string
	}{
		{"zero SoA", SoA{}, []string{"header.edition", "header.organization", "header.version", "header.date", "entries"},
			[]error{ErrEdition, ismskit.ErrMissing, ismskit.ErrMissing, ismskit.ErrMissing, ismskit.ErrMissing}, ""},
		{"entries of 2022, no edition", handbuilt, []string{"header.edition", "header.organization", "entries[1].reasons", "entries[53].justification"},
			[]error{ErrEdition, ismskit.ErrMissing, ErrNoReason, ErrNoJustification}, "is the header's edition 2022?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.soa.Validate(ValidateOptions{})
			require.Error(t, err)
			assert.Equal(t, tt.paths, fielderr.Paths(err))
			for i, p := range ismskit.Problems(err) {
				assert.ErrorIs(t, p, tt.kinds[i], p.Path)
			}
			assert.Contains(t, err.Error(), tt.hint)
			assert.Equal(t, 1, strings.Count(err.Error(), "no catalog"), "the missing catalog is reported once")
		})
	}

	// Given a catalog, the zero SoA misses every control of it.
	err := SoA{}.Validate(ValidateOptions{Catalog: iso27002.Catalog2022()})
	assert.Len(t, ismskit.Problems(err), 3+1+93, "organisation, version, date, edition and every control")
	assert.Equal(t, 93, strings.Count(err.Error(), "has no entry"))
}

// TestProblemsNameTheControl: a problem inside an entry names the entry's
// control as Item, the ID the user knows.
func TestProblemsNameTheControl(t *testing.T) {
	s := testSoA(t)
	s.Entries[at(t, s, "5.3")].Status = 0
	s.Entries[at(t, s, "7.9")].Justification = ""
	s.Entries = slices.Delete(s.Entries, at(t, s, "8.34"), at(t, s, "8.34")+1)
	s.Entries = append(s.Entries, Entry{Applicability: Excluded, Justification: "no control"})
	err := s.Validate(ValidateOptions{})
	var items []string
	for _, p := range ismskit.Problems(err) {
		items = append(items, p.Path+" "+p.Item)
	}
	assert.Equal(t, []string{"entries[2].status 5.3", "entries[53].justification 7.9", "entries[92].control ", "entries 8.34"}, items)
	assert.Contains(t, err.Error(), "entries[2].status (5.3): 5.3 is included without an implementation status")

	_, err = Generate(Input{Header: testHeader(), Register: func() risk.Register {
		r := testRegister()
		r.Risks[1].Controls[0].Control = id("acme:x")
		return r
	}(), Sources: Sources{
		Obligations: []Obligation{{ID: "GDPR-32", Kind: Legal, Reference: "x", Controls: ids("5.1", "acme:y")}},
		Decisions:   []Decision{{Control: id("5.2")}, {Control: id("5.2")}},
	}})
	items = nil
	for _, p := range ismskit.Problems(err) {
		items = append(items, p.Path+" "+p.Item)
	}
	assert.Equal(t, []string{"register.risks[1].controls[0].control R-2", "sources.obligations[0].controls[1] GDPR-32", "sources.decisions[1].control 5.2"}, items)

	s = testSoA(t)
	s.Entries[4].Status = 99
	_, err = EncodeCSV(s)
	require.Error(t, err)
	assert.Equal(t, "5.5", ismskit.Problems(err)[0].Item)
}
