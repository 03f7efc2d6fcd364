package soa

import (
	"errors"

	"github.com/ismskit/ismskit/internal/fielderr"
)

// The kinds of problem that Generate, Validate, Transition, the decoders
// and the approval snapshot report.
var (
	// ErrMissingControl: a control of the catalog has no entry.
	ErrMissingControl = errors.New("catalog control missing from the SoA")
	// ErrNoReason: an included control gives no reason for inclusion.
	ErrNoReason = errors.New("included control without a reason")
	// ErrNoJustification: an excluded control gives no justification.
	ErrNoJustification = errors.New("excluded control without a justification")
	// ErrExcludedRiskControl: a control selected to treat a risk is
	// excluded.
	ErrExcludedRiskControl = errors.New("control that treats a risk is excluded")
	// ErrNoStatus: an included control has no implementation status.
	ErrNoStatus = errors.New("included control without a status")
	// ErrNoEvidence: an implemented control has no evidence reference
	// (reported only when ValidateOptions.RequireEvidence is set).
	ErrNoEvidence = errors.New("implemented control without evidence")
	// ErrNoProvider: an inherited or shared control names no provider.
	ErrNoProvider = errors.New("inherited or shared control without a provider")
	// ErrUndecided: no source decided whether the control applies.
	ErrUndecided = errors.New("control undecided")
	// ErrEdition: a transition was given an SoA that is not built on the
	// 2013 catalog, or a target catalog that is not the 2022 one.
	ErrEdition = errors.New("wrong catalog edition")
	// ErrTampered: an approval snapshot whose content no longer matches
	// its digest.
	ErrTampered = errors.New("approval snapshot modified after approval")
)

// The kinds of JSON decoding problem, re-exported from the shared strict
// decoder so that callers need import only this package.
var ()

// errf returns an error of a kind (a sentinel above) whose text is the
// formatted message alone; see fielderr.Errorf.
func errf(kind error, format string, args ...any) error {
	return fielderr.Errorf(kind, format, args...)
}
