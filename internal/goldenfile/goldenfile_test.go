package goldenfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder captures failures without failing the real test.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.failed = true; r.msg = f }
func (r *recorder) Fatalf(f string, a ...any) { r.failed = true; r.msg = f }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(path, []byte("one\ntwo\n"), 0o644))

	r := &recorder{TB: t}
	Check(r, path, []byte("one\ntwo\n"))
	assert.False(t, r.failed)

	r = &recorder{TB: t}
	Check(r, path, []byte("one\nthree\n"))
	assert.True(t, r.failed)

	r = &recorder{TB: t}
	Check(r, filepath.Join(dir, "missing.txt"), []byte("x"))
	assert.True(t, r.failed)
	assert.False(t, Updating())
}

func TestDiff(t *testing.T) {
	assert.Contains(t, diff("a\nb\nc", "a\nb\nd"), "first difference at line 3")
}

func TestUpdate(t *testing.T) {
	*update = true
	defer func() { *update = false }()
	path := filepath.Join(t.TempDir(), "sub", "new.txt")
	r := &recorder{TB: t}
	Check(r, path, []byte("fresh"))
	assert.False(t, r.failed)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "fresh", string(got))
}
