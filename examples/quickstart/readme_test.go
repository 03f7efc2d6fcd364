package main

// The code of the README's tour. Each ```go block of README.md appears
// verbatim (up to indentation) inside one of these examples, which
// TestReadmeSnippets checks, so every snippet of the README compiles and
// its printed results are checked by go test.

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/fair"
	"github.com/ismskit/ismskit/risk/scoring"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/xlsx"
)

func Example_readmeCatalog() {
	cat := iso27002.Catalog2022()
	c, _ := cat.Lookup(iso27002.MustParse("8.24"))
	fmt.Println(c.ID, c.Title, c.Attributes.Strings(iso27002.SecurityDomain))

	for c := range cat.Select(iso27002.InTheme(iso27002.People), iso27002.HasAttribute(iso27002.Detective)) {
		fmt.Println(c.ID, c.Title)
	}
	fmt.Println(iso27002.To2022(iso27002.MustParse("A.18.2.3")))
	// Output:
	// 8.24 Use of cryptography [Protection]
	// 6.8 Information security event reporting
	// [5.36 8.8]
}

func Example_readmeRisk() {
	data := sample.RegisterJSON()

	reg, err := risk.DecodeRegister(data) // strict: a misspelt key is an error with its path
	if err != nil {
		panic(err)
	}
	as, err := risk.AssessRegister(reg) // inherent, current and residual ratings
	if err != nil {
		panic(err)
	}
	for _, r := range risk.Rank(as, risk.Residual)[:3] {
		fmt.Println(r.Position, r.RiskID, r.Inherent.Level, "->", r.Residual.Level)
	}
	heat, _ := risk.NewHeatMap(reg.Criteria, as)
	svg := heat.SVG() // inherent and residual side by side
	asOf := ismskit.NewDate(2026, 11, 28)
	gaps, _ := risk.NeedingAcceptance(reg, asOf) // above the criteria, not accepted by the owner
	fmt.Println(len(svg) > 0, len(gaps), "risks need their owner's acceptance")
	// Output:
	// 1 R-06 high -> high
	// 1 R-09 high -> high
	// 1 R-13 high -> high
	// true 8 risks need their owner's acceptance
}

func Example_readmeCVSS() {
	reg, err := risk.DecodeRegister(sample.RegisterJSON())
	if err != nil {
		panic(err)
	}
	res, err := scoring.CVSS{}.Score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
	if err != nil {
		panic(err) // every problem of the vector, each with its metric
	}
	fmt.Println(res.Score, res.Severity, res.Nomenclature, res.MacroVector) // 9.3 critical CVSS-B 000200
	a, _ := risk.NewAssessor(reg.Criteria)
	est, _ := a.EstimateFromScore(res) // likelihood and impact, by a documented, versioned mapping
	fmt.Println(est)
	// Output:
	// 9.3 critical CVSS-B 000200
	// {5 5}
}

func Example_readmeFAIR() {
	lef := fair.ClassicPERT(0.05, 0.2, 0.6) // loss events a year: low, most likely, high
	lm := fair.LogNormal90(50e3, 2e6)       // loss per event, 90% confidence interval
	s := fair.Scenario{Name: "public bucket", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}
	res, err := fair.Simulate(s, fair.Options{Iterations: 100_000, Seed: 1, Mode: fair.Event})
	if err != nil {
		panic(err)
	}
	fmt.Printf("mean %.0fk a year, P(loss > 1M) %.0f%%\n", math.Round(res.Mean()/1e4)*10, 100*res.Exceedance(1e6))
	curve := fair.Curve{Label: s.Name, Points: res.ExceedanceCurve(res.CurveAmounts(50))}
	svg := fair.LossExceedanceSVG("Loss exceedance", curve)
	fmt.Println(strings.HasPrefix(string(svg), "<svg"))
	// Output:
	// mean 140k a year, P(loss > 1M) 4%
	// true
}

func Example_readmeSoA() {
	reg := risk.Register{Criteria: risk.Standard5x5(), Risks: []risk.Risk{{
		ID: "R-1", Title: "Ransomware", Owner: "CTO", Likelihood: 3, Impact: 4,
		Controls:  []risk.AppliedControl{{Control: iso27002.MustParse("8.13"), Status: risk.Implemented}},
		Treatment: risk.Treatment{Option: risk.Modify},
	}}}
	date := ismskit.NewDate(2026, 11, 28)

	s, err := soa.Generate(soa.Input{
		Header:   soa.Header{Organization: "Example Ltd", Version: "1.0", Date: date},
		Register: reg, // 6.1.3 b: every control treating a risk is included with the risk IDs
		Sources: soa.Sources{
			Obligations: []soa.Obligation{{ID: "GDPR", Kind: soa.Legal, Reference: "GDPR Art. 32",
				Controls: []iso27002.ControlID{iso27002.MustParse("5.34")}}},
			Decisions: []soa.Decision{{Control: iso27002.MustParse("7.4"), Applicability: soa.Excluded,
				Justification: "No premises of our own"}},
		},
	})
	if err != nil {
		panic(err)
	}
	err = s.Validate(soa.ValidateOptions{Register: &reg}) // every problem, each with its path
	var fe *ismskit.Error
	fmt.Println(errors.Is(err, soa.ErrUndecided), errors.As(err, &fe), fe.Path)

	md := soa.Markdown(s)      // also soa.HTML, soa.EncodeCSV, soa.EncodeSoA (JSON)
	sheet, _ := xlsx.Encode(s) // package soa/xlsx
	fmt.Println(len(s.Entries), len(md) > 0, len(sheet) > 0)
	// Output:
	// true true entries[0].applicability
	// 93 true true
}

func Example_readmeAudit() {
	asOf := ismskit.NewDate(2026, 11, 28)
	records := iso27001.Records{Edition: iso27001.Edition2022, Organization: "Example Ltd"}
	applicable := []iso27002.ControlID{iso27002.MustParse("5.15"), iso27002.MustParse("8.13")}

	gap, err := iso27001.Analyze(records, asOf) // clauses 4 to 10 against the ISMS records
	if err != nil {
		panic(err)
	}
	basis := audit.Basis{Applicable: applicable} // from the SoA; HighRisk from the register
	start := ismskit.MustParseDate("2026-01-12")
	slots, err := audit.EvenSlots(start, 3, 2)
	if err != nil {
		panic(err)
	}
	prog, err := audit.Plan(audit.PlanOptions{
		Basis: basis, CycleStart: start, Slots: slots,
		Auditors: []audit.Auditor{{Name: "Ana"}, {Name: "Ben"}},
	})
	if err != nil {
		panic(err)
	}
	list, _ := audit.NewChecklist(prog.Audits[0], basis) // what to check, evidence to ask for
	rd, err := audit.Assess(audit.Records{Programme: prog}, basis, audit.ReadinessInput{Gap: gap}, asOf)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(prog.Audits), "audits,", len(list.Lines), "lines in the first; ready:", rd.Ready)
	fmt.Println(rd.Reasons[0].Kind, rd.Reasons[0].Subject)
	// Output:
	// 3 audits, 54 lines in the first; ready: false
	// Missing documented information 4.3.p2
}

func Example_readmeOSCAL() {
	out, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{})
	if err != nil {
		panic(err)
	}
	back, err := oscal.ImportCatalog(out, oscal.ImportOptions{}) // or NIST SP 800-53, your own
	fmt.Println(back.Len(), err)
	// Output:
	// 93 <nil>
}

func Example_readmeOverlay() {
	licensed := fstest.MapFS{"iso27002-2022.json": {Data: []byte(`{"source": "our licensed copy",
		"controls": {"5.1": {"control": "(the text of your licensed copy)"}}}`)}}

	overlay, err := iso27002.LoadOverlay(licensed, "iso27002-2022.json")
	if err != nil {
		panic(err)
	}
	cat, err := iso27002.Catalog2022().WithOverlay(overlay) // a copy: the built-in catalog is unchanged
	if err != nil {
		panic(err)
	}
	c, _ := cat.Lookup(iso27002.MustParse("5.1"))
	fmt.Println(c.Text.Control)
	// Output:
	// (the text of your licensed copy)
}

// TestReadmeSnippets checks that every Go block of README.md is code of
// an example in this package's readme*_test.go files, so that the README cannot drift from code that compiles and
// runs.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	// The snippets live in the examples of every readme*_test.go file.
	files, err := filepath.Glob("readme*_test.go")
	require.NoError(t, err)
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		all.Write(b)
	}
	code := normalise(all.String())
	blocks := goBlocks(string(readme))
	require.NotEmpty(t, blocks, "README.md has no Go blocks")
	for _, b := range blocks {
		assert.Contains(t, code, normalise(b), "README.md block not found in any readme*_test.go")
	}
}

// TestReadmeOutput checks that the quickstart output quoted in README.md
// (its text blocks) is in the golden report.
func TestReadmeOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	golden, err := os.ReadFile("testdata/report.golden.txt")
	require.NoError(t, err)
	blocks := fenced(string(readme), "text")
	require.NotEmpty(t, blocks)
	for _, b := range blocks {
		assert.Contains(t, string(golden), b+"\n", "README.md quotes quickstart output that it no longer prints")
	}
}

// TestReadmeStartsWithCommands keeps the two commands for a fresh machine
// first in the README.
func TestReadmeStartsWithCommands(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	var cmds []string
	sc := bufio.NewScanner(strings.NewReader(string(readme)))
	for sc.Scan() && len(cmds) < 2 {
		if line := strings.TrimSpace(sc.Text()); strings.HasPrefix(line, "go ") {
			cmds = append(cmds, strings.Join(strings.Fields(strings.SplitN(line, "#", 2)[0]), " "))
		}
	}
	assert.Equal(t, []string{"go run ./examples/quickstart", "go test ./..."}, cmds)
}

// goBlocks returns the bodies of the ```go fenced blocks of a Markdown
// text.
func goBlocks(md string) []string { return fenced(md, "go") }

// fenced returns the bodies of the fenced blocks of a Markdown text in
// the given language.
func fenced(md, lang string) []string {
	var out []string
	var cur []string
	in := false
	for _, line := range strings.Split(md, "\n") {
		switch {
		case !in && strings.TrimSpace(line) == "```"+lang:
			in, cur = true, nil
		case in && strings.TrimSpace(line) == "```":
			in = false
			out = append(out, strings.Join(cur, "\n"))
		case in:
			cur = append(cur, line)
		}
	}
	return out
}

// normalise trims every line and drops empty ones.
func normalise(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
