package checks

import (
	"reflect"
	"testing"

	invopop "github.com/invopop/jsonschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/schematest"
)

// enumSchema is the schema of an enumeration: a string with its codes.
func enumSchema(codes []string, what string) *invopop.Schema {
	vals := make([]any, 0, len(codes)-1)
	for _, c := range codes[1:] {
		vals = append(vals, c)
	}
	return &invopop.Schema{Type: "string", Enum: vals, Description: what}
}

func newReflector(t *testing.T) *invopop.Reflector {
	t.Helper()
	r, err := schematest.NewReflector("audit/checks")
	require.NoError(t, err)
	r.Mapper = func(ty reflect.Type) *invopop.Schema {
		switch ty {
		case reflect.TypeFor[Frequency]():
			return enumSchema(frequencies.Codes, "how often")
		case reflect.TypeFor[Severity]():
			return enumSchema(severities.Codes, "severity")
		}
		return schematest.Mapper(ty)
	}
	return r
}

func TestSchemasUpToDate(t *testing.T) {
	schematest.CheckGenerated(t, "schema/activities.schema.json",
		schematest.Reflect(newReflector(t), &Activities{}, "audit/checks", "activities.schema.json", "ismskit activity records",
			"Records of control activities that no standard export covers (ISO/IEC 27002:2022 6.3 training, 5.18 access reviews, 8.13 restore tests, 5.22 supplier assessments, 5.26 incidents), as checks.EncodeActivities writes them."),
		JSONSchema)
	schematest.CheckGenerated(t, "schema/result.schema.json",
		schematest.Reflect(newReflector(t), &Result{}, "audit/checks", "result.schema.json", "ismskit check result",
			"The result of an automated control check (ISO/IEC 27001:2022 9.1), as encoding/json writes a checks.Result."),
		ResultSchema)
}

func TestDocumentsValidate(t *testing.T) {
	schematest.RequireFiles(t, "activities.schema.json", JSONSchema(), "testdata/activities.json")
	schematest.Require(t, "activities.schema.json", JSONSchema(), []byte(`{}`), []byte(`{"extensions": {"hr": [1]}}`))
	bad := []string{
		`{"trainings": []}`,
		`{"training": [{"person": "A", "course": "B", "completed": "2026-13-01"}]}`,
		`{"accessReviews": [{"system": "S", "frequency": "hourly"}]}`,
		`{"incidents": [{"id": "I", "severity": "HIGH", "opened": "2026-01-01"}]}`,
	}
	for _, b := range bad {
		schematest.Reject(t, "activities.schema.json", JSONSchema(), []byte(b))
		_, err := DecodeActivities([]byte(b))
		assert.Error(t, err, b)
	}
	res, err := Builtin().Run(sampleFS(), asOf)
	require.NoError(t, err)
	for _, r := range res {
		b, err := ismskitJSON(r)
		require.NoError(t, err)
		schematest.Require(t, "result.schema.json", ResultSchema(), b)
	}
	schematest.Reject(t, "result.schema.json", ResultSchema(), []byte(`{"check": "x", "controls": [], "asOf": "2026-11-28", "total": "3", "failed": 0}`))
}

func TestActivities(t *testing.T) {
	data := readTestdata(t, ActivitiesFile)
	a, err := DecodeActivities(data)
	require.NoError(t, err)
	require.NoError(t, a.Validate())
	assert.Len(t, a.Training, 5)
	assert.Equal(t, HalfYearly, a.AccessReviews[2].Frequency)
	assert.Equal(t, SeverityHigh, a.Incidents[1].Severity)

	enc, err := EncodeActivities(a)
	require.NoError(t, err)
	back, err := DecodeActivities(enc)
	require.NoError(t, err)
	assert.Equal(t, a, back)

	var zero Activities
	assert.NoError(t, zero.Validate())
	_, err = ReadActivities(nil)
	assert.ErrorIs(t, err, ismskit.ErrMissing)

	bad := Activities{
		Training:      []Training{{}},
		AccessReviews: []AccessReview{{System: "S", Removed: -1}},
		RestoreTests:  []RestoreTest{{}},
		Suppliers:     []SupplierAssessment{{}},
		Incidents: []Incident{
			{ID: "I-1", Severity: SeverityLow, Opened: d("2026-02-01"), Closed: d("2026-01-01"), TargetDays: -2},
			{ID: "I-1"},
		},
	}
	err = bad.Validate()
	require.Error(t, err)
	want := []string{"training[0].person", "training[0].course", "accessReviews[0].frequency", "accessReviews[0].removed",
		"restoreTests[0].system", "restoreTests[0].date", "suppliers[0].supplier",
		"incidents[0].closed", "incidents[0].targetDays", "incidents[1].id", "incidents[1].severity", "incidents[1].opened"}
	assert.Equal(t, want, pathsOf(err))
	assert.Equal(t, "I-1", ismskit.Problems(err)[7].Item)
}
