package oscal_test

import (
	"os"
	"testing"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
)

var sink any

func BenchmarkExportCatalog2022(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		out, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{LastModified: when})
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
		out, err := oscal.ExportCorrespondence(oscal.MappingOptions{Options: oscal.Options{LastModified: when}})
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}
