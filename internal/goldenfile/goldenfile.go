// Package goldenfile compares test output with committed golden files.
// Importing it registers the -update test flag, which rewrites the files
// instead:
//
//	go test ./... -update
//
// Every renderer of ismskit (JSON, CSV, Markdown, HTML, SVG, XLSX, the
// examples' terminal output) is tested against a golden file this way.
// Only _test files import this package.
package goldenfile

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files instead of comparing with them")

// Updating reports whether the test binary runs with -update, for tests
// that rewrite other committed files (generated schemas, pictures).
func Updating() bool { return *update }

// Check compares got with the file at path, relative to the package's
// directory. Under -update it writes got to path first, creating missing
// directories. A missing or different file fails the test with a hint to
// run go test -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("goldenfile: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("goldenfile: %v", err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("goldenfile: %v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s is stale (run go test -update and review the diff):\n%s", path, diff(string(want), string(got)))
	}
}

// diff describes the first difference between want and got, with a few
// lines of context, so a failure says where the files part.
func diff(want, got string) string {
	line, i := 1, 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		if want[i] == '\n' {
			line++
		}
		i++
	}
	excerpt := func(s string) string {
		end := min(len(s), i+200)
		start := max(0, i-80)
		return s[start:end]
	}
	return "first difference at line " + strconv.Itoa(line) + "\n--- golden:\n" + excerpt(want) + "\n+++ got:\n" + excerpt(got)
}
