package scoring

import (
	_ "embed"
	"slices"
)

//go:embed schema/result.schema.json
var resultSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of a Result, the
// document a scoring method returns (schema/result.schema.json). It is
// generated from the Result type with github.com/invopop/jsonschema, with
// the Go doc comments as descriptions, and kept up to date by the
// package's tests. Each call returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(resultSchema) }
