package cvss2_test

import (
	"encoding/json"
	"fmt"

	"github.com/ismskit/ismskit/risk/scoring/cvss2"
)

func Example() {
	// NVD's form in parentheses, as its pages display it.
	v, err := cvss2.Parse("(AV:N/AC:L/Au:N/C:P/I:P/A:P)")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v, v.Base(), v.Severity().String())
	// Output: AV:N/AC:L/Au:N/C:P/I:P/A:P 7.5 High
}

func ExampleVector_Scores() {
	// The guide's example CVE-2002-0392 (section 3.3.1).
	v := cvss2.MustParse("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H")
	out, _ := json.Marshal(v.Scores())
	fmt.Println(string(out))
	// Output: {"base":7.8,"temporal":6.4,"environmental":9.2,"severity":"high"}
}
