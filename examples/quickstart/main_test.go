package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir}, &out, &errOut), errOut.String())
	assert.Contains(t, out.String(), "| All | 93 | 11 |")
	assert.Contains(t, out.String(), "114 controls")
	data, err := os.ReadFile(filepath.Join(dir, "catalog-2022.json"))
	require.NoError(t, err)
	cat, err := iso27002.ParseCatalog(data)
	require.NoError(t, err)
	assert.Equal(t, 93, cat.Len())
	var again bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir}, &again, &errOut))
	assert.Equal(t, out.String(), again.String(), "deterministic")
}

func TestUnwritableDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	var out, errOut bytes.Buffer
	assert.Equal(t, 1, run([]string{"-out", filepath.Join(file, "sub")}, &out, &errOut))
	assert.Contains(t, errOut.String(), "quickstart: cannot create the output directory")
}

func TestBadFlags(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errOut))
	assert.Equal(t, 2, run([]string{"x"}, &out, &errOut))
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errOut))
}
