package apitest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOf(t *testing.T) {
	api := Of(t, ".")
	assert.Equal(t, []string{"API"}, api.Types)
	assert.Equal(t, []string{"Calls", "Missing", "Of", "RoundTrip"}, api.Funcs)
	assert.Empty(t, api.Methods)
	assert.Equal(t, []string{"Of"}, Missing(api.Funcs, map[string]bool{"Calls": true, "Missing": true, "RoundTrip": true}))
	Calls(t, ".", map[string]func(){"Calls": func() {}, "Missing": func() { Missing(nil, nil) }, "Of": func() {}, "RoundTrip": func() { RoundTrip(t) }})
}

type lossy struct {
	Kept string `json:"kept"`
	lost string
}

func TestRoundTrip(t *testing.T) {
	RoundTrip(t, &API{}, &API{Types: []string{"T"}})
	var ft fakeT
	RoundTrip(&ft, &lossy{Kept: "a", lost: "b"}, &struct{ F func() }{F: func() {}})
	assert.Equal(t, 2, ft.errors, "a lossy type and one that does not marshal fail")
}

type fakeT struct {
	testing.TB
	errors int
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.errors++ }
