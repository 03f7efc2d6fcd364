// Package pkg is the source that apitest's tests list; the test declares
// types and functions of the same names.
package pkg

type Good struct{ Name string }

type Bad struct{ Name string }

type hidden struct{}

func Fine() {}

func Panics() {}

func (Good) Seq() {}

func (*Bad) Deref() {}

func (hidden) Skipped() {}
