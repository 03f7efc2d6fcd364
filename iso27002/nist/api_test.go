package nist_test

import (
	"slices"
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/nist"
)

// exportedFuncs lists every exported function of the package; TestAPIZero
// fails when the source has one that is not here.
var exportedFuncs = map[string]any{
	"CSFCoverage": nist.CSFCoverage, "CSFForClause": nist.CSFForClause, "CSFForControl": nist.CSFForControl,
	"CSFPairs": nist.CSFPairs, "Functions": nist.Functions, "ISOForCSF": nist.ISOForCSF, "ISOForSP80053": nist.ISOForSP80053,
	"ISOUnderCSF": nist.ISOUnderCSF,
	// The Must functions panic on bad input by design: they are for
	// literals.
	"MustParseCSF":     func() { defer func() { _ = recover() }(); nist.MustParseCSF("") },
	"MustParseSP80053": func() { defer func() { _ = recover() }(); nist.MustParseSP80053("") },
	"ParseBaseline":    nist.ParseBaseline, "ParseCSF": nist.ParseCSF, "ParseCSFLevel": nist.ParseCSFLevel,
	"ParseRef": nist.ParseRef, "ParseSP80053": nist.ParseSP80053, "SP80053ForClause": nist.SP80053ForClause,
	"SP80053ForControl": nist.SP80053ForControl, "SP80053Pairs": nist.SP80053Pairs,
}

// exportedTypes has a value of every exported type of the package.
var exportedTypes = []any{
	nist.Baseline(0), nist.CSFID{}, nist.CSFLevel(0), nist.CSFPair{}, nist.FunctionCoverage{}, nist.Ref{},
	nist.SP80053ID{}, nist.SP80053Pair{},
}

// TestAPIZero calls every exported function with zero arguments, and every
// exported method on a zero value and on a nil pointer: none panics.
func TestAPIZero(t *testing.T) {
	apitest.ZeroCalls(t, ".", exportedFuncs, exportedTypes...)
	_, _ = slices.Collect(nist.CSFPairs()), slices.Collect(nist.SP80053Pairs())
}

// TestAPIJSON encodes the zero value and typical values of every exported
// type with encoding/json, with lowerCamelCase keys, and decodes them
// back to equal values.
func TestAPIJSON(t *testing.T) {
	sp := slices.Collect(nist.SP80053Pairs())
	csf := slices.Collect(nist.CSFPairs())
	cov := nist.CSFCoverage([]iso27002.ControlID{iso27002.MustParse("5.15")})
	values := []any{
		nist.BaselineModerate, nist.MustParseCSF("PR.AA-01"), nist.MustParseCSF("GV"), nist.Subcategory, csf[0], csf[len(csf)-1],
		cov[2], sp[0].ISO, nist.Ref{Clause: iso27001.MustParseClauseID("4.2"), Item: 'b'}, nist.MustParseSP80053("AC-2(1)"), sp[0],
	}
	apitest.JSON(t, ".", append(slices.Clone(exportedTypes), values...)...)
}
