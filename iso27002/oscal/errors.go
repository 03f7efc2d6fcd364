package oscal

import "github.com/ismskit/ismskit"

// ErrInvalid is the kind of problem of a document that breaks a rule of
// its OSCAL schema other than the ones ismskit's shared kinds name (a
// missing value is ismskit.ErrMissing, an id that is not a token
// ismskit.ErrInvalidID): a title over several lines, a UUID that is not
// one, an import that gives neither include-all nor include-controls.
// Values an export cannot write are ismskit.ErrNotEncodable.
var ErrInvalid = ismskit.NewKind("invalid-oscal", "invalid OSCAL")
