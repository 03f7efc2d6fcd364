package apitest

import (
	"maps"
	"reflect"
	"slices"
	"testing"
)

// API runs the nil-and-zero check of a whole package from its tests: the
// functions (name to function value) and types (a value of each) of the
// package in the current directory must be exactly its exported ones
// (Exported, Complete); every function is then called with zero
// arguments (Zero) and every method on zero values and nil pointers
// (Methods). A function that panics on bad input by design (MustParse) is
// listed as a closure that recovers.
func API(t *testing.T, funcs map[string]any, types []any) {
	t.Helper()
	inFuncs, inTypes := Exported(t, ".")
	Complete(t, "function", inFuncs, slices.Collect(maps.Keys(funcs)))
	names := make([]string, len(types))
	for i, v := range types {
		names[i] = reflect.TypeOf(v).Name()
	}
	Complete(t, "type", inTypes, names)
	for _, name := range slices.Sorted(maps.Keys(funcs)) {
		Zero(t, name, funcs[name], nil)
	}
	for _, v := range types {
		Methods(t, v, nil)
	}
}
