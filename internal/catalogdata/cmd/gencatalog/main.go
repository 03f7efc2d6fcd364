// Command gencatalog writes iso27002's generated catalog tables. It is run
// by "go generate ./iso27002" from that directory and writes
// zcatalog.go there.
package main

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit/internal/catalogdata"
)

func main() {
	src, err := catalogdata.Generate(catalogdata.Data2022, catalogdata.Data2013)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("zcatalog.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
}
