package apitest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

type good struct {
	ID    string `json:"id"`
	Inner inner  `json:"inner"`
	Skip  int    `json:"-"`
}

type inner struct {
	AnnexATitle string `json:"annexATitle,omitempty"`
}

type bad struct {
	Pascal string
	Snake  string `json:"snake_case"`
	Nested []inner2
}

type inner2 struct {
	X int `json:"X"`
}

func TestJSON(t *testing.T) {
	r := &recorder{TB: t}
	JSON(r, "good", good{ID: "a"}, true)
	assert.Empty(t, r.errs)

	r = &recorder{TB: t}
	JSON(r, "bad", bad{Nested: []inner2{{}}}, true)
	assert.Len(t, r.errs, 8, "%q", r.errs) // four fields, four keys
	r = &recorder{TB: t}
	JSON(r, "func", func() {}, false)
	assert.Len(t, r.errs, 1)
}

func TestLowerCamel(t *testing.T) {
	for k, want := range map[string]bool{"id": true, "annexATitle": true, "from2013": true, "": false, "ID": false, "a_b": false, "a-b": false, "5.1": false} {
		assert.Equal(t, want, lowerCamel(k), k)
	}
}

func TestCoveredAndNoPanic(t *testing.T) {
	r := &recorder{TB: t}
	Covered(r, "function", []string{"A", "B"}, map[string]func(){"A": nil, "C": nil})
	assert.Equal(t, []string{"apitest: function B is not covered: add it to the table", "apitest: function C is in the table but not in the package"}, r.errs)
	r = &recorder{TB: t}
	NoPanic(r, map[string]func(){"ok": func() {}, "boom": func() { panic("x") }})
	assert.Equal(t, []string{"apitest: boom panics: x"}, r.errs)
}

func TestExported(t *testing.T) {
	funcs, types := Exported(t, ".")
	assert.Equal(t, []string{"Covered", "Enum", "Exported", "JSON", "NoPanic"}, funcs)
	assert.Empty(t, types)
}
