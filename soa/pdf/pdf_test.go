package pdf_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/internal/pdfdoc/pdftext"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/pdf"
)

var asOf = ismskit.NewDate(2026, 11, 28)

// testDocument is an SoA of the 2022 catalog with a reason of every
// kind, an exclusion, an inherited control, an overdue target date and a
// history.
func testDocument(t testing.TB) soa.Document {
	var src soa.Sources
	for c := range iso27002.Catalog2022().Controls() {
		d := soa.Decision{Control: c.ID, Reasons: []soa.Reason{{Kind: soa.Legal, Reference: "GDPR Art. 28 and 30 (processors, records of processing)"}},
			Status: soa.Implemented, Owner: "Information Security Manager", Implementation: "Done as the policy says.", Evidence: []string{"EV-" + c.ID.String()}}
		switch c.ID.String() {
		case "7.8":
			d = soa.Decision{Control: c.ID, Applicability: soa.Excluded, Justification: "No premises of our own."}
		case "7.1":
			d.Responsibility, d.Provider = soa.Inherited, "Example Cloud"
		case "8.5":
			d.Status, d.TargetDate = soa.Planned, ismskit.NewDate(2026, 2, 28)
		}
		src.Decisions = append(src.Decisions, d)
	}
	s, err := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ledger Ltd", Scope: "ISMS-1", Version: "2.0", Date: asOf,
		PreparedBy: "ISMS manager"}, Sources: src})
	require.NoError(t, err)
	older := s.Clone()
	older.Header.Version = "1.0"
	older.Entries[0].Status = soa.Planned
	return soa.Document{SoA: s, ScopeStatement: "The ledger platform and its operation.", History: []soa.ChangeLog{soa.Diff(older, s)},
		Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
}

func TestEncode(t *testing.T) {
	d := testDocument(t)
	b, err := pdf.Encode(d)
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/soa.golden.pdf", b)
	var buf bytes.Buffer
	require.NoError(t, pdf.Write(&buf, d))
	assert.Equal(t, b, buf.Bytes(), "deterministic")

	pages, text := pdftext.Read(b)
	assert.Equal(t, 8, pages)
	for _, want := range []string{"Statement of Applicability", "Example Ledger Ltd", "CONFIDENTIAL", "Version", "2.0",
		"The ledger platform and its operation. (ISMS-1)", "Organizational controls: 37 controls, 37 applicable",
		"Physical controls: 14 controls, 13 applicable, 1 excluded", "Legal: GDPR Art. 28 and 30",
		"No premises of our own.", "Inherited from Example Cloud.", "OVERDUE", "1 control changed: 5.1 (status).",
		"Prepared by", "Page 1 of 8"} {
		assert.Contains(t, text, want)
	}
}

func TestZeroAndErrors(t *testing.T) {
	b, err := pdf.Encode(soa.Document{})
	require.NoError(t, err)
	pages, text := pdftext.Read(b)
	assert.Equal(t, 2, pages)
	assert.Contains(t, text, "No earlier version is recorded.")
	assert.ErrorIs(t, pdf.Write(nil, soa.Document{}), ismskit.ErrMissing)
	_, err = pdf.Encode(soa.Document{Letterhead: ismskit.Letterhead{Logo: []byte("GIF89a")}})
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

func TestAPI(t *testing.T) {
	apitest.JSON(t, ".")
	apitest.ZeroCalls(t, ".", map[string]any{"Encode": pdf.Encode, "Write": pdf.Write})
}

var sink []byte

// BenchmarkEncode: the SoA of the 93 controls of ISO/IEC 27002:2022.
func BenchmarkEncode(b *testing.B) {
	d := testDocument(b)
	b.ReportAllocs()
	for b.Loop() {
		out, err := pdf.Encode(d)
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}
