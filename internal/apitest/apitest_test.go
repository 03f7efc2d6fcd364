package apitest

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
)

// recorder is a testing.TB that records failures.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestExported(t *testing.T) {
	funcs, types := Exported(t, "testdata/sample")
	assert.Equal(t, []string{"F"}, funcs)
	assert.Equal(t, []string{"T"}, types)

	r := &recorder{TB: t}
	Complete(r, "function", funcs, []string{"F"})
	assert.Empty(t, r.errs)
	Complete(r, "function", funcs, []string{"G"})
	assert.Len(t, r.errs, 2, "F missing from the table, G not in the source")
}

type value struct{ p *int }

func (v value) Get() int      { return *v.p }
func (v *value) Set(n int)    { *v.p = n }
func (v *value) Safe() string { return "ok" }

func TestZeroAndMethods(t *testing.T) {
	r := &recorder{TB: t}
	Zero(r, "fine", func(s string, n int, opts ...int) {}, nil)
	Zero(r, "args", func(p *int) { *p++ }, func(pt reflect.Type) (reflect.Value, bool) {
		if pt == reflect.TypeFor[*int]() {
			return reflect.ValueOf(new(int)), true
		}
		return reflect.Value{}, false
	})
	assert.Empty(t, r.errs)
	Zero(r, "panics", func(p *int) int { return *p }, nil)
	assert.Len(t, r.errs, 1)
	assert.Contains(t, r.errs[0], "panics panics on zero arguments")

	r = &recorder{TB: t}
	Methods(r, value{}, nil)
	// Get on the zero value, Set on nil and on new(value) panic; Safe
	// does not.
	assert.Len(t, r.errs, 3, "%v", r.errs)
}

func TestRoundTrip(t *testing.T) {
	type good struct {
		Name  string         `json:"name"`
		Extra map[string]int `json:"extensions"`
	}
	r := &recorder{TB: t}
	back := RoundTrip(r, good{Name: "x", Extra: map[string]int{"Any_Key": 1}}, "extensions")
	assert.Empty(t, r.errs)
	assert.Equal(t, good{Name: "x", Extra: map[string]int{"Any_Key": 1}}, back)

	type bad struct{ Name string }
	RoundTrip(r, bad{}, "extensions")
	assert.Equal(t, []string{"apitest: apitest.bad has the key .Name, which is not lowerCamelCase"}, r.errs)

	r = &recorder{TB: t}
	assert.Nil(t, RoundTrip(r, func() {}))
	assert.Len(t, r.errs, 1, "a value that does not marshal")
}
