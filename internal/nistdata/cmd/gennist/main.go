// Command gennist writes iso27002/nist's generated mapping tables. It is
// run by "go generate ./iso27002/nist" from that directory and writes
// zmappings.go there.
package main

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit/internal/nistdata"
)

func main() {
	src, err := nistdata.Generate(nistdata.Data80053, nistdata.DataCSF)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gennist:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("zmappings.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gennist:", err)
		os.Exit(1)
	}
}
