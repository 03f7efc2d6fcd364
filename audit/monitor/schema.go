package monitor

import (
	_ "embed"
	"slices"
)

//go:embed schema/records.schema.json
var recordsSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the Records
// document that EncodeRecords writes and DecodeRecords reads. It is
// generated from the Go types with github.com/invopop/jsonschema and kept
// up to date by the package's tests. Each call returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(recordsSchema) }
