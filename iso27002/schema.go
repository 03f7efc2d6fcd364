package iso27002

import (
	_ "embed"
	"slices"

	"github.com/invopop/jsonschema"
)

//go:embed schema/catalog.schema.json
var catalogSchema []byte

//go:embed schema/overlay.schema.json
var overlaySchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the catalog
// document that Catalog.MarshalJSON writes and DecodeCatalog reads
// (schema/catalog.schema.json). It is generated from the Go types with
// github.com/invopop/jsonschema, with the Go doc comments as descriptions,
// and kept up to date by the package's tests. Each call returns a fresh
// copy.
func JSONSchema() []byte { return slices.Clone(catalogSchema) }

// OverlaySchema returns the JSON Schema (draft 2020-12) of the Overlay
// document that DecodeOverlay reads (schema/overlay.schema.json),
// generated and tested like JSONSchema. Each call returns a fresh copy.
func OverlaySchema() []byte { return slices.Clone(overlaySchema) }

// controlIDPattern matches the three forms Parse accepts; whether an ISO
// ID names a control of its edition is left to the decoder.
const controlIDPattern = `^(A\.)?[1-9][0-9]{0,2}(\.[1-9][0-9]{0,2}){1,2}$|^[A-Za-z0-9][A-Za-z0-9._-]*:\S+$`

// JSONSchema describes a ControlID in JSON Schemas that
// github.com/invopop/jsonschema generates from types holding one: a
// string in one of the forms Parse accepts.
func (ControlID) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type:        "string",
		Pattern:     controlIDPattern,
		MaxLength:   ptr(uint64(maxCustomLen)),
		Description: `An ISO/IEC 27002 control ID: "5.1" to "8.34" (2022; "A.5.1" is accepted), "A.5.1.1" to "A.18.2.3" (2013), or a custom "namespace:local" ID.`,
	}
}

// JSONSchema describes an Edition in generated JSON Schemas: "2013",
// "2022" or "custom".
func (Edition) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Enum: []any{"2013", "2022", "custom"},
		Description: "The edition of ISO/IEC 27002; custom for user controls or a mix of editions."}
}

// JSONSchema describes a Theme in generated JSON Schemas: its lower-case
// name.
func (Theme) JSONSchema() *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string", Description: "An ISO/IEC 27002:2022 theme (clauses 5 to 8)."}
	for t := range Themes() {
		s.Enum = append(s.Enum, t.String())
	}
	return s
}

// JSONSchema describes an AttributeSet in generated JSON Schemas: the
// object AttributeSet.MarshalJSON writes, one array of values per
// attribute type.
func (AttributeSet) JSONSchema() *jsonschema.Schema {
	props := jsonschema.NewProperties()
	for t := range AttributeTypes() {
		vals := &jsonschema.Schema{Type: "string"}
		for a := range t.Values() {
			vals.Enum = append(vals.Enum, a.String())
		}
		props.Set(t.String(), &jsonschema.Schema{Type: "array", Items: vals,
			Description: "The values of the attribute type " + t.Title() + "."})
	}
	return &jsonschema.Schema{Type: "object", Properties: props, AdditionalProperties: jsonschema.FalseSchema,
		Description: "The ISO/IEC 27002:2022 attribute values of a control, by attribute type."}
}

func ptr[T any](v T) *T { return &v }
