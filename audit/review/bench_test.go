package review

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/checks/sbom"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/risk"
)

var packSink *Pack

// sampleOrganisation reads the documents of the examples' sample
// organisation (Nimbus Ledger: 30 risks, 40 assets, four audits, eight
// metrics with six months of results, ten check results, an improvement
// register) from examples/internal/sample.
func sampleOrganisation(b *testing.B) (Inputs, ismskit.Date) {
	b.Helper()
	dir := "../../examples/internal/sample/"
	asOf := ismskit.MustParseDate("2026-11-28")
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	rd := func(name string) []byte {
		data, err := os.ReadFile(dir + name)
		must(err)
		return data
	}
	recs, err := iso27001.DecodeRecords(rd("records.json"))
	must(err)
	base, err := iso27001.DecodeRecords(rd("records-baseline.json"))
	must(err)
	reg, err := risk.DecodeRegister(rd("register.json"))
	must(err)
	var org struct {
		Assets []risk.Asset `json:"assets"`
	}
	must(json.Unmarshal(rd("organisation.json"), &org))
	reg.Assets = org.Assets
	aud, err := audit.DecodeRecords(rd("audit.json"))
	must(err)
	mon, err := monitor.DecodeRecords(rd("monitoring.json"))
	must(err)
	cr, err := checks.Builtin().With(sbom.Checks()...)
	must(err)
	res, err := cr.Run(os.DirFS(dir+"evidence"), asOf)
	must(err)
	mon = mon.Add(monitor.FromChecks(mon.Metrics, res)...)
	evals, err := mon.Evaluate(asOf)
	must(err)
	imp, err := DecodeRegister(rd("improvements.json"))
	must(err)
	imp = imp.Feed(FeedInput{Audit: &aud, Metrics: evals, Checks: res, Owner: "ISM"}, asOf)
	var rv struct {
		Feedback []Feedback `json:"feedback"`
	}
	must(json.Unmarshal(rd("review.json"), &rv))
	return Inputs{Records: recs, Baseline: &base, Register: &reg, Audit: &aud, Monitoring: &mon, Checks: res,
		Feedback: rv.Feedback, Improvements: &imp}, asOf
}

// BenchmarkPrepareSample prepares the management review pack of the
// sample organisation: validating its records, assessing its 30 risks,
// evaluating its metrics and objectives and summarising the ten inputs
// (target: <= 5 ms).
func BenchmarkPrepareSample(b *testing.B) {
	in, asOf := sampleOrganisation(b)
	b.ReportAllocs()
	for b.Loop() {
		p, err := Prepare(in, asOf)
		if err != nil {
			b.Fatal(err)
		}
		packSink = p
	}
}

// BenchmarkMarkdownSample renders the sample organisation's pack as
// Markdown and HTML.
func BenchmarkMarkdownSample(b *testing.B) {
	in, asOf := sampleOrganisation(b)
	p, err := Prepare(in, asOf)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = p.Markdown()
		if _, err := p.HTML(); err != nil {
			b.Fatal(err)
		}
	}
}
