package audit

import (
	"encoding/json"
	"reflect"
	"testing"

	invopop "github.com/invopop/jsonschema"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/schematest"
)

// newReflector is schematest.NewReflector with the package's
// enumerations, which keep invopop/jsonschema out of the public API: each
// is a string with its codes.
func newReflector(t *testing.T) *invopop.Reflector {
	t.Helper()
	r, err := schematest.NewReflector("audit")
	require.NoError(t, err)
	enum := func(codes []string, what string) *invopop.Schema {
		vals := make([]any, 0, len(codes)-1)
		for _, c := range codes[1:] {
			vals = append(vals, c)
		}
		return &invopop.Schema{Type: "string", Enum: vals, Description: what}
	}
	r.Mapper = func(ty reflect.Type) *invopop.Schema {
		switch ty {
		case reflect.TypeFor[Kind]():
			return enum(kinds.Codes, "kind of audit")
		case reflect.TypeFor[Result]():
			return enum(results.Codes, "result of a checklist line")
		case reflect.TypeFor[State]():
			return enum(states.Codes, "state of a corrective action (10.2)")
		case reflect.TypeFor[ReasonKind]():
			return enum(reasonKinds.Codes, "kind of reason the ISMS is not ready for certification")
		}
		return schematest.Mapper(ty)
	}
	return r
}

func TestSchemasUpToDate(t *testing.T) {
	r := newReflector(t)
	schematest.CheckGenerated(t, "schema/records.schema.json",
		schematest.Reflect(r, &Records{}, "audit", "records.schema.json", "ismskit audit records",
			"An audit programme (ISO/IEC 27001:2022 9.2) with its evidence, findings and corrective actions (10.2), as audit.EncodeRecords writes it."),
		JSONSchema)

	r = newReflector(t)
	schematest.CheckGenerated(t, "schema/report.schema.json",
		schematest.Reflect(r, &Report{}, "audit", "report.schema.json", "ismskit audit report",
			"An audit report with readiness scores and a certification-readiness verdict, as audit.EncodeReport writes it."),
		ReportSchema)

	r = newReflector(t)
	schematest.CheckGenerated(t, "schema/checklist.schema.json",
		schematest.Reflect(r, &Checklist{}, "audit", "checklist.schema.json", "ismskit audit checklist",
			"The working paper of one audit (ISO/IEC 27001:2022 9.2.2): what to check and what evidence to look for, with the results, as encoding/json writes an audit.Checklist."),
		ChecklistSchema)
}

// TestChecklistsValidate checks the golden checklist against
// ChecklistSchema, and that the schema rejects a wrong one.
func TestChecklistsValidate(t *testing.T) {
	schematest.RequireFiles(t, "checklist.schema.json", ChecklistSchema(), "testdata/checklist-IA-2.json")
	schematest.Reject(t, "checklist.schema.json", ChecklistSchema(), []byte(`{"audit":"IA-1","lines":{}}`))
}

// TestSchemaMatchesDocuments checks that the schema lists every key the
// encoder writes, for the records and the report.
func TestSchemaMatchesDocuments(t *testing.T) {
	var s struct {
		Defs map[string]struct {
			Properties           map[string]any `json:"properties"`
			AdditionalProperties *bool          `json:"additionalProperties"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(JSONSchema(), &s))
	for _, name := range []string{"Records", "Programme", "Audit", "Scope", "Auditor", "Evidence", "Finding", "CorrectiveAction", "Transition"} {
		def, ok := s.Defs[name]
		require.True(t, ok, name)
		require.NotNil(t, def.AdditionalProperties, name)
		assert.False(t, *def.AdditionalProperties, "%s rejects unknown keys", name)
	}
	assert.Contains(t, s.Defs["Finding"].Properties, "control")
	assert.Contains(t, s.Defs["CorrectiveAction"].Properties, "rootCause")
	var r struct {
		Defs map[string]any `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(ReportSchema(), &r))
	for _, name := range []string{"Report", "Readiness", "Reason", "FindingGroup", "ActionLine"} {
		assert.Contains(t, r.Defs, name)
	}
}

// TestGoldenDocumentsValidate checks the committed golden documents
// against the committed schemas, and shows that the schemas reject what
// the decoder rejects.
func TestGoldenDocumentsValidate(t *testing.T) {
	schematest.RequireFiles(t, "records.schema.json", JSONSchema(),
		"testdata/records.json", "testdata/programme.json", "../examples/audit/testdata/audit-records.json")
	schematest.Require(t, "records.schema.json", JSONSchema(),
		[]byte(`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": []}, "extensions": {"x": [1]}}`))
	schematest.RequireFiles(t, "report.schema.json", ReportSchema(),
		"testdata/report.json", "../examples/audit/testdata/audit-report.json")

	bad := []string{
		`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": []}, "findngs": []}`,
		`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": [{"id": "A", "kind": "external", "start": "2026-01-01", "end": "2026-01-01", "scope": {}, "auditors": []}]}}`,
		`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": []}, "findings": [{"id": "F", "audit": "A", "result": "major", "date": "2026-01-01", "auditor": "x"}]}`,
		`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-02-30", "audits": []}}`,
	}
	for _, b := range bad {
		schematest.Reject(t, "records.schema.json", JSONSchema(), []byte(b))
		_, err := DecodeRecords([]byte(b))
		assert.Error(t, err, b)
	}
	schematest.Reject(t, "report.schema.json", ReportSchema(), []byte(`{"title": 1}`))
}
