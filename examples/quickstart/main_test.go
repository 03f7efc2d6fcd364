package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ismskit/ismskit/internal/schematest"
	"github.com/ismskit/ismskit/iso27002/nist"

	"github.com/ismskit/ismskit/internal/oscalcheck"

	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/internal/pdfdoc/pdftext"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/review"
	"github.com/ismskit/ismskit/examples/internal/mainrun"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27001/certification"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/fair"
	"github.com/ismskit/ismskit/soa"
	soaxlsx "github.com/ismskit/ismskit/soa/xlsx"
)

// shared is one run of the program that the tests which only read its
// artefacts share (a run takes seconds under the race detector); TestMain
// removes its directory.
var shared struct {
	once     sync.Once
	root     string
	dir, out string
	failure  string
}

// sharedRun returns the directory and terminal report of the shared run.
// The tests must not change what is in the directory.
func sharedRun(t testing.TB) (string, string) {
	t.Helper()
	shared.once.Do(func() {
		root, err := os.MkdirTemp("", "quickstart-test-")
		if err != nil {
			shared.failure = err.Error()
			return
		}
		shared.root = root
		shared.dir = filepath.Join(root, "out")
		var out, errOut bytes.Buffer
		if code := run([]string{"-out", shared.dir}, &out, &errOut); code != 0 || errOut.Len() > 0 {
			shared.failure = fmt.Sprintf("status %d: %s", code, errOut.String())
		}
		shared.out = out.String()
	})
	if shared.failure != "" {
		t.Fatalf("the shared run failed: %s", shared.failure)
	}
	return shared.dir, shared.out
}

func TestMain(m *testing.M) {
	mainrun.AsProgram(main)
	code := m.Run()
	if shared.root != "" {
		_ = os.RemoveAll(shared.root)
	}
	os.Exit(code)
}

func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	require.NoError(t, err)
	return b
}

// TestReportGolden compares the terminal report with the golden file;
// go test -update rewrites it.
func TestReportGolden(t *testing.T) {
	dir, out := sharedRun(t)
	out = strings.ReplaceAll(out, dir, "OUT")
	golden := filepath.Join("testdata", "report.golden.txt")
	if goldenfile.Updating() {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), out, "run go test -update to refresh")
}

// TestReportSteps checks the facts of each step in the terminal report.
func TestReportSteps(t *testing.T) {
	_, out := sharedRun(t)
	for _, want := range []string{
		"Nimbus Ledger B.V., as of 2026-11-28",
		"200 employees, 40 assets, 30 risks, 36 obligations, 7 controls of its own",
		"Regulations (soa/regulation): GDPR and NIS2 give 31 obligations", "NIS2        17             5        12      0            1",
		"[1/9] Gap analysis", "all                                  143/156     91.7%",
		"9.1.p1 (retained): unapproved MON-01",
		"[2/9] Risk assessment", "High      11        8        3",
		"[3/9] FAIR", "50,000 simulated years, seed 2026",
		"[4/9] Risk treatment", "Options: modify 23, retain 4, avoid 1, share 2",
		"[5/9] Statement of Applicability", "100 entries", "valid",
		"Excluded 8.30 Outsourced development",
		"[6/9] Internal audit", "4 internal audits cover 156 requirement items and 97 applicable controls",
		"CA-1    IA-1-55  Effective",
		"[7/9] Certification readiness", "Verdict: NOT READY", "major nonconformity IA-3-57 against 8.8",
		"[8/9] OSCAL exports",
		"[9/9] Monitoring, management review and improvement", "sbom-vulnerable-components  5.21 8.8   5       11",
		"Metrics: 1 met, 4 in warning, 3 missed.", "Review MR-2026-11 took 4 decisions",
		"Clause 9.3 after the review: 14/14 items evidenced",
		"Artefacts: 54 files in",
		"How to read this report:", "P90, P99", "ROSI",
	} {
		assert.Contains(t, out, want)
	}
}

// TestSampleAuditInSync keeps the sample's audit records, which
// examples/isms -review reads, equal to those the internal audit step
// produces (go test -update rewrites them).
func TestSampleAuditInSync(t *testing.T) {
	dir, _ := sharedRun(t)
	goldenfile.Check(t, filepath.Join("..", "internal", "sample", "audit.json"), read(t, dir, "audit-records.json"))
}

// TestReviewArtefacts reads the artefacts of step 9 back: the review is
// recorded in the ISMS records, the register holds the decisions.
func TestReviewArtefacts(t *testing.T) {
	dir, _ := sharedRun(t)
	recs, err := iso27001.DecodeRecords(read(t, dir, "isms-records-after-review.json"))
	require.NoError(t, err)
	require.Len(t, recs.ManagementReviews, 2)
	mr := recs.ManagementReviews[1]
	assert.Equal(t, "MR-2026-11", mr.ID)
	assert.Len(t, mr.Inputs, 10)
	assert.Len(t, mr.Outputs, 4)
	pack, err := review.DecodePack(read(t, dir, "management-review.json"))
	require.NoError(t, err)
	for _, in := range pack.Inputs {
		assert.NotEmpty(t, in.Summary, in.Item.String())
	}
	reg, err := review.DecodeRegister(read(t, dir, "improvement-register.json"))
	require.NoError(t, err)
	require.NoError(t, reg.Validate())
	n := 0
	for _, it := range reg.Items {
		if it.Source == review.FromReview && strings.HasPrefix(it.Reference, "MR-2026-11/") {
			n++
		}
	}
	assert.Equal(t, 2, n, "D-3 and D-4 raise items; D-1 and D-2 take up existing ones")
	var results []checks.Result
	require.NoError(t, json.Unmarshal(read(t, dir, "check-results.json"), &results))
	assert.Len(t, results, 10)
	assert.Contains(t, string(read(t, dir, "management-review.html")), "<h3>9.3.2.d.1 Nonconformities and corrective actions</h3>")
}

// TestArtefacts reads every artefact back with the library and checks
// that it agrees with what the packages compute from the sample.
func TestArtefacts(t *testing.T) {
	dir, _ := sharedRun(t)
	org, err := sample.LoadOrganisation()
	require.NoError(t, err)
	cat, err := iso27002.Catalog2022().Extend("x", org.Controls)
	require.NoError(t, err)

	// The register: the sample's risks with the whole asset inventory.
	reg, err := risk.DecodeRegister(read(t, dir, "risk-register.json"))
	require.NoError(t, err)
	require.NoError(t, reg.Validate())
	assert.Len(t, reg.Risks, 30)
	assert.Len(t, reg.Assets, 40)
	fromCSV, err := risk.DecodeCSV(read(t, dir, "risk-register.csv"))
	require.NoError(t, err)
	assert.Len(t, fromCSV, 30)
	var ranked []risk.Ranked
	require.NoError(t, json.Unmarshal(read(t, dir, "risk-assessment.json"), &ranked))
	as, err := risk.AssessRegister(reg)
	require.NoError(t, err)
	assert.Equal(t, risk.Rank(as, risk.Residual), ranked)

	// The SoA: valid against the catalog and the register, the same in
	// JSON, CSV and XLSX, and what soa.Generate gives for the sample.
	s, err := soa.DecodeSoA(read(t, dir, "soa.json"))
	require.NoError(t, err)
	require.NoError(t, s.Validate(soa.ValidateOptions{Catalog: cat, Register: &reg}))
	assert.Len(t, s.Entries, 100)
	src, err := sample.Sources()
	require.NoError(t, err)
	want, err := soa.Generate(soa.Input{Catalog: cat, Header: s.Header, Register: reg, Sources: src})
	require.NoError(t, err)
	assert.Equal(t, want.Entries, s.Entries)
	rows, err := soa.DecodeCSV(read(t, dir, "soa.csv"))
	require.NoError(t, err)
	assert.Equal(t, s.Entries, rows)
	x, err := soaxlsx.DecodeDocument(read(t, dir, "statement-of-applicability.xlsx"))
	require.NoError(t, err)
	assert.Equal(t, s, x.SoA, "the workbook reads back as the SoA")
	assert.Equal(t, "Confidential", x.Letterhead.Classification)
	assert.NotEmpty(t, x.ScopeStatement)
	assert.Contains(t, string(read(t, dir, "statement-of-applicability.md")), "**Nimbus Ledger B.V.**")
	assert.Contains(t, string(read(t, dir, "statement-of-applicability.html")), "<h1>Statement of Applicability</h1>")
	for e := range s.Included() {
		assert.NotEmpty(t, e.Implementation, "%s: the auditor's column is filled", e.Control)
	}
	for name, want := range map[string]string{
		"statement-of-applicability.pdf": "Statement of Applicability",
		"audit-report.pdf":               "Executive summary",
	} {
		pages, text := pdftext.Read(read(t, dir, name))
		assert.Greater(t, pages, 2, name)
		assert.Contains(t, text, want, name)
		assert.Contains(t, text, "Nimbus Ledger B.V.", name)
		assert.Contains(t, text, "CONFIDENTIAL", name)
	}
	assert.Contains(t, string(read(t, dir, "gap-analysis.html")), "143 of 156")
	assert.Contains(t, string(read(t, dir, "readiness.html")), "The gap analysis and the readiness score answer two questions.")

	// The gap analysis is iso27001.Analyze's.
	recs, err := iso27001.DecodeRecords(read(t, dir, "isms-records.json"))
	require.NoError(t, err)
	gap, err := iso27001.Analyze(recs, org.AsOf)
	require.NoError(t, err)
	wantGap, err := json.MarshalIndent(gap, "", "  ")
	require.NoError(t, err)
	assert.JSONEq(t, string(wantGap), string(read(t, dir, "gap-analysis.json")))
	schematest.Require(t, "gap.schema.json", iso27001.GapSchema(), read(t, dir, "gap-analysis.json"))

	// Every audit checklist validates against audit.ChecklistSchema.
	var lists []json.RawMessage
	require.NoError(t, json.Unmarshal(read(t, dir, "audit-checklists.json"), &lists))
	require.NotEmpty(t, lists)
	for _, l := range lists {
		schematest.Require(t, "checklist.schema.json", audit.ChecklistSchema(), l)
	}

	// FAIR: the report is fair.Run's on the sample analysis.
	a, err := fair.DecodeAnalysis(read(t, dir, "fair-analysis.json"))
	require.NoError(t, err)
	require.Len(t, a.Scenarios, 3)
	for i, r := range ranked[:3] {
		assert.Equal(t, r.RiskID, a.Scenarios[i].Name, "FAIR scenarios are the top risks by residual level")
	}
	rep, err := fair.Run(a)
	require.NoError(t, err)
	var got struct {
		Mean        float64                 `json:"mean"`
		PerScenario map[string]fair.Summary `json:"perScenario"`
	}
	require.NoError(t, json.Unmarshal(read(t, dir, "fair-report.json"), &got))
	assert.Equal(t, rep.Mean, got.Mean)
	assert.Len(t, got.PerScenario, 3)

	// Audit records validate against the SoA's applicable controls; the
	// report reads back with the verdict the terminal shows.
	var applicable []iso27002.ControlID
	for e := range s.Included() {
		applicable = append(applicable, e.Control)
	}
	ar, err := audit.DecodeRecords(read(t, dir, "audit-records.json"))
	require.NoError(t, err)
	require.NoError(t, ar.Validate(audit.Basis{Catalog: cat, Applicable: applicable}))
	assert.Len(t, ar.Actions, 3)
	report, err := audit.DecodeReport(read(t, dir, "audit-report.json"))
	require.NoError(t, err)
	assert.False(t, report.Readiness.Ready)
	require.Len(t, report.Readiness.Reasons, 2)
	assert.Equal(t, audit.OpenMajor, report.Readiness.Reasons[0].Kind)
	rd, err := audit.Assess(ar, audit.Basis{Catalog: cat, Applicable: applicable}, audit.ReadinessInput{Gap: gap}, org.AsOf)
	require.NoError(t, err)
	assert.Equal(t, rd.Reasons, report.Readiness.Reasons)
	assert.Contains(t, string(read(t, dir, "audit-report.md")), "**Nimbus Ledger B.V.** · ISO/IEC 27001:2022/Amd 1:2024, clauses 9.2 and 10.2 · Version 1.0")

	// OSCAL: the catalog and the profile import back.
	oc, err := oscal.ImportCatalog(read(t, dir, "oscal/catalog.json"), oscal.ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, 100, oc.ISO27002().Len())
	sel, err := oscal.ImportProfile(read(t, dir, "oscal/profile-applicable.json"), oscal.ImportOptions{})
	require.NoError(t, err)
	ids, err := sel.Resolve(cat, oscal.ImportOptions{Namespace: "nimbus"})
	require.NoError(t, err)
	assert.Equal(t, applicable, ids)
	clauses, err := oscal.ImportCatalog(read(t, dir, "oscal/iso27001-clauses.json"), oscal.ImportOptions{Namespace: "iso27001"})
	require.NoError(t, err)
	assert.Positive(t, clauses.ISO27002().Len())
	// Every OSCAL file is valid under NIST's schema of its model, and the
	// set is consistent: every href, control id, UUID and role reference
	// resolves within the files written, UUIDs are unique, dates agree.
	set := map[string][]byte{}
	oscalDir, err := os.ReadDir(filepath.Join(dir, "oscal"))
	require.NoError(t, err)
	for _, e := range oscalDir {
		set[e.Name()] = read(t, dir, "oscal/"+e.Name())
	}
	assert.Len(t, set, 9)
	assert.Empty(t, oscalcheck.Check(set))

	// The certification cycle is certification.Schedule's.
	events, err := certification.Schedule(certification.Certificate{Decision: plannedDecision})
	require.NoError(t, err)
	wantEvents, err := json.MarshalIndent(events, "", "  ")
	require.NoError(t, err)
	assert.JSONEq(t, string(wantEvents), string(read(t, dir, "certification-cycle.json")))

	// NIST CSF coverage is nist.CSFCoverage's for the implemented Annex A
	// controls.
	var implemented []iso27002.ControlID
	for e := range s.Included() {
		if e.Status == soa.Implemented && e.Control.Edition() == iso27002.Edition2022 {
			implemented = append(implemented, e.Control)
		}
	}
	var cov []nist.FunctionCoverage
	require.NoError(t, json.Unmarshal(read(t, dir, "nist-csf-coverage.json"), &cov))
	assert.Equal(t, nist.CSFCoverage(implemented), cov)

	// Every JSON artefact is JSON, every SVG is well-formed XML.
	require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(path)
		switch filepath.Ext(path) {
		case ".json":
			assert.True(t, json.Valid(b), path)
		case ".svg":
			assert.True(t, bytes.HasPrefix(b, []byte("<svg")), path)
			assert.NoError(t, wellFormed(b), path)
		}
		return nil
	}))
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

func TestUnwritableDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	var out, errOut bytes.Buffer
	assert.Equal(t, 1, run([]string{"-out", filepath.Join(file, "sub")}, &out, &errOut))
	assert.Contains(t, errOut.String(), "quickstart: cannot create the output directory")
	assert.Empty(t, out.String())
}

// TestWriteFails blocks the first artefact (organisation.json is a
// folder) and expects the run to stop there with status 1 and say why.
// Every artefact goes through quickstart.write, whose other failure, an
// artefact's folder that cannot be made (oscal/ is a file), is checked on
// its own: a run only reaches oscal/ at its end.
func TestWriteFails(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "organisation.json", "x"), 0o755))
	var out, errOut bytes.Buffer
	assert.Equal(t, 1, run([]string{"-out", dir}, &out, &errOut))
	assert.Contains(t, errOut.String(), "quickstart: cannot write to the output directory "+dir)
	assert.NotContains(t, out.String(), "Artefacts:")
	assert.NotContains(t, out.String(), "[1/", "the run stops at its first artefact, before the first step")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "oscal"), nil, 0o644))
	q := &quickstart{dir: dir}
	var we *writeError
	require.ErrorAs(t, q.write("oscal/catalog.json", []byte("{}")), &we)
	assert.Empty(t, q.files)
	require.NoError(t, q.write("catalog.json", []byte("{}")))
	assert.Equal(t, []string{"catalog.json"}, q.files)
}

func TestBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-nope"}, 2, "flag provided but not defined"},
		{[]string{"x"}, 2, `unexpected argument "x"`},
		{[]string{"-h"}, 0, "usage: quickstart"},
	} {
		var out, errOut bytes.Buffer
		assert.Equal(t, tc.code, run(tc.args, &out, &errOut), tc.args)
		assert.Contains(t, errOut.String(), tc.msg)
	}
}

var sink int

// BenchmarkQuickstart times the whole program, artefacts included; the
// target is under 5 s on 2 cores.
func BenchmarkQuickstart(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		var out bytes.Buffer
		if code := run([]string{"-out", dir}, &out, io.Discard); code != 0 {
			b.Fatal("exit", code)
		}
		sink += out.Len()
	}
}

// TestDocsPictures keeps the README's pictures under docs/ equal to the
// quickstart's own output; go test -update rewrites them.
func TestDocsPictures(t *testing.T) {
	dir, _ := sharedRun(t)
	for _, p := range []struct{ artefact, doc string }{
		{"risk-heatmap.svg", "../../docs/heatmap.svg"},
		{"fair-loss-exceedance.svg", "../../docs/loss-exceedance.svg"},
	} {
		got := read(t, dir, p.artefact)
		if goldenfile.Updating() {
			require.NoError(t, os.MkdirAll(filepath.Dir(p.doc), 0o755))
			require.NoError(t, os.WriteFile(p.doc, got, 0o644))
		}
		want, err := os.ReadFile(p.doc)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s is stale: run go test ./examples/quickstart -update", p.doc)
	}
}

// TestProgram runs the example as `go run` does, from an empty folder,
// and checks that the run is deterministic: it writes what the shared
// run, in this process, wrote, byte for byte, and reports the same.
func TestProgram(t *testing.T) {
	wd, stdout, stderr := mainrun.RunDir(t)
	assert.Contains(t, stdout, "ismskit quickstart: Nimbus Ledger B.V., as of 2026-11-28")
	assert.Empty(t, stderr)
	a, outA := sharedRun(t)
	b := filepath.Join(wd, "ismskit-out")
	assert.Equal(t, strings.ReplaceAll(outA, a, "OUT"), strings.ReplaceAll(stdout, "ismskit-out", "OUT"))
	n := 0
	require.NoError(t, filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		x, _ := os.ReadFile(path)
		y, err := os.ReadFile(filepath.Join(b, rel))
		require.NoError(t, err, rel)
		assert.True(t, bytes.Equal(x, y), "%s differs between runs", rel)
		n++
		return nil
	}))
	assert.Equal(t, 54, n, "artefacts")
}
