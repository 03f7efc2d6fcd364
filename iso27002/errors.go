package iso27002

import (
	"errors"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// Sentinel errors. Errors returned by this package wrap one of these, so
// callers can test for the kind of problem with errors.Is.
var (
	// ErrInvalidID means a string is not a well-formed control ID.
	ErrInvalidID = errors.New("invalid control ID")
	// ErrUnknownControl means a well-formed ID names no control of the
	// edition or catalog in question (5.38, or an overlay entry for a
	// control the catalog does not hold).
	ErrUnknownControl = errors.New("unknown control")
	// ErrDuplicateControl means a catalog would hold the same ID twice.
	ErrDuplicateControl = errors.New("duplicate control")
	// ErrInvalidControl means a control's fields break a rule of the
	// catalog (an empty title, attributes on a 2013 control, ...).
	ErrInvalidControl = errors.New("invalid control")
	// ErrUnknownValue means an enumerated value (a theme, an attribute, an
	// edition) is not one the package knows.
	ErrUnknownValue = errors.New("unknown value")
)

// Decoding errors, shared with every ismskit package that reads JSON.
var (
	// ErrSyntax means the input is not well-formed JSON.
	ErrSyntax = strictjson.ErrSyntax
	// ErrUnknownField means an object has a key the type does not define;
	// keys match exactly, case included.
	ErrUnknownField = strictjson.ErrUnknownField
	// ErrDuplicateField means an object gives one key twice.
	ErrDuplicateField = strictjson.ErrDuplicateField
	// ErrType means a JSON value has the wrong type for its field.
	ErrType = strictjson.ErrType
	// ErrTrailingData means more input follows the JSON value.
	ErrTrailingData = strictjson.ErrTrailingData
)

// FieldError is a problem at a path in a document, such as
// `controls["5.99"]: unknown control`. Decoding and validation return
// *FieldError values, joined with errors.Join when there are several; use
// errors.As to get at the path and errors.Is for the kind.
type FieldError = fielderr.Error
