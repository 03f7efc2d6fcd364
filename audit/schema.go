package audit

import (
	_ "embed"
	"slices"
)

//go:embed schema/records.schema.json
var recordsSchema []byte

//go:embed schema/report.schema.json
var reportSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the Records
// document that EncodeRecords writes and DecodeRecords reads. It is
// generated from the Go types with github.com/invopop/jsonschema and kept
// up to date by the package's tests. Each call returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(recordsSchema) }

// ReportSchema returns the JSON Schema (draft 2020-12) of the report that
// Report.JSON writes and DecodeReport reads, generated and tested like
// JSONSchema. Each call returns a fresh copy.
func ReportSchema() []byte { return slices.Clone(reportSchema) }
