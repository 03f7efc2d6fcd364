package xlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// golden compares got with the golden file path, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

var asOf = ismskit.NewDate(2026, 11, 28)

// testSoA is a complete SoA with the awkward values a workbook must keep.
func testSoA(t testing.TB) soa.SoA {
	t.Helper()
	reg := risk.Register{Risks: []risk.Risk{{ID: "R-1", Controls: []risk.AppliedControl{
		{Control: iso27002.MustParse("8.13"), Status: risk.Implemented},
		{Control: iso27002.MustParse("8.7"), Status: risk.Planned},
	}}}}
	var src soa.Sources
	for ctl := range iso27002.Catalog2022().Controls() {
		switch {
		case ctl.Theme == iso27002.Physical && ctl.ID != iso27002.MustParse("7.1"):
			src.Decisions = append(src.Decisions, soa.Decision{Control: ctl.ID, Applicability: soa.Excluded, Justification: "No premises of our own"})
		case ctl.ID == iso27002.MustParse("7.1"):
			src.Decisions = append(src.Decisions, soa.Decision{Control: ctl.ID, Reasons: []soa.Reason{{Kind: soa.BestPractice}},
				Status: soa.Implemented, Responsibility: soa.Inherited, Provider: "Example Cloud", Evidence: []string{"SOC 2 report"}})
		case ctl.ID.String() == "8.13" || ctl.ID.String() == "8.7":
			src.Decisions = append(src.Decisions, soa.Decision{Control: ctl.ID, Owner: "Ops"})
		default:
			src.Decisions = append(src.Decisions, soa.Decision{Control: ctl.ID, Reasons: []soa.Reason{{Kind: soa.Legal, Reference: "GDPR Art. 32"}},
				Status: soa.Implemented, Owner: "ISMS manager", Evidence: []string{"EV-" + ctl.ID.String()}})
		}
	}
	s, err := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ledger Ltd", Scope: "ISMS-SCOPE-1", Version: "1.0", Date: asOf,
		PreparedBy: "ISMS manager", ApprovedBy: "CEO", ApprovedAt: asOf.AddDate(0, 0, 1)}, Register: reg, Sources: src})
	require.NoError(t, err)
	e := &s.Entries[0]
	e.Reasons = append(e.Reasons, soa.Reason{Kind: soa.Contractual, Reference: `MSA; clause "7", <b>`, Note: "two\nlines"})
	e.Implementation = "  leading spaces, CRLF\r\nand = a formula-like =SUM(A1) "
	e.Evidence = []string{"POL-01, v3", "multi\nline"}
	e.Notes = []string{"note; x"}
	e.TargetDate = ismskit.NewDate(2027, 1, 15)
	e.Extensions = json.RawMessage(`{"grc":{"ticket":"SEC-1"}}`)
	s.Extensions = json.RawMessage(`{"tool":"x"}`)
	s.Entries[1].Responsibility, s.Entries[1].Provider = soa.Shared, "Example Cloud"
	require.NoError(t, s.Validate(soa.ValidateOptions{}))
	return s
}

func TestFieldsMatchColumns(t *testing.T) {
	assert.Len(t, fields, len(soa.TableHeader()))
	assert.Len(t, widths, len(soa.TableHeader()))
}

func TestRoundTrip(t *testing.T) {
	s := testSoA(t)
	b, err := Encode(s)
	require.NoError(t, err)
	back, err := Decode(b)
	require.NoError(t, err)
	assert.Equal(t, s, back, "read back without loss")

	b2, err := Encode(s)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(b, b2), "the same SoA gives the same bytes")
	golden(t, "testdata/soa.golden.xlsx", b)
}

// dump describes a workbook's structure and content as text.
func dump(t *testing.T, b []byte) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	require.NoError(t, err)
	defer f.Close()
	var out strings.Builder
	props, err := f.GetDocProps()
	require.NoError(t, err)
	fmt.Fprintf(&out, "properties: title=%q created=%s modified=%s creator=%s version=%s\n", props.Title, props.Created, props.Modified, props.Creator, props.Version)
	fmt.Fprintf(&out, "sheets: %s (active %d)\n", strings.Join(f.GetSheetList(), ", "), f.GetActiveSheetIndex())
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&out, "defined name: %s scope=%s refers=%s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&out, "\n== %s\n", sheet)
		p, err := f.GetPanes(sheet)
		require.NoError(t, err)
		fmt.Fprintf(&out, "panes: freeze=%v xsplit=%d ysplit=%d topLeft=%s active=%s\n", p.Freeze, p.XSplit, p.YSplit, p.TopLeftCell, p.ActivePane)
		rows, err := f.GetRows(sheet)
		require.NoError(t, err)
		var ws []string
		for c := 1; c <= len(rows[0]); c++ {
			name, _ := excelize.ColumnNumberToName(c)
			w, err := f.GetColWidth(sheet, name)
			require.NoError(t, err)
			ws = append(ws, fmt.Sprintf("%s=%g", name, w))
		}
		fmt.Fprintf(&out, "widths: %s\n", strings.Join(ws, " "))
		style, err := f.GetCellStyle(sheet, "A1")
		require.NoError(t, err)
		st, err := f.GetStyle(style)
		require.NoError(t, err)
		fmt.Fprintf(&out, "header style: bold=%v fill=%v\n", st.Font != nil && st.Font.Bold, st.Fill.Color)
		for i, r := range rows {
			fmt.Fprintf(&out, "%d: %q\n", i+1, r)
		}
	}
	return []byte(out.String())
}

func TestStructureGolden(t *testing.T) {
	b, err := Encode(testSoA(t))
	require.NoError(t, err)
	d := dump(t, b)
	golden(t, "testdata/soa.xlsx.txt", d)
	text := string(d)
	assert.Contains(t, text, "sheets: SoA, Summary, Document (active 0)")
	assert.Contains(t, text, "defined name: _xlnm._FilterDatabase scope=SoA refers='SoA'!$A$1:$O$94")
	assert.Contains(t, text, "panes: freeze=true xsplit=1 ysplit=1 topLeft=B2 active=bottomRight")
	assert.Contains(t, text, `1: ["Control" "Title" "Theme" "Applicable" "Reasons for inclusion" "Justification for exclusion" "Status" "Owner" "Evidence"`)
	assert.Contains(t, text, `["Total" "93" "80" "13" "0" "0" "1" "0" "79" "13" "0"]`)
}

func TestWriteRejectsWhatACellCannotHold(t *testing.T) {
	s := testSoA(t)
	s.Entries[2].Owner = "bell\a"
	s.Entries[3].Implementation = strings.Repeat("x", maxCell+1)
	s.Header.Scope = "bad \xff utf-8"
	var buf bytes.Buffer
	err := Write(&buf, s)
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	assert.Contains(t, err.Error(), `entries[2].owner (5.3): a control character`)
	assert.Contains(t, err.Error(), `entries[3].implementation (5.4): 32768 characters`)
	assert.Contains(t, err.Error(), `header.scope`)
	assert.Zero(t, buf.Len(), "nothing written")

	s = testSoA(t)
	s.Entries[0].Status = 99
	assert.ErrorIs(t, Write(&buf, s), ismskit.ErrUnknownValue)
}

func TestReadErrors(t *testing.T) {
	_, err := Decode([]byte("not a zip"))
	assert.ErrorIs(t, err, ismskit.ErrSyntax)

	b, err := Encode(testSoA(t))
	require.NoError(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	require.NoError(t, err)
	require.NoError(t, f.SetCellStr(SheetSoA, "G3", "done"))
	require.NoError(t, f.SetCellStr(SheetSoA, "D4", "perhaps"))
	require.NoError(t, f.SetCellStr(SheetDocument, "B5", "yesterday"))
	require.NoError(t, f.SetCellStr(SheetDocument, "A12", "colour"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	_, err = Read(&buf)
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
	msg := err.Error()
	assert.Contains(t, msg, "SoA.rows[1].status")
	assert.Contains(t, msg, "SoA.rows[2].applicable")
	assert.Contains(t, msg, "Document.date")
	assert.Contains(t, msg, `Document.rows[10]: malformed input: unknown field "colour"`)

	f = excelize.NewFile()
	buf.Reset()
	require.NoError(t, f.Write(&buf))
	_, err = Read(&buf)
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
}

// FuzzDecode starts from real workbooks (the golden file and one written
// now) and from decompression bombs; the golden workbook and a bomb are
// also committed seeds under testdata/fuzz.
func FuzzDecode(f *testing.F) {
	b, err := Encode(testSoA(f))
	require.NoError(f, err)
	f.Add(b)
	golden, err := os.ReadFile("testdata/soa.golden.xlsx")
	require.NoError(f, err)
	f.Add(golden)
	f.Add(withPart(f, golden, "xl/worksheets/sheet1.xml", zeros(f, 16), 16<<20))
	f.Add(withPart(f, golden, "xl/worksheets/sheet1.xml", zeros(f, 4), 100))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(data)
		if err != nil {
			return
		}
		out, err := Encode(s)
		if err != nil {
			return // text a cell cannot hold may come from a hand-made workbook
		}
		back, err := Decode(out)
		require.NoError(t, err)
		require.Equal(t, s.Entries, back.Entries)
	})
}

var sink any

// BenchmarkEncode: target <= 50 ms for a 93-entry SoA.
func BenchmarkEncode(b *testing.B) {
	s := testSoA(b)
	b.ReportAllocs()
	for b.Loop() {
		out, err := Encode(s)
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}

func BenchmarkDecode(b *testing.B) {
	data, err := Encode(testSoA(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		sink = s
	}
}
