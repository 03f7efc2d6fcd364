package scoring

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/schematest"
)

func TestSchemaUpToDate(t *testing.T) {
	r, err := schematest.NewReflector("risk/scoring")
	require.NoError(t, err)
	schematest.CheckGenerated(t, "schema/result.schema.json",
		schematest.Reflect(r, &Result{}, "risk/scoring", "result.schema.json", "ismskit risk scoring result",
			"The result of scoring a vector with a risk scoring method (classic matrix, OWASP, DREAD, CVSS 2.0, 3.x and 4.0), as scoring.Result encodes."),
		JSONSchema)
}

// TestGoldenDocumentsValidate checks the committed result and one result
// of each built-in method against the committed schema, and shows that
// the schema rejects wrong documents.
func TestGoldenDocumentsValidate(t *testing.T) {
	schematest.RequireFiles(t, "result.schema.json", JSONSchema(), "testdata/owasp-result.json")
	reg := Builtin()
	var docs [][]byte
	for _, in := range []struct{ method, version, vector string }{
		{"cvss", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H"},
		{"cvss", "4.0", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P"},
		{"cvss", "2.0", "(AV:N/AC:L/Au:N/C:P/I:P/A:P)"},
		{"dread", "1/0..10/mean", "D:3/R:3/E:2/A:3/DI:1"},
		{"owasp", "1/technical", owaspExample},
	} {
		res, err := reg.Score(in.method, in.version, in.vector)
		require.NoError(t, err, in.method)
		b, err := json.Marshal(res)
		require.NoError(t, err)
		docs = append(docs, b)
	}
	schematest.Require(t, "result.schema.json", JSONSchema(), docs...)
	schematest.Reject(t, "result.schema.json", JSONSchema(),
		[]byte(`{"method":"cvss","version":"3.1","vector":"x","score":"9.8","severity":"critical"}`),
		[]byte(`{"method":"cvss","version":"3.1","vector":"x","score":9.8,"severity":"critical","parts":[{"name":"base","scor":9.8}]}`),
		[]byte(`{"method":"cvss","version":"3.1","vector":"x","score":9.8}`))
}
