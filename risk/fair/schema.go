package fair

import (
	_ "embed"
	"slices"

	"github.com/invopop/jsonschema"
)

//go:embed schema/analysis.schema.json
var analysisSchema []byte

//go:embed schema/report.schema.json
var reportSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the [Analysis]
// document (settings, scenarios and treatments) that [DecodeAnalysis]
// reads (schema/analysis.schema.json). It is generated from the Go types
// with github.com/invopop/jsonschema, with the Go doc comments as
// descriptions, and kept up to date by the package's tests. Each call
// returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(analysisSchema) }

// ReportSchema returns the JSON Schema (draft 2020-12) of the [Report]
// that [Run] returns, as encoding/json writes it
// (schema/report.schema.json), generated and tested like [JSONSchema].
// Each call returns a fresh copy.
func ReportSchema() []byte { return slices.Clone(reportSchema) }

func enumSchema(desc string, names ...string) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string", Description: desc}
	for _, n := range names {
		s.Enum = append(s.Enum, n)
	}
	return s
}

// JSONSchema describes a Dist in JSON Schemas generated with
// github.com/invopop/jsonschema: one of its lower-case names.
func (Dist) JSONSchema() *jsonschema.Schema {
	return enumSchema("A distribution family.", distNames[Constant:]...)
}

// JSONSchema describes a PERTForm in generated JSON Schemas.
func (PERTForm) JSONSchema() *jsonschema.Schema {
	return enumSchema("The PERT parameterisation (classic when absent).", formNames[:]...)
}

// JSONSchema describes a FrequencyMode in generated JSON Schemas.
func (FrequencyMode) JSONSchema() *jsonschema.Schema {
	return enumSchema("The meaning of the loss event frequency.", modeNames[Rate:]...)
}

// JSONSchema describes a VulnerabilityMode in generated JSON Schemas.
func (VulnerabilityMode) JSONSchema() *jsonschema.Schema {
	return enumSchema("How threat capability and resistance strength give the vulnerability (pooled when absent).", vulnNames[:]...)
}
