package oscalmodel

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzDecode checks that Decode never panics, that what it accepts
// encoding/json reads the same way, and that Encode writes it back so
// that Decode reads the same value again.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"title":"t","items":[{"name":"x","tags":["a"]}],"raw":[1,"2",{"3":null}],"empty":{}}`,
		`{"title":"\ud83d\ude00\u2028","inner":{"count":-12}}`, `[`, `{"must":null}`, `{"title":"t"} `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v outer
		if err := Decode(context.Background(), data, &v); err != nil {
			return
		}
		var w outer
		require.NoError(t, json.Unmarshal(data, &w), "what Decode accepts is JSON")
		if len(v.Raw) > 0 {
			// encoding/json keeps a raw value with its spaces; compare
			// the rest.
			v.Raw, w.Raw = nil, nil
		}
		assert.Equal(t, w, v)
		out, err := Encode(v)
		require.NoError(t, err)
		var again outer
		require.NoError(t, Decode(context.Background(), out, &again))
		assert.Equal(t, v, again)
	})
}
