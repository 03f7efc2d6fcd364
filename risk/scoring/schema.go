package scoring

import (
	_ "embed"
	"slices"
)

//go:embed schema/result.schema.json
var resultSchema []byte

// ResultSchema returns the JSON Schema (draft 2020-12) of a Result,
// generated from the Result type with invopop/jsonschema. The bytes are a
// fresh copy on every call.
func ResultSchema() []byte { return slices.Clone(resultSchema) }
