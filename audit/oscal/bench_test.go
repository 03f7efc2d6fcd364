package oscal_test

import (
	"fmt"
	"testing"

	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/oscal"
)

var sink []byte

// bigRecords repeats the findings and actions of testRecords 20 times
// (120 findings, 40 corrective actions).
func bigRecords() audit.Records {
	base := testRecords()
	r := base
	r.Findings, r.Actions = nil, nil
	for i := range 20 {
		for _, f := range base.Findings {
			f.ID = fmt.Sprintf("%s-%d", f.ID, i)
			r.Findings = append(r.Findings, f)
		}
		for _, a := range base.Actions {
			a.ID = fmt.Sprintf("%s-%d", a.ID, i)
			a.Finding = fmt.Sprintf("%s-%d", a.Finding, i)
			r.Actions = append(r.Actions, a)
		}
	}
	return r
}

func BenchmarkExportResults(b *testing.B) {
	r := bigRecords()
	b.ReportAllocs()
	for b.Loop() {
		out, err := oscal.ExportResults(r, oscal.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}

func BenchmarkExportPOAM(b *testing.B) {
	recs := bigRecords()
	in := oscal.POAMInput{Records: &recs, Register: testRegister()}
	b.ReportAllocs()
	for b.Loop() {
		out, err := oscal.ExportPOAM(in, oscal.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}
