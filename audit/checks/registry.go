package checks

import (
	"fmt"
	"io/fs"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Registry is a set of checks with distinct IDs, in the order they were
// added: the built-in ones (Builtin) and a product's own. It is a value
// the caller holds; nothing is registered globally. The zero value is an
// empty registry, ready to use; a Registry is never modified after it is
// made (With returns a new one), so it is safe for concurrent use.
type Registry struct {
	checks []Check
}

// NewRegistry returns a registry of cs, in order. A nil check, a
// definition without an ID, an invalid control, input name or frequency,
// and two checks with one ID are reported, each at "checks[i]", wrapping
// ismskit.ErrMissing, ismskit.ErrInvalidID, ismskit.ErrUnknownValue or
// ismskit.ErrDuplicateID.
func NewRegistry(cs ...Check) (*Registry, error) {
	return (&Registry{}).With(cs...)
}

// With returns a new registry holding r's checks followed by cs; r is
// not modified. Errors are those of NewRegistry, with the indexes of cs.
func (r *Registry) With(cs ...Check) (*Registry, error) {
	var l fielderr.List
	out := &Registry{}
	seen := map[string]bool{}
	if r != nil {
		out.checks = slices.Clone(r.checks)
		for _, c := range r.checks {
			seen[c.Definition().ID] = true
		}
	}
	for i, c := range cs {
		p := fielderr.Index("checks", i)
		if c == nil {
			l.Add(p, ismskit.ErrMissing)
			continue
		}
		d := c.Definition()
		var dl fielderr.List
		validateDefinition(d, &dl)
		if d.ID != "" && seen[d.ID] {
			dl.Add("id", fmt.Errorf("%w: %q", ismskit.ErrDuplicateID, clip(d.ID)))
		}
		if err := dl.Err(); err != nil {
			l.AddItem(p, d.ID, err)
			continue
		}
		seen[d.ID] = true
		out.checks = append(out.checks, c)
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Len returns the number of checks.
func (r *Registry) Len() int {
	if r == nil {
		return 0
	}
	return len(r.checks)
}

// Checks returns the checks, in order, in a new slice.
func (r *Registry) Checks() []Check {
	if r == nil {
		return nil
	}
	return slices.Clone(r.checks)
}

// Definitions returns the definitions of the checks, in order.
func (r *Registry) Definitions() []Definition {
	if r == nil {
		return nil
	}
	out := make([]Definition, len(r.checks))
	for i, c := range r.checks {
		out[i] = c.Definition()
	}
	return out
}

// Lookup returns the check with the ID id, or nil.
func (r *Registry) Lookup(id string) Check {
	if r == nil {
		return nil
	}
	for _, c := range r.checks {
		if c.Definition().ID == id {
			return c
		}
	}
	return nil
}

// Run runs, as Run does, every check of r whose input files are all in
// fsys, in the registry's order, and returns their results. A check whose
// inputs are not all there is left out without a problem: an evidence
// folder holds the exports the organisation has. A check that fails on
// its input (a malformed file, a file over the byte limit) is left out
// of the results and its problems are returned, joined, after the other
// checks have run; a file shared by several checks is reported once per
// check.
func (r *Registry) Run(fsys fs.FS, asOf ismskit.Date, opts ...ismskit.DecodeOption) ([]Result, error) {
	if r == nil || len(r.checks) == 0 {
		return nil, nil
	}
	if fsys == nil {
		return nil, &ismskit.Error{Path: "files", Err: fielderr.Errorf(ismskit.ErrMissing, "no file system")}
	}
	if asOf.IsZero() {
		return nil, &ismskit.Error{Path: "asOf", Err: fielderr.Errorf(ismskit.ErrMissing, "no date to run the checks as of")}
	}
	var out []Result
	l := fielderr.List{Max: ismskit.LimitsOf(opts...).MaxProblems}
	// Each file is read and hashed once, however many checks read it.
	type file struct {
		data []byte
		in   Input
		err  error
	}
	files := map[string]*file{}
	read := func(name string) ([]byte, Input, error) {
		f, ok := files[name]
		if !ok {
			f = &file{}
			f.data, f.err = ReadFile(fsys, name, opts...)
			if f.err == nil {
				f.in = digest(name, f.data)
			}
			files[name] = f
		}
		return f.data, f.in, f.err
	}
	for _, c := range r.checks {
		d := c.Definition()
		present := true
		for _, in := range d.Inputs {
			present = present && exists(fsys, in)
		}
		if !present {
			continue
		}
		res, err := run(c, asOf, opts, read)
		if err != nil {
			l.Add("", err)
			continue
		}
		out = append(out, *res)
	}
	return out, l.Err()
}
