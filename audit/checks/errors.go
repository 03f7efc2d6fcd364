package checks

import "github.com/ismskit/ismskit"

// ErrSchemaVersion is the kind of a report in a form or version of its
// format that the decoder does not read: a Trivy report whose
// SchemaVersion is not 2 (or the top-level array of schema version 1).
// Other problems use the shared kinds of package ismskit:
// ismskit.ErrSyntax for malformed CSV or JSON, ismskit.ErrMissing for a
// missing column, input file or required value, ismskit.ErrType for a
// JSON value of the wrong type, ismskit.ErrTooLarge for an input over the
// byte limit, ismskit.ErrDuplicateID for two checks with one ID.
var ErrSchemaVersion = ismskit.NewKind("schema-version", "unsupported schema version")
