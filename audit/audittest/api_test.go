package audittest_test

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit/audit/audittest"
	"github.com/ismskit/ismskit/internal/apitest"
)

var exportedFuncs = map[string]any{
	"AssertCorrectiveActions": audittest.AssertCorrectiveActions, "AssertCovers": audittest.AssertCovers,
	"AssertHighRisksTreated": audittest.AssertHighRisksTreated, "AssertNo": audittest.AssertNo,
	"AssertNoAcceptanceOlderThan": audittest.AssertNoAcceptanceOlderThan, "AssertNoOpenMajor": audittest.AssertNoOpenMajor,
	"AssertNoUnacceptedRisk": audittest.AssertNoUnacceptedRisk, "AssertReady": audittest.AssertReady,
	"AssertValidRecords": audittest.AssertValidRecords, "AssertValidSoA": audittest.AssertValidSoA,
	"RequireCorrectiveActions": audittest.RequireCorrectiveActions, "RequireCovers": audittest.RequireCovers,
	"RequireHighRisksTreated": audittest.RequireHighRisksTreated, "RequireNo": audittest.RequireNo,
	"RequireNoAcceptanceOlderThan": audittest.RequireNoAcceptanceOlderThan, "RequireNoOpenMajor": audittest.RequireNoOpenMajor,
	"RequireNoUnacceptedRisk": audittest.RequireNoUnacceptedRisk, "RequireReady": audittest.RequireReady,
	"RequireValidRecords": audittest.RequireValidRecords, "RequireValidSoA": audittest.RequireValidSoA,
}

// TestAPIZero calls every function of the package with zero arguments,
// with a nil testing.TB and with one that records: none panics, and every
// assertion fails with a message (zero documents, no kind for AssertNo).
func TestAPIZero(t *testing.T) {
	apitest.ZeroCalls(t, ".", exportedFuncs)
	tb := reflect.TypeFor[testing.TB]()
	for _, name := range slices.Sorted(maps.Keys(exportedFuncs)) {
		f := run(func(ft testing.TB) {
			p := apitest.Call(exportedFuncs[name], func(pt reflect.Type) (reflect.Value, bool) {
				if pt == tb {
					return reflect.ValueOf(&ft).Elem(), true
				}
				return reflect.Value{}, false
			})
			assert.Empty(t, p, "%s panics", name)
		})
		assert.Len(t, f.msgs, 1, name)
	}
}
