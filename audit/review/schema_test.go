package review

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"testing"

	invopop "github.com/invopop/jsonschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/internal/schematest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/risk"
)

func enumSchema(codes []string, what string) *invopop.Schema {
	vals := make([]any, 0, len(codes)-1)
	for _, c := range codes[1:] {
		vals = append(vals, c)
	}
	return &invopop.Schema{Type: "string", Enum: vals, Description: what}
}

// codes returns the JSON forms of an enumeration's values, "" first.
func codes[T interface{ MarshalText() ([]byte, error) }](vs []T) []string {
	out := []string{""}
	for _, v := range vs {
		b, _ := v.MarshalText()
		out = append(out, string(b))
	}
	return out
}

func newReflector(t *testing.T) *invopop.Reflector {
	r, err := schematest.NewReflector("audit/review")
	require.NoError(t, err)
	// The pack holds the evaluations of package monitor: their comments
	// describe them.
	require.NoError(t, r.AddGoComments(schematest.ModulePath+"/audit/monitor", "../monitor"))
	r.Mapper = func(ty reflect.Type) *invopop.Schema {
		switch ty {
		case reflect.TypeFor[Source]():
			return enumSchema(sources.Codes, "where the improvement comes from")
		case reflect.TypeFor[Status]():
			return enumSchema(statuses.Codes, "status of the improvement")
		case reflect.TypeFor[DecisionKind]():
			return enumSchema(decisionKinds.Codes, "kind of decision")
		case reflect.TypeFor[Change]():
			return enumSchema(changes.Codes, "change since the previous review")
		case reflect.TypeFor[monitor.Unit]():
			return enumSchema(codes(monitor.Units()), "unit")
		case reflect.TypeFor[monitor.Direction]():
			return enumSchema(codes(monitor.Directions()), "direction")
		case reflect.TypeFor[monitor.Status]():
			return enumSchema(codes(monitor.Statuses()), "metric status")
		case reflect.TypeFor[monitor.Trend]():
			return enumSchema(codes(monitor.Trends()), "trend")
		case reflect.TypeFor[monitor.ObjectiveStatus]():
			return enumSchema(codes(monitor.ObjectiveStatuses()), "objective status")
		case reflect.TypeFor[audit.Result]():
			return enumSchema(codes(audit.Results()), "audit result")
		case reflect.TypeFor[audit.State]():
			return enumSchema(codes(audit.States()), "corrective action state")
		case reflect.TypeFor[audit.Kind]():
			return enumSchema(codes(audit.Kinds()), "audit kind")
		case reflect.TypeFor[risk.ActionStatus]():
			return enumSchema([]string{"", "planned", "in-progress", "done", "cancelled"}, "status of a treatment action")
		case reflect.TypeFor[checks.Frequency]():
			return enumSchema(codes(checks.Frequencies()), "frequency")
		}
		return schematest.Mapper(ty)
	}
	return r
}

func TestSchemasUpToDate(t *testing.T) {
	r := newReflector(t)
	schematest.CheckGenerated(t, "schema/register.schema.json",
		schematest.Reflect(r, &Register{}, "audit/review", "register.schema.json", "ismskit improvement register",
			"The improvement register of ISO/IEC 27001:2022 10.1, as review.EncodeRegister writes it."),
		JSONSchema)
	schematest.CheckGenerated(t, "schema/pack.schema.json",
		schematest.Reflect(newReflector(t), &Pack{}, "audit/review", "pack.schema.json", "ismskit management review pack",
			"The inputs of a management review (ISO/IEC 27001:2022 9.3.2), its proposed and taken decisions (9.3.3), as review.EncodePack writes them."),
		PackSchema)
}

func TestDocumentsValidate(t *testing.T) {
	reg, err := EncodeRegister(*testInputs(t).Improvements)
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/register.json", reg)
	schematest.RequireFiles(t, "register.schema.json", JSONSchema(), "testdata/register.json")
	schematest.RequireFiles(t, "pack.schema.json", PackSchema(), "testdata/pack.json")
	for _, b := range []string{`{"items": [{"id": "x", "status": "closed"}]}`, `{"item": []}`, `{"items": [{"id": "x", "raised": "2026-1-1"}]}`} {
		schematest.Reject(t, "register.schema.json", JSONSchema(), []byte(b))
		_, err := DecodeRegister([]byte(b))
		assert.Error(t, err, b)
	}
	schematest.Reject(t, "pack.schema.json", PackSchema(), []byte(`{"title": "x", "inputs": [{"item": 3}]}`))
}

var exportedFuncs = map[string]any{
	"Changes": Changes, "DecisionKinds": DecisionKinds, "DecodePack": DecodePack, "DecodeRegister": DecodeRegister,
	"EncodePack": EncodePack, "EncodeRegister": EncodeRegister, "JSONSchema": JSONSchema, "PackSchema": PackSchema,
	"ParseChange": ParseChange, "ParseDecisionKind": ParseDecisionKind, "ParseSource": ParseSource, "ParseStatus": ParseStatus,
	"Prepare": Prepare, "ReadPack": ReadPack, "ReadRegister": ReadRegister, "Sources": Sources, "Statuses": Statuses,
	"WritePack": WritePack, "WriteRegister": WriteRegister,
}

var exportedTypes = []any{
	EarlierAction{}, AuditLine{}, Change(0), CheckLine{}, Decision{}, DecisionKind(0), Feedback{}, FeedInput{}, Improvement{},
	Input{}, Inputs{}, IssueChange{}, LevelCount{}, Meeting{}, Nonconformities{}, NonconformityLine{}, Pack{}, PlanAction{},
	Register{}, RequirementChange{}, RiskLine{}, Risks{}, Source(0), Status(0),
}

func TestAPI(t *testing.T) {
	api := apitest.Of(t, ".")
	funcs, types := api.Funcs, api.Types
	apitest.Complete(t, "function", funcs, slices.Collect(maps.Keys(exportedFuncs)))
	var names []string
	for _, v := range exportedTypes {
		names = append(names, reflect.TypeOf(v).Name())
	}
	apitest.Complete(t, "type", types, names)
	for _, name := range slices.Sorted(maps.Keys(exportedFuncs)) {
		apitest.Zero(t, name, exportedFuncs[name], nil)
	}
	for _, v := range exportedTypes {
		apitest.Methods(t, v, nil)
	}
	p := concluded(t)
	in := testInputs(t)
	in.Improvements.Extensions = map[string]json.RawMessage{"jira": json.RawMessage(`{"project":"ISMS"}`)}
	pi := func(item string) Input { return *p.Input(item) }
	samples := map[string][]any{
		"EarlierAction": {pi("9.3.2.a").Actions[0]}, "AuditLine": {pi("9.3.2.d.3").Audits[0]}, "Change": {Added, Unchanged},
		"CheckLine": {pi("9.3.2.d.2").Checks[0]}, "Decision": {p.Meeting.Decisions[0], p.Proposals[0]}, "DecisionKind": {KindImprovement, KindChange},
		"Feedback": {in.Feedback[0]}, "FeedInput": {FeedInput{Checks: in.Checks[:1], Owner: "ISM", DueDays: 30}},
		"Improvement": {in.Improvements.Items[0]}, "Input": {pi("9.3.2.b"), pi("9.3.2.f")},
		"IssueChange": {pi("9.3.2.b").Issues[1]}, "LevelCount": {pi("9.3.2.f").Risks.Levels[0]}, "Meeting": {*p.Meeting},
		"Nonconformities": {*pi("9.3.2.d.1").Nonconformities}, "NonconformityLine": {pi("9.3.2.d.1").Nonconformities.Items[0]},
		"Pack": {*p}, "PlanAction": {pi("9.3.2.f").Risks.Overdue[0]}, "Register": {*in.Improvements},
		"RequirementChange": {pi("9.3.2.c").Requirements[0]}, "RiskLine": {pi("9.3.2.f").Risks.AboveCriteria[0]},
		"Risks": {*pi("9.3.2.f").Risks}, "Source": {FromReview, FromOther}, "Status": {Open, Cancelled},
	}
	// The zero Inputs marshals once iso27001.Records' zero value does (its
	// zero Edition must marshal as "").
	_, zeroRecords := json.Marshal(iso27001.Records{})
	for _, v := range exportedTypes {
		name := reflect.TypeOf(v).Name()
		vals := append([]any{reflect.Zero(reflect.TypeOf(v)).Interface()}, samples[name]...)
		if name == "Inputs" && zeroRecords != nil {
			vals = vals[1:]
		}
		for _, x := range vals {
			assert.Equal(t, x, apitest.Back(t, x, "extensions", "records", "baseline", "register", "audit", "monitoring", "checks"), name)
		}
	}
	// Inputs holds other packages' documents; it round-trips too.
	back := apitest.Back(t, in, "extensions", "records", "baseline", "register", "audit", "monitoring", "checks")
	assert.Equal(t, in.Feedback, back.(Inputs).Feedback)
	var nilPack *Pack
	assert.NotEmpty(t, nilPack.Markdown())
	_, err := nilPack.HTML()
	assert.NoError(t, err)
	b, err := EncodePack(nil)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"inputs": null`)
}

func TestEnums(t *testing.T) {
	for _, s := range Sources() {
		b, _ := s.MarshalText()
		v, err := ParseSource(string(b))
		require.NoError(t, err)
		assert.Equal(t, s, v)
	}
	for _, s := range Statuses() {
		b, _ := s.MarshalText()
		v, err := ParseStatus(string(b))
		require.NoError(t, err)
		assert.Equal(t, s, v)
	}
	for _, s := range DecisionKinds() {
		b, _ := s.MarshalText()
		v, err := ParseDecisionKind(string(b))
		require.NoError(t, err)
		assert.Equal(t, s, v)
		assert.NotZero(t, s.OutputKind())
	}
	for _, s := range Changes() {
		b, _ := s.MarshalText()
		v, err := ParseChange(string(b))
		require.NoError(t, err)
		assert.Equal(t, s, v)
	}
	assert.Zero(t, DecisionKind(0).OutputKind())
	assert.True(t, InProgress.IsOpen())
	assert.False(t, Done.IsOpen())
	assert.Equal(t, "Audit opportunity for improvement", FromAudit.String())
}
