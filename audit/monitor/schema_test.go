package monitor

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"testing"

	invopop "github.com/invopop/jsonschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/internal/schematest"
	"github.com/ismskit/ismskit/iso27001"
)

func enumSchema(codes []string, what string) *invopop.Schema {
	vals := make([]any, 0, len(codes)-1)
	for _, c := range codes[1:] {
		vals = append(vals, c)
	}
	return &invopop.Schema{Type: "string", Enum: vals, Description: what}
}

func TestSchemaUpToDate(t *testing.T) {
	r, err := schematest.NewReflector("audit/monitor")
	require.NoError(t, err)
	freq := []string{"", "daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"}
	r.Mapper = func(ty reflect.Type) *invopop.Schema {
		switch ty {
		case reflect.TypeFor[Unit]():
			return enumSchema(units.Codes, "unit of the values")
		case reflect.TypeFor[Direction]():
			return enumSchema(directions.Codes, "which way is better")
		case reflect.TypeFor[Measure]():
			return enumSchema(measures.Codes, "what is taken from a check result")
		case reflect.TypeFor[checks.Frequency]():
			return enumSchema(freq, "how often")
		}
		return schematest.Mapper(ty)
	}
	schematest.CheckGenerated(t, "schema/records.schema.json",
		schematest.Reflect(r, &Records{}, "audit/monitor", "records.schema.json", "ismskit measurement records",
			"Metrics (ISO/IEC 27001:2022 9.1 a to f) and their results over time, as monitor.EncodeRecords writes them."),
		JSONSchema)
	for _, f := range checks.Frequencies() {
		b, _ := f.MarshalText()
		assert.Equal(t, freq[f], string(b), "the schema's frequencies are the package's")
	}
}

// TestGoldenRecords keeps an encoded sample as a golden file, and
// validates it against the schema.
func TestGoldenRecords(t *testing.T) {
	r := sampleRecords(t)
	r = r.Add(FromChecks(r.Metrics, checkResults(t))...)
	enc, err := EncodeRecords(r)
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/records.json", enc)
	schematest.RequireFiles(t, "records.schema.json", JSONSchema(), "testdata/records.json")
	bad := []string{
		`{"metrics": [{"id": "a", "unit": "percentage"}]}`,
		`{"results": [{"metric": "a", "date": "2026-02-30", "value": 1}]}`,
		`{"metrics": [], "result": []}`,
	}
	for _, b := range bad {
		schematest.Reject(t, "records.schema.json", JSONSchema(), []byte(b))
		_, err := DecodeRecords([]byte(b))
		assert.Error(t, err, b)
	}
}

var exportedFuncs = map[string]any{
	"Builtin": Builtin, "DecodeRecords": DecodeRecords, "Directions": Directions, "EncodeRecords": EncodeRecords,
	"Evaluate": Evaluate, "EvaluateObjectives": EvaluateObjectives, "FromChecks": FromChecks, "JSONSchema": JSONSchema,
	"Measures": Measures, "ObjectiveStatuses": ObjectiveStatuses, "ParseDirection": ParseDirection, "ParseMeasure": ParseMeasure,
	"ParseObjectiveStatus": ParseObjectiveStatus, "ParseStatus": ParseStatus, "ParseTrend": ParseTrend, "ParseUnit": ParseUnit,
	"ReadRecords": ReadRecords, "Statuses": Statuses, "Trends": Trends, "Units": Units, "WriteRecords": WriteRecords,
}

var exportedTypes = []any{
	Direction(0), Evaluation{}, Measure(0), Measurement{}, Metric{}, ObjectiveEvaluation{}, ObjectiveStatus(0),
	Records{}, Source{}, Status(0), Target{}, Trend(0), Unit(0),
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

	r := sampleRecords(t)
	r = r.Add(FromChecks(r.Metrics, checkResults(t))...)
	r.Extensions = map[string]json.RawMessage{"dashboard": json.RawMessage(`{"url":"https://grafana.example"}`)}
	evs, err := r.Evaluate(asOf)
	require.NoError(t, err)
	objs := EvaluateObjectives([]iso27001.Objective{{ID: "OBJ-1", Description: "Patch", Owner: "CTO", Due: asOf}}, evs, asOf)
	samples := map[string][]any{
		"Direction": {HigherIsBetter, LowerIsBetter}, "Evaluation": {evs[0], Evaluate(Metric{ID: "x"}, nil, asOf)},
		"Measure": {PassedPercent, Population}, "Measurement": {r.Results[len(r.Results)-1]}, "Metric": {r.Metrics[2]},
		"ObjectiveEvaluation": {objs[0]}, "ObjectiveStatus": {OnTrack, NotMeasured}, "Records": {r},
		"Source": {*r.Metrics[0].Source}, "Status": {Met, NoData}, "Target": {r.Metrics[0].Target},
		"Trend": {Improving, Worsening}, "Unit": {Percent, Days},
	}
	for _, v := range exportedTypes {
		name := reflect.TypeOf(v).Name()
		for _, x := range append([]any{reflect.Zero(reflect.TypeOf(v)).Interface()}, samples[name]...) {
			assert.Equal(t, x, apitest.Back(t, x, "extensions"), name)
		}
	}
}

func TestEnums(t *testing.T) {
	type enum interface {
		String() string
		MarshalText() ([]byte, error)
	}
	all := map[string][]enum{}
	for _, v := range Units() {
		all["unit"] = append(all["unit"], v)
	}
	for _, v := range Directions() {
		all["direction"] = append(all["direction"], v)
	}
	for _, v := range Measures() {
		all["measure"] = append(all["measure"], v)
	}
	for _, v := range Statuses() {
		all["status"] = append(all["status"], v)
	}
	for _, v := range Trends() {
		all["trend"] = append(all["trend"], v)
	}
	for _, v := range ObjectiveStatuses() {
		all["objective"] = append(all["objective"], v)
	}
	parse := map[string]func(string) (enum, error){
		"unit":      func(s string) (enum, error) { return ParseUnit(s) },
		"direction": func(s string) (enum, error) { return ParseDirection(s) },
		"measure":   func(s string) (enum, error) { return ParseMeasure(s) },
		"status":    func(s string) (enum, error) { return ParseStatus(s) },
		"trend":     func(s string) (enum, error) { return ParseTrend(s) },
		"objective": func(s string) (enum, error) { return ParseObjectiveStatus(s) },
	}
	for k, vs := range all {
		for _, v := range vs {
			b, err := v.MarshalText()
			require.NoError(t, err)
			back, err := parse[k](string(b))
			require.NoError(t, err)
			assert.Equal(t, v, back)
			assert.NotEmpty(t, v.String())
		}
		_, err := parse[k]("")
		assert.Error(t, err)
	}
	assert.Equal(t, "missed", objectiveStatuses.Code(OffTarget))
	assert.Equal(t, "Lower is better", LowerIsBetter.String())
	assert.Equal(t, "Trend(9)", Trend(9).String())
}
