package audit

import (
	_ "embed"
	"slices"
)

//go:embed schema/records.schema.json
var recordsSchema []byte

//go:embed schema/report.schema.json
var reportSchema []byte

//go:embed schema/checklist.schema.json
var checklistSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the Records
// document that EncodeRecords writes and DecodeRecords reads. It is
// generated from the Go types with github.com/invopop/jsonschema and kept
// up to date by the package's tests. Each call returns a fresh copy.
func JSONSchema() []byte { return slices.Clone(recordsSchema) }

// ReportSchema returns the JSON Schema (draft 2020-12) of the report that
// EncodeReport writes and DecodeReport reads, generated and tested like
// JSONSchema. Each call returns a fresh copy.
func ReportSchema() []byte { return slices.Clone(reportSchema) }

// ChecklistSchema returns the JSON Schema (draft 2020-12) of a Checklist,
// the working paper of one audit, encoded with encoding/json. It is
// generated and tested like JSONSchema. Each call returns a fresh copy.
func ChecklistSchema() []byte { return slices.Clone(checklistSchema) }
