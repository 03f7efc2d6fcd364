package risk

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/invopop/jsonschema"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/internal/schematest"
)

// golden compares got with the file at path, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

// newReflector returns the schema reflector of the package: the enums
// are described here, so that no exported type carries a JSONSchema
// method and invopop/jsonschema stays out of the package's API.
func newReflector(t *testing.T) *jsonschema.Reflector {
	r, err := schematest.NewReflector("risk")
	require.NoError(t, err)
	enums := map[reflect.Type]*jsonschema.Schema{
		reflect.TypeFor[Property]():        enumSchema("An information security property.", propertyEnum.values),
		reflect.TypeFor[AssetKind]():       enumSchema("The kind of asset.", assetKindEnum.values),
		reflect.TypeFor[TreatmentOption](): enumSchema("An ISO/IEC 27005:2022 risk treatment option.", treatmentOptionEnum.values),
		reflect.TypeFor[ControlStatus]():   enumSchema("Whether a control is in place or planned.", controlStatusEnum.values),
		reflect.TypeFor[ActionStatus]():    enumSchema("The progress of a treatment action.", actionStatusEnum.values),
	}
	r.Mapper = func(typ reflect.Type) *jsonschema.Schema {
		if s, ok := enums[typ]; ok {
			return s
		}
		return schematest.Mapper(typ)
	}
	return r
}

func enumSchema[T ~string](desc string, values []T) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string", Description: desc}
	for _, v := range values {
		s.Enum = append(s.Enum, string(v))
	}
	return s
}

func TestSchemasUpToDate(t *testing.T) {
	r := newReflector(t)
	schematest.CheckGenerated(t, "schema/register.schema.json",
		schematest.Reflect(r, &Register{}, "risk", "register.schema.json", "ismskit risk register",
			"A risk register (ISO/IEC 27001:2022 6.1.2, 6.1.3, 8.2, 8.3) with its criteria, as risk.EncodeRegister writes it."),
		JSONSchema)

	r = newReflector(t)
	schematest.CheckGenerated(t, "schema/criteria.schema.json",
		schematest.Reflect(r, &Criteria{}, "risk", "criteria.schema.json", "ismskit risk criteria",
			"A set of risk criteria (ISO/IEC 27001:2022 6.1.2 a, b): scales, matrix, levels and acceptance, as risk.DecodeCriteria reads it."),
		CriteriaSchema)
}

// TestGoldenDocumentsValidate checks the committed registers and the
// built-in criteria against the committed schemas, and shows that the
// schemas reject wrong documents.
func TestGoldenDocumentsValidate(t *testing.T) {
	schematest.RequireFiles(t, "register.schema.json", JSONSchema(),
		"testdata/register.json", "testdata/register.golden.json", "../examples/internal/sample/register.json")
	crit := mustJSON(t, Standard3x3())
	schematest.Require(t, "register.schema.json", JSONSchema(),
		[]byte(`{"criteria":`+crit+`,"extensions":{"big":12345678901234567890},"assets":[{"id":"a","name":"A","kind":"information","owner":"o","extensions":{"cmdb":"CI-1"}}]}`))
	schematest.Reject(t, "register.schema.json", JSONSchema(),
		[]byte(`{"criteria":`+crit+`,"risks":[{"id":"r","likelyhood":3}]}`),
		[]byte(`{"criteria":`+crit+`,"risks":[{"id":"r","treatment":{"option":"transfer"}}]}`),
		[]byte(`{"criteria":`+crit+`,"risks":[{"id":"r","properties":["privacy"]}]}`),
		[]byte(`{"criteria":`+crit+`,"risks":[{"id":"r","likelihood":"high"}]}`),
		[]byte(`{"criteria":`+crit+`,"risks":[{"id":"r","controls":[{"control":"5.x","status":"planned"}]}]}`))

	var docs [][]byte
	for _, c := range []Criteria{Standard3x3(), Standard4x4(), Standard5x5()} {
		docs = append(docs, []byte(mustJSON(t, c)))
	}
	schematest.Require(t, "criteria.schema.json", CriteriaSchema(), docs...)
	schematest.Reject(t, "criteria.schema.json", CriteriaSchema(),
		[]byte(`{"id":"c","version":"1"}`),
		[]byte(`{"id":"c","version":1,"likelihood":{"levels":[]},"impact":{"levels":[]},"riskLevels":[],"matrix":{"cells":[]},"acceptance":{"maxLevel":"low"}}`),
		[]byte(`{"id":"c","version":"1","likelihood":{"levels":[]},"impact":{"levels":[]},"riskLevels":[],"matrix":{"cells":[]},"acceptance":{"maxLevel":"low"},"scale":3}`))
}

// TestSchemaMatchesEncoder checks that the register schema names the keys
// the encoder writes and rejects others.
func TestSchemaMatchesEncoder(t *testing.T) {
	var s map[string]any
	require.NoError(t, json.Unmarshal(JSONSchema(), &s))
	defs := s["$defs"].(map[string]any)
	risk := defs["Risk"].(map[string]any)["properties"].(map[string]any)
	for _, k := range []string{"id", "owner", "likelihood", "propertyImpacts", "treatment", "acceptances", "extensions"} {
		assert.Contains(t, risk, k)
	}
	assert.Equal(t, false, defs["Risk"].(map[string]any)["additionalProperties"])
}
