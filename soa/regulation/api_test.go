package regulation

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit/internal/apitest"
)

// exportedFuncs lists every exported function of the package; TestAPIZero
// fails when the source has one that is not here. MustParseID panics on
// bad input by design (TestParseIDErrors) and is not called here.
var exportedFuncs = map[string]any{
	"Controls": Controls, "Controls2013": Controls2013, "CoverageOf": CoverageOf, "DecodeTailoring": DecodeTailoring,
	"EncodeCoverage": EncodeCoverage, "EncodeTailoring": EncodeTailoring, "Kinds": Kinds, "Lookup": Lookup, "Mappings": Mappings,
	"MustParseID": func() {}, "ParseAction": ParseAction, "ParseDesignation": ParseDesignation, "ParseID": ParseID,
	"ParseKind": ParseKind, "ParseProvenance": ParseProvenance, "ParseRegulation": ParseRegulation, "ParseStatus": ParseStatus,
	"ReadTailoring": ReadTailoring, "Regulations": Regulations, "RequirementsFor": RequirementsFor, "SP80053": SP80053,
	"Statuses": Statuses, "WriteCoverage": WriteCoverage, "WriteTailoring": WriteTailoring,
}

// exportedTypes has a value of every exported type of the package.
var exportedTypes = []any{
	Action(0), Change{}, Coverage{}, CoverageOptions{}, CoverageSummary{}, Designation(0), Exclusion{}, ID{}, Kind(0), Mapping{},
	Provenance(0), Regulation(0), Requirement{}, RequirementCoverage{}, Source{}, Status(0), Tailoring{},
}

func typeNames(vs []any) []string {
	var out []string
	for _, v := range vs {
		out = append(out, reflect.TypeOf(v).Name())
	}
	return out
}

// TestAPIZero calls every exported function with zero arguments (but
// MustParseID, which panics on purpose), and every exported method on a
// zero value and on a nil pointer: none panics.
func TestAPIZero(t *testing.T) {
	funcs, types := apitest.Exported(t, ".")
	apitest.Complete(t, "function", funcs, slices.Collect(maps.Keys(exportedFuncs)))
	apitest.Complete(t, "type", types, typeNames(exportedTypes))
	for _, name := range slices.Sorted(maps.Keys(exportedFuncs)) {
		apitest.Zero(t, name, exportedFuncs[name], nil)
	}
	for _, v := range exportedTypes {
		apitest.Methods(t, v, nil)
	}
}

// TestAPIJSON marshals every exported type, its zero value and values
// from the package's own results, with lowerCamelCase keys, and decodes
// it back to an equal value.
func TestAPIJSON(t *testing.T) {
	cov := testCoverage(t)
	req, _ := Lookup(MustParseID("45 CFR 164.308(a)(1)(ii)(A)"))
	tl := Tailoring{Regulations: []Regulation{GDPR}, Requirements: []ID{MustParseID("NIS2 Art. 21(2)(d)")},
		Exclusions: []Exclusion{{Requirement: MustParseID("GDPR Art. 37"), Reason: "none"}},
		Changes:    []Change{{Requirement: MustParseID("GDPR Art. 32"), Action: Add, Control: ctl("8.16"), Reason: "r"}}, IncludeWeak: true, Edition: 2013}
	samples := map[string][]any{
		"Action":              {Add, Drop},
		"Change":              {tl.Changes[0]},
		"Coverage":            {*cov},
		"CoverageOptions":     {CoverageOptions{Tailoring: &tl, Audit: testAudit(), AsOf: day("2026-06-15")}},
		"CoverageSummary":     {cov.Summary},
		"Designation":         {Required, Addressable},
		"Exclusion":           {tl.Exclusions[0]},
		"ID":                  {MustParseID("NIS2 Art. 23(4) second subparagraph"), MustParseID("DORA RTS Art. 5(1)(a)")},
		"Kind":                {Article, TimeLimit},
		"Mapping":             {Mappings(MustParseID("45 CFR 164.312(a)(2)(i)"))[0], Mappings(MustParseID("GDPR Art. 32"))[0]},
		"Provenance":          {Published, Editorial},
		"Regulation":          {GDPR, DORA},
		"Requirement":         {req},
		"RequirementCoverage": {cov.Requirements[4], cov.Requirements[36]},
		"Source":              {NIS2.Sources()[1]},
		"Status":              {Covered, NotApplicable},
		"Tailoring":           {tl},
	}
	apitest.Complete(t, "type with samples", typeNames(exportedTypes), slices.Collect(maps.Keys(samples)))
	for _, v := range exportedTypes {
		name := reflect.TypeOf(v).Name()
		t.Run(name, func(t *testing.T) {
			for _, x := range append([]any{v}, samples[name]...) {
				back := apitest.RoundTrip(t, x, "extensions")
				if o, ok := x.(CoverageOptions); ok && o.Audit != nil {
					want, _ := json.Marshal(x)
					got, _ := json.Marshal(back)
					assert.JSONEq(t, string(want), string(got))
					continue
				}
				assert.Equal(t, x, back)
			}
		})
	}
}
