// Command quickstart runs the whole ISMS cycle of ISO/IEC 27001 with
// ismskit on an embedded sample organisation, prints a short report and
// writes every artefact to a directory.
//
//	go run ./examples/quickstart [-out DIR]
//
// The sample is Nimbus Ledger B.V., a fictional 200-person invoicing SaaS
// company (package examples/internal/sample): its ISMS records, 40 assets,
// 30 risks with owners and treatment plans, its obligations (the GDPR
// and NIS2 from package soa/regulation, tax law, customer contracts) and
// its own controls. The program runs, as of
// the sample's date:
//
//  1. the gap analysis against clauses 4 to 10 (iso27001.Analyze);
//  2. the risk assessment: inherent, current and residual ratings, the
//     ranking and the heat map (package risk);
//  3. a FAIR Monte Carlo estimate of the yearly loss of the three risks
//     ranked highest after treatment, with one treatment each (risk/fair);
//  4. the treatment: options, Annex A controls, plan and approvals;
//  5. the Statement of Applicability, generated, validated and exported
//     (soa, soa/xlsx), and how far it covers the GDPR and NIS2
//     (soa/regulation);
//  6. the internal audit programme, checklists, findings and corrective
//     actions (audit);
//  7. the certification-readiness verdict (audit.Assess) and the dates of
//     the certification cycle (iso27001/certification);
//  8. OSCAL exports of the catalog, the clauses, the correspondence and
//     the applicable controls (iso27002/oscal), the SoA as a system
//     security plan (soa/oscal), the audit programme, the audit results
//     and the open actions as an assessment plan, assessment results and
//     a POA&M (audit/oscal), and the coverage of the
//     NIST Cybersecurity Framework 2.0 by the implemented controls
//     (iso27002/nist);
//  9. the control checks on the sample's evidence folder (AWS IAM
//     credential report, Trivy report, CycloneDX SBOM, activity records),
//     the metrics and objectives they measure, the improvement register,
//     and the management review that closes the cycle, recorded back
//     into the ISMS records (audit/checks, audit/monitor, audit/review).
//
// Each step is a method of quickstart in the file of its package: isms.go
// (step 1), risk.go (2 to 4), soa.go and regulation.go (5), audit.go (6
// and 7), oscal.go (8) and review.go (9); read them for the calls a
// program of your own makes.
//
// It needs no network and no flags, and its output is the same on every
// run: the date is the sample's and the simulation is seeded. The default
// DIR is ./ismskit-out. It exits with status 1 and a clear message if DIR
// cannot be written, and with status 2 on bad flags.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// steps is the number of numbered steps of the report before the
// closing management review (step 9, which prints its number alone until
// the README's quoted output counts it).
const steps = 9

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "ismskit-out", "directory to write the artefacts to")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: quickstart [-out DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "quickstart: unexpected argument %q (see -h)\n", fs.Arg(0))
		return 2
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "quickstart: cannot create the output directory %s: %v\n", *out, err)
		return 1
	}
	ww := &wrapWriter{w: stdout}
	defer ww.Flush()
	q := &quickstart{w: ww, dir: *out}
	if err := q.run(); err != nil {
		var we *writeError
		if errors.As(err, &we) {
			fmt.Fprintf(stderr, "quickstart: cannot write to the output directory %s: %v\n", *out, we.err)
			return 1
		}
		fmt.Fprintf(stderr, "quickstart: %v\n", err)
		return 1
	}
	return 0
}

// quickstart holds the state the steps pass on to each other.
type quickstart struct {
	w     io.Writer
	dir   string
	files []string

	org     sample.Organisation
	asOf    ismskit.Date
	catalog *iso27002.Catalog // Annex A plus the organisation's own controls

	records iso27001.Records
	gap     *iso27001.GapReport

	register    risk.Register
	assessments []risk.Assessment
	ranked      []risk.Ranked // by residual level
	heatmap     risk.HeatMap
	titles      map[string]string

	soa      soa.SoA
	soaErr   error
	sources  soa.Sources
	basis    audit.Basis
	audits   *audit.Records
	report   *audit.Report
	decision *audit.Readiness
}

func (q *quickstart) run() error {
	for _, step := range []func() error{
		q.load, q.legend, q.gapAnalysis, q.assessRisks, q.quantify, q.treat, q.statement, q.regulations, q.internalAudit, q.readiness, q.documents,
		q.exportOSCAL, q.managementReview,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	q.printf("\nArtefacts: %d files in %s\n", len(q.files), q.dir)
	for _, f := range q.files {
		q.printf("  %s\n", f)
	}
	return nil
}

// writeError is a failure to write an artefact.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// write stores one artefact under the output directory.
func (q *quickstart) write(name string, data []byte) error {
	path := filepath.Join(q.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return &writeError{err}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return &writeError{err}
	}
	q.files = append(q.files, name)
	return nil
}

// writeJSON stores v as indented JSON.
func (q *quickstart) writeJSON(name string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return q.write(name, append(b, '\n'))
}

func (q *quickstart) printf(format string, a ...any) { fmt.Fprintf(q.w, format, a...) }

func (q *quickstart) step(n int, title string) {
	q.printf("\n[%d/%d] %s\n", n, steps, title)
}

func day(t ismskit.Date) string { return t.String() }

// load decodes the embedded sample and writes the organisation profile.
func (q *quickstart) load() error {
	org, err := sample.LoadOrganisation()
	if err != nil {
		return err
	}
	q.org = org
	q.asOf = org.AsOf
	q.catalog, err = iso27002.Catalog2022().Extend("ISO/IEC 27002:2022 and Nimbus Ledger controls", org.Controls)
	if err != nil {
		return fmt.Errorf("sample controls: %w", err)
	}
	if q.register, err = risk.DecodeRegister(sample.RegisterJSON()); err != nil {
		return fmt.Errorf("sample register: %w", err)
	}
	// The register lists the assets its risks touch; the inventory has
	// them all.
	q.register.Assets = org.Assets
	if err := q.register.Validate(); err != nil {
		return fmt.Errorf("sample register: %w", err)
	}
	if q.records, err = iso27001.DecodeRecords(sample.RecordsJSON()); err != nil {
		return fmt.Errorf("sample ISMS records: %w", err)
	}
	// The contracts, business requirements and decisions of the sample,
	// with the GDPR and NIS2 obligations from package soa/regulation
	// (regulation.go).
	if q.sources, err = sample.Sources(); err != nil {
		return err
	}
	q.titles = make(map[string]string, len(q.register.Risks))
	for _, r := range q.register.Risks {
		q.titles[r.ID] = r.Title
	}

	q.printf("ismskit quickstart: %s, as of %s\n", org.Name, org.AsOf)
	q.printf("%s\n", org.Description)
	q.printf("%d employees, %d assets, %d risks, %d obligations, %d controls of its own;\n",
		org.Employees, len(org.Assets), len(q.register.Risks), len(q.sources.Obligations), len(org.Controls))
	q.printf("ISO/IEC 27001:2022 with Amd 1:2024, controls of ISO/IEC 27002:2022 (Annex A).\n")
	return q.write("organisation.json", sample.OrganisationJSON())
}
