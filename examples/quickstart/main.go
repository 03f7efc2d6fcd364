// Command quickstart walks through ismskit on a fresh machine: it prints a
// short report to the terminal and writes every artefact to a directory.
//
//	go run ./examples/quickstart [-out DIR]
//
// The default DIR is ./ismskit-out. The program needs no network and no
// flags; it exits with status 1 and a clear message if DIR cannot be
// written, and with status 2 on bad flags.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/iso27002"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "ismskit-out", "directory to write the artefacts to")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "quickstart: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "quickstart: cannot create the output directory: %v\n", err)
		return 1
	}
	r := &report{w: stdout, dir: *out}
	r.catalogs()
	if r.err != nil {
		fmt.Fprintf(stderr, "quickstart: %v\n", r.err)
		return 1
	}
	fmt.Fprintf(stdout, "\nArtefacts written to %s:\n", *out)
	for _, f := range r.files {
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	return 0
}

// report prints to the terminal and writes artefacts; the first write
// error stops further writes and is reported at the end.
type report struct {
	w     io.Writer
	dir   string
	files []string
	err   error
}

func (r *report) printf(format string, a ...any) { fmt.Fprintf(r.w, format, a...) }

func (r *report) step(n int, title string) {
	r.printf("\n%d. %s\n%s\n", n, title, strings.Repeat("-", len(title)+3))
}

// write stores one artefact; render writes its content.
func (r *report) write(name string, render func(io.Writer) error) {
	if r.err != nil {
		return
	}
	path := filepath.Join(r.dir, name)
	f, err := os.Create(path)
	if err != nil {
		r.err = fmt.Errorf("cannot write %s: %w", path, err)
		return
	}
	if err := render(f); err != nil {
		f.Close()
		r.err = fmt.Errorf("cannot write %s: %w", path, err)
		return
	}
	if err := f.Close(); err != nil {
		r.err = fmt.Errorf("cannot write %s: %w", path, err)
		return
	}
	r.files = append(r.files, path)
}

func writeJSON(v any) func(io.Writer) error {
	return func(w io.Writer) error {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	}
}

// catalogs is step 1: the ISO/IEC 27002 catalogs and their correspondence.
func (r *report) catalogs() {
	c22, c13 := iso27002.Catalog2022(), iso27002.Catalog2013()
	r.step(1, "Controls: ISO/IEC 27002:2022 (Annex A of ISO/IEC 27001:2022)")
	t := &table.Table{Header: []string{"Theme", "Controls", "New in 2022", "Preventive", "Detective", "Corrective"}}
	for th := range iso27002.Themes() {
		in := iso27002.InTheme(th)
		t.Append(th.Title(), fmt.Sprint(c22.Count(in)), fmt.Sprint(c22.Count(in, iso27002.IsNew())),
			fmt.Sprint(c22.Count(in, iso27002.HasAttribute(iso27002.Preventive))),
			fmt.Sprint(c22.Count(in, iso27002.HasAttribute(iso27002.Detective))),
			fmt.Sprint(c22.Count(in, iso27002.HasAttribute(iso27002.Corrective))))
	}
	t.Append("All", fmt.Sprint(c22.Len()), fmt.Sprint(c22.Count(iso27002.IsNew())),
		fmt.Sprint(c22.Count(iso27002.HasAttribute(iso27002.Preventive))),
		fmt.Sprint(c22.Count(iso27002.HasAttribute(iso27002.Detective))),
		fmt.Sprint(c22.Count(iso27002.HasAttribute(iso27002.Corrective))))
	if err := t.WriteMarkdown(r.w); err != nil && r.err == nil {
		r.err = err
	}
	var newIDs []string
	for c := range c22.Select(iso27002.IsNew()) {
		newIDs = append(newIDs, c.ID.String()+" "+c.Title)
	}
	r.printf("\nNew in 2022:\n  %s\n", strings.Join(newIDs, "\n  "))
	pairs, merged := 0, 0
	for range iso27002.Correspondence() {
		pairs++
	}
	for c := range c22.Controls() {
		if len(iso27002.From2013(c.ID)) > 1 {
			merged++
		}
	}
	r.printf("\nThe 2013 edition had %d controls; Annex B relates them to 2022 in %d pairs; %d 2022 controls merge several 2013 controls.\n",
		c13.Len(), pairs, merged)
	r.write("catalog-2022.json", writeJSON(c22))
	r.write("catalog-2013.json", writeJSON(c13))
}
