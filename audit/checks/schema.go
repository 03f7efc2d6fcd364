package checks

import (
	_ "embed"
	"slices"
)

//go:embed schema/activities.schema.json
var activitiesSchema []byte

//go:embed schema/result.schema.json
var resultSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the Activities
// document that EncodeActivities writes and DecodeActivities reads. It is
// generated from the Go types with github.com/invopop/jsonschema and kept
// up to date by the package's tests. Each call returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(activitiesSchema) }

// ResultSchema returns the JSON Schema (draft 2020-12) of a Result as
// encoding/json writes it, generated and tested like JSONSchema. Each
// call returns a fresh copy.
func ResultSchema() []byte { return slices.Clone(resultSchema) }
