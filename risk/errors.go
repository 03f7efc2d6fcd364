package risk

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// The kinds of problem that belong to the rules of this package. Each is
// wrapped in a *ismskit.Error naming the place; errors.Is finds the kind
// through the path and through joined lists. The problems every package
// shares (ismskit.ErrMissing, ismskit.ErrOutOfRange,
// ismskit.ErrUnknownReference...) use the root package's kinds.
var (
	// ErrInvalidCriteria: criteria that cannot be used to assess (a scale
	// with fewer than 3 or more than 10 levels, a matrix of the wrong
	// shape, a level used by no cell, a bad colour).
	ErrInvalidCriteria = ismskit.NewKind("invalid-criteria", "invalid risk criteria")
	// ErrCriteriaMismatch: a record made under other criteria (ID or
	// version) than the ones in use.
	ErrCriteriaMismatch = ismskit.NewKind("criteria-mismatch", "criteria ID or version mismatch")
	// ErrUnexplainedReduction: a residual risk lower than the inherent
	// risk with no control and no treatment to explain it. The
	// consistency checks report it as a warning.
	ErrUnexplainedReduction = ismskit.NewKind("unexplained-reduction", "risk reduced without a control or treatment")
	// ErrHistoryRewritten: a later version of a register changed or
	// removed an approval or acceptance that an earlier version held.
	ErrHistoryRewritten = ismskit.NewKind("history-rewritten", "append-only history rewritten")
)

// kinds are the package's own kinds and the shared ones its findings
// use, by code, so that a Finding read from JSON gets its kind back.
var kinds = func() map[string]*ismskit.Kind {
	m := map[string]*ismskit.Kind{}
	for _, k := range []*ismskit.Kind{
		ErrInvalidCriteria, ErrCriteriaMismatch, ErrUnexplainedReduction, ErrHistoryRewritten,
		ismskit.ErrSyntax, ismskit.ErrUnknownField, ismskit.ErrDuplicateField, ismskit.ErrType,
		ismskit.ErrTrailingData, ismskit.ErrTooLarge, ismskit.ErrTooDeep, ismskit.ErrMissing,
		ismskit.ErrUnknownValue, ismskit.ErrOutOfRange, ismskit.ErrInvalidID, ismskit.ErrInvalidDate,
		ismskit.ErrDateOrder, ismskit.ErrInconsistent, ismskit.ErrDuplicateID, ismskit.ErrUnknownControl,
		ismskit.ErrUnknownReference, ismskit.ErrNotEncodable, ismskit.ErrMoreProblems,
	} {
		m[k.Code()] = k
	}
	return m
}()

// errf returns an error of a kind (a sentinel above) whose text is the
// formatted message alone; see fielderr.Errorf.
func errf(kind error, format string, args ...any) error {
	return fielderr.Errorf(kind, format, args...)
}
