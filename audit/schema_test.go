package audit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/invopop/jsonschema"
	"github.com/ismskit/ismskit/internal/schematest"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reflectSchema builds the JSON Schema of v's type.
func reflectSchema(v any, title, desc string) *jsonschema.Schema {
	r := &jsonschema.Reflector{
		BaseSchemaID: "https://github.com/ismskit/ismskit/audit",
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			switch t {
			case reflect.TypeFor[iso27002.ControlID]():
				return &jsonschema.Schema{Type: "string", Description: "A control ID: 5.1 (2022), A.5.1.1 (2013) or namespace:local (custom).",
					Pattern: `^(A\.)?[1-9][0-9]{0,2}(\.[1-9][0-9]{0,2}){1,2}$|^[A-Za-z0-9][A-Za-z0-9._-]*:\S+$`}
			case reflect.TypeFor[json.RawMessage]():
				return &jsonschema.Schema{Description: "User data, kept untouched."}
			}
			return nil
		},
	}
	s := r.Reflect(v)
	s.Title, s.Description = title, desc
	return s
}

func schemaBytes(t *testing.T, s *jsonschema.Schema) []byte {
	b, err := json.MarshalIndent(s, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

func TestSchemasUpToDate(t *testing.T) {
	tests := []struct {
		file string
		got  []byte
		api  func() []byte
	}{
		{"records.schema.json", schemaBytes(t, reflectSchema(&Records{}, "ismskit audit records",
			"An audit programme with its evidence, findings and corrective actions, as audit.EncodeRecords writes it.")), JSONSchema},
		{"report.schema.json", schemaBytes(t, reflectSchema(&Report{}, "ismskit audit report",
			"An audit report as audit.Report.JSON writes it.")), ReportSchema},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if goldenfile.Updating() {
				golden(t, "../schema/"+tt.file, tt.got)
			}
			assert.Equal(t, string(tt.got), string(tt.api()), "schema/%s is stale: run go test -update", tt.file)
			c := tt.api()
			c[0] = 'x'
			assert.NotEqual(t, c[0], tt.api()[0], "returns a copy")
		})
	}
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
// against the committed schemas.
func TestGoldenDocumentsValidate(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(t, err)
		return b
	}
	schematest.Require(t, "records.schema.json", JSONSchema(), read("records.json"), read("programme.json"),
		[]byte(`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": []}, "extensions": {"x": [1]}}`))
	schematest.Require(t, "report.schema.json", ReportSchema(), read("report.json"))

	// And the schema rejects what the decoder rejects.
	s, err := schematest.Compile("records.schema.json", JSONSchema())
	require.NoError(t, err)
	for _, bad := range []string{
		`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": []}, "findngs": []}`,
		`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": [{"id": "A", "kind": "external", "start": "2026-01-01", "end": "2026-01-01", "scope": {}, "auditors": []}]}}`,
		`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": []}, "findings": [{"id": "F", "audit": "A", "result": "major", "date": "2026-01-01", "auditor": "x"}]}`,
	} {
		assert.Error(t, schematest.Validate(s, []byte(bad)), bad)
		_, err := DecodeRecords([]byte(bad))
		assert.Error(t, err, bad)
	}
}
