package cvss3_test

import (
	"fmt"

	"github.com/ismskit/ismskit/risk/scoring/cvss3"
)

// Parse a CVSS 3.x vector in any metric order, read its three scores, and
// print it in the canonical order; a bad vector lists every problem.
func Example() {
	v, err := cvss3.Parse("CVSS:3.1/C:H/I:H/A:H/AV:N/AC:L/PR:L/UI:N/S:U/E:F/RL:W/CR:H")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := v.Scores()
	fmt.Println(v)
	fmt.Println(s.Base, s.Temporal, s.Environmental, s.Severity)

	_, err = cvss3.Parse("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H")
	fmt.Println(err)
	// Output:
	// CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/E:F/RL:W/CR:H
	// 8.8 8.3 8.3 High
	// AV: unknown value "Q" (want N, A, L or P)
	// A: missing mandatory metric
}
