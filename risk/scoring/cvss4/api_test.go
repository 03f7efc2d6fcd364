package cvss4_test

import (
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/risk/scoring/cvss4"
)

// TestAPI: every exported function and method takes zero arguments and
// nil receivers without a panic, and every type marshals and decodes back.
func TestAPI(t *testing.T) {
	apitest.ZeroCalls(t, ".", map[string]any{
		"Parse": cvss4.Parse, "ParseGroup": cvss4.ParseGroup, "ParseMacroVector": cvss4.ParseMacroVector,
		"ParseNomenclature": cvss4.ParseNomenclature,
		// MustParse panics on a bad vector by design: it is for literals.
		"MustParse": func() { defer func() { _ = recover() }(); cvss4.MustParse("") },
	}, cvss4.Group(0), cvss4.MacroVector{}, cvss4.Metric(0), cvss4.Nomenclature(0), cvss4.Scores{}, cvss4.Vector{})
	v := cvss4.MustParse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/CR:H")
	s := v.Scores()
	apitest.JSON(t, ".", cvss4.Group(0), cvss4.Metric(0), cvss4.Nomenclature(0), s.Nomenclature,
		cvss4.MacroVector{}, s.MacroVector, cvss4.Scores{}, s, cvss4.Vector{}, v)
}

// TestNilUnmarshalText: valid text into a nil pointer is an error, not a
// panic.
func TestNilUnmarshalText(t *testing.T) {
	apitest.NilUnmarshalText(t, (*cvss4.Group)(nil), "base")
	apitest.NilUnmarshalText(t, (*cvss4.Nomenclature)(nil), "CVSS-B")
	apitest.NilUnmarshalText(t, (*cvss4.MacroVector)(nil), "000000")
}
