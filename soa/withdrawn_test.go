package soa

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

// TestWithdrawnControls: an SoA of a catalog with withdrawn controls (an
// imported NIST SP 800-53) lists only the controls in force; selecting a
// withdrawn control is an error, in Generate and in Validate.
func TestWithdrawnControls(t *testing.T) {
	cat, err := iso27002.NewCatalog("NIST-like", []iso27002.Control{
		{ID: id("x:ac-2"), Title: "Account Management", Group: "ac"},
		{ID: id("x:ac-13"), Title: "Supervision and Review", Group: "ac", Withdrawn: true, MovedTo: []iso27002.ControlID{id("x:ac-2")}},
	})
	require.NoError(t, err)
	s, err := Generate(Input{Catalog: cat, Header: testHeader(), Sources: Sources{Decisions: []Decision{
		{Control: id("x:ac-2"), Reasons: []Reason{{Kind: BestPractice}}, Status: Implemented},
	}}})
	require.NoError(t, err)
	require.Len(t, s.Entries, 1, "the withdrawn control gets no entry")
	assert.NoError(t, s.Validate(ValidateOptions{Catalog: cat}))

	_, err = Generate(Input{Catalog: cat, Header: testHeader(), Sources: Sources{Decisions: []Decision{
		{Control: id("x:ac-13"), Reasons: []Reason{{Kind: BestPractice}}},
	}}})
	assert.ErrorIs(t, err, iso27002.ErrWithdrawn)
	assert.NotErrorIs(t, err, ismskit.ErrUnknownControl)

	bad := s.Clone()
	bad.Entries = append(bad.Entries, Entry{Control: id("x:ac-13"), Title: "Supervision and Review", Applicability: Included,
		Reasons: []Reason{{Kind: BestPractice}}, Status: Implemented})
	err = bad.Validate(ValidateOptions{Catalog: cat})
	assert.ErrorIs(t, err, iso27002.ErrWithdrawn)
	assert.Equal(t, "x:ac-13", ismskit.Problems(err)[0].Item)
}
