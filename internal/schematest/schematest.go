// Package schematest checks JSON documents against JSON Schemas in tests,
// with github.com/santhosh-tekuri/jsonschema (a test-only dependency: only
// _test files import this package).
//
// Every package that commits a JSON Schema uses it to show that its golden
// JSON documents validate against the schema.
package schematest

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Compile compiles a schema given as JSON. The name is used as the
// schema's location in error messages and for relative references.
func Compile(name string, schema []byte) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	c := jsonschema.NewCompiler()
	url := "mem:///" + name
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	return c.Compile(url)
}

// Validate reports whether document validates against the compiled schema.
func Validate(s *jsonschema.Schema, document []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(document))
	if err != nil {
		return err
	}
	return s.Validate(doc)
}

// Require fails the test unless every document validates against the
// schema.
func Require(t testing.TB, schemaName string, schema []byte, documents ...[]byte) {
	t.Helper()
	s, err := Compile(schemaName, schema)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaName, err)
	}
	for i, d := range documents {
		if err := Validate(s, d); err != nil {
			t.Errorf("document %d does not validate against %s: %v", i, schemaName, err)
		}
	}
}
