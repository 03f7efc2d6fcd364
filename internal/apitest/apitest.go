// Package apitest checks, in a package's tests, two promises that every
// exported name of ismskit keeps, so that a new type or function cannot
// break them unnoticed:
//
//   - every exported type marshals with encoding/json without error, its
//     zero value included, with lowerCamelCase object keys, and decodes
//     back to an equal value (JSON, CheckJSON);
//   - no exported function or method panics when it is called with zero
//     arguments: zero values, nil pointers, nil slices, nil receivers
//     (ZeroCalls, CheckZeroCalls).
//
// Both read the package's source (its non-test .go files) to list what it
// exports, and report every exported type, function or method that the
// test did not give them: the test lists them, the source decides whether
// the list is complete.
//
// The functions keep no state and are safe for concurrent use.
package apitest

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Exported lists what the package in dir exports, from its non-test .go
// files: its exported types (interfaces left out: they have no value of
// their own), its exported functions, and the exported methods of its
// exported types as "Type.Method", each sorted.
func Exported(dir string) (types, funcs, methods []string, err error) {
	return exported(os.DirFS(dir), dir)
}

// ExportedFS is Exported for a package whose .go files are at the root of
// fsys: a test that embeds them (//go:embed *.go). go test reuses such a
// test's result until one of the files changes, where a test that lists
// its package's folder runs again whenever any entry of the folder
// changes: for the module's root package, that is .git, at every commit.
func ExportedFS(fsys fs.FS) (types, funcs, methods []string, err error) {
	return exported(fsys, ".")
}

// exported is Exported for the files of fsys, named as in dir.
func exported(fsys fs.FS, dir string) (types, funcs, methods []string, err error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, nil, err
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, nil, err
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), src, parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					if _, iface := ts.Type.(*ast.InterfaceType); iface {
						continue // no value of its own to marshal or call
					}
					types = append(types, ts.Name.Name)
				}
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					funcs = append(funcs, d.Name.Name)
					continue
				}
				if recv := receiver(d.Recv.List[0].Type); ast.IsExported(recv) {
					methods = append(methods, recv+"."+d.Name.Name)
				}
			}
		}
	}
	slices.Sort(types)
	slices.Sort(funcs)
	slices.Sort(methods)
	return types, funcs, methods, nil
}

// receiver returns the type name of a receiver expression: T, *T, T[P].
func receiver(x ast.Expr) string {
	for {
		switch e := x.(type) {
		case *ast.StarExpr:
			x = e.X
		case *ast.IndexExpr:
			x = e.X
		case *ast.IndexListExpr:
			x = e.X
		case *ast.Ident:
			return e.Name
		default:
			return ""
		}
	}
}

// JSON fails t for every problem CheckJSON finds.
func JSON(t testing.TB, dir string, values ...any) {
	t.Helper()
	for _, p := range CheckJSON(dir, values...) {
		t.Error(p)
	}
}

// CheckJSON checks values, one or more of each exported type of the
// package in dir (non-pointer values: a zero value and a filled one), and
// returns a problem for each that does not marshal with encoding/json,
// has an object key that is not lowerCamelCase, or does not decode back
// to a value equal to it (reflect.DeepEqual); and for each exported type
// of the package that no value has. Extension values must be given in
// compact form, as encoding/json writes them.
func CheckJSON(dir string, values ...any) []string { return checkJSON(dir, nil, values) }

// JSONSkipping is JSON for documents with user-chosen keys: the object
// keys inside a member named in skip (a map keyed by State names, user
// extensions) are not held to the lowerCamelCase rule.
func JSONSkipping(t testing.TB, dir string, skip []string, values ...any) {
	t.Helper()
	for _, p := range checkJSON(dir, skip, values) {
		t.Error(p)
	}
}

func checkJSON(dir string, skip []string, values []any) []string {
	types, _, _, err := Exported(dir)
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	seen := map[string]bool{}
	for i, v := range values {
		rt := reflect.TypeOf(v)
		if rt == nil || rt.Kind() == reflect.Pointer {
			out = append(out, fmt.Sprintf("value %d: give a non-pointer value, not %T", i, v))
			continue
		}
		seen[rt.Name()] = true
		out = append(out, checkValue(fmt.Sprintf("%s (value %d)", rt, i), v, true, skip)...)
	}
	for _, ty := range types {
		if !seen[ty] {
			out = append(out, fmt.Sprintf("exported type %s: no value given to check", ty))
		}
	}
	return out
}

// checkValue marshals v, checks its keys and decodes it back into a new
// value of its type (of the type it points to, for a pointer, which is
// marshalled as the pointer so that pointer methods take part).
func checkValue(name string, v any, keys bool, skip []string) []string {
	var out []string
	rt := reflect.TypeOf(v)
	want := v
	if rt.Kind() == reflect.Pointer {
		rt = rt.Elem()
		want = reflect.ValueOf(v).Elem().Interface()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return []string{fmt.Sprintf("%s: json.Marshal: %v", name, err)}
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		return []string{fmt.Sprintf("%s: the JSON does not parse: %v", name, err)}
	}
	for _, k := range badKeys(doc, "", skip) {
		if keys {
			out = append(out, fmt.Sprintf("%s: key %s is not lowerCamelCase", name, k))
		}
	}
	back := reflect.New(rt)
	if err := json.Unmarshal(b, back.Interface()); err != nil {
		return append(out, fmt.Sprintf("%s: json.Unmarshal of its own JSON: %v\n%s", name, err, clip(b)))
	}
	if !reflect.DeepEqual(want, back.Elem().Interface()) {
		out = append(out, fmt.Sprintf("%s: decodes back different:\n%#v\n%#v", name, want, back.Elem().Interface()))
	}
	return out
}

var camel = regexp.MustCompile(`^[a-z][A-Za-z0-9]*$`)

// badKeys returns the paths of the object keys in doc that are not
// lowerCamelCase.
func badKeys(doc any, path string, skip []string) []string {
	var out []string
	switch d := doc.(type) {
	case map[string]any:
		for k, v := range d {
			p := path + "." + k
			if !camel.MatchString(k) {
				out = append(out, p)
			}
			if !slices.Contains(skip, k) {
				out = append(out, badKeys(v, p, skip)...)
			}
		}
	case []any:
		for i, v := range d {
			out = append(out, badKeys(v, fmt.Sprintf("%s[%d]", path, i), skip)...)
		}
	}
	slices.Sort(out)
	return out
}

func clip(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}

// ZeroCalls fails t for every problem CheckZeroCalls finds.
func ZeroCalls(t testing.TB, dir string, funcs map[string]any, types ...any) {
	t.Helper()
	for _, p := range CheckZeroCalls(dir, funcs, types...) {
		t.Error(p)
	}
}

// ZeroCallsFS is ZeroCalls for a package whose .go files are at the root
// of fsys (see ExportedFS).
func ZeroCallsFS(t testing.TB, fsys fs.FS, funcs map[string]any, types ...any) {
	t.Helper()
	for _, p := range checkZeroCalls(fsys, ".", funcs, types...) {
		t.Error(p)
	}
}

// CheckZeroCalls calls, under recover, every function of funcs (keyed by
// name) and every exported method of the types of the values in types
// with zero arguments, and returns a problem for each call that panics,
// and for each exported function or method of the package in dir that it
// was not given. A value method is called on the zero value; a pointer
// method on a nil pointer and on a pointer to the zero value. A result
// that is an iterator (func(yield func(...) bool)) is ranged over too.
func CheckZeroCalls(dir string, funcs map[string]any, types ...any) []string {
	return checkZeroCalls(os.DirFS(dir), dir, funcs, types...)
}

// checkZeroCalls is CheckZeroCalls for the package files of fsys, named as
// in dir.
func checkZeroCalls(fsys fs.FS, dir string, funcs map[string]any, types ...any) []string {
	_, declFuncs, declMethods, err := exported(fsys, dir)
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	for _, name := range declFuncs {
		if _, ok := funcs[name]; !ok {
			out = append(out, fmt.Sprintf("exported function %s: not given", name))
		}
	}
	names := make([]string, 0, len(funcs))
	for name := range funcs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fn := reflect.ValueOf(funcs[name])
		if fn.Kind() != reflect.Func {
			out = append(out, fmt.Sprintf("%s: not a function", name))
			continue
		}
		if p := call(fn); p != "" {
			out = append(out, fmt.Sprintf("%s(zero arguments) panics: %s", name, p))
		}
	}

	called := map[string]bool{}
	for _, v := range types {
		rt := reflect.TypeOf(v)
		if rt == nil || rt.Kind() == reflect.Pointer {
			out = append(out, fmt.Sprintf("give a non-pointer value, not %T", v))
			continue
		}
		for _, m := range methodNames(rt) {
			called[rt.Name()+"."+m] = true
		}
		out = append(out, methodProblems(rt, nil)...)
	}
	for _, m := range declMethods {
		if !called[m] {
			out = append(out, fmt.Sprintf("exported method %s: its type not given", m))
		}
	}
	return out
}

// Args gives the argument Call passes for a parameter of type t, when it
// returns true; otherwise Call passes the zero value.
type Args func(t reflect.Type) (reflect.Value, bool)

// Call calls fn, a function value, with the zero value of each parameter
// (or what args gives; no variadic arguments), ranges over results that
// are iterators, and returns what a panic said, or "" if none.
func Call(fn any, args Args) (panicked string) {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func || v.IsNil() {
		return fmt.Sprintf("%T is not a function", fn)
	}
	return callWith(v, args)
}

func call(fn reflect.Value) string { return callWith(fn, nil) }

func callWith(fn reflect.Value, provide Args) (panicked string) {
	defer func() {
		if r := recover(); r != nil {
			panicked = fmt.Sprint(r)
		}
	}()
	ft := fn.Type()
	n := ft.NumIn()
	if ft.IsVariadic() {
		n--
	}
	args := make([]reflect.Value, n)
	for i := range args {
		if provide != nil {
			if v, ok := provide(ft.In(i)); ok {
				args[i] = v
				continue
			}
		}
		args[i] = reflect.Zero(ft.In(i))
	}
	for _, r := range fn.Call(args) {
		rangeOver(r)
	}
	return ""
}

// rangeOver ranges over v if it is a non-nil iterator function.
func rangeOver(v reflect.Value) {
	t := v.Type()
	if t.Kind() != reflect.Func || v.IsNil() || t.NumIn() != 1 || t.NumOut() != 0 {
		return
	}
	yt := t.In(0)
	if yt.Kind() != reflect.Func || yt.NumOut() != 1 || yt.Out(0).Kind() != reflect.Bool {
		return
	}
	yield := reflect.MakeFunc(yt, func([]reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(true)}
	})
	v.Call([]reflect.Value{yield})
}

// API is the exported surface of a package, as Of lists it.
type API struct {
	// Types are the exported type names.
	Types []string
	// Funcs are the exported package-level functions.
	Funcs []string
	// Methods are the exported methods of exported types, as
	// "Type.Method".
	Methods []string
}

// Of lists the exported API of the package in dir (see Exported), failing
// t if the source cannot be read.
func Of(t testing.TB, dir string) API {
	t.Helper()
	types, funcs, methods, err := Exported(dir)
	if err != nil {
		t.Fatalf("apitest: %v", err)
	}
	return API{Types: types, Funcs: funcs, Methods: methods}
}

// Missing returns the names of want that covered lacks, in want's order.
func Missing(want []string, covered map[string]bool) []string {
	var out []string
	for _, n := range want {
		if !covered[n] {
			out = append(out, n)
		}
	}
	return out
}

// RoundTrip checks values given as pointers as CheckJSON checks values,
// without asking for every type of the package and without the key rule,
// for types whose JSON is a standard's document (OSCAL's hyphenated
// keys): each marshals and decodes back equal.
func RoundTrip(t testing.TB, vs ...any) {
	t.Helper()
	for _, v := range vs {
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Pointer || rv.IsNil() {
			t.Errorf("apitest.RoundTrip: give a non-nil pointer, not %T", v)
			continue
		}
		for _, p := range checkValue(rv.Elem().Type().String(), v, false, nil) {
			t.Error(p)
		}
	}
}

// Calls runs each call under recover, by the name of the exported
// function or method ("Func", "Type.Method") it calls with zero
// arguments or a nil receiver, and fails t for each that panics and for
// each exported function and method of the package in dir that calls
// does not cover. It is for packages whose functions need arguments
// CheckZeroCalls cannot make.
func Calls(t *testing.T, dir string, calls map[string]func()) {
	t.Helper()
	covered := map[string]bool{}
	for name, call := range calls {
		covered[name] = true
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s panics: %v", name, r)
				}
			}()
			call()
		})
	}
	api := Of(t, dir)
	if missing := Missing(append(api.Funcs, api.Methods...), covered); len(missing) > 0 {
		t.Errorf("exported functions and methods not called with zero arguments: %v", missing)
	}
}

// methodNames returns the exported methods of *T for a type T.
func methodNames(rt reflect.Type) []string {
	pt := reflect.PointerTo(rt)
	out := make([]string, pt.NumMethod())
	for i := range out {
		out[i] = pt.Method(i).Name
	}
	return out
}

// methodProblems calls every exported method of rt with zero arguments
// (or what args gives): a value method on the zero value, a pointer
// method on a nil pointer and on a pointer to the zero value. It returns
// a problem for each call that panics.
func methodProblems(rt reflect.Type, args Args) []string {
	var out []string
	zero := reflect.Zero(rt)
	pt := reflect.PointerTo(rt)
	for _, name := range methodNames(rt) {
		key := rt.Name() + "." + name
		if _, onValue := rt.MethodByName(name); onValue {
			if p := callWith(zero.MethodByName(name), args); p != "" {
				out = append(out, fmt.Sprintf("%s on the zero value panics: %s", key, p))
			}
			continue
		}
		if p := callWith(reflect.Zero(pt).MethodByName(name), args); p != "" {
			out = append(out, fmt.Sprintf("%s on a nil *%s panics: %s", key, rt.Name(), p))
		}
		if p := callWith(reflect.New(rt).MethodByName(name), args); p != "" {
			out = append(out, fmt.Sprintf("%s on a pointer to the zero value panics: %s", key, p))
		}
	}
	return out
}

// Complete fails t for every name of inSource (what the source exports)
// that listed lacks, and every name of listed that inSource lacks, so a
// table of a test stays the package's whole API.
func Complete(t testing.TB, what string, inSource, listed []string) {
	t.Helper()
	in := map[string]bool{}
	for _, n := range inSource {
		in[n] = true
	}
	have := map[string]bool{}
	for _, n := range listed {
		have[n] = true
	}
	if m := Missing(inSource, have); len(m) > 0 {
		t.Errorf("exported %s not covered by the test: %v", what, m)
	}
	if m := Missing(listed, in); len(m) > 0 {
		t.Errorf("the test lists %s the package does not export: %v", what, m)
	}
}

// Zero calls fn under recover (see Call) and fails t if it panics.
func Zero(t testing.TB, name string, fn any, args Args) {
	t.Helper()
	if p := Call(fn, args); p != "" {
		t.Errorf("%s(zero arguments) panics: %s", name, p)
	}
}

// Methods calls every exported method of v's type with zero arguments,
// on the zero value and, for pointer methods, on a nil pointer and a
// pointer to the zero value, and fails t for each that panics.
func Methods(t testing.TB, v any, args Args) {
	t.Helper()
	rt := reflect.TypeOf(v)
	if rt == nil || rt.Kind() == reflect.Pointer {
		t.Errorf("apitest.Methods: give a non-pointer value, not %T", v)
		return
	}
	for _, p := range methodProblems(rt, args) {
		t.Error(p)
	}
}

// Back marshals v, checks that its object keys are lowerCamelCase (but
// those below a key named in skip: user data), decodes it into a new
// value of v's type and returns that value, for the caller to compare.
func Back(t testing.TB, v any, skip ...string) any {
	t.Helper()
	rt := reflect.TypeOf(v)
	b, err := json.Marshal(v)
	if err != nil {
		t.Errorf("%s: json.Marshal: %v", rt, err)
		return nil
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err == nil {
		for _, k := range badKeys(doc, "", skip) {
			t.Errorf("%s: key %s is not lowerCamelCase", rt, k)
		}
	}
	back := reflect.New(rt)
	if err := json.Unmarshal(b, back.Interface()); err != nil {
		t.Errorf("%s: json.Unmarshal of its own JSON: %v\n%s", rt, err, clip(b))
		return nil
	}
	return back.Elem().Interface()
}
