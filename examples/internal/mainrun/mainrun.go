// Package mainrun lets an example's tests run the example as its users
// run it: the whole program, main and its exit status included, as a
// process of its own in an empty working folder, the way
// `go run ./examples/quickstart` runs it from a fresh clone.
//
// The test binary of a package main holds that package's main, so it
// starts itself once more to run it; no second build is needed, and under
// the race detector (as CI runs the tests) the program runs under it as
// well. An example wires it in two lines:
//
//	func TestMain(m *testing.M) { mainrun.Main(m, main) }
//
//	func TestProgram(t *testing.T) {
//		stdout, stderr := mainrun.Run(t)
//		...
//	}
//
// Every example under examples/ has such a test; this package's own test
// checks that none is missing. Everything here is safe for concurrent use.
package mainrun

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"
)

// env marks a test binary that Run started to run the program.
const env = "ISMSKIT_EXAMPLE_MAIN"

// Timeout bounds one run of a program; a program that runs longer fails
// its test rather than holding up the test binary until its own timeout.
const Timeout = 2 * time.Minute

// Main is a TestMain for a package main: it runs main as the program if
// Run started the test binary (see AsProgram), and the tests otherwise.
func Main(m *testing.M, main func()) {
	AsProgram(main)
	os.Exit(m.Run())
}

// AsProgram runs main and exits with status 0 when main returns, if the
// test binary was started by Run; otherwise it returns at once and the
// caller goes on to run the tests. Call it first thing in a TestMain
// that has more to do than Main does.
func AsProgram(main func()) {
	if os.Getenv(env) != "1" {
		return
	}
	main()
	os.Exit(0)
}

// Run runs the program, the package's main, with args as its command
// line, in a new empty working folder, and returns what it wrote to
// standard output and standard error. The test fails, with what the
// program wrote to standard error, if the program could not start, exited
// with a status other than 0 (a race that the race detector found
// included), or ran longer than Timeout.
func Run(t testing.TB, args ...string) (stdout, stderr string) {
	t.Helper()
	_, stdout, stderr = RunDir(t, args...)
	return stdout, stderr
}

// RunDir is Run that also returns the working folder the program ran in,
// for a test that reads what the program wrote there (the folder is
// removed when the test ends).
func RunDir(t testing.TB, args ...string) (dir, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), Timeout)
	defer cancel()
	dir = t.TempDir()
	stdout, stderr, err := start(ctx, dir, args)
	if err != nil {
		t.Fatalf("mainrun: %v\nits standard error:\n%s", err, stderr)
	}
	return dir, stdout, stderr
}

// start runs the test binary as the program in dir.
func start(ctx context.Context, dir string, args []string) (stdout, stderr string, err error) {
	exe, err := os.Executable()
	if err != nil {
		return "", "", fmt.Errorf("the test binary: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = append(os.Environ(), env+"=1")
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return out.String(), errOut.String(), fmt.Errorf("the program with arguments %q: %w", args, err)
	}
	return out.String(), errOut.String(), nil
}
