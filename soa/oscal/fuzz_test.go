package oscal_test

import (
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/oscal"
)

// FuzzExportSSP builds an SoA from arbitrary strings and enum values: the
// export never panics, and whatever it accepts is valid under NIST's
// schema and the same on a second run.
func FuzzExportSSP(f *testing.F) {
	f.Add("Example Ltd", "5.1", "CISO", "Cloudy Inc.", "a note", "R-1", "GDPR Art. 32", uint8(1), uint8(4), uint8(0), int64(0))
	f.Add("Example Ltd", "7.5", "", "", "", "", "", uint8(2), uint8(5), uint8(1), int64(1800000000))
	f.Add(" Org\n", "acme:x-1", "two\nlines", " p", "", "R 1", "ref ", uint8(0), uint8(9), uint8(7), int64(-99999999999))
	f.Fuzz(func(t *testing.T, org, control, owner, provider, note, riskID, ref string, appl, status, resp uint8, date int64) {
		id, _ := iso27002.Parse(control)
		e := soa.Entry{Control: id, Applicability: soa.Applicability(appl % 4), Status: soa.Status(status % 7),
			Responsibility: soa.Responsibility(resp % 4), Owner: owner, Provider: provider, Justification: note,
			Reasons:    []soa.Reason{{Kind: soa.ReasonKind(appl % 8), Risks: []string{riskID}, Reference: ref, Note: note}},
			Notes:      []string{note},
			TargetDate: ismskit.DateOf(time.Unix(date, 0))}
		s := soa.SoA{Header: soa.Header{Organization: org, Version: owner, Date: ismskit.DateOf(time.Unix(date, 0))}, Entries: []soa.Entry{e}}
		out, err := oscal.ExportSSP(s, oscal.Options{})
		if err != nil {
			return
		}
		validate(t, "ssp", out)
		again, err := oscal.ExportSSP(s, oscal.Options{})
		if err != nil || string(again) != string(out) {
			t.Fatalf("second export differs: %v", err)
		}
	})
}
