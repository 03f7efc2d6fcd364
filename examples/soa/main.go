// Command soa builds the Statement of Applicability of the sample company
// from its risk register, checks it and writes it in every format.
//
//	go run ./examples/soa [-register FILE] [-sources FILE] [-out DIR] [-date YYYY-MM-DD] [-org NAME] [-version V] [-require-evidence]
//
// It reads the risk register of the risk example (or -register FILE, a
// register as risk.DecodeRegister reads it) and the other requirement
// sources, the decisions and the policy for the controls they leave open
// (or -sources FILE, as soa.DecodeSources reads it),
// adds every custom control the register uses to the 2022 catalog,
// generates the SoA, validates it, prints a summary and writes soa.csv,
// soa.md, soa.html, soa.xlsx and soa.json to DIR (default
// ./ismskit-out/soa, created if needed). The date defaults to 2026-11-28
// so that the output is reproducible.
//
// Bad flags, an unreadable or invalid register or sources file: a message
// on stderr and exit status 2. An SoA that does not validate: the
// problems on stderr and exit status 1 (the files are written anyway, so
// they can be reviewed).
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/xlsx"
)

//go:embed sources.json
var sampleSources []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("soa", flag.ContinueOnError)
	fs.SetOutput(stderr)
	regFile := fs.String("register", "", "risk register JSON file (default: the sample register)")
	srcFile := fs.String("sources", "", "obligations and decisions JSON file (default: the sample sources)")
	out := fs.String("out", filepath.Join("ismskit-out", "soa"), "directory to write the SoA files to")
	dateFlag := fs.String("date", "2026-11-28", "date of the SoA, YYYY-MM-DD")
	org := fs.String("org", "Nimbus Ledger", "organisation named in the SoA header")
	version := fs.String("version", "1.0", "version of the SoA")
	strict := fs.Bool("require-evidence", false, "report implemented controls without evidence")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: soa [-register FILE] [-sources FILE] [-out DIR] [-date YYYY-MM-DD] [-org NAME] [-version V] [-require-evidence]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "soa: "+format+"\n", a...)
		return 2
	}
	if fs.NArg() > 0 {
		return usage("unexpected argument %q", fs.Arg(0))
	}
	date, err := ismskit.ParseDate(*dateFlag)
	if err != nil {
		return usage("-date: want YYYY-MM-DD, got %q", *dateFlag)
	}
	if strings.TrimSpace(*out) == "" {
		return usage("-out: empty directory name")
	}

	regJSON, srcJSON := sample.RegisterJSON(), sampleSources
	if *regFile != "" {
		if regJSON, err = os.ReadFile(*regFile); err != nil {
			return usage("cannot read the register: %v", err)
		}
	}
	if *srcFile != "" {
		if srcJSON, err = os.ReadFile(*srcFile); err != nil {
			return usage("cannot read the sources: %v", err)
		}
	}
	reg, err := risk.DecodeRegister(regJSON)
	if err != nil {
		return usage("the register is not valid:\n%s", indent(err))
	}
	if err := reg.Validate(); err != nil {
		return usage("the register is not valid:\n%s", indent(err))
	}
	src, err := soa.DecodeSources(srcJSON)
	if err != nil {
		return usage("the sources are not valid:\n%s", indent(err))
	}

	cat, err := catalogFor(reg)
	if err != nil {
		return usage("the register's custom controls: %v", err)
	}
	doc, err := soa.Generate(soa.Input{
		Catalog:  cat,
		Header:   soa.Header{Organization: *org, Scope: "ISMS scope statement, ISMS-01", Version: *version, Date: date, PreparedBy: "ISMS Manager"},
		Register: reg,
		Sources:  src,
	})
	if err != nil {
		return usage("the register or sources name controls the SoA cannot hold:\n%s", indent(err))
	}
	verr := doc.Validate(soa.ValidateOptions{Catalog: cat, Register: &reg, RequireEvidence: *strict})

	printSummary(stdout, doc)
	files, err := write(*out, doc)
	if err != nil {
		fmt.Fprintf(stderr, "soa: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "\nWritten to %s: %s\n", *out, strings.Join(files, ", "))
	if verr != nil {
		fmt.Fprintf(stderr, "soa: the SoA does not validate:\n%s", indent(verr))
		return 1
	}
	fmt.Fprintln(stdout, "The SoA validates: every control is decided, justified and has a status.")
	return 0
}

// catalogFor returns the 2022 catalog extended with every custom control
// ("nimbus:restore-drill") that the register uses, so that the SoA lists
// them too. Their title is the local part of the ID.
func catalogFor(reg risk.Register) (*iso27002.Catalog, error) {
	seen := map[iso27002.ControlID]bool{}
	var extra []iso27002.Control
	add := func(id iso27002.ControlID) {
		if !id.IsCustom() || seen[id] {
			return
		}
		seen[id] = true
		_, local, _ := strings.Cut(id.String(), ":")
		extra = append(extra, iso27002.Control{ID: id, Title: strings.ReplaceAll(local, "-", " "), Group: id.Namespace()})
	}
	for _, r := range reg.Risks {
		for _, c := range r.Controls {
			add(c.Control)
		}
		for _, a := range r.Treatment.Plan {
			for _, c := range a.Controls {
				add(c)
			}
		}
	}
	if len(extra) == 0 {
		return iso27002.Catalog2022(), nil
	}
	return iso27002.Catalog2022().Extend("ISO/IEC 27002:2022 and the organisation's controls", extra)
}

func printSummary(w io.Writer, doc soa.SoA) {
	sum := doc.Summary()
	fmt.Fprintf(w, "Statement of Applicability: %s, version %s, %s\n", doc.Header.Organization, doc.Header.Version, doc.Header.Date)
	fmt.Fprintf(w, "Catalog: %s\n\n", doc.Header.Catalog)
	fmt.Fprintf(w, "%-16s %8s %8s %8s %9s %11s %8s\n", "Theme", "Controls", "Included", "Excluded", "Undecided", "Implemented", "Planned")
	line := func(name string, c soa.Count) {
		fmt.Fprintf(w, "%-16s %8d %8d %8d %9d %11d %8d\n", name, c.Entries, c.Included, c.Excluded, c.Undecided,
			c.Implemented, c.Planned+c.PartiallyImplemented+c.NotStarted)
	}
	for _, c := range sum.Themes {
		line(c.Theme, c)
	}
	line("Total", sum.Total)
	var excluded []string
	for e := range doc.Excluded() {
		excluded = append(excluded, e.Control.String())
	}
	if len(excluded) > 0 {
		fmt.Fprintf(w, "\nExcluded: %s\n", strings.Join(excluded, ", "))
	}
}

// write writes the five files and returns their names.
func write(dir string, doc soa.SoA) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the output directory: %w", err)
	}
	type file struct {
		name string
		make func() ([]byte, error)
	}
	files := []file{
		{"soa.csv", func() ([]byte, error) { return soa.EncodeCSV(doc) }},
		{"soa.md", func() ([]byte, error) { return soa.Markdown(doc), nil }},
		{"soa.html", func() ([]byte, error) { return soa.HTML(doc) }},
		{"soa.xlsx", func() ([]byte, error) { return xlsx.Encode(doc) }},
		{"soa.json", func() ([]byte, error) { return soa.EncodeSoA(doc) }},
	}
	var names []string
	for _, f := range files {
		b, err := f.make()
		if err != nil {
			return names, fmt.Errorf("%s: %w", f.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), b, 0o644); err != nil {
			return names, err
		}
		names = append(names, f.name)
	}
	return names, nil
}

// indent puts every line of err's text on its own indented line.
func indent(err error) string {
	return "  " + strings.ReplaceAll(err.Error(), "\n", "\n  ") + "\n"
}
