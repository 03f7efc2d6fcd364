package cvss3_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
	"github.com/ismskit/ismskit/risk/scoring/cvss3"
)

func ExampleParse() {
	v, err := cvss3.Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Base(), cvss3.SeverityOf(v.Base()).String())
	// Output: 9.8 Critical
}

func ExampleVector_Scores() {
	v := cvss3.MustParse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/E:P/CR:L/IR:L/AR:L/MAV:P")
	out, _ := json.Marshal(v.Scores())
	fmt.Println(string(out))
	// Output: {"base":7.3,"temporal":6.9,"environmental":2.8,"severity":"low"}
}

func ExampleVector_String() {
	// Any order and explicit Not Defined values are accepted; String gives
	// the canonical form.
	v := cvss3.MustParse("CVSS:3.1/S:U/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N/E:X/RL:O")
	fmt.Println(v)
	// Output: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:O
}

func ExampleParse_errors() {
	_, err := cvss3.Parse("CVSS:3.1/AV:W/AC:L/UI:N/S:U/C:H/I:H/A:H/A:L")
	fmt.Println(err)
	var fe *ismskit.Error
	if errors.As(err, &fe) {
		fmt.Println("first problem is in", fe.Path, errors.Is(err, cvss.ErrMissingMetric))
	}
	// Output:
	// AV: unknown value "W" (want N, A, L or P)
	// A: metric given more than once
	// PR: missing mandatory metric
	// first problem is in AV true
}
