package soa

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/invopop/jsonschema"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/schematest"
)

// reflector returns the schema reflector of the package: the shared one,
// with every enumeration described by its codes. The enumerations carry
// no JSONSchema methods, so that the schema library stays out of the
// package's API.
func reflector(t *testing.T) *jsonschema.Reflector {
	r, err := schematest.NewReflector("soa")
	require.NoError(t, err)
	enums := map[reflect.Type]*enum{
		reflect.TypeFor[Applicability]():  &applicabilityEnum,
		reflect.TypeFor[Status]():         &statusEnum,
		reflect.TypeFor[ReasonKind]():     &reasonKindEnum,
		reflect.TypeFor[Responsibility](): &responsibilityEnum,
		reflect.TypeFor[ChangeKind]():     &changeKindEnum,
	}
	shared := r.Mapper
	r.Mapper = func(t reflect.Type) *jsonschema.Schema {
		e, ok := enums[t]
		if !ok {
			return shared(t)
		}
		s := &jsonschema.Schema{Type: "string"}
		for _, c := range e.codes {
			if c != "" {
				s.Enum = append(s.Enum, c)
			}
		}
		return s
	}
	return r
}

func TestSchemasUpToDate(t *testing.T) {
	r := reflector(t)
	schematest.CheckGenerated(t, "schema/soa.schema.json",
		schematest.Reflect(r, &SoA{}, "soa", "soa.schema.json", "ismskit Statement of Applicability",
			"A Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d), one entry per control of the catalog, as soa.Encode writes it."),
		JSONSchema)

	r = reflector(t)
	schematest.CheckGenerated(t, "schema/sources.schema.json",
		schematest.Reflect(r, &Sources{}, "soa", "sources.schema.json", "ismskit SoA requirement sources",
			"The requirement sources besides the risk register (obligations mapped to controls) and the explicit decisions from which an SoA is generated, as soa.DecodeSources reads them."),
		SourcesSchema)
}

// TestGoldenDocumentsValidate checks the committed SoA and sources
// documents, and a fuller SoA, against the committed schemas, and shows
// that the schemas reject wrong documents.
func TestGoldenDocumentsValidate(t *testing.T) {
	schematest.RequireFiles(t, "soa.schema.json", JSONSchema(), "testdata/soa.golden.json")
	b, err := EncodeSoA(richSoA(t))
	require.NoError(t, err)
	schematest.Require(t, "soa.schema.json", JSONSchema(), b)
	bad := func(old, new string) []byte {
		t.Helper()
		require.Contains(t, string(b), old)
		return bytes.Replace(b, []byte(old), []byte(new), 1)
	}
	schematest.Reject(t, "soa.schema.json", JSONSchema(),
		bad(`"status": "implemented"`, `"status": "done"`),
		bad(`"owner":`, `"ownr":`),
		bad(`"applicability": "included"`, `"applicability": "maybe"`),
		bad(`"control": "5.1"`, `"control": "5-1"`))

	schematest.RequireFiles(t, "sources.schema.json", SourcesSchema(),
		"../examples/soa/sources.json", "../examples/internal/sample/sources.json")
	schematest.Require(t, "sources.schema.json", SourcesSchema(), []byte(`{}`),
		[]byte(`{"decisions":[{"control":"7.1","applicability":"excluded","justification":"no premises","targetDate":"2026-06-30"}],"extensions":{"x":1}}`))
	schematest.Reject(t, "sources.schema.json", SourcesSchema(),
		[]byte(`{"obligations":[{"id":"o","kind":"whim","controls":["5.1"]}]}`),
		[]byte(`{"obligations":[{"id":"o","kind":"legal","reference":"r","control":["5.1"]}]}`),
		[]byte(`{"decisions":[{"control":"7.1","targetDate":"June"}]}`))
}
