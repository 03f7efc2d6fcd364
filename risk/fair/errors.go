package fair

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// The kinds of problem. Every error the package returns wraps one of them.
var (
	// ErrParameter: a distribution parameter is wrong: low above high, mode
	// outside the range, a negative frequency or amount, a probability
	// outside [0, 1], a non-finite or too large value.
	ErrParameter = ismskit.NewKind("invalid-parameter", "invalid parameter")
	// ErrConflict: a node is given together with the children it is
	// computed from, or a change that has no effect.
	ErrConflict = ismskit.NewKind("conflicting-nodes", "conflicting nodes")
)

// errorf returns an error of a kind (a sentinel above) whose text is the
// formatted message alone; see fielderr.Errorf.
func errorf(kind error, format string, args ...any) error {
	return fielderr.Errorf(kind, format, args...)
}
