package checks

import (
	"io"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

var asOf = ismskit.MustParseDate("2026-11-28")

func d(s string) ismskit.Date { return ismskit.MustParseDate(s) }

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return b
}

// sampleFS is the evidence folder of the package's tests.
func sampleFS() fs.FS { return os.DirFS("testdata") }

// mapFS returns an fs.FS of files given as strings.
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, s := range files {
		m[name] = &fstest.MapFile{Data: []byte(s), Mode: 0o644}
	}
	return m
}

// endless is a file system whose every file is an endless stream of a
// byte, as a hostile evidence folder could serve: a reader must stop at
// its limit.
type endless struct {
	fill byte
	read *int64
}

func (e endless) Open(name string) (fs.File, error) {
	return &endlessFile{name: name, fill: e.fill, read: e.read}, nil
}

type endlessFile struct {
	name string
	fill byte
	read *int64
}

func (f *endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{f.name}, nil }
func (f *endlessFile) Close() error               { return nil }
func (f *endlessFile) Read(p []byte) (int, error) {
	if *f.read >= 1<<30 {
		return 0, io.EOF
	}
	for i := range p {
		p[i] = f.fill
	}
	*f.read += int64(len(p))
	return len(p), nil
}

type endlessInfo struct{ name string }

func (i endlessInfo) Name() string       { return i.name }
func (i endlessInfo) Size() int64        { return 1 << 30 }
func (i endlessInfo) Mode() fs.FileMode  { return 0o444 }
func (i endlessInfo) ModTime() time.Time { return time.Time{} }
func (i endlessInfo) IsDir() bool        { return false }
func (i endlessInfo) Sys() any           { return nil }
