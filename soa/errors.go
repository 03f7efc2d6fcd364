package soa

import (
	"errors"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// FieldError is a problem at a path in an SoA or in the inputs of
// Generate, such as "entries[12].justification". It is an alias of the
// error type shared by every ismskit package, so one errors.As works for
// all of them:
//
//	var fe *soa.FieldError
//	if errors.As(err, &fe) { fmt.Println(fe.Path, fe.Err) }
//
// Err wraps one of the sentinels below, so errors.Is works through the
// path and through joined lists.
type FieldError = fielderr.Error

// The kinds of problem that Generate, Validate, Transition, the decoders
// and the approval snapshot report.
var (
	// ErrMissingControl: a control of the catalog has no entry.
	ErrMissingControl = errors.New("catalog control missing from the SoA")
	// ErrDuplicateEntry: a control has two entries, or two decisions.
	ErrDuplicateEntry = errors.New("control listed twice")
	// ErrUnknownControl: an entry, decision or obligation names a control
	// that the catalog does not hold.
	ErrUnknownControl = errors.New("unknown control")
	// ErrNoReason: an included control gives no reason for inclusion.
	ErrNoReason = errors.New("included control without a reason")
	// ErrNoJustification: an excluded control gives no justification.
	ErrNoJustification = errors.New("excluded control without a justification")
	// ErrExcludedRiskControl: a control selected to treat a risk is
	// excluded.
	ErrExcludedRiskControl = errors.New("control that treats a risk is excluded")
	// ErrUnknownRisk: a risk-treatment reason names a risk that the
	// register does not hold.
	ErrUnknownRisk = errors.New("unknown risk")
	// ErrNoStatus: an included control has no implementation status.
	ErrNoStatus = errors.New("included control without a status")
	// ErrNoEvidence: an implemented control has no evidence reference
	// (reported only when ValidateOptions.RequireEvidence is set).
	ErrNoEvidence = errors.New("implemented control without evidence")
	// ErrNoProvider: an inherited or shared control names no provider.
	ErrNoProvider = errors.New("inherited or shared control without a provider")
	// ErrUndecided: no source decided whether the control applies.
	ErrUndecided = errors.New("control undecided")
	// ErrInconsistent: fields of an entry contradict each other (an
	// excluded control marked implemented, a risk list on a legal
	// reason, entries out of order, a header edition that is not the
	// catalog's).
	ErrInconsistent = errors.New("inconsistent entry")
	// ErrMissing: a required value is empty (organisation, version,
	// date, a reason's reference, an approver).
	ErrMissing = errors.New("missing value")
	// ErrUnknownValue: an enum value the package does not define.
	ErrUnknownValue = errors.New("unknown value")
	// ErrEdition: a transition was given an SoA that is not built on the
	// 2013 catalog, or a target catalog that is not the 2022 one.
	ErrEdition = errors.New("wrong catalog edition")
	// ErrTampered: an approval snapshot whose content no longer matches
	// its digest.
	ErrTampered = errors.New("approval snapshot modified after approval")
	// ErrCSV: a CSV or spreadsheet table that cannot be read as an SoA
	// (bad header, wrong number of cells, malformed cell).
	ErrCSV = errors.New("malformed SoA table")
	// ErrNotEncodable: a value that the CSV and spreadsheet form cannot
	// hold without loss (an empty list item).
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
