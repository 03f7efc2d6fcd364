package iso27001

import "github.com/ismskit/ismskit"

// The kinds of problem that belong to this package's rules. Parsing,
// decoding and validation also report the shared kinds of package ismskit
// (ismskit.ErrInvalidID, ismskit.ErrMissing, ismskit.ErrUnknownValue,
// ...). Each is wrapped, usually inside a *ismskit.Error carrying the
// path; test for them with errors.Is.
var (
	// ErrUnknownClause: a well-formed clause ID that the edition lacks
	// ("6.3" in 2013, "9.2.1" in 2013).
	ErrUnknownClause = ismskit.NewKind("unknown-clause", "unknown clause")
	// ErrUnknownItem: a well-formed item ID that the edition lacks ("6.2.l"
	// in 2013), or an amendment item when the amendment is not included.
	ErrUnknownItem = ismskit.NewKind("unknown-item", "unknown requirement item")
	// ErrAmendmentNotApplicable: an amendment named for an edition it does
	// not amend (Amd 1:2024 with the 2013 edition), or named twice.
	ErrAmendmentNotApplicable = ismskit.NewKind("amendment-not-applicable", "amendment does not apply")
	// ErrNotMeasurable: an objective (6.2 b) without a metric or a target.
	ErrNotMeasurable = ismskit.NewKind("not-measurable", "objective has no measurable target")
	// ErrNotReviewInput: a management review input that names an item which
	// is not a management review input of the edition (9.3.2 in 2022, the
	// lettered items of 9.3 in 2013).
	ErrNotReviewInput = ismskit.NewKind("not-review-input", "not a management review input")
)
