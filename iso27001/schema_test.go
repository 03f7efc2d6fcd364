package iso27001

import (
	"encoding/json"
	"testing"

	"github.com/invopop/jsonschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/schematest"
)

// newReflector returns the reflector of the package's schemas.
func newReflector(t *testing.T) *jsonschema.Reflector {
	t.Helper()
	r, err := schematest.NewReflector("iso27001")
	require.NoError(t, err)
	return r
}

func TestSchemasUpToDate(t *testing.T) {
	r := newReflector(t)
	records := schematest.Reflect(r, &Records{}, "iso27001", "records.schema.json", "ismskit ISO/IEC 27001 ISMS records",
		"What an organisation's ISMS keeps about itself (clauses 4 to 10), as iso27001.DecodeRecords reads it.")
	schematest.CheckGenerated(t, "schema/records.schema.json", records, JSONSchema)
	b := JSONSchema()
	for _, want := range []string{`"organization"`, `"interestedParties"`, `"managementReviews"`, `"reviewDue"`, `"format": "date"`, `"amd1-2024"`, `"maintained"`, `"improvement"`} {
		assert.Contains(t, string(b), want)
	}
	assert.NotContains(t, string(b), `"Organization"`)

	r = newReflector(t)
	clauses := schematest.Reflect(r, []TreeNode{}, "iso27001", "clauses.schema.json", "ismskit ISO/IEC 27001 clause tree",
		"The clauses 4 to 10 of one edition of ISO/IEC 27001, in the order of the standard, as iso27001.Standard.Tree returns them.")
	schematest.CheckGenerated(t, "schema/clauses.schema.json", clauses, ClausesSchema)

	r = newReflector(t)
	gap := schematest.Reflect(r, &GapReport{}, "iso27001", "gap.schema.json", "ismskit ISO/IEC 27001 gap analysis",
		"The gap analysis of an organisation's ISMS records against clauses 4 to 10, as iso27001.Analyze returns it.")
	schematest.CheckGenerated(t, "schema/gap.schema.json", gap, GapSchema)
}

// TestGapReportsValidate checks the golden gap reports, and the report of
// an empty organisation, against GapSchema.
func TestGapReportsValidate(t *testing.T) {
	schematest.RequireFiles(t, "gap.schema.json", GapSchema(), "testdata/gap_sample.json",
		"../examples/isms/testdata/gap_sample.json")
	empty, err := Analyze(Records{Edition: Edition2022}, ismskit.MustParseDate("2026-11-28"))
	require.NoError(t, err)
	b, err := json.Marshal(empty)
	require.NoError(t, err)
	schematest.Require(t, "gap.schema.json", GapSchema(), b)
	schematest.Reject(t, "gap.schema.json", GapSchema(), []byte(`{"clauses":"none"}`))
}

// TestGoldenDocumentsValidate checks the committed records and clause
// trees against the committed schemas, and shows that the schemas reject
// wrong documents.
func TestGoldenDocumentsValidate(t *testing.T) {
	schematest.RequireFiles(t, "records.schema.json", JSONSchema(), "testdata/records/sample.json",
		"../examples/isms/sample.json", "../examples/internal/sample/records.json")
	schematest.Require(t, "records.schema.json", JSONSchema(), []byte(`{"edition":"2022"}`),
		[]byte(`{"edition":"2022","extensions":{"grc":{"id":[1,2]},"n":3}}`))
	schematest.Reject(t, "records.schema.json", JSONSchema(),
		[]byte(`{"edition":"2017"}`),
		[]byte(`{"edition":"2022","organisation":"misspelt key"}`),
		[]byte(`{"edition":"2022","objectives":[{"id":"O1","target":"t","reviewDue":"2026-02-30"}]}`),
		[]byte(`{}`))

	schematest.RequireFiles(t, "clauses.schema.json", ClausesSchema(),
		"testdata/tree_2013.json", "testdata/tree_2022.json", "testdata/tree_2022_amd1.json",
		"../examples/isms/testdata/clauses_2013.json", "../examples/isms/testdata/clauses_2022.json",
		"../examples/isms/testdata/clauses_2022_amd1.json")
	schematest.Reject(t, "clauses.schema.json", ClausesSchema(),
		[]byte(`[{"id":"4","title":"x","parent":"","summary":"s","requirements":[],"documentedInformation":false,"change":"rewritten"}]`),
		[]byte(`[{"id":"4.x","title":"x","parent":"","summary":"s","requirements":[],"documentedInformation":false}]`),
		[]byte(`{"id":"4"}`))
}
