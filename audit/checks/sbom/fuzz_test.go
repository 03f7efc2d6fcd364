package sbom

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
)

// FuzzDecodeBOM checks that any input decodes without a panic, to an SBOM
// or to problems with a kind, and that the checks' counts hold together.
func FuzzDecodeBOM(f *testing.F) {
	f.Add(read(f, File))
	f.Add([]byte(`{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": [{"type": "library", "name": "a", "components": [{"type": "library", "name": "b", "version": "1"}]}]}`))
	f.Add([]byte(`{"bomFormat": "CycloneDX", "specVersion": "9.9"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		bom, err := DecodeBOM(data, ismskit.MaxDepth(32))
		if err != nil {
			for _, p := range ismskit.Problems(err) {
				if p.Kind() == nil {
					t.Fatalf("a problem without a kind: %v", p)
				}
			}
			return
		}
		inv := Inventory{}.Evaluate(bom, asOf)
		vul := Vulnerable{}.Evaluate(bom, checks.TrivyReport{}, asOf)
		if inv.Total != len(Components(bom)) || vul.Total > inv.Total || inv.Failed > inv.Total || vul.Failed != 0 {
			t.Fatalf("counts do not hold: %d components, %d/%d, %d/%d", len(Components(bom)), inv.Failed, inv.Total, vul.Failed, vul.Total)
		}
	})
}
