// Package apiguard keeps ismskit's public API and its JSON documents from
// changing by accident.
//
// It holds three committed records under api/ at the module root:
//
//   - api/<package>.txt: the exported API of every public package, one
//     declaration a line, sorted: a reviewable listing in the spirit of
//     the Go standard library's api/*.txt files;
//   - api/baseline.export.gz: the same packages as go/types export data, the
//     baseline that golang.org/x/exp/apidiff compares the code with, so
//     that each change is classified as compatible or incompatible;
//   - api/schemas/: a copy of every committed JSON Schema of a document,
//     compared with the current schemas to find changes that would reject
//     a document valid before (a removed field, a new required field, a
//     narrowed enum).
//
// Check compares the code with the records and reports every difference
// in words a reviewer understands ("risk.Register.Risks: changed from
// []Risk to []*Risk"). Write regenerates the records and appends the
// incompatible changes to api/incompatible.txt, which must be matched by
// the "Unreleased" section of CHANGELOG.md until the next release.
//
// The tests of this package run Check, so `go test ./...` fails when the
// API changes without the records; `go run ./internal/apiguard/cmd/apiguard`
// regenerates them.
package apiguard

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/exp/apidiff"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/ismskit/ismskit/internal/race"
)

// ModulePath is the import path of the module the guard covers.
const ModulePath = "github.com/ismskit/ismskit"

// Paths of the records, relative to the module root.
const (
	BaselineFile     = "api/baseline.export.gz"
	IncompatibleFile = "api/incompatible.txt"
	SchemasDir       = "api/schemas"
	ChangelogFile    = "CHANGELOG.md"
)

// API is the public API of the module as the code has it now.
type API struct {
	Fset     *token.FileSet
	Packages []*types.Package // public packages, by import path
	Schemas  map[string][]byte
}

// Public reports whether an import path is part of the public API: the
// module's packages except internal ones, examples and commands.
func Public(path string) bool {
	if path != ModulePath && !strings.HasPrefix(path, ModulePath+"/") {
		return false
	}
	rel := strings.TrimPrefix(strings.TrimPrefix(path, ModulePath), "/")
	for _, part := range strings.Split(rel, "/") {
		if part == "internal" || part == "examples" || part == "testdata" || part == "cmd" {
			return false
		}
	}
	return true
}

// Load type-checks the public packages of the module rooted at root and
// reads its committed JSON Schemas (every */schema/*.schema.json).
//
// It reads the packages' export data, which go list compiles. A program
// built with the race detector (a test under go test -race) asks for the
// race build's export data, which that test run has already compiled; the
// API is the same in both builds.
func Load(root string) (*API, error) {
	flags := "-mod=mod"
	if race.Enabled {
		flags += " -race"
	}
	env := append(os.Environ(), "GOFLAGS="+flags)
	names, err := packages.Load(&packages.Config{Mode: packages.NeedName, Dir: root, Env: env}, "./...")
	if err != nil {
		return nil, err
	}
	var public []string
	for _, p := range names {
		if Public(p.PkgPath) {
			public = append(public, p.PkgPath)
		}
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports,
		Dir:  root,
		Env:  env,
	}
	pkgs, err := packages.Load(cfg, public...)
	if err != nil {
		return nil, err
	}
	api := &API{Schemas: map[string][]byte{}}
	var errs []string
	for _, p := range pkgs {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
		if p.Types != nil && Public(p.PkgPath) {
			api.Packages = append(api.Packages, p.Types)
			api.Fset = p.Fset
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("apiguard: %s", strings.Join(errs, "; "))
	}
	if api.Fset == nil {
		api.Fset = token.NewFileSet()
	}
	sort.Slice(api.Packages, func(i, j int) bool { return api.Packages[i].Path() < api.Packages[j].Path() })
	// The schemas sit in a folder "schema" of a package one or two
	// levels below the root (risk/schema, risk/fair/schema). The folders
	// come from go list, not from listing the root: a test that reads a
	// folder's listing is cached only while every entry keeps its
	// modification time, and the root's .git changes with every commit.
	for _, p := range names {
		rel, ok := strings.CutPrefix(p.PkgPath, ModulePath+"/")
		if !ok || strings.Count(rel, "/") > 1 {
			continue // the root package, or deeper than the schemas sit
		}
		files, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(rel), "schema", "*.schema.json"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			api.Schemas[rel+"/schema/"+filepath.Base(f)] = b
		}
	}
	return api, nil
}

// Listings returns the text listing of every public package, keyed by
// its file name under api/ ("risk.txt", "risk_fair.txt", "ismskit.txt").
func (a *API) Listings() map[string][]byte {
	out := map[string][]byte{}
	for _, p := range a.Packages {
		out[ListingFile(p.Path())] = Listing(p)
	}
	return out
}

// ListingFile returns the file name of a package's listing.
func ListingFile(path string) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(path, ModulePath), "/")
	if rel == "" {
		return "ismskit.txt"
	}
	return strings.ReplaceAll(rel, "/", "_") + ".txt"
}

// Baseline reads the committed export data of the public packages.
func Baseline(root string) (map[string]*types.Package, error) {
	f, err := os.Open(filepath.Join(root, BaselineFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("apiguard: %s: %w", BaselineFile, err)
	}
	return readBaseline(bufio.NewReader(z))
}

// The baseline file is a sequence of records, one per package: the import
// path and the length of its export data on one line, then the export
// data of gcexportdata.Write.
func readBaseline(r *bufio.Reader) (map[string]*types.Package, error) {
	fset := token.NewFileSet()
	imports := map[string]*types.Package{}
	out := map[string]*types.Package{}
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF && line == "" {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("apiguard: %s: %w", BaselineFile, err)
		}
		var path string
		var n int
		if _, err := fmt.Sscanf(line, "%s %d", &path, &n); err != nil || n < 0 || n > 64<<20 {
			return nil, fmt.Errorf("apiguard: %s: malformed record header %q", BaselineFile, line)
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(r, data); err != nil {
			return nil, fmt.Errorf("apiguard: %s: %s: %w", BaselineFile, path, err)
		}
		p, err := gcexportdata.Read(bytes.NewReader(data), fset, imports, path)
		if err != nil {
			return nil, fmt.Errorf("apiguard: %s: %w", BaselineFile, err)
		}
		out[path] = p
	}
}

func writeBaseline(w io.Writer, fset *token.FileSet, pkgs []*types.Package) error {
	for _, p := range pkgs {
		var buf bytes.Buffer
		if err := gcexportdata.Write(&buf, fset, p); err != nil {
			return fmt.Errorf("apiguard: export data of %s: %w", p.Path(), err)
		}
		if _, err := fmt.Fprintf(w, "%s %d\n", p.Path(), buf.Len()); err != nil {
			return err
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// Change is one difference between the baseline and the code.
type Change struct {
	// Where: an import path, "package.Name.Field", or a schema file.
	Subject string
	// What changed, in words.
	Message string
	// Compatible reports whether code or documents written for the
	// baseline keep working.
	Compatible bool
}

func (c Change) String() string {
	kind := "incompatible"
	if c.Compatible {
		kind = "compatible"
	}
	return fmt.Sprintf("%s: %s (%s)", c.Subject, c.Message, kind)
}

// Diff compares the code's API with the baseline packages and schemas:
// package by package with apidiff, and schema by schema with
// SchemaChanges. Changes are sorted, incompatible ones first.
func (a *API) Diff(base map[string]*types.Package, baseSchemas map[string][]byte) []Change {
	var out []Change
	seen := map[string]bool{}
	for _, p := range a.Packages {
		seen[p.Path()] = true
		old, ok := base[p.Path()]
		if !ok {
			out = append(out, Change{Subject: short(p.Path()), Message: "package added", Compatible: true})
			continue
		}
		rep := apidiff.Changes(old, p)
		for _, c := range rep.Changes {
			subject, msg := short(p.Path()), c.Message
			if name, rest, ok := strings.Cut(msg, ": "); ok && !strings.Contains(name, " ") {
				subject, msg = subject+"."+name, rest
			}
			msg = strings.ReplaceAll(msg, ModulePath+"/", "")
			out = append(out, Change{Subject: subject, Message: msg, Compatible: c.Compatible})
		}
	}
	for path := range base {
		if !seen[path] {
			out = append(out, Change{Subject: short(path), Message: "package removed", Compatible: false})
		}
	}
	out = append(out, SchemaChanges(baseSchemas, a.Schemas)...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Compatible != out[j].Compatible {
			return !out[i].Compatible
		}
		return out[i].String() < out[j].String()
	})
	return out
}

// short returns the package's name as a reader writes it: "risk",
// "risk/fair", "ismskit".
func short(path string) string {
	if path == ModulePath {
		return "ismskit"
	}
	return strings.TrimPrefix(path, ModulePath+"/")
}

// ReadSchemas reads the baseline copies of the schemas under api/schemas,
// keyed like API.Schemas.
func ReadSchemas(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	dir := filepath.Join(root, SchemasDir)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	return out, err
}

// Write regenerates the records under root from a: the listings, the
// export data and the schema copies. It appends to api/incompatible.txt
// the incompatible changes against the old baseline (given as base and
// baseSchemas; both may be empty for a first baseline), and returns them.
func Write(root string, a *API, base map[string]*types.Package, baseSchemas map[string][]byte) ([]Change, error) {
	var incompatible []Change
	if len(base) > 0 || len(baseSchemas) > 0 {
		for _, c := range a.Diff(base, baseSchemas) {
			if !c.Compatible {
				incompatible = append(incompatible, c)
			}
		}
	}
	apiDir := filepath.Join(root, "api")
	if err := os.MkdirAll(apiDir, 0o755); err != nil {
		return nil, err
	}
	old, _ := filepath.Glob(filepath.Join(apiDir, "*.txt"))
	for _, f := range old {
		if filepath.Base(f) != filepath.Base(IncompatibleFile) {
			os.Remove(f)
		}
	}
	for name, b := range a.Listings() {
		if err := os.WriteFile(filepath.Join(apiDir, name), b, 0o644); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	z, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err := writeBaseline(z, a.Fset, a.Packages); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(root, BaselineFile), buf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(filepath.Join(root, SchemasDir)); err != nil {
		return nil, err
	}
	for name, b := range a.Schemas {
		p := filepath.Join(root, SchemasDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, err
		}
	}
	if len(incompatible) > 0 {
		prev, _ := os.ReadFile(filepath.Join(root, IncompatibleFile))
		lines := nonEmptyLines(string(prev))
		for _, c := range incompatible {
			line := c.Subject + ": " + c.Message
			if !slices.Contains(lines, line) {
				lines = append(lines, line)
			}
		}
		if err := os.WriteFile(filepath.Join(root, IncompatibleFile), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			return nil, err
		}
	}
	return incompatible, nil
}

// UnrecordedIncompatible returns the lines of api/incompatible.txt that
// the "Unreleased" section of CHANGELOG.md does not mention (each line
// must appear in it, as written, for example as a list item).
func UnrecordedIncompatible(root string) ([]string, error) {
	inc, err := os.ReadFile(filepath.Join(root, IncompatibleFile))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	log, err := os.ReadFile(filepath.Join(root, ChangelogFile))
	if err != nil {
		return nil, err
	}
	unreleased := Unreleased(string(log))
	var out []string
	for _, l := range nonEmptyLines(string(inc)) {
		if !strings.Contains(unreleased, l) {
			out = append(out, l)
		}
	}
	return out, nil
}

// Unreleased returns the text of the "## [Unreleased]" section of a Keep
// a Changelog file, up to the next "## " heading.
func Unreleased(changelog string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(changelog, "\n") {
		if strings.HasPrefix(line, "## ") {
			in = strings.Contains(strings.ToLower(line), "unreleased")
			continue
		}
		if in {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// Regenerate is the command that brings the records up to date.
const Regenerate = "go run ./internal/apiguard/cmd/apiguard"

// Check compares the module rooted at root with its committed records and
// returns every problem, in words, each one line or a short diff:
//
//   - a package listing under api/ that differs from the code's exported
//     API (with the lines removed "-" and added "+"), is missing or is
//     left over from a removed package;
//   - every change apidiff and SchemaChanges find against the baseline
//     export data and schema copies, marked compatible or incompatible;
//   - every recorded incompatible change that CHANGELOG.md's "Unreleased"
//     section does not mention.
//
// No problems means the records describe the code. The error is for a
// module that does not load or records that cannot be read.
func Check(root string) ([]string, error) {
	a, err := Load(root)
	if err != nil {
		return nil, err
	}
	base, err := Baseline(root)
	if os.IsNotExist(err) {
		return []string{fmt.Sprintf("%s is missing: run %s", BaselineFile, Regenerate)}, nil
	}
	if err != nil {
		return nil, err
	}
	schemas, err := ReadSchemas(root)
	if err != nil {
		return nil, err
	}
	var out []string
	want := a.Listings()
	files, err := filepath.Glob(filepath.Join(root, "api", "*.txt"))
	if err != nil {
		return nil, err
	}
	have := map[string][]byte{}
	for _, f := range files {
		if filepath.Base(f) == filepath.Base(IncompatibleFile) {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		have[filepath.Base(f)] = b
	}
	for _, name := range sortedKeys(want) {
		old, ok := have[name]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("api/%s is missing", name))
		case !bytes.Equal(old, want[name]):
			out = append(out, fmt.Sprintf("api/%s differs from the code:\n%s", name, lineDiff(old, want[name])))
		}
	}
	for _, name := range sortedKeys(have) {
		if _, ok := want[name]; !ok {
			out = append(out, fmt.Sprintf("api/%s lists a package the module no longer has", name))
		}
	}
	for _, c := range a.Diff(base, schemas) {
		out = append(out, c.String())
	}
	unrecorded, err := UnrecordedIncompatible(root)
	if err != nil {
		return nil, err
	}
	for _, l := range unrecorded {
		out = append(out, fmt.Sprintf("%s lists %q, which the Unreleased section of %s does not mention", IncompatibleFile, l, ChangelogFile))
	}
	return out, nil
}

// lineDiff lists the lines only in old ("-") and only in new ("+"); the
// listings are sorted, so this is the diff a reviewer needs.
func lineDiff(old, new []byte) string {
	o, n := map[string]bool{}, map[string]bool{}
	for _, l := range strings.Split(string(old), "\n") {
		o[l] = true
	}
	for _, l := range strings.Split(string(new), "\n") {
		n[l] = true
	}
	var b strings.Builder
	for _, l := range strings.Split(string(old), "\n") {
		if !n[l] {
			fmt.Fprintf(&b, "\t- %s\n", l)
		}
	}
	for _, l := range strings.Split(string(new), "\n") {
		if !o[l] {
			fmt.Fprintf(&b, "\t+ %s\n", l)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
