package ismskit_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/risk"
)

// Every decoder and validator reports every problem as an
// *ismskit.Error with its path and kind; Problems lists them for an API
// response.
func Example() {
	_, err := risk.DecodeRegister([]byte(`{"criteria": {"id": "c"}, "risks": [{"id": "R-1", "likelyhood": 3}]}`))
	fmt.Println(errors.Is(err, ismskit.ErrUnknownField))
	for _, p := range ismskit.Problems(err) {
		fmt.Println(p.Code(), p.Path)
	}
	// Output:
	// true
	// unknown-field risks[0].likelyhood
}

func ExampleProblems() {
	err := errors.Join(
		&ismskit.Error{Path: "risks[2].owner", Item: "R-3", Err: ismskit.ErrMissing},
		&ismskit.Error{Path: "risks[4].likelihood", Item: "R-5", Err: fmt.Errorf("%w: 7 is outside the scale 1..5", ismskit.ErrOutOfRange)},
	)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(ismskit.Problems(err))
	// Output:
	// [
	//   {
	//     "path": "risks[2].owner",
	//     "item": "R-3",
	//     "kind": "missing",
	//     "message": "missing value"
	//   },
	//   {
	//     "path": "risks[4].likelihood",
	//     "item": "R-5",
	//     "kind": "out-of-range",
	//     "message": "value out of range: 7 is outside the scale 1..5"
	//   }
	// ]
}

func ExampleDate_AddDate() {
	decided := ismskit.MustParseDate("2024-02-29")
	fmt.Println(decided.AddDate(1, 0, 0))  // the first surveillance audit
	fmt.Println(decided.AddDate(3, 0, -1)) // the last day of a three-year certificate
	fmt.Println(ismskit.MustParseDate("2026-01-31").AddDate(0, 1, 0))
	// Output:
	// 2025-02-28
	// 2027-02-27
	// 2026-02-28
}

func ExampleMaxBytes() {
	upload := []byte(`{"risks": [{"id": "R-1", "title": "Ransomware"}]}`)
	_, err := risk.DecodeRegister(upload, ismskit.MaxBytes(16))
	fmt.Println(errors.Is(err, ismskit.ErrTooLarge))
	_, err = risk.DecodeRegister(upload, ismskit.MaxBytes(1<<20), ismskit.MaxDepth(16))
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}
