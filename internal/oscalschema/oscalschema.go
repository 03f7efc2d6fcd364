// Package oscalschema validates documents against NIST's OSCAL 1.2.1 JSON
// schemas, which it embeds (see schemas/README.md for their provenance and
// licence). Only tests import it: every OSCAL document ismskit writes is
// checked against the schema of its model.
package oscalschema

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/json"
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
// keeps it, and remembers which documents it found valid (see Validate).
// The zero value is ready to use and safe for concurrent use.
type Validator struct {
	mu       sync.Mutex
	compiled map[string]*jsonschema.Schema
	valid    map[validKey]bool
}

// validKey names a document found valid: its model and the SHA-256 hash
// of its bytes (a hash, so that the bytes are not kept).
type validKey struct {
	model string
	sum   [sha256.Size]byte
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
// The result depends on the model and the bytes only, so v remembers the
// documents it found valid, by model and a SHA-256 hash of their bytes,
// and does not validate one of them again (tests check one document in
// several places; a document of NIST's size costs a second of CPU under
// the race detector). An invalid document is validated on every call.
func (v *Validator) Validate(model string, doc []byte) error {
	return v.validate(model, doc, nil, false)
}

// ValidateValue is Validate for a document that the caller has decoded
// too: value must be what json.Unmarshal gives for doc into an any. When
// that is the value Validate would validate (doc holds no number, see
// decode), ValidateValue validates it rather than decode doc once more.
func (v *Validator) ValidateValue(model string, doc []byte, value any) error {
	return v.validate(model, doc, value, true)
}

func (v *Validator) validate(model string, doc []byte, value any, decoded bool) error {
	s, err := v.Schema(model)
	if err != nil {
		return err
	}
	key := validKey{model: model, sum: sha256.Sum256(doc)}
	v.mu.Lock()
	known := v.valid[key]
	v.mu.Unlock()
	if known {
		return nil
	}
	switch {
	case !decoded:
		value, err = decode(doc)
	case hasNumber(value):
		value, err = jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	}
	if err == nil {
		err = s.Validate(value)
	}
	if err != nil {
		return fmt.Errorf("not a valid OSCAL %s: %w", model, err)
	}
	v.mu.Lock()
	if v.valid == nil {
		v.valid = map[validKey]bool{}
	}
	v.valid[key] = true
	v.mu.Unlock()
	return nil
}

// decode decodes doc for the validator as schematest.Validate does
// (jsonschema.UnmarshalJSON: numbers as json.Number), but with
// json.Unmarshal where that gives the same value: when doc is valid JSON
// without a number (an OSCAL document rarely has one), the two decodings
// differ in nothing. json.Unmarshal reads doc where it lies;
// jsonschema.UnmarshalJSON's json.Decoder copies it into a buffer it
// doubles as it reads, which for NIST's 3 MB catalog under the race
// detector costs a fifth of a validation.
func decode(doc []byte) (any, error) {
	var v any
	if json.Unmarshal(doc, &v) == nil && !hasNumber(v) {
		return v, nil
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(doc))
}

// hasNumber reports whether the decoded JSON value v holds a number.
func hasNumber(v any) bool {
	switch v := v.(type) {
	case float64:
		return true
	case map[string]any:
		for _, e := range v {
			if hasNumber(e) {
				return true
			}
		}
	case []any:
		for _, e := range v {
			if hasNumber(e) {
				return true
			}
		}
	}
	return false
}
