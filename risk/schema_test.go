package risk

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/invopop/jsonschema"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/iso27002"
)

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

func enumSchema[T ~string](desc string, values []T) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string", Description: desc}
	for _, v := range values {
		s.Enum = append(s.Enum, string(v))
	}
	return s
}

// generateSchema reflects the Register type into a JSON Schema.
func generateSchema(t *testing.T) []byte {
	t.Helper()
	r := &jsonschema.Reflector{
		Mapper: func(rt reflect.Type) *jsonschema.Schema {
			switch rt {
			case reflect.TypeFor[iso27002.ControlID]():
				return &jsonschema.Schema{Type: "string", Description: `An ISO/IEC 27002 control ID: "5.1".."8.34" (2022), "A.5.1.1".."A.18.2.3" (2013), or a custom "namespace:local" ID.`}
			case reflect.TypeFor[Property]():
				return enumSchema("An information security property.", properties)
			case reflect.TypeFor[AssetKind]():
				return enumSchema("The kind of asset.", assetKinds)
			case reflect.TypeFor[TreatmentOption]():
				return enumSchema("An ISO/IEC 27005:2022 treatment option.", treatmentOptions)
			case reflect.TypeFor[ControlStatus]():
				return enumSchema("Whether a control is in place or planned.", controlStatuses)
			case reflect.TypeFor[ActionStatus]():
				return enumSchema("Progress of a treatment action.", actionStatuses)
			case reflect.TypeFor[json.RawMessage]():
				return &jsonschema.Schema{Type: "object", Description: "User data, kept untouched."}
			}
			return nil
		},
	}
	require.NoError(t, r.AddGoComments("github.com/ismskit/ismskit/risk", "./"))
	s := r.Reflect(&Register{})
	s.ID = "https://github.com/ismskit/ismskit/risk/register.schema.json"
	s.Title = "ismskit risk register"
	b, err := json.MarshalIndent(s, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

func TestSchemaUpToDate(t *testing.T) {
	got := generateSchema(t)
	golden(t, "schema/register.schema.json", got)
	if goldenfile.Updating() {
		return // the embedded copy is refreshed at the next build
	}
	require.True(t, bytes.Equal(got, Schema()), "embedded schema differs from the generated one")
}
