package iso27002

import (
	"errors"
)

// Sentinel errors. Errors returned by this package wrap one of these, so
// callers can test for the kind of problem with errors.Is.
var (
	// ErrInvalidControl means a control's fields break a rule of the
	// catalog (an empty title, attributes on a 2013 control, ...).
	ErrInvalidControl = errors.New("invalid control")
)

// Decoding errors, shared with every ismskit package that reads JSON.
var ()
