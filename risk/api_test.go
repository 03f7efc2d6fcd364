package risk

import (
	"slices"
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/stretchr/testify/require"
)

// exportedAPI returns the names of the exported types and of the
// exported functions (methods not included) that the package's own
// source files declare, sorted, so that the tests that must cover every
// one of them fail when a new one is not covered.
func exportedAPI(t *testing.T) (types, funcs []string) {
	t.Helper()
	types, funcs, _, err := apitest.Exported(".")
	require.NoError(t, err)
	return types, funcs
}

// requireCovers fails unless covered holds exactly the names in want.
func requireCovers(t *testing.T, what string, want []string, covered map[string]bool) {
	t.Helper()
	var missing, extra []string
	for _, n := range want {
		if !covered[n] {
			missing = append(missing, n)
		}
	}
	for n := range covered {
		if !slices.Contains(want, n) {
			extra = append(extra, n)
		}
	}
	slices.Sort(extra)
	require.Empty(t, missing, "exported %s that the test does not cover: add them to its table", what)
	require.Empty(t, extra, "the test's table names %s that the package does not export", what)
}

// TestEnumConvention holds risk's enumerations to the convention of every
// package: ParseX takes a code or a label, documents only the code.
func TestEnumConvention(t *testing.T) {
	apitest.Enum(t, Properties(), ParseProperty, "")
	apitest.Enum(t, AssetKinds(), ParseAssetKind, "")
	apitest.Enum(t, TreatmentOptions(), ParseTreatmentOption, "")
	apitest.Enum(t, ControlStatuses(), ParseControlStatus, "")
	apitest.Enum(t, ActionStatuses(), ParseActionStatus, "")
	apitest.Enum(t, Stages(), ParseStage, "")
	apitest.Enum(t, Severities(), ParseSeverity, "")
	apitest.Enum(t, AcceptanceStatuses(), ParseAcceptanceStatus, "")
	apitest.Enum(t, Dimensions(), ParseDimension, "")
	apitest.Enum(t, ChangeKinds(), ParseChangeKind, "")
}
