package scoring_test

import (
	"fmt"

	"github.com/ismskit/ismskit/risk/scoring"
)

// Every method scores a vector to a Result: the score, its severity and
// its parts. scoring.CVSS takes a vector of any CVSS version a feed
// carries; the registry files each method under its name and version.
func Example() {
	for _, v := range []string{
		"AV:N/AC:L/Au:N/C:P/I:P/A:P",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
	} {
		r, err := scoring.CVSS{}.Score(v)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r.Method, r.Version, r.Score, r.Severity)
	}
	r, err := scoring.Builtin().Score("dread", "1/0..10/mean", "D:8/R:6/E:7/A:9/DI:5")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Method, r.Version, r.Score, r.Severity)
	// Output:
	// cvss 2.0 7.5 high
	// cvss 3.1 9.8 critical
	// cvss 4.0 9.3 critical
	// dread 1/0..10/mean 7 high
}
