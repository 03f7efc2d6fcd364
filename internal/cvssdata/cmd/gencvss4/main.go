// Command gencvss4 writes risk/scoring/cvss4's generated tables. It is
// run by "go generate ./risk/scoring/cvss4" from that directory and
// writes zlookup.go there.
package main

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit/internal/cvssdata"
)

func main() {
	src, err := cvssdata.Generate(cvssdata.CVSS4)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencvss4:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("zlookup.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gencvss4:", err)
		os.Exit(1)
	}
}
