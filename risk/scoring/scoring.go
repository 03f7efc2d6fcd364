package scoring

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
)

// Method is a versioned risk scoring method (ISO/IEC 27001:2022 6.1.2 d 2
// and 3: assessing consequences and likelihood and determining risk
// levels). A method reads its input from one vector string, so that a risk
// record can keep the method's name, its version and the vector, and be
// scored again later with the same result.
//
// Name and Version identify the method; two methods with the same name and
// version must give the same result for the same vector. Score parses the
// vector and returns the result, or an error describing every problem of
// the vector, each a *FieldError naming the metric or factor.
//
// Implementations must be safe for concurrent use, deterministic and free
// of I/O. The methods of this package are: [CVSS], [OWASP] and [DREAD];
// package risk adds the classic likelihood × impact matrix. Users may plug
// in their own (see the Method example).
type Method interface {
	// Name returns the method's name, a short lower-case identifier such
	// as "cvss".
	Name() string
	// Version returns the version of the method, including any option
	// that changes its results, such as "3.1" or "1/technical".
	Version() string
	// Score scores one vector.
	Score(vector string) (Result, error)
}

// MultiVersion is implemented by a method that scores vectors of several
// versions and reports, in Result.Version, the version of each vector
// rather than always its own (CVSS scores "3.0" and "3.1" vectors). A
// Registry files such a method under each of its versions.
type MultiVersion interface {
	Method
	// Versions returns every version the method can score, Version() first.
	Versions() []string
}

// Result is the outcome of scoring one vector with a method: the method,
// its version, the canonical vector, the score and its severity, and the
// method's intermediate scores. Keeping Method, Version and Vector is
// enough to score the risk again (see [Registry.Rescore]); results of
// different methods or versions are not comparable with each other.
//
// A Result encodes to JSON with lowerCamelCase keys; [DecodeResult] reads
// it back strictly and testdata/result.schema.json is its JSON Schema. The
// zero value is an empty result that no method produced.
type Result struct {
	// Name of the method that scored the vector, such as "cvss". Required.
	Method string `json:"method"`
	// Version of the method, as the method or the vector states it, such
	// as "3.1". Required.
	Version string `json:"version"`
	// The vector in the method's canonical notation; scoring it again
	// gives the same result. Required.
	Vector string `json:"vector"`
	// The overall score on the method's own scale (CVSS 0..10, OWASP
	// likelihood × impact 0..81, DREAD the scale of its configuration).
	Score float64 `json:"score"`
	// The method's severity or level for the score, in lower case, such
	// as "critical" or "medium".
	Severity string `json:"severity"`
	// The intermediate scores, in the method's order, such as the CVSS
	// v2.0 and v3.x base, temporal and environmental scores or the OWASP
	// likelihood and impacts.
	Parts []Part `json:"parts,omitempty"`
	// The metric groups the score was computed from, for a method whose
	// score depends on which groups a vector carries: CVSS v4.0's
	// nomenclature, "CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE"
	// (specification section 1.3). Empty for other methods.
	Nomenclature string `json:"nomenclature,omitempty"`
	// The CVSS v4.0 MacroVector of the vector, the levels of EQ1 to EQ6
	// as six digits such as "000200" (specification section 8.2): the
	// equivalence class whose score the vector's score is interpolated
	// from. Empty for other methods.
	MacroVector string `json:"macroVector,omitempty"`
}

// Part is a named intermediate score of a Result. The zero value is an
// unnamed score of 0.
type Part struct {
	// Name of the part, lowerCamelCase, such as "likelihood" or "base".
	// Required.
	Name string `json:"name"`
	// The part's score.
	Score float64 `json:"score"`
	// The level or severity of the part, in lower case, if the method
	// gives one.
	Level string `json:"level,omitempty"`
}

// Part returns the part with the given name, and whether there is one.
func (r Result) Part(name string) (Part, bool) {
	for _, p := range r.Parts {
		if p.Name == name {
			return p, true
		}
	}
	return Part{}, false
}

// DecodeResult decodes a Result from JSON strictly: an unknown key, a value
// of the wrong type or trailing data is an error naming its path
// (ErrUnknownField, ErrType, ErrTrailingData, ErrSyntax), every one of
// them, joined.
// opts set the decoder's limits.
func DecodeResult(data []byte, opts ...ismskit.DecodeOption) (Result, error) {
	return codec.Decode[Result](data, opts)
}

// The kinds of problem that belong to scoring methods. Problems with a
// vector are reported with the kinds of package cvss (a wrong prefix, an
// unknown, duplicate or missing metric) and the shared kinds of package
// ismskit (ismskit.ErrSyntax, ismskit.ErrUnknownValue,
// ismskit.ErrOutOfRange), each in an *ismskit.Error whose Path names the
// metric or factor ("AV", "SL") or the field of a configuration
// ("bands[1].from").
var (
	// ErrConfig: a method's configuration is invalid.
	ErrConfig = ismskit.NewKind("scoring-config", "invalid method configuration")
	// ErrUnknownMethod: no method of that name and version is registered.
	ErrUnknownMethod = ismskit.NewKind("unknown-scoring-method", "unknown scoring method")
	// ErrDuplicateMethod: two methods with the same name and version.
	ErrDuplicateMethod = ismskit.NewKind("duplicate-scoring-method", "scoring method registered twice")
	// ErrVersionMismatch: the vector states another version than the one
	// asked for.
	ErrVersionMismatch = ismskit.NewKind("version-mismatch", "vector version differs from the method version")
)
