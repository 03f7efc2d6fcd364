package xlsx

import (
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
)

// TestAPI: the package exports no type, so the JSON check only makes sure
// that a new one gets listed; no function panics on zero arguments.
func TestAPI(t *testing.T) {
	apitest.JSON(t, ".")
	apitest.ZeroCalls(t, ".", map[string]any{"Encode": Encode, "Write": Write})
}
