package oscal

import (
	"errors"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
	"github.com/ismskit/ismskit/iso27002"
)

// Sentinel errors. Every error of this package wraps one of them, most
// often inside a *FieldError carrying the JSON path of the problem, so
// callers test the kind with errors.Is and get the place with errors.As.
var (
	// ErrInvalid means a document breaks a rule of its OSCAL schema that
	// is not a matter of JSON structure: a required field missing or empty,
	// an id that is not a token, a UUID that is not one, a title over
	// several lines.
	ErrInvalid = errors.New("invalid OSCAL")
	// ErrDuplicateID means two controls or two groups of one document have
	// the same id.
	ErrDuplicateID = errors.New("duplicate id")
	// ErrTooLarge means a document is bigger or nested deeper than the
	// limits of ImportOptions allow.
	ErrTooLarge = errors.New("document too large")
	// ErrNotRepresentable means an export met a value that OSCAL cannot
	// hold without changing it, such as a title over several lines.
	ErrNotRepresentable = errors.New("not representable in OSCAL")
	// ErrUnknownControl means a profile selects a control that the catalog
	// does not hold. It is iso27002.ErrUnknownControl.
	ErrUnknownControl = iso27002.ErrUnknownControl
)

// Decoding errors, shared with every ismskit package that reads JSON.
var (
	// ErrSyntax means the input is not well-formed JSON.
	ErrSyntax = strictjson.ErrSyntax
	// ErrUnknownField means an object has a key its OSCAL schema does not
	// define; keys match exactly, case included.
	ErrUnknownField = strictjson.ErrUnknownField
	// ErrDuplicateField means an object gives one key twice.
	ErrDuplicateField = strictjson.ErrDuplicateField
	// ErrType means a JSON value has the wrong type for its field.
	ErrType = strictjson.ErrType
	// ErrTrailingData means more input follows the JSON value.
	ErrTrailingData = strictjson.ErrTrailingData
)

// FieldError is a problem at a JSON path in a document, such as
// `catalog.groups[0].controls[3].id: duplicate id: "ac-2" is also
// catalog.groups[0].controls[1]`. It is an alias of the error type every
// ismskit package uses, so errors.As(err, new(*oscal.FieldError)) works on
// any of them.
type FieldError = fielderr.Error
