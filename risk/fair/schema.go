package fair

import (
	_ "embed"
	"slices"
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
