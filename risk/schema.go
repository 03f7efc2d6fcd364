package risk

import (
	_ "embed"
	"encoding/json"
	"slices"
)

//go:embed schema/register.schema.json
var registerSchema []byte

// Schema returns the JSON Schema (draft 2020-12) of the register
// document, generated from the Register type with invopop/jsonschema.
// The bytes are a fresh copy on every call.
func Schema() []byte { return slices.Clone(registerSchema) }

// EncodeRegister returns the JSON form of reg, indented by two spaces
// and ending in a newline; DecodeRegister reads it back. The same
// register always gives the same bytes. Invalid enum values are an
// error, as is malformed JSON in an extensions field.
func EncodeRegister(reg Register) ([]byte, error) {
	b, err := json.MarshalIndent(reg, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
