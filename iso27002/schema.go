package iso27002

import (
	_ "embed"
	"slices"
)

//go:embed schema/catalog.schema.json
var catalogSchema []byte

// CatalogSchema returns the JSON Schema (draft 2020-12) of the catalog
// document that Catalog.MarshalJSON writes and ParseCatalog reads. It is
// generated from the Go types with github.com/invopop/jsonschema and kept
// up to date by the package's tests. Each call returns a fresh copy.
func CatalogSchema() []byte { return slices.Clone(catalogSchema) }
