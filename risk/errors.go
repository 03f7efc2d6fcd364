package risk

import (
	"errors"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// FieldError is a problem at a path in a register or a set of criteria,
// such as "risks[3].likelihood". It is an alias of the error type shared
// by every ismskit package, so one errors.As works for all of them:
//
//	var fe *risk.FieldError
//	if errors.As(err, &fe) { fmt.Println(fe.Path, fe.Err) }
//
// Err is usually one of the sentinels below, so errors.Is works through
// the path.
type FieldError = fielderr.Error

// The kinds of problem that validation, decoding, assessment and the
// consistency checks report. Each is wrapped in a *FieldError naming the
// place; errors.Is finds the kind through the path and through joined
// lists.
var (
	// ErrMissing: a required value is empty (an owner, an ID, a label).
	ErrMissing = errors.New("missing value")
	// ErrDuplicateID: two entries of one list share an ID.
	ErrDuplicateID = errors.New("duplicate ID")
	// ErrUnknownReference: an ID names no asset, threat, vulnerability,
	// risk level or control of the document.
	ErrUnknownReference = errors.New("unknown reference")
	// ErrUnknownValue: an enum string that the package does not define.
	ErrUnknownValue = errors.New("unknown value")
	// ErrOutOfScale: a likelihood or impact outside the criteria's scale,
	// or a percentage outside 0..100.
	ErrOutOfScale = errors.New("value outside the scale")
	// ErrInvalidCriteria: criteria that cannot be used to assess (a scale
	// with fewer than 3 or more than 10 levels, a matrix of the wrong
	// shape, a level used by no cell, a bad colour).
	ErrInvalidCriteria = errors.New("invalid risk criteria")
	// ErrCriteriaMismatch: a record made under other criteria (ID or
	// version) than the ones in use.
	ErrCriteriaMismatch = errors.New("criteria ID or version mismatch")
	// ErrInconsistent: an assessment that contradicts itself, such as a
	// residual risk above the inherent risk.
	ErrInconsistent = errors.New("inconsistent assessment")
	// ErrUnexplainedReduction: a residual risk lower than the inherent
	// risk with no control and no treatment to explain it. The
	// consistency checks report it as a warning.
	ErrUnexplainedReduction = errors.New("risk reduced without a control or treatment")
	// ErrOutOfOrder: an approval or acceptance dated before the record
	// it follows; the history is append-only and chronological.
	ErrOutOfOrder = errors.New("record out of chronological order")
	// ErrHistoryRewritten: a later version of a register changed or
	// removed an approval or acceptance that an earlier version held.
	ErrHistoryRewritten = errors.New("append-only history rewritten")
	// ErrUnknownControl: a control ID that the catalogs given to
	// CheckControls do not hold.
	ErrUnknownControl = errors.New("unknown control")
	// ErrCSV: a CSV file that cannot be read as a risk table (bad header,
	// wrong number of fields, malformed cell).
	ErrCSV = errors.New("malformed risk CSV")
	// ErrNotEncodable: a value that the CSV form cannot hold without
	// losing data (a list item containing the separator).
	ErrNotEncodable = errors.New("value cannot be encoded without loss")
)

// The kinds of JSON decoding problem, re-exported from the shared strict
// decoder so that callers need import only this package.
var (
	ErrSyntax         = strictjson.ErrSyntax
	ErrUnknownField   = strictjson.ErrUnknownField
	ErrDuplicateField = strictjson.ErrDuplicateField
	ErrType           = strictjson.ErrType
	ErrTrailingData   = strictjson.ErrTrailingData
)

// errf returns an error of a kind (a sentinel above) whose text is the
// formatted message alone; see fielderr.Errorf.
func errf(kind error, format string, args ...any) error {
	return fielderr.Errorf(kind, format, args...)
}

func joinErrs(errs []error) error { return errors.Join(errs...) }
