package sample

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/regulation"
)

// TestSourcesWithRegulations: the SoA built with the library's GDPR and
// NIS2 obligations decides every control, and its legal reasons cite
// the articles.
func TestSourcesWithRegulations(t *testing.T) {
	tl, err := Tailoring()
	require.NoError(t, err)
	require.NoError(t, tl.Validate())
	src, err := Sources()
	require.NoError(t, err)
	for _, o := range src.Obligations {
		assert.False(t, strings.HasPrefix(o.ID, "GDPR-"), "no hand-written GDPR obligation is left: %s", o.ID)
	}
	org, err := LoadOrganisation()
	require.NoError(t, err)
	cat, err := iso27002.Catalog2022().Extend("sample", org.Controls)
	require.NoError(t, err)
	reg, err := risk.DecodeRegister(RegisterJSON())
	require.NoError(t, err)
	s, err := soa.Generate(soa.Input{Catalog: cat, Header: soa.Header{Organization: org.Name, Version: "1", Date: org.AsOf}, Register: reg, Sources: src})
	require.NoError(t, err)
	require.NoError(t, s.Validate(soa.ValidateOptions{Catalog: cat, Register: &reg}))
	e, ok := s.Entry(iso27002.MustParse("8.24"))
	require.True(t, ok)
	var refs []string
	for _, r := range e.Reasons {
		refs = append(refs, r.Reference)
	}
	assert.Contains(t, refs, "GDPR Art. 32 (Security of processing)")
	for e := range s.Excluded() {
		for _, r := range e.Reasons {
			assert.NotEqual(t, soa.Legal, r.Kind, "%s is excluded yet a law calls for it: tailor it out", e.Control)
		}
	}
	c, err := regulation.CoverageOf(regulation.NIS2, s, regulation.CoverageOptions{Tailoring: &tl})
	require.NoError(t, err)
	assert.Equal(t, 1, c.Summary.NotApplicable)
}

func TestTailoringJSONCopy(t *testing.T) {
	a := TailoringJSON()
	a[0] = 'x'
	assert.Equal(t, byte('{'), TailoringJSON()[0])
}
