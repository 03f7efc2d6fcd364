package ismskit_test

import (
	"embed"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
)

// files are the package's .go files, for TestAPIZero: embedded rather
// than read from this folder, the module's root, whose listing changes
// with every git command (.git is in it), so that go test can reuse the
// test's result.
//
//go:embed *.go
var files embed.FS

// TestAPIZero calls every exported function with zero arguments and
// every exported method on zero values and nil pointers: none panics. A
// new exported function or type fails this test until it is listed here.
func TestAPIZero(t *testing.T) {
	apitest.ZeroCallsFS(t, files, map[string]any{
		"DateOf": ismskit.DateOf, "LimitsOf": ismskit.LimitsOf, "MaxBytes": ismskit.MaxBytes, "MaxDepth": ismskit.MaxDepth,
		"MaxProblems": ismskit.MaxProblems, "NewDate": ismskit.NewDate, "NewKind": ismskit.NewKind,
		"ParseDate": ismskit.ParseDate, "Problems": ismskit.Problems,
		// MustParseDate panics on a bad date by design: it is for literals.
		"MustParseDate": func() { defer func() { _ = recover() }(); ismskit.MustParseDate("") },
	}, ismskit.Date{}, ismskit.DecodeOption(nil), ismskit.Error{}, ismskit.Kind{}, ismskit.Letterhead{}, ismskit.Limits{})
}

// TestAPIJSON: the values of the root package marshal, their zero values
// included, and decode back. Error and Kind are reports, not documents:
// they marshal for an API response (see TestErrorKindAndJSON) and are not
// read back; DecodeOption is a function.
func TestAPIJSON(t *testing.T) {
	apitest.RoundTrip(t, &ismskit.Date{}, ptr(ismskit.MustParseDate("2026-02-28")),
		&ismskit.Limits{}, &ismskit.Limits{MaxBytes: 1 << 20, MaxDepth: 16, MaxProblems: 10},
		&ismskit.Letterhead{}, &ismskit.Letterhead{Classification: "Internal", Colour: "#1f5fa8", Logo: []byte{0x89, 0x50}})
}

func ptr[T any](v T) *T { return &v }
