package oscal

import (
	"errors"
)

// Sentinel errors. Every error of this package wraps one of them, most
// often inside a *ismskit.Error carrying the JSON path of the problem, so
// callers test the kind with errors.Is and get the place with errors.As.
var (
	// ErrInvalid means a document breaks a rule of its OSCAL schema that
	// is not a matter of JSON structure: a required field missing or empty,
	// an id that is not a token, a UUID that is not one, a title over
	// several lines.
	ErrInvalid = errors.New("invalid OSCAL")
	// ErrNotRepresentable means an export met a value that OSCAL cannot
	// hold without changing it, such as a title over several lines.
	ErrNotRepresentable = errors.New("not representable in OSCAL")
)

// Decoding errors, shared with every ismskit package that reads JSON.
var ()
