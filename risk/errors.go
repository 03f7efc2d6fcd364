package risk

import (
	"errors"

	"github.com/ismskit/ismskit/internal/fielderr"
)

// The kinds of problem that validation, decoding, assessment and the
// consistency checks report. Each is wrapped in a *ismskit.Error naming the
// place; errors.Is finds the kind through the path and through joined
// lists.
var (
	// ErrInvalidCriteria: criteria that cannot be used to assess (a scale
	// with fewer than 3 or more than 10 levels, a matrix of the wrong
	// shape, a level used by no cell, a bad colour).
	ErrInvalidCriteria = errors.New("invalid risk criteria")
	// ErrCriteriaMismatch: a record made under other criteria (ID or
	// version) than the ones in use.
	ErrCriteriaMismatch = errors.New("criteria ID or version mismatch")
	// ErrUnexplainedReduction: a residual risk lower than the inherent
	// risk with no control and no treatment to explain it. The
	// consistency checks report it as a warning.
	ErrUnexplainedReduction = errors.New("risk reduced without a control or treatment")
	// ErrHistoryRewritten: a later version of a register changed or
	// removed an approval or acceptance that an earlier version held.
	ErrHistoryRewritten = errors.New("append-only history rewritten")
)

// The kinds of JSON decoding problem, re-exported from the shared strict
// decoder so that callers need import only this package.
var ()

// errf returns an error of a kind (a sentinel above) whose text is the
// formatted message alone; see fielderr.Errorf.
func errf(kind error, format string, args ...any) error {
	return fielderr.Errorf(kind, format, args...)
}

func joinErrs(errs []error) error { return errors.Join(errs...) }
