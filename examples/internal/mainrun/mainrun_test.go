package mainrun

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// program is this package's stand-in for an example's main: it prints
// its arguments and working folder, and exits with the status its first
// argument names.
func program() {
	wd, _ := os.Getwd()
	fmt.Printf("args %q\n", os.Args[1:])
	fmt.Fprintf(os.Stderr, "in %s\n", wd)
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "exit3":
			os.Exit(3)
		case "sleep":
			time.Sleep(time.Minute)
		}
	}
}

func TestMain(m *testing.M) { Main(m, program) }

func TestRun(t *testing.T) {
	stdout, stderr := Run(t, "a", "b c")
	assert.Equal(t, "args [\"a\" \"b c\"]\n", stdout, "the arguments, and no test flags")
	wd, err := os.Getwd()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(stderr, "in "))
	assert.NotEqual(t, "in "+wd+"\n", stderr, "a working folder of its own")

	dir, _, stderr := RunDir(t)
	assert.Equal(t, "in "+dir+"\n", stderr, "RunDir returns the folder the program ran in")
}

func TestStartFails(t *testing.T) {
	_, stderr, err := start(t.Context(), t.TempDir(), []string{"exit3"})
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, 3, exit.ExitCode())
	assert.Contains(t, err.Error(), `"exit3"`)
	assert.Contains(t, stderr, "in ", "what the program wrote is kept")

	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	_, _, err = start(ctx, t.TempDir(), []string{"sleep"})
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
}

// TestEveryExample: every program under examples/ runs as a program in
// its tests, so that go test ./... finds an example that does not run.
func TestEveryExample(t *testing.T) {
	mains, err := filepath.Glob(filepath.Join("..", "..", "*", "main.go"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(mains), 9, "the examples are where this test looks")
	for _, main := range mains {
		dir := filepath.Dir(main)
		tests, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
		require.NoError(t, err)
		var runsMain, runsProgram bool
		for _, f := range tests {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			src := string(b)
			runsMain = runsMain || strings.Contains(src, "mainrun.Main(m, main)") || strings.Contains(src, "mainrun.AsProgram(main)")
			runsProgram = runsProgram || strings.Contains(src, "mainrun.Run(t") || strings.Contains(src, "mainrun.RunDir(t")
		}
		where := filepath.ToSlash(dir)
		assert.True(t, runsMain, "%s: its TestMain calls neither mainrun.Main nor mainrun.AsProgram", where)
		assert.True(t, runsProgram, "%s: its tests call neither mainrun.Run nor mainrun.RunDir", where)
	}
}
