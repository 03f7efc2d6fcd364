// Command risk assesses a risk register with package risk: it prints the
// top risks in priority order, the risks whose residual level is above
// the acceptance criteria without a valid acceptance by their owner
// (ISO/IEC 27001:2022 clause 6.1.3 f), and the consistency findings, and
// can draw the heat map as SVG. It can also score a CVSS vector of any
// version: 2.0, 3.0, 3.1 or 4.0.
//
// Usage:
//
//	go run ./examples/risk                           # the embedded sample register
//	go run ./examples/risk -register reg.json -svg heatmap.svg
//	go run ./examples/risk -register risks.csv       # a CSV risk table, see below
//	go run ./examples/risk -cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
//	go run ./examples/risk -cvss CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N
//	go run ./examples/risk -cvss '(AV:N/AC:L/Au:N/C:P/I:P/A:P)'
//
// A JSON register is complete. A CSV file holds only the risk table
// (risk.CSVColumns()); its risks are assessed with the criteria, assets,
// threats and vulnerabilities of the sample register.
//
// -cvss prints the vector's scores as JSON: its version, its overall
// score (the environmental score of a 2.0 or 3.x vector that has
// environmental metrics, the score of every metric given for 4.0) and
// severity; for 2.0 and 3.x the base, temporal and environmental scores,
// for 4.0 the nomenclature and the MacroVector.
//
// Bad flags, a bad register or a bad vector (an empty one included)
// print a message on stderr and exit with status 2.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/scoring"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now().UTC()))
}

// run is the program; it returns the exit status.
func run(args []string, stdout, stderr io.Writer, now time.Time) int {
	fs := flag.NewFlagSet("risk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	registerPath := fs.String("register", "", "register `file`: JSON, or CSV (risk table only); default: the embedded sample")
	svgPath := fs.String("svg", "", "write the inherent and residual heat map as SVG to `path`")
	cvss := fs.String("cvss", "", "print the scores of CVSS `vector` (2.0, 3.0, 3.1 or 4.0) as JSON and exit")
	top := fs.Int("top", 10, "number of top risks to print")
	asOfFlag := fs.String("asof", "", "date of the acceptance check, `YYYY-MM-DD` (default: today, UTC)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: risk [-register FILE] [-svg PATH] [-top N] [-asof YYYY-MM-DD] | risk -cvss VECTOR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "risk: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *top < 0 {
		fmt.Fprintln(stderr, "risk: -top must not be negative")
		return 2
	}
	cvssSet := false
	fs.Visit(func(f *flag.Flag) { cvssSet = cvssSet || f.Name == "cvss" })
	if cvssSet {
		return printCVSS(*cvss, stdout, stderr)
	}
	asOf := ismskit.DateOf(now)
	if *asOfFlag != "" {
		t, err := ismskit.ParseDate(*asOfFlag)
		if err != nil {
			fmt.Fprintf(stderr, "risk: -asof %q is not a date YYYY-MM-DD\n", *asOfFlag)
			return 2
		}
		asOf = t
	}

	reg, err := loadRegister(*registerPath)
	if err != nil {
		fmt.Fprintf(stderr, "risk: %v\n", err)
		return 2
	}
	if err := reg.Validate(); err != nil {
		fmt.Fprintf(stderr, "risk: the register is not valid:\n%s\n", indent(err))
		return 2
	}
	findings, err := risk.Check(reg)
	if err != nil {
		fmt.Fprintf(stderr, "risk: cannot assess the register:\n%s\n", indent(err))
		return 2
	}
	as, err := risk.AssessRegister(reg)
	if err != nil {
		fmt.Fprintf(stderr, "risk: cannot assess the register:\n%s\n", indent(err))
		return 2
	}
	gaps, err := risk.NeedingAcceptance(reg, asOf)
	if err != nil {
		fmt.Fprintf(stderr, "risk: %v\n", err)
		return 2
	}

	report(stdout, reg, as, gaps, findings, *top, asOf)

	if *svgPath != "" {
		h, err := risk.NewHeatMap(reg.Criteria, as)
		if err != nil {
			fmt.Fprintf(stderr, "risk: heat map: %v\n", err)
			return 2
		}
		if err := os.WriteFile(*svgPath, h.SVG(), 0o644); err != nil {
			fmt.Fprintf(stderr, "risk: %v\n", err)
			return 2
		}
		fmt.Fprintf(stdout, "\nHeat map written to %s\n", *svgPath)
	}
	for _, f := range findings {
		if f.Severity == risk.SeverityError {
			fmt.Fprintln(stderr, "risk: the register has inconsistent assessments")
			return 2
		}
	}
	return 0
}

// loadRegister reads the register at path, or the sample when path is
// empty.
func loadRegister(path string) (risk.Register, error) {
	base, err := risk.DecodeRegister(sample.RegisterJSON())
	if err != nil {
		return risk.Register{}, fmt.Errorf("embedded sample: %w", err)
	}
	if path == "" {
		return base, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return risk.Register{}, err
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if strings.EqualFold(filepath.Ext(path), ".csv") || (len(trimmed) > 0 && trimmed[0] != '{') {
		risks, err := risk.DecodeCSV(data)
		if err != nil {
			return risk.Register{}, fmt.Errorf("%s is not a valid risk CSV:\n%s", path, indent(err))
		}
		base.Name = filepath.Base(path)
		base.Risks = risks
		return base, nil
	}
	reg, err := risk.DecodeRegister(data)
	if err != nil {
		return risk.Register{}, fmt.Errorf("%s is not a valid register:\n%s", path, indent(err))
	}
	return reg, nil
}

// indent puts each line of err's text on its own indented line.
func indent(err error) string {
	return "  " + strings.ReplaceAll(err.Error(), "\n", "\n  ")
}

func report(w io.Writer, reg risk.Register, as []risk.Assessment, gaps []risk.Unaccepted, findings []risk.Finding, top int, asOf ismskit.Date) {
	name := reg.Name
	if name == "" {
		name = "Risk register"
	}
	fmt.Fprintf(w, "%s: %d risks, criteria %s\n\n", name, len(reg.Risks), reg.Criteria.Ref())

	ranked := risk.Rank(as, risk.Residual)
	if top > len(ranked) {
		top = len(ranked)
	}
	fmt.Fprintf(w, "Top %d risks by residual level:\n", top)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tID\tResidual\tInherent\tOwner\tTitle")
	for _, r := range ranked[:top] {
		rk, _ := reg.Risk(r.RiskID) // every ranked risk is in the register
		fmt.Fprintf(tw, "%d\t%s\t%v\t%v\t%s\t%s\n", r.Position, r.RiskID, r.Residual, r.Inherent, rk.Owner, rk.Title)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nRisks above the acceptance criteria without a valid acceptance (as of %s): %d\n", asOf, len(gaps))
	if len(gaps) > 0 {
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tResidual\tLimit\tAcceptance\tOwner")
		for _, g := range gaps {
			fmt.Fprintf(tw, "%s\t%v\t%s\t%v\t%s\n", g.RiskID, g.Residual, g.Limit, g.Status, g.Owner)
		}
		tw.Flush()
	}
	if len(findings) > 0 {
		fmt.Fprintf(w, "\nConsistency findings: %d\n", len(findings))
		for _, f := range findings {
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
}

// cvssOutput is what -cvss prints. The group scores are pointers so
// that a 4.0 vector leaves them out and a 2.0 or 3.x one shows a 0.0.
type cvssOutput struct {
	Version       string   `json:"version"`
	Score         float64  `json:"score"`
	Severity      string   `json:"severity"`
	Base          *float64 `json:"base,omitempty"`
	Temporal      *float64 `json:"temporal,omitempty"`
	Environmental *float64 `json:"environmental,omitempty"`
	Nomenclature  string   `json:"nomenclature,omitempty"`
	MacroVector   string   `json:"macroVector,omitempty"`
}

// printCVSS prints the scores of a CVSS vector of any version as JSON.
func printCVSS(vector string, stdout, stderr io.Writer) int {
	if strings.TrimSpace(vector) == "" {
		fmt.Fprintln(stderr, "risk: -cvss needs a vector, such as CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
		return 2
	}
	res, err := scoring.CVSS{}.Score(vector)
	if err != nil {
		fmt.Fprintf(stderr, "risk: -cvss %q is not a valid CVSS vector:\n%s\n", vector, indent(err))
		return 2
	}
	out := cvssOutput{Version: res.Version, Score: res.Score, Severity: res.Severity, Nomenclature: res.Nomenclature, MacroVector: res.MacroVector}
	for _, p := range res.Parts {
		score := p.Score
		switch p.Name {
		case "base":
			out.Base = &score
		case "temporal":
			out.Temporal = &score
		case "environmental":
			out.Environmental = &score
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		fmt.Fprintf(stderr, "risk: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "%s\n", b)
	return 0
}
