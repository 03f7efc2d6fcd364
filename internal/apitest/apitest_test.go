package apitest

import (
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The types and functions that testdata/pkg declares.
type Good struct {
	Name string `json:"name"`
}

func (Good) Seq() iter.Seq[int] {
	return func(yield func(int) bool) { panic("ranged over") }
}

type Bad struct{ Name string }

func (b *Bad) Deref() string { return b.Name }

func TestExported(t *testing.T) {
	types, funcs, methods, err := Exported("testdata/pkg")
	require.NoError(t, err)
	assert.Equal(t, []string{"Bad", "Good"}, types)
	assert.Equal(t, []string{"Fine", "Panics"}, funcs)
	assert.Equal(t, []string{"Bad.Deref", "Good.Seq"}, methods)
	_, _, _, err = Exported("testdata/none")
	assert.Error(t, err)
}

func TestCheckJSON(t *testing.T) {
	assert.Equal(t, []string{
		"apitest.Bad (value 1): key .Name is not lowerCamelCase",
		"apitest.Bad (value 2): key .Name is not lowerCamelCase",
	}, CheckJSON("testdata/pkg", Good{}, Bad{}, Bad{Name: "x"}, Good{Name: "y"}))
	assert.Equal(t, []string{"exported type Bad: no value given to check"}, CheckJSON("testdata/pkg", Good{}))
	assert.Contains(t, CheckJSON("testdata/pkg", &Good{}, Bad{Name: "a"})[0], "give a non-pointer value")
	assert.Contains(t, CheckJSON("testdata/pkg", Good{}, Bad{Name: "a"}, func() {})[1], "json.Marshal")
}

func TestCheckZeroCalls(t *testing.T) {
	got := CheckZeroCalls("testdata/pkg", map[string]any{"Fine": func() {}, "Panics": func(s []int) { _ = s[0] }}, Good{}, Bad{})
	require.Len(t, got, 3, "%q", got)
	assert.Contains(t, got[0], "Panics(zero arguments) panics: runtime error: index out of range")
	assert.Contains(t, got[1], "Good.Seq on the zero value panics: ranged over")
	assert.Contains(t, got[2], "Bad.Deref on a nil *Bad panics: runtime error: invalid memory address")

	got = CheckZeroCalls("testdata/pkg", map[string]any{"Fine": func(...int) {}})
	assert.Equal(t, []string{
		"exported function Panics: not given",
		"exported method Bad.Deref: its type not given",
		"exported method Good.Seq: its type not given",
	}, got)
}
