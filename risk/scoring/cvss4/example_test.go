package cvss4_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
	"github.com/ismskit/ismskit/risk/scoring/cvss4"
)

func Example() {
	v, err := cvss4.Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Score(), v.Severity().String(), v.Nomenclature(), v.MacroVector())
	// Output: 9.3 Critical CVSS-B 000200
}

func ExampleVector_Scores() {
	// The threat and environmental metrics of the organisation refine
	// the score: CVSS-BTE.
	v := cvss4.MustParse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:L/IR:L/MAV:A")
	out, _ := json.Marshal(v.Scores())
	fmt.Println(string(out))
	// Output: {"score":7.2,"severity":"high","nomenclature":"CVSS-BTE","macroVector":"100210"}
}

func ExampleVector_String() {
	// Explicit Not Defined values are accepted; String gives the
	// canonical form.
	v := cvss4.MustParse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X/MAV:L/U:Amber")
	fmt.Println(v)
	// Output: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:L/U:Amber
}

func ExampleParse_errors() {
	_, err := cvss4.Parse("CVSS:4.0/AV:F/AC:L/PR:N/AT:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N/E:A/E:X")
	fmt.Println(err)
	for _, p := range ismskit.Problems(err) {
		fmt.Println(p.Path, p.Code())
	}
	fmt.Println(errors.Is(err, cvss.ErrMetricOrder))
	// Output:
	// AV: unknown value "F" (want N, A, L or P)
	// AT: metric out of order: AT must come before PR
	// E: metric given more than once
	// AV unknown-value
	// AT metric-order
	// E duplicate-metric
	// true
}
