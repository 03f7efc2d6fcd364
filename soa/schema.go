package soa

import (
	_ "embed"
	"slices"

	"github.com/invopop/jsonschema"
)

//go:embed schema/soa.schema.json
var soaSchema []byte

//go:embed schema/sources.schema.json
var sourcesSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the SoA document
// that Encode writes and Decode reads (schema/soa.schema.json). It is
// generated from the SoA type with github.com/invopop/jsonschema, with the
// Go doc comments as descriptions, and kept up to date by the package's
// tests. Each call returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(soaSchema) }

// SourcesSchema returns the JSON Schema (draft 2020-12) of the Sources
// document (obligations and decisions) that DecodeSources reads
// (schema/sources.schema.json), generated and tested like JSONSchema.
// Each call returns a fresh copy.
func SourcesSchema() []byte { return slices.Clone(sourcesSchema) }

func enumSchema(desc string, names []string) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string", Description: desc}
	for _, n := range names {
		if n != "" {
			s.Enum = append(s.Enum, n)
		}
	}
	return s
}

// JSONSchema describes an Applicability in JSON Schemas generated with
// github.com/invopop/jsonschema: one of its lower-case names.
func (Applicability) JSONSchema() *jsonschema.Schema {
	return enumSchema("Whether the control is included, excluded or still undecided.", applicabilityNames)
}

// JSONSchema describes a Status in generated JSON Schemas.
func (Status) JSONSchema() *jsonschema.Schema {
	return enumSchema("The implementation status of the control.", statusNames)
}

// JSONSchema describes a ReasonKind in generated JSON Schemas.
func (ReasonKind) JSONSchema() *jsonschema.Schema {
	return enumSchema("The kind of reason for including a control.", reasonKindNames)
}

// JSONSchema describes a Responsibility in generated JSON Schemas.
func (Responsibility) JSONSchema() *jsonschema.Schema {
	return enumSchema("Who operates the control.", responsibilityNames)
}
