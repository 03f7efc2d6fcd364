package fair

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/invopop/jsonschema"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/schematest"
)

// enumSchemas describes the package's enums in generated schemas: one of
// their lower-case names. The mapping lives here, so that the package's
// API holds no invopop/jsonschema type.
func enumSchemas(t reflect.Type) *jsonschema.Schema {
	of := func(desc string, names ...string) *jsonschema.Schema {
		s := &jsonschema.Schema{Type: "string", Description: desc}
		for _, n := range names {
			s.Enum = append(s.Enum, n)
		}
		return s
	}
	switch t {
	case reflect.TypeFor[Dist]():
		return of("A distribution family.", distNames[Constant:]...)
	case reflect.TypeFor[PERTForm]():
		return of("The PERT parameterisation (classic when absent).", formNames[:]...)
	case reflect.TypeFor[FrequencyMode]():
		return of("The meaning of the loss event frequency.", modeNames[Rate:]...)
	case reflect.TypeFor[VulnerabilityMode]():
		return of("How threat capability and resistance strength give the vulnerability (pooled when absent).", vulnNames[:]...)
	}
	return schematest.Mapper(t)
}

func reflector(t *testing.T) *jsonschema.Reflector {
	r, err := schematest.NewReflector("risk/fair")
	require.NoError(t, err)
	r.Mapper = enumSchemas
	return r
}

func TestSchemasUpToDate(t *testing.T) {
	r := reflector(t)
	schematest.CheckGenerated(t, "schema/analysis.schema.json",
		schematest.Reflect(r, &Analysis{}, "risk/fair", "analysis.schema.json", "ismskit FAIR analysis",
			"A quantitative risk analysis (Open FAIR): simulation settings, loss scenarios and treatments, as fair.DecodeAnalysis reads it."),
		JSONSchema)

	// The same reflector: Reflect keeps its definitions per call and
	// leaves the reflector as it was, and a second one would parse every
	// Go file of the package's folder again for the same comments.
	schematest.CheckGenerated(t, "schema/report.schema.json",
		schematest.Reflect(r, &Report{}, "risk/fair", "report.schema.json", "ismskit FAIR report",
			"The results of a FAIR analysis: the portfolio's loss distribution, each scenario's contribution and each treatment's effect, as fair.Run returns them."),
		ReportSchema)
}

// TestGoldenDocumentsValidate checks the committed analyses and report
// against the committed schemas, and shows that the schemas reject wrong
// documents.
func TestGoldenDocumentsValidate(t *testing.T) {
	schematest.RequireFiles(t, "analysis.schema.json", JSONSchema(),
		"testdata/analysis.json", "../../examples/fair/ransomware.json", "../../examples/internal/sample/fair.json")
	schematest.RequireFiles(t, "report.schema.json", ReportSchema(), "testdata/report.golden.json")

	analysis, err := os.ReadFile("testdata/analysis.json")
	require.NoError(t, err)
	report, err := os.ReadFile("testdata/report.golden.json")
	require.NoError(t, err)
	bad := func(doc []byte, old, new string) []byte {
		t.Helper()
		require.Contains(t, string(doc), old)
		return bytes.Replace(doc, []byte(old), []byte(new), 1)
	}
	schematest.Reject(t, "analysis.schema.json", JSONSchema(),
		bad(analysis, `"mode": "`, `"mood": "`),
		bad(analysis, `"dist": "pert"`, `"dist": "beta"`),
		[]byte(`{"scenarios": "none"}`))
	schematest.Reject(t, "report.schema.json", ReportSchema(),
		bad(report, `"seed": `, `"seed": 1, "sead": `),
		bad(report, `"mode": "`, `"mode": "x`))
}
