package fair

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/invopop/jsonschema"
	"github.com/stretchr/testify/require"
)

// enumSchema maps the package's enums to string schemas with their values.
func enumSchema(t reflect.Type) *jsonschema.Schema {
	enum := func(desc string, vals ...string) *jsonschema.Schema {
		s := &jsonschema.Schema{Type: "string", Description: desc}
		for _, v := range vals {
			s.Enum = append(s.Enum, v)
		}
		return s
	}
	switch t {
	case reflect.TypeFor[Dist]():
		return enum("Distribution family.", "constant", "uniform", "triangular", "pert", "lognormal", "normal")
	case reflect.TypeFor[PERTForm]():
		return enum("PERT parameterisation (default classic).", "classic", "moment")
	case reflect.TypeFor[FrequencyMode]():
		return enum("Frequency semantics.", "rate", "event")
	case reflect.TypeFor[VulnerabilityMode]():
		return enum("How TCap and RS give the vulnerability (default pooled).", "pooled", "periteration")
	}
	return nil
}

// generateSchema is the generator of the committed schemas.
func generateSchema(t *testing.T, v any, id string) []byte {
	r := &jsonschema.Reflector{Mapper: enumSchema, BaseSchemaID: "https://ismskit.dev/schema/fair/"}
	require.NoError(t, r.AddGoComments("github.com/ismskit/ismskit/risk/fair", "."))
	s := r.Reflect(v)
	s.ID = jsonschema.ID("https://ismskit.dev/schema/fair/" + id)
	b, err := json.MarshalIndent(s, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

// TestSchemasUpToDate regenerates the JSON Schemas from the Go types and
// compares them with the committed files; -update rewrites them.
func TestSchemasUpToDate(t *testing.T) {
	for name, v := range map[string]any{"analysis": &Analysis{}, "report": &Report{}} {
		t.Run(name, func(t *testing.T) {
			got := generateSchema(t, v, name+".schema.json")
			path := filepath.Join("schema", name+".schema.json")
			if goldenfile.Updating() {
				require.NoError(t, os.WriteFile(path, got, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create it")
			require.Equal(t, string(want), string(got), "schema is stale: run go test -update")
		})
	}
}
