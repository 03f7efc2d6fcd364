// Command apiguard regenerates the records of ismskit's public API under
// api/ (see package internal/apiguard):
//
//	go run ./internal/apiguard/cmd/apiguard          # regenerate
//	go run ./internal/apiguard/cmd/apiguard -check   # only report changes
//
// It prints every change against the old baseline, marks the incompatible
// ones, and appends those to api/incompatible.txt, which CHANGELOG.md's
// "Unreleased" section must then mention. Run it from the module root.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ismskit/ismskit/internal/apiguard"
)

func main() {
	check := flag.Bool("check", false, "only report the changes; write nothing")
	flag.Parse()
	if err := run(*check); err != nil {
		fmt.Fprintln(os.Stderr, "apiguard:", err)
		os.Exit(1)
	}
}

func run(check bool) error {
	api, err := apiguard.Load(".")
	if err != nil {
		return err
	}
	base, err := apiguard.Baseline(".")
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	schemas, err := apiguard.ReadSchemas(".")
	if err != nil {
		return err
	}
	changes := api.Diff(base, schemas)
	for _, c := range changes {
		fmt.Println(c)
	}
	if check {
		if len(changes) > 0 {
			return fmt.Errorf("%d changes against the baseline", len(changes))
		}
		return nil
	}
	inc, err := apiguard.Write(".", api, base, schemas)
	if err != nil {
		return err
	}
	fmt.Printf("wrote api/: %d packages, %d schemas; %d incompatible changes appended to %s\n",
		len(api.Packages), len(api.Schemas), len(inc), apiguard.IncompatibleFile)
	return nil
}
