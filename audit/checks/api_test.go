package checks

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/internal/fielderr"
)

func pathsOf(err error) []string { return fielderr.Paths(err) }

// ismskitJSON encodes v with encoding/json.
func ismskitJSON(v any) ([]byte, error) { return json.Marshal(v) }

var exportedFuncs = map[string]any{
	"Builtin": Builtin, "CredentialReportColumns": CredentialReportColumns, "Cite": Cite,
	"DecodeActivities": DecodeActivities, "DecodeCredentialReport": DecodeCredentialReport, "DecodeTrivyReport": DecodeTrivyReport,
	"EncodeActivities": EncodeActivities, "Evidence": Evidence, "Frequencies": Frequencies, "JSONSchema": JSONSchema,
	"NewRegistry": NewRegistry, "NewResult": NewResult, "ParseFrequency": ParseFrequency, "ParseSeverity": ParseSeverity,
	"ReadActivities": ReadActivities, "ReadCredentialReport": ReadCredentialReport, "ReadFile": ReadFile,
	"ReadTrivyReport": ReadTrivyReport, "ResultSchema": ResultSchema, "Run": Run, "Severities": Severities,
	"VulnerabilitiesOf": VulnerabilitiesOf, "WriteActivities": WriteActivities,
}

var exportedTypes = []any{
	AccessKey{}, AccessReview{}, AccessReviewsOnTime{}, Activities{}, CredentialReport{}, Definition{}, Failure{},
	Frequency(0), Func{}, IAMMFA{}, IAMUnusedCredentials{}, IAMUser{}, Incident{}, IncidentsClosedInTarget{}, Input{},
	Parameter{}, Registry{}, RestoreTest{}, RestoreTestsPassed{}, Result{}, Severity(0), SupplierAssessment{},
	SuppliersAssessed{}, Training{}, TrainingCurrent{}, TrivyFixable{}, TrivyReport{}, TrivyResult{}, TrivyVulnerability{},
}

func typeNames(vs []any) []string {
	var out []string
	for _, v := range vs {
		out = append(out, reflect.TypeOf(v).Name())
	}
	return out
}

// TestAPIZero calls every exported function with zero arguments and every
// exported method on zero values and nil pointers: none panics.
func TestAPIZero(t *testing.T) {
	api := apitest.Of(t, ".")
	funcs, types := api.Funcs, api.Types
	apitest.Complete(t, "function", funcs, slices.Collect(maps.Keys(exportedFuncs)))
	apitest.Complete(t, "type", types, typeNames(exportedTypes))
	for _, name := range slices.Sorted(maps.Keys(exportedFuncs)) {
		apitest.Zero(t, name, exportedFuncs[name], nil)
	}
	for _, v := range exportedTypes {
		apitest.Methods(t, v, nil)
	}
}

// TestAPIJSON round-trips every exported type through encoding/json,
// its zero value and values from the package's own results.
func TestAPIJSON(t *testing.T) {
	res, err := Builtin().Run(sampleFS(), asOf)
	require.NoError(t, err)
	rep, err := DecodeCredentialReport(readTestdata(t, CredentialReportFile))
	require.NoError(t, err)
	tr, err := DecodeTrivyReport(readTestdata(t, TrivyFile))
	require.NoError(t, err)
	acts, err := DecodeActivities(readTestdata(t, ActivitiesFile))
	require.NoError(t, err)
	acts.Extensions = map[string]json.RawMessage{"hr": json.RawMessage(`{"system":"personio"}`)}
	samples := map[string][]any{
		"AccessKey":               {rep.Users[3].AccessKeys[0]},
		"AccessReview":            {acts.AccessReviews[0]},
		"AccessReviewsOnTime":     {AccessReviewsOnTime{}},
		"Activities":              {acts},
		"CredentialReport":        {rep},
		"Definition":              {IAMUnusedCredentials{}.Definition()},
		"Failure":                 {res[0].Failures[0]},
		"Frequency":               {Daily, Yearly},
		"Func":                    {Func{Def: IAMMFA{}.Definition()}},
		"IAMMFA":                  {IAMMFA{}},
		"IAMUnusedCredentials":    {IAMUnusedCredentials{MaxUnusedDays: 90}},
		"IAMUser":                 {rep.Users[0], rep.Users[7]},
		"Incident":                {acts.Incidents[1]},
		"IncidentsClosedInTarget": {IncidentsClosedInTarget{TargetDays: 5, WindowDays: 90}},
		"Input":                   {res[0].Inputs[0]},
		"Parameter":               {Parameter{Name: "a", Value: "b"}},
		"Registry":                {},
		"RestoreTest":             {acts.RestoreTests[0]},
		"RestoreTestsPassed":      {RestoreTestsPassed{MaxAgeDays: 90}},
		"Result":                  {res[0], res[2]},
		"Severity":                {SeverityUnknown, SeverityCritical},
		"SupplierAssessment":      {acts.Suppliers[0]},
		"SuppliersAssessed":       {SuppliersAssessed{MaxAgeDays: 200, CriticalOnly: true}},
		"Training":                {acts.Training[0]},
		"TrainingCurrent":         {TrainingCurrent{MaxAgeDays: 30}},
		"TrivyFixable":            {TrivyFixable{Severities: []Severity{SeverityCritical}}},
		"TrivyReport":             {tr},
		"TrivyResult":             {tr.Results[0]},
		"TrivyVulnerability":      {tr.Results[0].Vulnerabilities[0]},
	}
	for _, v := range exportedTypes {
		name := reflect.TypeOf(v).Name()
		vals := append([]any{reflect.Zero(reflect.TypeOf(v)).Interface()}, samples[name]...)
		for _, x := range vals {
			back := apitest.Back(t, x, "extensions")
			assert.Equal(t, x, back, name)
		}
	}
}
