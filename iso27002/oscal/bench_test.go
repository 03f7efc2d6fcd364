package oscal_test

import (
	"os"
	"testing"
	"time"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
)

var sink any

func BenchmarkExportCatalog2022(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		out, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}

func BenchmarkImportCatalog2022(b *testing.B) {
	data, err := os.ReadFile("testdata/iso27002-2022.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		cat, err := oscal.ImportCatalog(data, oscal.ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		sink = cat
	}
}

func BenchmarkExportCorrespondence(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		out, err := oscal.ExportCorrespondence(oscal.MappingOptions{})
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}

// BenchmarkImportNIST imports NIST SP 800-53 rev 5 (3.2 MB of JSON, 1,189
// controls). Target: at most 50 ms and 15 MB a run.
func BenchmarkImportNIST(b *testing.B) {
	data, err := os.ReadFile("testdata/nist/NIST_SP-800-53_rev5_catalog.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	start := cpuTime()
	for b.Loop() {
		cat, err := oscal.ImportCatalog(data, oscal.ImportOptions{Namespace: "nist"})
		if err != nil {
			b.Fatal(err)
		}
		sink = cat
	}
	reportCPU(b, start)
}

// reportCPU reports the CPU time a run of the benchmark took, all
// goroutines (the garbage collector's too) counted, as cpu-ms/op.
func reportCPU(b *testing.B, start time.Duration) {
	if used := cpuTime() - start; used > 0 && b.N > 0 {
		b.ReportMetric(float64(used)/float64(b.N)/1e6, "cpu-ms/op")
	}
}

// BenchmarkExportNIST writes NIST SP 800-53 rev 5 back as OSCAL 1.2.1.
// Target: at most 20 ms a run.
func BenchmarkExportNIST(b *testing.B) {
	data, err := os.ReadFile("testdata/nist/NIST_SP-800-53_rev5_catalog.json")
	if err != nil {
		b.Fatal(err)
	}
	cat, err := oscal.ImportCatalog(data, oscal.ImportOptions{Namespace: "nist"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		out, err := oscal.EncodeCatalog(cat)
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
	reportCPU(b, start)
}
