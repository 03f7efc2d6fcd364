package pdf_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/pdf"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/internal/pdfdoc/pdftext"
)

func TestEncode(t *testing.T) {
	rep, err := audit.DecodeReport(mustRead(t, "../testdata/report.json"))
	require.NoError(t, err)
	d := audit.ReportDocument{Report: rep, Version: "1.0", Auditees: []string{"CTO", "IT Manager"},
		Distribution: []string{"Management team"}, ApprovedBy: "CEO", Letterhead: ismskit.Letterhead{Classification: "Restricted"}}
	b, err := pdf.Encode(d)
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/report.golden.pdf", b)
	var buf bytes.Buffer
	require.NoError(t, pdf.Write(&buf, d))
	assert.Equal(t, b, buf.Bytes(), "deterministic")

	pages, text := pdftext.Read(b)
	assert.GreaterOrEqual(t, pages, 3)
	for _, want := range []string{"Audit report", "Example Ltd", "RESTRICTED", "Executive summary", "Objectives, criteria and method",
		"Auditees", "CTO, IT Manager", "Ben (lead)", "Findings by result", "Major nonconformity (1)", "Corrective actions",
		"Escalate cancelled patch windows to the CTO.", "Readiness and verdict", "Not ready for certification",
		"Management team", "Sign-off", "Approved by", "CEO"} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, text, "open-major-nonconformity")
}

func TestZeroAndErrors(t *testing.T) {
	b, err := pdf.Encode(audit.ReportDocument{})
	require.NoError(t, err)
	_, text := pdftext.Read(b)
	assert.Contains(t, text, "No audit of the programme has taken place yet")
	assert.ErrorIs(t, pdf.Write(nil, audit.ReportDocument{}), ismskit.ErrMissing)
	_, err = pdf.Encode(audit.ReportDocument{Letterhead: ismskit.Letterhead{Colour: "#12345"}})
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
}

func TestAPI(t *testing.T) {
	apitest.JSON(t, ".")
	apitest.ZeroCalls(t, ".", map[string]any{"Encode": pdf.Encode, "Write": pdf.Write})
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}
