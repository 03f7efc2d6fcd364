// Command genclauses writes the generated clause tables of package iso27001
// from the data files in internal/clausedata. It is run by go generate in
// the iso27001 directory:
//
//	go run ../internal/clausedata/cmd/genclauses
//
// With -o DIR it writes into DIR instead of the current directory.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ismskit/ismskit/internal/clausedata"
)

func main() {
	dir := flag.String("o", ".", "directory to write the generated files into")
	flag.Parse()
	for _, ed := range clausedata.Editions {
		var b bytes.Buffer
		if err := clausedata.Generate(&b, ed); err != nil {
			fmt.Fprintln(os.Stderr, "genclauses:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join(*dir, clausedata.FileName(ed)), b.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genclauses:", err)
			os.Exit(1)
		}
	}
}
