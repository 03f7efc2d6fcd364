package scoring

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/natural"
)

type methodKey struct{ name, version string }

// Registry is an immutable set of scoring methods, each filed under its
// name and version (and under every version of a MultiVersion method), so
// that a kept Result, or a risk record's method, version and vector, can
// be scored again with the method that produced it. The zero value is an
// empty registry. A Registry is safe for concurrent use.
type Registry struct {
	methods map[methodKey]Method
	keys    []methodKey // sorted in natural order of name, then version
	list    []Method    // each method once, in natural order of name, then version
}

// NewRegistry returns a registry of the given methods. A nil method, an
// empty name or version, or two methods under the same name and version
// are errors (ErrConfig, ErrDuplicateMethod), all of them reported.
func NewRegistry(methods ...Method) (*Registry, error) {
	r, errs := build(methods)
	if errs != nil {
		return nil, joinErrs(errs)
	}
	return r, nil
}

// build files the methods and returns the registry and every problem.
func build(methods []Method) (*Registry, []error) {
	r := &Registry{methods: make(map[methodKey]Method)}
	var errs []error
	for i, m := range methods {
		path := fmt.Sprintf("methods[%d]", i)
		if m == nil {
			errs = append(errs, &ismskit.Error{Path: path, Err: fmt.Errorf("%w: nil method", ErrConfig)})
			continue
		}
		versions := []string{m.Version()}
		if mv, ok := m.(MultiVersion); ok {
			versions = mv.Versions()
		}
		if m.Name() == "" {
			errs = append(errs, &ismskit.Error{Path: path, Err: fmt.Errorf("%w: empty name", ErrConfig)})
			continue
		}
		filed := false
		for _, v := range versions {
			k := methodKey{m.Name(), v}
			if v == "" {
				errs = append(errs, &ismskit.Error{Path: path, Err: fmt.Errorf("%w: %s has an empty version", ErrConfig, k.name)})
				continue
			}
			if _, dup := r.methods[k]; dup {
				errs = append(errs, &ismskit.Error{Path: path, Err: fmt.Errorf("%w: %s %s", ErrDuplicateMethod, k.name, k.version)})
				continue
			}
			r.methods[k] = m
			r.keys = append(r.keys, k)
			filed = true
		}
		if filed {
			r.list = append(r.list, m)
		}
	}
	slices.SortFunc(r.keys, func(a, b methodKey) int {
		if c := natural.Compare(a.name, b.name); c != 0 {
			return c
		}
		return natural.Compare(a.version, b.version)
	})
	slices.SortStableFunc(r.list, func(a, b Method) int {
		if c := natural.Compare(a.Name(), b.Name()); c != 0 {
			return c
		}
		return natural.Compare(a.Version(), b.Version())
	})
	return r, errs
}

// Builtin returns a new registry of this package's methods: CVSS (3.1 and
// 3.0), OWASP with each impact option, and DREAD with its default
// configuration.
func Builtin() *Registry {
	// The built-in methods have distinct names and versions, so build
	// reports no problem (TestBuiltin checks it).
	r, _ := build(builtinMethods())
	return r
}

// Lookup returns the method filed under name and version.
func (r *Registry) Lookup(name, version string) (Method, bool) {
	if r == nil {
		return nil, false
	}
	m, ok := r.methods[methodKey{name, version}]
	return m, ok
}

// Methods returns the registered methods, each once (a MultiVersion method
// too), in natural order of name and version:
//
//	for m := range reg.Methods() { fmt.Println(m.Name(), m.Version()) }
func (r *Registry) Methods() iter.Seq[Method] {
	return func(yield func(Method) bool) {
		if r == nil {
			return
		}
		for _, m := range r.list {
			if !yield(m) {
				return
			}
		}
	}
}

// Score scores vector with the method filed under name and version. It
// reports ErrUnknownMethod if there is none, the method's errors, and
// ErrVersionMismatch if the result's version is not the one asked for (a
// "CVSS:3.0/" vector asked as version "3.1").
func (r *Registry) Score(name, version, vector string) (Result, error) {
	m, ok := r.Lookup(name, version)
	if !ok {
		return Result{}, fmt.Errorf("%w %s %s (known: %s)", ErrUnknownMethod, quote(name), quote(version), r.known())
	}
	res, err := m.Score(vector)
	if err != nil {
		return Result{}, err
	}
	if res.Method != name || res.Version != version {
		return Result{}, fmt.Errorf("%w: asked %s %s, got %s %s", ErrVersionMismatch, name, version, res.Method, res.Version)
	}
	return res, nil
}

// Rescore scores a kept result again from its Method, Version and Vector,
// for instance to check it or to refresh its parts.
func (r *Registry) Rescore(res Result) (Result, error) {
	return r.Score(res.Method, res.Version, res.Vector)
}

func (r *Registry) known() string {
	if r == nil || len(r.keys) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, k := range r.keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k.name + " " + k.version)
	}
	return b.String()
}

func builtinMethods() []Method {
	return []Method{CVSS{}, OWASP{}, OWASP{Impact: OWASPBusinessImpact}, OWASP{Impact: OWASPHigherImpact}, DREAD{}}
}
