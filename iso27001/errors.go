package iso27001

import (
	"errors"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// FieldError is a problem at a path in a document, such as
// "objectives[2].target". It is an alias of the error type shared by all
// ismskit packages, so
//
//	var fe *iso27001.FieldError
//	if errors.As(err, &fe) { fmt.Println(fe.Path) }
//
// finds the path, and errors.Is(err, iso27001.ErrNotMeasurable) the kind.
type FieldError = fielderr.Error

// The kinds of problem that parsing, decoding and validation report. Each
// is wrapped, usually inside a *FieldError carrying the path.
var (
	// ErrInvalidID: text that is not a well-formed clause ID ("6.1.3") or
	// requirement item ID ("6.1.3.d", "8.1.p2", "6.1.2.c.1", "4.2.n2").
	ErrInvalidID = errors.New("invalid ID")
	// ErrUnknownClause: a well-formed clause ID that the edition lacks
	// ("6.3" in 2013, "9.2.1" in 2013).
	ErrUnknownClause = errors.New("unknown clause")
	// ErrUnknownItem: a well-formed item ID that the edition lacks ("6.2.l"
	// in 2013), or an amendment item when the amendment is not included.
	ErrUnknownItem = errors.New("unknown requirement item")
	// ErrUnknownEdition: an edition other than 2013 and 2022.
	ErrUnknownEdition = errors.New("unknown edition")
	// ErrUnknownValue: a string that is none of an enumeration's values.
	ErrUnknownValue = errors.New("unknown value")
	// ErrAmendmentNotApplicable: an amendment named for an edition it does
	// not amend (Amd 1:2024 with the 2013 edition), or named twice.
	ErrAmendmentNotApplicable = errors.New("amendment does not apply")
	// ErrInvalidDate: a date that is not a real calendar date in the form
	// YYYY-MM-DD.
	ErrInvalidDate = errors.New("invalid date")
	// ErrRequired: a required field is missing or empty.
	ErrRequired = errors.New("required")
	// ErrDuplicateID: two entries of one list share an ID.
	ErrDuplicateID = errors.New("duplicate ID")
	// ErrNotMeasurable: an objective (6.2 b) without a metric or a target.
	ErrNotMeasurable = errors.New("objective has no measurable target")
	// ErrReviewBeforeApproval: a document whose review date is earlier than
	// its approval date.
	ErrReviewBeforeApproval = errors.New("review date before approval date")
	// ErrUnknownDocument: a reference to a document ID that the register
	// does not hold.
	ErrUnknownDocument = errors.New("unknown document")
	// ErrNotReviewInput: a management review input that names an item which
	// is not a management review input of the edition (9.3.2 in 2022, the
	// lettered items of 9.3 in 2013).
	ErrNotReviewInput = errors.New("not a management review input")
)

// Decoding problems, the same values as those of the shared strict JSON
// decoder, so errors.Is(err, iso27001.ErrUnknownField) works on what
// DecodeRecords returns.
var (
	ErrSyntax         = strictjson.ErrSyntax
	ErrUnknownField   = strictjson.ErrUnknownField
	ErrDuplicateField = strictjson.ErrDuplicateField
	ErrType           = strictjson.ErrType
	ErrTrailingData   = strictjson.ErrTrailingData
)
