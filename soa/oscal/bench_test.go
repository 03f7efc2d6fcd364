package oscal_test

import (
	"testing"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/oscal"
)

var sink []byte

// BenchmarkExportSSP exports an SoA of the 93 controls of the 2022
// catalog, every other one inherited from a provider.
func BenchmarkExportSSP(b *testing.B) {
	s := soa.SoA{Header: soa.Header{Organization: "Bench Ltd", Version: "1", Date: day}}
	i := 0
	for c := range iso27002.Catalog2022().Controls() {
		e := soa.Entry{Control: c.ID, Title: c.Title, Applicability: soa.Included, Status: soa.Implemented,
			Reasons: []soa.Reason{risk}, Owner: "CISO", Implementation: "Described in the ISMS manual."}
		if i%2 == 1 {
			e.Responsibility, e.Provider = soa.Inherited, "Cloudy Inc."
		}
		s.Entries = append(s.Entries, e)
		i++
	}
	b.ReportAllocs()
	for b.Loop() {
		out, err := oscal.ExportSSP(s, oscal.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}
