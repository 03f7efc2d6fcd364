// Package sample is what the tests of apitest read: exported and
// unexported functions and types.
package sample

// T is exported.
type T struct{ A int }

type hidden struct{}

// F is exported.
func F() {}

func g() {}

// M is a method, not a package-level function.
func (T) M() {}

var _ = hidden{}
var _ = g
