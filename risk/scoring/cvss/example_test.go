package cvss_test

import (
	"errors"
	"fmt"

	"github.com/ismskit/ismskit/risk/scoring/cvss"
	"github.com/ismskit/ismskit/risk/scoring/cvss2"
	"github.com/ismskit/ismskit/risk/scoring/cvss3"
	"github.com/ismskit/ismskit/risk/scoring/cvss4"
)

func Example() {
	// One kind for one problem, whatever the version.
	_, err2 := cvss2.Parse("AV:N/AC:L/Au:N/C:P/I:P")
	_, err3 := cvss3.Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")
	_, err4 := cvss4.Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N")
	for _, err := range []error{err2, err3, err4} {
		fmt.Println(errors.Is(err, cvss.ErrMissingMetric), err)
	}
	fmt.Println(cvss.SeverityOf(9.3), cvss.SeverityOf(6.9).String())
	// Output:
	// true A: missing mandatory metric
	// true A: missing mandatory metric
	// true SA: missing mandatory metric
	// Critical Medium
}
