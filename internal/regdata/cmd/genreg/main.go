// Command genreg writes soa/regulation's generated tables. It is run by
// "go generate ./soa/regulation" from that directory and writes zdata.go
// there.
package main

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit/internal/regdata"
)

func main() {
	src, err := regdata.Generate(regdata.Shipped())
	if err != nil {
		fmt.Fprintln(os.Stderr, "genreg:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("zdata.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genreg:", err)
		os.Exit(1)
	}
}
