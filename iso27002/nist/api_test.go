package nist_test

import (
	"slices"
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/nist"
)

// TestZeroAndNilNeverPanic calls every exported function and method with
// zero arguments, on zero values and nil receivers.
func TestZeroAndNilNeverPanic(t *testing.T) {
	var (
		b   nist.Baseline
		l   nist.CSFLevel
		csf nist.CSFID
		sp  nist.SP80053ID
		r   nist.Ref
		cid iso27002.ControlID
		cl  iso27001.ClauseID
	)
	calls := map[string]func(){
		"Baseline.IsValid":        func() { _ = b.IsValid() },
		"Baseline.MarshalText":    func() { _, _ = b.MarshalText() },
		"Baseline.String":         func() { _ = b.String() },
		"Baseline.UnmarshalText":  func() { _ = b.UnmarshalText(nil); _ = (*nist.Baseline)(nil).UnmarshalText(nil) },
		"CSFCoverage":             func() { _ = nist.CSFCoverage(nil) },
		"CSFForClause":            func() { _ = nist.CSFForClause(cl) },
		"CSFForControl":           func() { _ = nist.CSFForControl(cid) },
		"CSFID.Category":          func() { _ = csf.Category() },
		"CSFID.Compare":           func() { _ = csf.Compare(csf) },
		"CSFID.Contains":          func() { _ = csf.Contains(csf) },
		"CSFID.Function":          func() { _ = csf.Function() },
		"CSFID.IsValid":           func() { _ = csf.IsValid() },
		"CSFID.Level":             func() { _ = csf.Level() },
		"CSFID.MarshalText":       func() { _, _ = csf.MarshalText() },
		"CSFID.String":            func() { _ = csf.String() },
		"CSFID.UnmarshalText":     func() { _ = csf.UnmarshalText(nil); _ = (*nist.CSFID)(nil).UnmarshalText(nil) },
		"CSFLevel.IsValid":        func() { _ = l.IsValid() },
		"CSFLevel.MarshalText":    func() { _, _ = l.MarshalText() },
		"CSFLevel.String":         func() { _ = l.String() },
		"CSFLevel.UnmarshalText":  func() { _ = l.UnmarshalText(nil); _ = (*nist.CSFLevel)(nil).UnmarshalText(nil) },
		"CSFPairs":                func() { _ = slices.Collect(nist.CSFPairs()) },
		"Functions":               func() { _ = slices.Collect(nist.Functions()) },
		"ISOForCSF":               func() { _ = nist.ISOForCSF(csf) },
		"ISOForSP80053":           func() { _ = nist.ISOForSP80053(sp) },
		"ISOUnderCSF":             func() { _ = nist.ISOUnderCSF(csf) },
		"MustParseCSF":            func() { defer func() { _ = recover() }(); nist.MustParseCSF("") },
		"MustParseSP80053":        func() { defer func() { _ = recover() }(); nist.MustParseSP80053("") },
		"ParseBaseline":           func() { _, _ = nist.ParseBaseline("") },
		"ParseCSF":                func() { _, _ = nist.ParseCSF("") },
		"ParseCSFLevel":           func() { _, _ = nist.ParseCSFLevel("") },
		"ParseRef":                func() { _, _ = nist.ParseRef("") },
		"ParseSP80053":            func() { _, _ = nist.ParseSP80053("") },
		"Ref.IsZero":              func() { _ = r.IsZero() },
		"Ref.MarshalText":         func() { _, _ = r.MarshalText() },
		"Ref.String":              func() { _ = r.String() },
		"Ref.UnmarshalText":       func() { _ = r.UnmarshalText(nil); _ = (*nist.Ref)(nil).UnmarshalText(nil) },
		"SP80053ForClause":        func() { _ = nist.SP80053ForClause(cl) },
		"SP80053ForControl":       func() { _ = nist.SP80053ForControl(cid) },
		"SP80053ID.Base":          func() { _ = sp.Base() },
		"SP80053ID.Compare":       func() { _ = sp.Compare(sp) },
		"SP80053ID.Family":        func() { _ = sp.Family() },
		"SP80053ID.IsEnhancement": func() { _ = sp.IsEnhancement() },
		"SP80053ID.IsValid":       func() { _ = sp.IsValid() },
		"SP80053ID.MarshalText":   func() { _, _ = sp.MarshalText() },
		"SP80053ID.OSCALID":       func() { _ = sp.OSCALID() },
		"SP80053ID.String":        func() { _ = sp.String() },
		"SP80053ID.UnmarshalText": func() { _ = sp.UnmarshalText(nil); _ = (*nist.SP80053ID)(nil).UnmarshalText(nil) },
		"SP80053Pairs":            func() { _ = slices.Collect(nist.SP80053Pairs()) },
	}
	funcs, _ := apitest.Exported(t, ".")
	apitest.Covered(t, "function", funcs, calls)
	apitest.NoPanic(t, calls)
}

// TestEveryTypeMarshals encodes the zero value and a typical value of
// every exported type with encoding/json and decodes them back.
func TestEveryTypeMarshals(t *testing.T) {
	sp := slices.Collect(nist.SP80053Pairs())
	csf := slices.Collect(nist.CSFPairs())
	cov := nist.CSFCoverage([]iso27002.ControlID{iso27002.MustParse("5.15")})
	values := map[string][]any{
		"Baseline":         {nist.Baseline(0), nist.BaselineModerate},
		"CSFID":            {nist.CSFID{}, nist.MustParseCSF("PR.AA-01"), nist.MustParseCSF("GV")},
		"CSFLevel":         {nist.CSFLevel(0), nist.Subcategory},
		"CSFPair":          {nist.CSFPair{}, csf[0], csf[len(csf)-1]},
		"FunctionCoverage": {nist.FunctionCoverage{}, cov[2]},
		"Ref":              {nist.Ref{}, sp[0].ISO, nist.Ref{Clause: iso27001.MustParseClauseID("4.2"), Item: 'b'}},
		"SP80053ID":        {nist.SP80053ID{}, nist.MustParseSP80053("AC-2(1)")},
		"SP80053Pair":      {nist.SP80053Pair{}, sp[0]},
	}
	_, types := apitest.Exported(t, ".")
	apitest.Covered(t, "type", types, values)
	for name, vs := range values {
		for _, v := range vs {
			apitest.JSON(t, name, v, true)
		}
	}
}
