package risk

import (
	_ "embed"
	"io"
	"slices"

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
