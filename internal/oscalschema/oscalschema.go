// Package oscalschema validates documents against NIST's OSCAL 1.2.1 JSON
// schemas, which it embeds (see schemas/README.md for their provenance and
// licence). Only tests import it: every OSCAL document ismskit writes is
// checked against the schema of its model.
package oscalschema

import (
	"embed"
	"fmt"
	"sync"

	"github.com/ismskit/ismskit/internal/schematest"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed schemas/*.json
var files embed.FS

// Models lists the OSCAL models whose schemas are embedded.
var Models = []string{"catalog", "mapping", "profile", "ssp", "assessment-plan", "assessment-results", "poam"}

// Validator compiles a model's schema the first time it is needed and
// keeps it. The zero value is ready to use and safe for concurrent use.
type Validator struct {
	mu       sync.Mutex
	compiled map[string]*jsonschema.Schema
}

// Schema returns the compiled schema of an OSCAL model ("catalog",
// "profile", "ssp", ...).
func (v *Validator) Schema(model string) (*jsonschema.Schema, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if s, ok := v.compiled[model]; ok {
		return s, nil
	}
	name := "oscal_" + model + "_schema.json"
	data, err := files.ReadFile("schemas/" + name)
	if err != nil {
		return nil, fmt.Errorf("oscalschema: no schema for the OSCAL model %q", model)
	}
	s, err := schematest.Compile(name, data)
	if err != nil {
		return nil, err
	}
	if v.compiled == nil {
		v.compiled = map[string]*jsonschema.Schema{}
	}
	v.compiled[model] = s
	return s, nil
}

// Validate reports whether doc is a valid document of the OSCAL model.
func (v *Validator) Validate(model string, doc []byte) error {
	s, err := v.Schema(model)
	if err != nil {
		return err
	}
	if err := schematest.Validate(s, doc); err != nil {
		return fmt.Errorf("not a valid OSCAL %s: %w", model, err)
	}
	return nil
}
