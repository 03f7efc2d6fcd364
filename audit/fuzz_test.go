package audit

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
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
		// Whatever decodes re-encodes (an enum left at zero by a missing key
		// included), and the encoding is a fixed point.
		b, err := EncodeRecords(r)
		require.NoError(t, err)
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

// FuzzMarkdown puts any text into every field of a report, and any text
// as an evidence digest, and checks that the Markdown keeps the report's
// structure: the same lines as with plain text, every table row with its
// header's cells, no syntax of the text left unescaped.
func FuzzMarkdown(f *testing.F) {
	f.Add("x | [a](javascript:alert(1)) <img src=x> *b* _c_ `d` ~~e~~ &amp; # f\nG", "` <script>x</script> `")
	f.Add("plain", "ec160a0783aa6f115f2ddfc7fa8d73a07b0715f59f8e6a00727eccb8cbeea57d")
	f.Add("\\|\\`\r\n\u2028", "``")
	f.Fuzz(func(t *testing.T, text, digest string) {
		md := everyField(text, digest).Markdown()
		checkMarkdown(t, string(md), string(everyField("x", digest).Markdown()))
		_, err := everyField(text, digest).HTML()
		require.NoError(t, err)
	})
}

func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"internal", "major-nonconformity", "planned", "invalid-soa", "", "Major", "plAnned", "Major nonconformity"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Whatever parses was the value's code, or its label in any
		// case ("plAnned"), and has a label.
		check := func(v interface {
			MarshalText() ([]byte, error)
			String() string
		}, err error) {
			if err != nil {
				require.ErrorIs(t, err, ismskit.ErrUnknownValue)
				return
			}
			b, err := v.MarshalText()
			require.NoError(t, err)
			require.NotEmpty(t, v.String())
			if s != string(b) {
				require.True(t, strings.EqualFold(s, v.String()), "%q parsed as %q (%s)", s, b, v)
			}
		}
		k, err := ParseKind(s)
		check(k, err)
		r, err := ParseResult(s)
		check(r, err)
		st, err := ParseState(s)
		check(st, err)
		rk, err := ParseReasonKind(s)
		check(rk, err)
	})
}
