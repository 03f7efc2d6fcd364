package fair

import (
	"errors"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// FieldError is a problem at a path in a scenario or analysis document,
// such as "lef.high" or "scenarios[1].tef.mode". It is an alias of the
// error type every ismskit package uses, so
//
//	var fe *fair.FieldError
//	if errors.As(err, &fe) { fmt.Println(fe.Path) }
//
// finds the path, and errors.Is(err, fair.ErrParameter) the kind.
type FieldError = fielderr.Error

// The kinds of problem. Every error the package returns wraps one of them.
var (
	// ErrParameter: a distribution parameter is wrong: low above high, mode
	// outside the range, a negative frequency or amount, a probability
	// outside [0, 1], a non-finite or too large value.
	ErrParameter = errors.New("invalid parameter")
	// ErrMissing: a required node, parameter or setting is absent.
	ErrMissing = errors.New("missing")
	// ErrConflict: a node is given together with the children it is
	// computed from, or two things that must be unique are not.
	ErrConflict = errors.New("conflict")
	// ErrUnknownValue: an enum string (distribution, PERT form, mode) that
	// the package does not know.
	ErrUnknownValue = errors.New("unknown value")
	// ErrIterations: the number of iterations is not positive or is above
	// [MaxIterations].
	ErrIterations = errors.New("invalid number of iterations")

	// Decoding problems, from the strict JSON decoder.
	ErrSyntax         = strictjson.ErrSyntax
	ErrUnknownField   = strictjson.ErrUnknownField
	ErrDuplicateField = strictjson.ErrDuplicateField
	ErrType           = strictjson.ErrType
	ErrTrailingData   = strictjson.ErrTrailingData
)

// errorf returns an error of a kind (a sentinel above) whose text is the
// formatted message alone; see fielderr.Errorf.
func errorf(kind error, format string, args ...any) error {
	return fielderr.Errorf(kind, format, args...)
}
