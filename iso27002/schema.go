package iso27002

import (
	_ "embed"
	"slices"
)

//go:embed schema/catalog.schema.json
var catalogSchema []byte

//go:embed schema/overlay.schema.json
var overlaySchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the catalog
// document that Catalog.MarshalJSON writes and DecodeCatalog reads
// (schema/catalog.schema.json). It is generated from the Go types with
// github.com/invopop/jsonschema, with the Go doc comments as descriptions,
// and kept up to date by the package's tests. Each call returns a fresh
// copy.
func JSONSchema() []byte { return slices.Clone(catalogSchema) }

// OverlaySchema returns the JSON Schema (draft 2020-12) of the Overlay
// document that DecodeOverlay reads (schema/overlay.schema.json),
// generated and tested like JSONSchema. Each call returns a fresh copy.
func OverlaySchema() []byte { return slices.Clone(overlaySchema) }
