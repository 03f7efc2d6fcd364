package risk

import (
	_ "embed"
	"io"
	"slices"

	"github.com/invopop/jsonschema"
	"github.com/ismskit/ismskit/internal/codec"
)

//go:embed schema/register.schema.json
var registerSchema []byte

//go:embed schema/criteria.schema.json
var criteriaSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the register
// document that EncodeRegister writes and DecodeRegister reads
// (schema/register.schema.json). It is generated from the Register type
// with github.com/invopop/jsonschema, with the Go doc comments as
// descriptions, and kept up to date by the package's tests. Each call
// returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(registerSchema) }

// CriteriaSchema returns the JSON Schema (draft 2020-12) of a criteria
// set on its own, as DecodeCriteria reads it (schema/criteria.schema.json),
// generated and tested like JSONSchema. Each call returns a fresh copy.
func CriteriaSchema() []byte { return slices.Clone(criteriaSchema) }

// EncodeRegister returns the JSON form of reg, indented by two spaces
// and ending in a newline; DecodeRegister reads it back. The same
// register always gives the same bytes. Malformed JSON in an extensions
// field is an ismskit.ErrNotEncodable error.
func EncodeRegister(reg Register) ([]byte, error) { return codec.Encode(registerJSON(reg)) }

// WriteRegister writes the JSON form of reg to w, as EncodeRegister
// returns it.
func WriteRegister(w io.Writer, reg Register) error { return codec.Write(w, registerJSON(reg)) }

func enumSchema[T ~string](desc string, values []T) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string", Description: desc}
	for _, v := range values {
		s.Enum = append(s.Enum, string(v))
	}
	return s
}

// JSONSchema describes a Property in JSON Schemas generated with
// github.com/invopop/jsonschema: one of its lower-case names.
func (Property) JSONSchema() *jsonschema.Schema {
	return enumSchema("An information security property.", properties)
}

// JSONSchema describes an AssetKind in generated JSON Schemas.
func (AssetKind) JSONSchema() *jsonschema.Schema {
	return enumSchema("The kind of asset.", assetKinds)
}

// JSONSchema describes a TreatmentOption in generated JSON Schemas.
func (TreatmentOption) JSONSchema() *jsonschema.Schema {
	return enumSchema("An ISO/IEC 27005:2022 risk treatment option.", treatmentOptions)
}

// JSONSchema describes a ControlStatus in generated JSON Schemas.
func (ControlStatus) JSONSchema() *jsonschema.Schema {
	return enumSchema("Whether a control is in place or planned.", controlStatuses)
}

// JSONSchema describes an ActionStatus in generated JSON Schemas.
func (ActionStatus) JSONSchema() *jsonschema.Schema {
	return enumSchema("The progress of a treatment action.", actionStatuses)
}
