package ismskit_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/internal/hostile"
	"github.com/ismskit/ismskit/internal/race"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/fair"
	"github.com/ismskit/ismskit/risk/scoring/cvss4"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/xlsx"
)

// decoders are the JSON decoders of every document, as a service that
// accepts uploads calls them.
var decoders = map[string]func([]byte) error{
	"risk.DecodeRegister":      func(b []byte) error { _, err := risk.DecodeRegister(b); return err },
	"risk.DecodeCriteria":      func(b []byte) error { _, err := risk.DecodeCriteria(b); return err },
	"soa.DecodeSoA":            func(b []byte) error { _, err := soa.DecodeSoA(b); return err },
	"soa.DecodeSources":        func(b []byte) error { _, err := soa.DecodeSources(b); return err },
	"iso27001.DecodeRecords":   func(b []byte) error { _, err := iso27001.DecodeRecords(b); return err },
	"audit.DecodeRecords":      func(b []byte) error { _, err := audit.DecodeRecords(b); return err },
	"fair.DecodeAnalysis":      func(b []byte) error { _, err := fair.DecodeAnalysis(b); return err },
	"iso27002.DecodeCatalog":   func(b []byte) error { _, err := iso27002.DecodeCatalog(b); return err },
	"iso27002.DecodeOverlay":   func(b []byte) error { _, err := iso27002.DecodeOverlay(b); return err },
	"oscal.ImportCatalog":      func(b []byte) error { _, err := oscal.ImportCatalog(b, oscal.ImportOptions{}); return err },
	"oscal.ImportProfile":      func(b []byte) error { _, err := oscal.ImportProfile(b, oscal.ImportOptions{}); return err },
	"json.Unmarshal(Register)": func(b []byte) error { var r risk.Register; return r.UnmarshalJSON(b) },
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

// TestHostileNesting: ten million levels of nesting (a million under the
// race detector) end in a typed error (ErrTooDeep, or ErrTooLarge where
// the input is over the byte limit first) with bounded memory, in every
// decoder, never in a stack overflow that no recover could catch.
func TestHostileNesting(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB inputs")
	}
	// A decoding may allocate 64 MiB: one that allocated as little as 7
	// bytes for each of the ten million levels of arrays (32 for each of
	// the two million of objects) would go over. Under the race detector,
	// where each byte written to a fresh buffer costs system time for its
	// shadow memory, the inputs and the bound are a tenth of that: still
	// over a thousand times DefaultMaxDepth deep, and 6.4 MiB, which
	// catches the same bytes a level and still sits fifty times above
	// what a decoder allocates here (at most 130 kB).
	scale := hostile.Scale()
	inputs := map[string][]byte{
		"arrays":  bytes.Repeat([]byte("["), 10_000_000/scale),
		"objects": bytes.Repeat([]byte(`{"a":`), 2_000_000/scale),
	}
	bound := uint64(64<<20) / uint64(scale)
	for name, in := range inputs {
		for dec, f := range decoders {
			t.Run(name+"/"+dec, func(t *testing.T) {
				var err error
				mem := allocated(func() { err = f(in) })
				require.Error(t, err)
				assert.True(t, errors.Is(err, ismskit.ErrTooDeep) || errors.Is(err, ismskit.ErrTooLarge) || errors.Is(err, ismskit.ErrType),
					"a typed error, not: %.200v", err)
				assert.Less(t, mem, bound, "bounded memory")
				assert.Less(t, len(ismskit.Problems(err)), ismskit.DefaultMaxProblems+2)
			})
		}
	}
}

// TestHostileSize: a register over the byte limit
// (ismskit.DefaultMaxBytes, 32 MiB) is refused before any decoding, and
// accepted when the caller raises the limit.
func TestHostileSize(t *testing.T) {
	if testing.Short() {
		t.Skip("32 MB input")
	}
	// The buffer and ReadRegister's io.ReadAll are long copies.
	hostile.HoldGC(t)
	// Just over the limit: a longer register (this test's was 50 MB) is
	// refused for the same reason, after the same check, and only costs
	// more to build (seconds under the race detector). One buffer, built
	// in place.
	const head, record, tail = `{"risks":[`, `{"id":"R","title":"t"},`, `{"id":"R"}]}`
	n := (ismskit.DefaultMaxBytes-len(head)-len(tail))/len(record) + 1
	big := make([]byte, 0, len(head)+n*len(record)+len(tail))
	big = append(hostile.AppendRepeat(append(big, head...), record, n), tail...)
	require.Greater(t, len(big), ismskit.DefaultMaxBytes)
	var err error
	// Decoding it, or only copying it, would allocate far more than
	// 1 MiB: it holds nearly 1.5 million risks.
	mem := allocated(func() { _, err = risk.DecodeRegister(big) })
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
	assert.Less(t, mem, uint64(1<<20), "refused before decoding")
	_, err = risk.ReadRegister(bytes.NewReader(big))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
	small := big[:0:0]
	small = append(small, `{"risks":[{"id":"R-1","title":"t"}]}`...)
	_, err = risk.DecodeRegister(small, ismskit.MaxBytes(16))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge, "the caller sets the limit")
	_, err = risk.DecodeRegister(small, ismskit.MaxBytes(-1))
	assert.NoError(t, err, "or removes it, for trusted input")
}

// TestHostileJunk: a long junk input reports a bounded number of
// problems and a bounded message.
func TestHostileJunk(t *testing.T) {
	// 40,000 problems, four hundred times the limit. Under the race
	// detector, where decoding the 20,000 risks costs most of a second,
	// 2,000 risks: 4,000 problems are still forty times the limit, and
	// their messages in full (130 kB) six times the bound on the message.
	n := 20_000
	if race.Enabled {
		n = 2_000
	}
	junk := []byte(`{"risks":[` + strings.Repeat(`{"likelyhood":1,"x":2},`, n) + `{}]}`)
	_, err := risk.DecodeRegister(junk)
	require.Error(t, err)
	ps := ismskit.Problems(err)
	assert.Len(t, ps, ismskit.DefaultMaxProblems+1)
	assert.ErrorIs(t, ps[len(ps)-1], ismskit.ErrMoreProblems)
	assert.Less(t, len(err.Error()), 20_000)

	_, err = cvss4.Parse(strings.Repeat("/", 10_000))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge, "a vector longer than any valid one is refused at once")
}

// TestHostileXLSX: a workbook that inflates a thousandfold is refused
// before it is inflated.
func TestHostileXLSX(t *testing.T) {
	bomb := zeroBomb(t, "xl/worksheets/sheet1.xml", 512) // 512 MiB of zeros, about 0.5 MB compressed
	require.Less(t, len(bomb), 1<<20)
	var derr error
	mem := allocated(func() { _, derr = xlsx.Decode(bomb) })
	assert.ErrorIs(t, derr, ismskit.ErrTooLarge)
	assert.Less(t, mem, uint64(64<<20))
}

// zeroBomb returns a zip file holding one file, name, of mib MiB of
// zeros, without compressing them all: one MiB is compressed into
// non-final deflate blocks, which repeat, since every back-reference of
// the copy points at zeros as well, and an empty final block ends the
// stream. (Compressing 512 MiB took 50 s under the race detector.)
func zeroBomb(t *testing.T, name string, mib int) []byte {
	t.Helper()
	zeros := make([]byte, 1<<20)
	var block bytes.Buffer
	fw, err := flate.NewWriter(&block, flate.BestCompression)
	require.NoError(t, err)
	_, err = fw.Write(zeros)
	require.NoError(t, err)
	require.NoError(t, fw.Flush()) // ends byte-aligned, not final
	var end bytes.Buffer
	fe, err := flate.NewWriter(&end, flate.BestCompression)
	require.NoError(t, err)
	require.NoError(t, fe.Close()) // an empty, final block
	var crc uint32
	for range mib {
		crc = crc32.Update(crc, crc32.IEEETable, zeros)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(mib*block.Len() + end.Len()), UncompressedSize64: uint64(mib) << 20})
	require.NoError(t, err)
	for range mib {
		_, err = w.Write(block.Bytes())
		require.NoError(t, err)
	}
	_, err = w.Write(end.Bytes())
	require.NoError(t, err)
	require.NoError(t, zw.Close())

	// The stream is what it says: it inflates to zeros (the first MiBs
	// checked here; the decoder under test reads no further than its
	// limit).
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	f, err := zr.File[0].Open()
	require.NoError(t, err)
	head := make([]byte, 3<<20)
	_, err = io.ReadFull(f, head)
	require.NoError(t, err)
	assert.Equal(t, len(head), bytes.Count(head, []byte{0}), "zeros") // no second 3 MiB to compare with
	require.NoError(t, f.Close())
	return buf.Bytes()
}

// TestHostileCounts: counts from the caller are checked against their
// documented limits before anything is allocated.
func TestHostileCounts(t *testing.T) {
	var err error
	mem := allocated(func() { _, err = audit.EvenSlots(ismskit.MustParseDate("2026-01-01"), 1_000_000_000, 1) })
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
	assert.Less(t, mem, uint64(1<<20))

	lef, lm := fair.Fixed(1), fair.Fixed(1000)
	res, err := fair.Simulate(fair.Scenario{Name: "s", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}, fair.Options{Iterations: 1000, Seed: 1, Mode: fair.Rate})
	require.NoError(t, err)
	mem = allocated(func() { _, err = res.LossExceedance(1 << 40) })
	assert.Error(t, err)
	assert.Less(t, mem, uint64(1<<20))
	assert.Nil(t, res.CurveAmounts(1<<40))

	_, err = fair.Simulate(fair.Scenario{Name: "s", Nodes: fair.Nodes{LEF: &lef, LM: &lm}}, fair.Options{Iterations: 1 << 40, Mode: fair.Rate})
	assert.Error(t, err, "a budget, not days of work")
}
