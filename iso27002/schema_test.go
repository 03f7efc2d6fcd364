package iso27002

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/invopop/jsonschema"
	"github.com/ismskit/ismskit/internal/schematest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catalogDoc is catalogJSON with each control in its wire shape, which is
// what Catalog.MarshalJSON writes.
type catalogDoc struct {
	Name     string        `json:"name"`
	Edition  Edition       `json:"edition"`
	Groups   []Group       `json:"groups,omitempty"`
	Controls []controlJSON `json:"controls"`
}

// reflectCatalogSchema builds the catalog schema from the wire types.
func reflectCatalogSchema() *jsonschema.Schema {
	enum := func(values []string) []any {
		out := make([]any, len(values))
		for i, v := range values {
			out[i] = v
		}
		return out
	}
	attrValues := func(t AttributeType) *jsonschema.Schema {
		var vals []string
		for a := range t.Values() {
			vals = append(vals, a.String())
		}
		return &jsonschema.Schema{Type: "array", Items: &jsonschema.Schema{Type: "string", Enum: enum(vals)}}
	}
	r := &jsonschema.Reflector{
		BaseSchemaID: "https://github.com/ismskit/ismskit/iso27002",
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			switch t {
			case reflect.TypeFor[ControlID]():
				return &jsonschema.Schema{Type: "string", Description: "A control ID: 5.1 (2022), A.5.1.1 (2013) or namespace:local (custom).",
					Pattern: `^(A\.)?[1-9][0-9]{0,2}(\.[1-9][0-9]{0,2}){1,2}$|^[A-Za-z0-9][A-Za-z0-9._-]*:\S+$`}
			case reflect.TypeFor[Edition]():
				return &jsonschema.Schema{Type: "string", Enum: enum([]string{"2013", "2022", "custom"})}
			case reflect.TypeFor[Theme]():
				return &jsonschema.Schema{Type: "string", Enum: enum([]string{"organizational", "people", "physical", "technological"})}
			case reflect.TypeFor[AttributeSet]():
				props := jsonschema.NewProperties()
				for at := range AttributeTypes() {
					props.Set(at.String(), attrValues(at))
				}
				return &jsonschema.Schema{Type: "object", Properties: props, AdditionalProperties: jsonschema.FalseSchema,
					Description: "The ISO/IEC 27002:2022 attribute values of the control, by attribute type."}
			}
			return nil
		},
		Namer: func(t reflect.Type) string {
			switch t {
			case reflect.TypeFor[controlJSON]():
				return "Control"
			case reflect.TypeFor[catalogDoc]():
				return "Catalog"
			}
			return t.Name()
		},
	}
	s := r.Reflect(&catalogDoc{})
	s.Title = "ismskit control catalog"
	s.Description = "A control catalog as iso27002.Catalog.MarshalJSON writes it."
	return s
}

func TestCatalogSchemaUpToDate(t *testing.T) {
	got, err := json.MarshalIndent(reflectCatalogSchema(), "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	if goldenfile.Updating() {
		golden(t, "../schema/catalog.schema.json", got)
	}
	assert.Equal(t, string(got), string(CatalogSchema()), "schema/catalog.schema.json is stale: run go test -update")
	c := CatalogSchema()
	c[0] = 'x'
	assert.NotEqual(t, c[0], CatalogSchema()[0], "CatalogSchema returns a copy")
}

// TestGoldenCatalogsValidate checks the committed golden catalogs, and a
// custom catalog, against the committed schema.
func TestGoldenCatalogsValidate(t *testing.T) {
	var docs [][]byte
	for _, name := range []string{"catalog2022.json", "catalog2013.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(t, err)
		docs = append(docs, b)
	}
	custom, err := NewCatalog("custom", []Control{{ID: MustParse("acme:1"), Title: "x", Group: "G", New: true,
		Attributes: Attributes(Protect), Text: LicensedText{Control: "c"}}}, Group{ID: "G", Title: "g"})
	require.NoError(t, err)
	b, err := json.Marshal(custom)
	require.NoError(t, err)
	docs = append(docs, b)
	schematest.Require(t, "catalog.schema.json", CatalogSchema(), docs...)

	s, err := schematest.Compile("catalog.schema.json", CatalogSchema())
	require.NoError(t, err)
	assert.Error(t, schematest.Validate(s, []byte(`{"name":"x","edition":"2022","controls":[{"id":"5.1","title":"x","theme":"logical"}]}`)))
}
