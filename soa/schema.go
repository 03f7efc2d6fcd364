package soa

import (
	_ "embed"
	"slices"
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
