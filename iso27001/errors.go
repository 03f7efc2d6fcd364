package iso27001

import (
	"errors"
)

// The kinds of problem that parsing, decoding and validation report. Each
// is wrapped, usually inside a *ismskit.Error carrying the path.
var (
	// ErrUnknownClause: a well-formed clause ID that the edition lacks
	// ("6.3" in 2013, "9.2.1" in 2013).
	ErrUnknownClause = errors.New("unknown clause")
	// ErrUnknownItem: a well-formed item ID that the edition lacks ("6.2.l"
	// in 2013), or an amendment item when the amendment is not included.
	ErrUnknownItem = errors.New("unknown requirement item")
	// ErrAmendmentNotApplicable: an amendment named for an edition it does
	// not amend (Amd 1:2024 with the 2013 edition), or named twice.
	ErrAmendmentNotApplicable = errors.New("amendment does not apply")
	// ErrNotMeasurable: an objective (6.2 b) without a metric or a target.
	ErrNotMeasurable = errors.New("objective has no measurable target")
	// ErrNotReviewInput: a management review input that names an item which
	// is not a management review input of the edition (9.3.2 in 2022, the
	// lettered items of 9.3 in 2013).
	ErrNotReviewInput = errors.New("not a management review input")
)

// Decoding problems, the same values as those of the shared strict JSON
// decoder, so errors.Is(err, iso27001.ErrUnknownField) works on what
// DecodeRecords returns.
var ()
