package iso27001

import (
	_ "embed"
	"slices"
)

//go:embed schema/records.schema.json
var recordsSchema []byte

//go:embed schema/clauses.schema.json
var clausesSchema []byte

//go:embed schema/gap.schema.json
var gapSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the Records
// document that DecodeRecords reads (schema/records.schema.json). It is
// generated from the Go types with github.com/invopop/jsonschema, with the
// Go doc comments as descriptions, and kept up to date by the package's
// tests. Each call returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(recordsSchema) }

// ClausesSchema returns the JSON Schema (draft 2020-12) of the clause
// tree, the JSON array of TreeNode values that Standard.Tree returns
// (schema/clauses.schema.json), generated and tested like JSONSchema.
// Each call returns a fresh copy.
func ClausesSchema() []byte { return slices.Clone(clausesSchema) }

// GapSchema returns the JSON Schema (draft 2020-12) of the GapReport that
// Analyze returns, encoded with encoding/json (schema/gap.schema.json),
// generated and tested like JSONSchema. Each call returns a fresh copy.
func GapSchema() []byte { return slices.Clone(gapSchema) }
