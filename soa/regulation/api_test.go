package regulation

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/apitest"
)

// exportedFuncs lists every exported function of the package; TestAPIZero
// fails when the source has one that is not here. MustParseID panics on
// bad input by design (TestParseIDErrors) and is not called here.
var exportedFuncs = map[string]any{
	"Controls": Controls, "Controls2013": Controls2013, "CoverageOf": CoverageOf, "DecodeTailoring": DecodeTailoring,
	"EncodeCoverage": EncodeCoverage, "EncodeTailoring": EncodeTailoring, "Kinds": Kinds, "Lookup": Lookup, "Mappings": Mappings,
	"MustParseID": func() { defer func() { _ = recover() }(); MustParseID("") }, "ParseAction": ParseAction, "ParseDesignation": ParseDesignation, "ParseID": ParseID,
	"ParseKind": ParseKind, "ParseProvenance": ParseProvenance, "ParseRegulation": ParseRegulation, "ParseStatus": ParseStatus,
	"ReadTailoring": ReadTailoring, "Regulations": Regulations, "RequirementsFor": RequirementsFor, "SP80053": SP80053,
	"Statuses": Statuses, "WriteCoverage": WriteCoverage, "WriteTailoring": WriteTailoring,
}

// exportedTypes has a value of every exported type of the package.
var exportedTypes = []any{
	Action(0), Change{}, Coverage{}, CoverageOptions{}, CoverageSummary{}, Designation(0), Exclusion{}, ID{}, Kind(0), Mapping{},
	Provenance(0), Regulation(0), Requirement{}, RequirementCoverage{}, Source{}, Status(0), Tailoring{},
}

// TestAPIZero calls every exported function with zero arguments, and every
// exported method on a zero value and on a nil pointer: none panics. A new
// exported function or type fails it until it is listed above.
func TestAPIZero(t *testing.T) {
	apitest.ZeroCalls(t, ".", exportedFuncs, exportedTypes...)
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
	values := slices.Clone(exportedTypes)
	for _, name := range slices.Sorted(maps.Keys(samples)) {
		for _, x := range samples[name] {
			if o, ok := x.(CoverageOptions); ok && o.Audit != nil {
				// The audit records compare by what they encode to.
				want, err := json.Marshal(x)
				require.NoError(t, err)
				var back CoverageOptions
				require.NoError(t, json.Unmarshal(want, &back))
				got, err := json.Marshal(back)
				require.NoError(t, err)
				assert.JSONEq(t, string(want), string(got))
				continue
			}
			values = append(values, x)
		}
	}
	apitest.JSON(t, ".", values...)
}
