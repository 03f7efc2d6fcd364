package review

import (
	_ "embed"
	"slices"
)

//go:embed schema/register.schema.json
var registerSchema []byte

//go:embed schema/pack.schema.json
var packSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the improvement
// Register that EncodeRegister writes and DecodeRegister reads. It is
// generated from the Go types with github.com/invopop/jsonschema and kept
// up to date by the package's tests. Each call returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(registerSchema) }

// PackSchema returns the JSON Schema (draft 2020-12) of the Pack that
// EncodePack writes, generated and tested like JSONSchema. Each call
// returns a fresh copy.
func PackSchema() []byte { return slices.Clone(packSchema) }
