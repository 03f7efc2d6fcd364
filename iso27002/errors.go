package iso27002

import (
	"errors"

	"github.com/ismskit/ismskit"
)

// Sentinel errors. Errors returned by this package wrap one of these, so
// callers can test for the kind of problem with errors.Is.
var (
	// ErrInvalidControl means a control's fields break a rule of the
	// catalog (an empty title, attributes on a 2013 control, ...).
	ErrInvalidControl = errors.New("invalid control")
	// ErrWithdrawn means a control that its catalog has withdrawn
	// (Control.Withdrawn) is used as a control in force: selected in a
	// Statement of Applicability, or named by a risk's treatment.
	ErrWithdrawn = ismskit.NewKind("withdrawn-control", "withdrawn control")
)

// Decoding errors, shared with every ismskit package that reads JSON.
var ()
