package risk

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

// Every problem in a list names the element the user knows, as its
// Item, whichever function reports it.
func TestProblemsNameTheirElement(t *testing.T) {
	broken := testRegister()
	broken.Risks[2].Likelihood = 9
	history := testRegister()
	history.Risks[1].Approvals = []Approval{{By: "cmo", At: day("2026-01-01")}}
	crit := Standard5x5()
	crit.RiskLevels[2].Colour = "orange"

	tests := []struct {
		name string
		err  func() error
		path string
		item string
	}{
		{"Validate", func() error { return broken.Validate() }, "risks[2].likelihood", "R-10"},
		{"AssessRegister", func() error { _, err := AssessRegister(broken); return err }, "risks[2].likelihood", "R-10"},
		{"Check", func() error { _, err := Check(broken); return err }, "risks[2].likelihood", "R-10"},
		{"NeedingAcceptance", func() error { _, err := NeedingAcceptance(broken, day("2026-01-01")); return err }, "risks[2].likelihood", "R-10"},
		{"CheckHistory", func() error { return CheckHistory(history, testRegister()) }, "risks[1].approvals[0]", "R-2"},
		{"CheckControls", func() error {
			return CheckControls(testRegister(), func(id iso27002.ControlID) bool { return id.String() != "8.7" })
		}, "risks[0].controls[1].control", "R-1"},
		{"Criteria.Validate", func() error { return crit.Validate() }, "riskLevels[2].colour", "high"},
		{"Register.Validate of the criteria", func() error { return Register{Criteria: crit}.Validate() }, "criteria.riskLevels[2].colour", "high"},
		{"EncodeCSV", func() error { _, err := EncodeCSV([]Risk{{ID: "R-7", Assets: []string{"a;b"}}}); return err }, "risks[0].assets[0]", "R-7"},
		{"DecodeCSV", func() error { _, err := DecodeCSV([]byte("id,likelihood\nR-8,high\n")); return err }, "rows[0].likelihood", "R-8"},
		{"DecodeCSV short row", func() error { _, err := DecodeCSV([]byte("id,likelihood\nR-9\n")); return err }, "rows[0]", "R-9"},
		{"NewHeatMap", func() error {
			_, err := NewHeatMap(Standard5x5(), []Assessment{{RiskID: "R-4"}})
			return err
		}, "assessments[0].criteria", "R-4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			items := map[string]string{}
			for _, p := range ismskit.Problems(err) {
				items[p.Path] = p.Item
			}
			assert.Contains(t, items, tt.path, "%v", err)
			assert.Equal(t, tt.item, items[tt.path])
		})
	}
}
