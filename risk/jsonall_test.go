package risk

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

// jsonValues returns, for every exported type of the package, its zero
// value and a populated value.
func jsonValues(t *testing.T) map[string][2]any {
	reg := fullRegister()
	r := reg.Risks[0]
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	require.NoError(t, err)
	as, err := AssessRegister(reg)
	require.NoError(t, err)
	findings, err := Check(Register{Criteria: Standard5x5(), Risks: []Risk{{ID: "r", Likelihood: 4, Impact: 4, Treatment: Treatment{Option: Retain}, Residual: &Estimate{Likelihood: 2, Impact: 4}}}})
	require.NoError(t, err)
	require.NotEmpty(t, findings)
	un, err := NeedingAcceptance(testRegister(), day("2026-06-01"))
	require.NoError(t, err)
	require.NotEmpty(t, un)
	h, err := NewHeatMap(reg.Criteria, as)
	require.NoError(t, err)
	newer := reg.Clone()
	newer.Risks[0].Owner = "ceo"
	log := Diff(reg, newer)
	var use ControlUse
	for u := range r.ControlUses() {
		use = u
	}
	return map[string][2]any{
		"Register":           {Register{}, reg},
		"Asset":              {Asset{}, reg.Assets[0]},
		"Threat":             {Threat{}, reg.Threats[0]},
		"Vulnerability":      {Vulnerability{}, reg.Vulnerabilities[0]},
		"Risk":               {Risk{}, r},
		"PropertyImpact":     {PropertyImpact{}, r.PropertyImpacts[0]},
		"Estimate":           {Estimate{}, *r.Current},
		"AppliedControl":     {AppliedControl{}, r.Controls[0]},
		"Treatment":          {Treatment{}, r.Treatment},
		"Action":             {Action{}, r.Treatment.Plan[0]},
		"Approval":           {Approval{}, r.Approvals[0]},
		"Acceptance":         {Acceptance{}, r.Acceptances[0]},
		"ScoreRecord":        {ScoreRecord{}, *r.Scoring},
		"Criteria":           {Criteria{}, reg.Criteria},
		"CriteriaRef":        {CriteriaRef{}, reg.Criteria.Ref()},
		"Scale":              {Scale{}, reg.Criteria.Likelihood},
		"ScaleLevel":         {ScaleLevel{}, reg.Criteria.Likelihood.Levels[0]},
		"Band":               {Band{}, *reg.Criteria.Likelihood.Levels[0].Band},
		"Level":              {Level{}, reg.Criteria.RiskLevels[2]},
		"Matrix":             {Matrix{}, reg.Criteria.Matrix},
		"AcceptanceCriteria": {AcceptanceCriteria{}, AcceptanceCriteria{MaxLevel: "low", Appetite: reg.Criteria.Acceptance.Appetite, MaxAgeMonths: 12}},
		"Appetite":           {Appetite{}, reg.Criteria.Acceptance.Appetite[0]},
		"Assessor":           {Assessor{}, a},
		"MatrixMethod":       {MatrixMethod{}, a.Method()},
		"Rating":             {Rating{}, as[0].Inherent},
		"Assessment":         {Assessment{}, as[0]},
		"Assessments":        {Assessments(nil), as},
		"Ranked":             {Ranked{}, Rank(as, Residual)[0]},
		"Unaccepted":         {Unaccepted{}, un[0]},
		"Group":              {Group{}, Aggregate(reg, as, ByTheme, Residual)[0]},
		"Finding":            {Finding{}, findings[0]},
		"HeatMap":            {HeatMap{}, h},
		"HeatMapRow":         {HeatMapRow{}, h.Rows[1]},
		"HeatMapCell":        {HeatMapCell{}, h.Rows[1].Cells[4]},
		"SVGOptions":         {SVGOptions{}, SVGOptions{Stages: Stages(), Colours: map[string]string{"high": "#ffd0a8"}, Title: "t", CellSize: 40}},
		"ControlUse":         {ControlUse{}, use},
		"FieldChange":        {FieldChange{}, log.Changes[0].Fields[0]},
		"Change":             {Change{}, log.Changes[0]},
		"ChangeLog":          {ChangeLog{}, log},
		"ChangeKind":         {ChangeKind(""), Removed},
		"Property":           {Property(""), Integrity},
		"AssetKind":          {AssetKind(""), SupportingAsset},
		"TreatmentOption":    {TreatmentOption(""), Share},
		"ControlStatus":      {ControlStatus(""), Planned},
		"ActionStatus":       {ActionStatus(""), ActionInProgress},
		"Stage":              {Stage(""), Current},
		"Severity":           {Severity(""), SeverityWarning},
		"AcceptanceStatus":   {AcceptanceStatus(""), AcceptanceTooOld},
		"Dimension":          {Dimension(""), ByControl},
	}
}

// TestJSONEveryType marshals the zero value and a populated value of
// every exported type with encoding/json, checks that the keys are
// lowerCamelCase, and decodes them back to an equal value.
func TestJSONEveryType(t *testing.T) {
	types, _ := exportedAPI(t)
	values := jsonValues(t)
	covered := map[string]bool{}
	for n := range values {
		covered[n] = true
	}
	requireCovers(t, "types", types, covered)
	for _, name := range types {
		for i, v := range values[name] {
			t.Run(name+[]string{"/zero", "/populated"}[i], func(t *testing.T) {
				checkJSONNames(t, name, reflect.TypeOf(v), map[reflect.Type]bool{})
				b, err := json.Marshal(v)
				require.NoError(t, err)
				checkKeys(t, b)
				if i == 1 {
					assert.NotEqual(t, "{}", string(b), "the populated value shows")
				}
				back := reflect.New(reflect.TypeOf(v))
				require.NoError(t, json.Unmarshal(b, back.Interface()), "%s", b)
				assert.Equal(t, v, back.Elem().Interface(), "%s", b)
			})
		}
	}
}

var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// checkJSONNames checks that every field of a struct type that
// encoding/json writes has a lowerCamelCase name, recursively.
func checkJSONNames(t *testing.T, path string, typ reflect.Type, seen map[reflect.Type]bool) {
	t.Helper()
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array || typ.Kind() == reflect.Map {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct || seen[typ] || typ.PkgPath() == "github.com/ismskit/ismskit" {
		return
	}
	seen[typ] = true
	if typ.Implements(reflect.TypeFor[json.Marshaler]()) || typ.Implements(reflect.TypeFor[interface{ MarshalText() ([]byte, error) }]()) {
		return // its own form, checked by checkKeys
	}
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			checkJSONNames(t, path, f.Type, seen)
			continue
		}
		assert.Regexp(t, lowerCamel, name, "%s.%s has no lowerCamelCase JSON name", path, f.Name)
		checkJSONNames(t, path+"."+f.Name, f.Type, seen)
	}
}

// checkKeys checks the object keys of a JSON document, except the keys
// of maps of the user's data (extensions, and maps keyed by IDs).
func checkKeys(t *testing.T, b []byte) {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				assert.Regexp(t, lowerCamel, k)
				if k != "extensions" && k != "assetCategories" && k != "colours" {
					walk(x)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
}

func TestAssessorJSON(t *testing.T) {
	reg := testRegister()
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	require.NoError(t, err)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"assetCategories":{"db":"customer-data"}`, "only the assets an appetite names")
	var back *Assessor
	require.NoError(t, json.Unmarshal(b, &back))
	want, err := a.Assess(reg.Risks[0])
	require.NoError(t, err)
	got, err := back.Assess(reg.Risks[0])
	require.NoError(t, err)
	assert.Equal(t, want, got, "the decoded assessor rates alike, appetites by category included")

	var bad Assessor
	require.ErrorIs(t, json.Unmarshal([]byte(`{"criteria":{"id":"x"}}`), &bad), ismskit.ErrMissing, "invalid criteria are an error")
	var m MatrixMethod
	require.NoError(t, json.Unmarshal(b, &m))
	res, err := m.Score("L:2/I:3")
	require.NoError(t, err)
	assert.Equal(t, "medium", res.Severity)
}
