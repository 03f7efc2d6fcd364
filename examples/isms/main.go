// Command isms runs an ISO/IEC 27001 gap analysis on an organisation's ISMS
// records and prints a clause-by-clause table and the missing documented
// information; or, with -clauses, prints the clauses of an edition; or,
// with -checks, -metrics or -review, monitors and reviews the sample
// organisation (see monitor.go).
//
// Usage:
//
//	isms [-records FILE] [-asof YYYY-MM-DD] [-json]
//	isms -clauses [-edition 2022|2013] [-amd=false] [-json]
//	isms -checks [DIR] [-metrics|-review] [-asof YYYY-MM-DD] [-json]
//
// Without -records it analyses an embedded sample organisation. -asof sets
// the date the analysis is made for (default: today). With -clauses -json
// it prints the clause tree as one JSON array whose elements carry id,
// title, parent (empty for 4 to 10), requirements (item IDs) and
// documentedInformation. Bad flags or a bad records file print a message on
// stderr and exit with status 2.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
)

//go:embed sample.json
var sample []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now()))
}

// run is the whole program, with its environment passed in, so tests can
// drive it. It returns the exit status.
func run(args []string, stdout, stderr io.Writer, now time.Time) int {
	fs := flag.NewFlagSet("isms", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		records = fs.String("records", "", "ISMS records `FILE` (JSON); default: the embedded sample organisation")
		asOf    = fs.String("asof", "", "analyse as of this `date` (YYYY-MM-DD); default: today")
		asJSON  = fs.Bool("json", false, "print JSON instead of a table")
		clauses = fs.Bool("clauses", false, "print the clauses of an edition instead of a gap analysis")
		edition = fs.String("edition", "2022", "edition for -clauses: 2022 or 2013")
		amd     = fs.Bool("amd", true, "with -clauses -edition 2022, include Amd 1:2024 (climate action changes)")
		mon     = addMonitorFlags(fs)
	)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: isms [-records FILE] [-asof YYYY-MM-DD] [-json]")
		fmt.Fprintln(stderr, "       isms -clauses [-edition 2022|2013] [-amd=false] [-json]")
		fmt.Fprintln(stderr, "       isms -checks [DIR] [-metrics|-review] [-asof YYYY-MM-DD] [-json]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2 // the flag package has printed the problem and the usage
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "isms: "+format+"\n", a...)
		return 2
	}
	if code, ok := runMonitor(mon, fs, asOf, asJSON, stdout, stderr, ismskit.DateOf(now)); ok {
		return code
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q (see -h)", fs.Arg(0))
	}

	if *clauses {
		if set["records"] || set["asof"] {
			return fail("-records and -asof do not go with -clauses")
		}
		ed, err := iso27001.ParseEdition(*edition)
		if err != nil {
			return fail("-edition: %v", err)
		}
		var amds []iso27001.Amendment
		if ed == iso27001.Edition2022 && *amd {
			amds = append(amds, iso27001.Amd1of2024)
		}
		std := iso27001.MustNew(ed, amds...)
		if *asJSON {
			return writeJSON(stdout, stderr, std.Tree())
		}
		printClauses(stdout, std)
		return 0
	}
	if set["edition"] || set["amd"] {
		return fail("-edition and -amd go with -clauses; a records file names its own edition")
	}

	day := ismskit.DateOf(now)
	if *asOf != "" {
		d, err := ismskit.ParseDate(*asOf)
		if err != nil {
			return fail("-asof: %v", err)
		}
		day = d
	}
	data, name := sample, "embedded sample"
	if *records != "" {
		b, err := os.ReadFile(*records)
		if err != nil {
			return fail("%v", err)
		}
		data, name = b, *records
	}
	r, err := iso27001.DecodeRecords(data)
	if err != nil {
		return fail("%s is not a valid records file:\n%s", name, indent(err))
	}
	rep, err := iso27001.Analyze(r, day)
	if err != nil {
		return fail("%s has invalid records:\n%s", name, indent(err))
	}
	if *asJSON {
		return writeJSON(stdout, stderr, rep)
	}
	printReport(stdout, r, rep)
	return 0
}

func indent(err error) string {
	lines := strings.Split(err.Error(), "\n")
	return "  " + strings.Join(lines, "\n  ")
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, "isms:", err)
		return 1
	}
	return 0
}

func printClauses(w io.Writer, std *iso27001.Standard) {
	fmt.Fprintf(w, "%s: %d clauses\n\n", std.Name(), std.Len())
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CLAUSE\tTITLE\tITEMS\tDOCUMENTED INFORMATION")
	for c := range std.Clauses() {
		n := 0
		var docs []string
		for it := range std.ClauseItems(c.ID) {
			if it.Note {
				continue
			}
			n++
			if it.Documented != iso27001.NotDocumented {
				docs = append(docs, it.ID.String()+" "+it.Documented.String())
			}
		}
		pad := strings.Repeat("  ", c.ID.Depth()-1)
		fmt.Fprintf(tw, "%s%s\t%s%s\t%d\t%s\n", pad, c.ID, pad, c.Title, n, strings.Join(docs, ", "))
	}
	tw.Flush()
}

func printReport(w io.Writer, r iso27001.Records, rep *iso27001.GapReport) {
	org := r.Organization
	if org == "" {
		org = "(unnamed organisation)"
	}
	fmt.Fprintf(w, "Gap analysis of %s against %s as of %s\n\n", org, rep.Standard, rep.AsOf)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CLAUSE\tTITLE\tEVIDENCED\tREADINESS")
	for _, c := range rep.Clauses {
		pad := strings.Repeat("  ", c.Clause.Depth()-1)
		fmt.Fprintf(tw, "%s%s\t%s%s\t%7s\t%6.1f%%\n", pad, c.Clause, pad, c.Title, fmt.Sprintf("%d/%d", c.Evidenced, c.Total), c.Readiness)
	}
	fmt.Fprintf(tw, "overall\t\t%7s\t%6.1f%%\n", fmt.Sprintf("%d/%d", rep.Evidenced, rep.Total), rep.Readiness)
	tw.Flush()

	fmt.Fprintln(w)
	if len(rep.MissingDocuments) == 0 {
		fmt.Fprintln(w, "Missing documented information: none")
	} else {
		fmt.Fprintln(w, "Missing documented information:")
		for _, m := range rep.MissingDocuments {
			line := fmt.Sprintf("  %-9s %-10s %s", m.Item, m.Kind, m.Status)
			if len(m.Documents) > 0 {
				line += " (" + strings.Join(m.Documents, ", ") + ")"
			}
			fmt.Fprintln(w, line)
		}
	}
	if len(rep.OverdueReviews) > 0 {
		fmt.Fprintf(w, "\nDocuments past their review date: %s\n", strings.Join(rep.OverdueReviews, ", "))
	}
}
