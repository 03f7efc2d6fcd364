package iso27002

import "github.com/ismskit/ismskit"

// The kinds of problem that belong to this package's rules. Errors of
// this package wrap them or one of the shared kinds of package ismskit
// (ismskit.ErrInvalidID, ismskit.ErrUnknownControl,
// ismskit.ErrDuplicateID, ...), so callers test for the kind of problem
// with errors.Is.
var (
	// ErrInvalidControl: a control's or a group's fields break a rule of
	// the catalog (an empty title, attributes on a 2013 control, a theme
	// that disagrees with the ID, a group whose parent does not exist).
	ErrInvalidControl = ismskit.NewKind("invalid-control", "invalid control")
	// ErrAmbiguousID: an ID without a namespace ("CLOUD-1") that
	// Catalog.Parse cannot resolve because several custom controls of the
	// catalog have it as their local part ("cloud:CLOUD-1" and
	// "legacy:CLOUD-1").
	ErrAmbiguousID = ismskit.NewKind("ambiguous-id", "ambiguous control ID")
	// ErrWithdrawn means a control that its catalog has withdrawn
	// (Control.Withdrawn) is used as a control in force: selected in a
	// Statement of Applicability, or named by a risk's treatment.
	ErrWithdrawn = ismskit.NewKind("withdrawn-control", "withdrawn control")
)
