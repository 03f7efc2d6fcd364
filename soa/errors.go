package soa

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// The kinds of problem that belong to the SoA's own rules, reported by
// Validate, Transition and the approval snapshot. Their codes start with
// "soa-". Problems that every package shares (a missing value, an unknown
// control, malformed input) are reported with the kinds of package
// ismskit: ismskit.ErrMissing, ismskit.ErrUnknownControl, ismskit.ErrSyntax
// and the others.
var (
	// ErrMissingControl: a control of the catalog has no entry.
	ErrMissingControl = ismskit.NewKind("soa-missing-control", "catalog control missing from the SoA")
	// ErrNoReason: an included control gives no reason for inclusion.
	ErrNoReason = ismskit.NewKind("soa-no-reason", "included control without a reason")
	// ErrNoJustification: an excluded control gives no justification.
	ErrNoJustification = ismskit.NewKind("soa-no-justification", "excluded control without a justification")
	// ErrExcludedRiskControl: a control selected to treat a risk is
	// excluded.
	ErrExcludedRiskControl = ismskit.NewKind("soa-excluded-risk-control", "control that treats a risk is excluded")
	// ErrNoStatus: an included control has no implementation status.
	ErrNoStatus = ismskit.NewKind("soa-no-status", "included control without a status")
	// ErrNoEvidence: an implemented control has no evidence reference
	// (reported only when ValidateOptions.RequireEvidence is set).
	ErrNoEvidence = ismskit.NewKind("soa-no-evidence", "implemented control without evidence")
	// ErrNoProvider: an inherited or shared control names no provider.
	ErrNoProvider = ismskit.NewKind("soa-no-provider", "inherited or shared control without a provider")
	// ErrUndecided: no source decided whether the control applies.
	ErrUndecided = ismskit.NewKind("soa-undecided", "control undecided")
	// ErrEdition: Validate has no catalog to check an SoA against (its
	// header names no built-in edition and ValidateOptions.Catalog is
	// nil), or a transition was given an SoA that is not built on the
	// 2013 catalog, or a target catalog that is not the 2022 one.
	ErrEdition = ismskit.NewKind("soa-edition", "wrong or unknown catalog edition")
	// ErrTampered: an approval snapshot whose content no longer matches
	// its digest.
	ErrTampered = ismskit.NewKind("soa-tampered", "approval snapshot modified after approval")
)

// errf returns an error of a kind (a sentinel above or of package
// ismskit) whose text is the formatted message alone; see
// fielderr.Errorf.
func errf(kind error, format string, args ...any) error {
	return fielderr.Errorf(kind, format, args...)
}
