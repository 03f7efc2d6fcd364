package risk

import (
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

func day(s string) ismskit.Date {
	return ismskit.MustParseDate(s)
}

// testRegister returns a small valid register on the 5x5 criteria.
func testRegister() Register {
	c := Standard5x5()
	c.Acceptance.Appetite = []Appetite{{AssetCategory: "customer-data", MaxLevel: "low"}}
	return Register{
		Criteria: c,
		Assets: []Asset{
			{ID: "db", Name: "Customer database", Kind: InformationAsset, Category: "customer-data", Owner: "cto", Properties: []Property{Confidentiality, Integrity}},
			{ID: "web", Name: "Web front end", Kind: SupportingAsset, Category: "saas", Owner: "cto"},
		},
		Threats:         []Threat{{ID: "t1", Name: "Ransomware"}},
		Vulnerabilities: []Vulnerability{{ID: "v1", Name: "Untested backups", Assets: []string{"db"}}},
		Risks: []Risk{
			{
				ID: "R-1", Title: "Ransomware", Owner: "cto", Assets: []string{"db"}, Threats: []string{"t1"}, Vulnerabilities: []string{"v1"},
				Properties: []Property{Availability}, Likelihood: 4, Impact: 5,
				Controls: []AppliedControl{
					{Control: iso27002.MustParse("8.13"), Status: Implemented, ImpactEffect: 50},
					{Control: iso27002.MustParse("8.7"), Status: Planned, LikelihoodEffect: 50},
				},
				Treatment: Treatment{Option: Modify, Plan: []Action{{ID: "a1", Title: "Deploy EDR", Owner: "it", Due: day("2026-03-01"), Controls: []iso27002.ControlID{iso27002.MustParse("8.7")}, Status: ActionPlanned}}},
			},
			{
				ID: "R-2", Title: "Defacement", Owner: "cmo", Assets: []string{"web"}, Properties: []Property{Integrity},
				Likelihood: 2, Impact: 2, Treatment: Treatment{Option: Retain},
			},
			{
				ID: "R-10", Title: "DDoS", Owner: "cto", Assets: []string{"web"}, Properties: []Property{Availability},
				Likelihood: 3, Impact: 4, Treatment: Treatment{Option: Share, SharedWith: "CDN"},
				Residual: &Estimate{Likelihood: 2, Impact: 4},
			},
		},
	}
}

func loadSample(t testing.TB) Register {
	t.Helper()
	data, err := os.ReadFile("testdata/register.json")
	require.NoError(t, err)
	reg, err := DecodeRegister(data)
	require.NoError(t, err)
	return reg
}

// paths returns "path: kind" for every *ismskit.Error in err, to compare
// with a table.
func fieldErrors(err error) []*ismskit.Error {
	var out []*ismskit.Error
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *ismskit.Error
		if errors.As(e, &fe) {
			out = append(out, fe)
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

// requireFieldErr asserts that err holds a *ismskit.Error at path wrapping
// kind.
func requireFieldErr(t *testing.T, err error, path string, kind error) {
	t.Helper()
	require.Error(t, err)
	for _, fe := range fieldErrors(err) {
		if fe.Path == path && errors.Is(fe, kind) {
			return
		}
	}
	t.Fatalf("no error at %q wrapping %v in:\n%v", path, kind, err)
}
