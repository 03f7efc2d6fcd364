package audit

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

func FuzzDecodeRecords(f *testing.F) {
	for _, name := range []string{"testdata/records.json", "testdata/programme.json"} {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"programme": {"cycleStart": "2026-01-01", "cycleEnd": "2026-12-31", "audits": []}}`))
	f.Add([]byte(`{"programme": {"audits": [{"id": "A", "kind": "stage2"}]}, "findings": [{"id": "F", "control": "5.1", "result": "observation"}]}`))
	f.Add([]byte(`{"actions": [{"id": "C", "state": "ineffective", "history": [{"to": "raised", "date": "2026-01-01"}]}], "extensions": {"x": [1, 2]}}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeRecords(data)
		if err != nil {
			require.Zero(t, r)
			require.NotEmpty(t, err.Error())
			return
		}
		// Validation and readiness never panic on decoded input.
		_ = r.Validate(testBasis())
		_, _ = Assess(r, testBasis(), ReadinessInput{}, asOf)
		// Whatever decodes re-encodes, and the encoding is a fixed point.
		b, err := EncodeRecords(r)
		if err != nil {
			return // an enum left at zero by a missing key cannot be encoded
		}
		back, err := DecodeRecords(b)
		require.NoError(t, err)
		again, err := EncodeRecords(back)
		require.NoError(t, err)
		require.True(t, bytes.Equal(b, again), "re-encoding is stable")
	})
}

func FuzzDecodeReport(f *testing.F) {
	b, err := os.ReadFile("testdata/report.json")
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"title": "x", "readiness": {"reasons": [{"kind": "invalid-soa", "detail": "d"}]}}`))
	f.Add([]byte(`{"findings": [{"result": "observation", "findings": [{"id": "F"}]}]} 1`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeReport(data)
		if err != nil {
			require.Zero(t, r)
			return
		}
		_ = r.Markdown()
		_, err = r.HTML()
		require.NoError(t, err)
	})
}

func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"internal", "major-nonconformity", "planned", "invalid-soa", "", "Major"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if k, err := ParseKind(s); err == nil {
			require.Equal(t, s, k.String())
		}
		if r, err := ParseResult(s); err == nil {
			require.Equal(t, s, r.String())
		}
		if st, err := ParseState(s); err == nil {
			require.Equal(t, s, st.String())
		}
		if k, err := ParseReasonKind(s); err == nil {
			require.Equal(t, s, k.String())
		}
	})
}
