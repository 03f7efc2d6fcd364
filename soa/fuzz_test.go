package soa

import (
	"strings"
	"testing"

	"github.com/ismskit/ismskit/internal/table"

	"github.com/stretchr/testify/require"
)

func FuzzDecodeCSV(f *testing.F) {
	good, err := EncodeCSV(richSoA(f))
	require.NoError(f, err)
	f.Add(good)
	head := "Control,Title,Theme,Applicable,Reasons for inclusion,Justification for exclusion,Status,Owner,Evidence,Implementation,Target date,Responsibility,Provider,Notes,Extensions\r\n"
	f.Add([]byte(head))
	f.Add([]byte(head + "5.1,t,,yes,\"legal; ref=a\\;b; note=x\nrisk-treatment; risks=R\\,1,R2\",,planned,,\"a\\nb\nc\",,2026-01-02,shared,P,,{}\r\n"))
	f.Add([]byte(head + "A.5.1.1,\" t \",,no,,j,not-applicable,,,,2026-01-02T10:00:00+02:00,own,,,\n"))
	f.Add([]byte(head + "acme:x,\"a\"\"b\",,undecided,,,,,,,,,,,"))
	f.Add([]byte("\"unterminated"))
	f.Add([]byte(head + "5.1,'=t,,no,,\"'-j\",,'@o,\"'+e\n=f\",\"\t\",,,,'\\'n,\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := DecodeCSV(data)
		if err != nil {
			return
		}
		// What was read is written again and reads back the same.
		s := SoA{Entries: entries}
		rows, err := s.Rows()
		require.NoError(t, err)
		out, err := EncodeCSV(s)
		require.NoError(t, err)
		again, err := DecodeCSV(out)
		require.NoError(t, err)
		recs, err := table.ReadCSV(out)
		require.NoError(t, err)
		for _, r := range recs {
			for _, c := range r {
				require.False(t, c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])), "cell %q begins a formula", c)
			}
		}
		rows2, err := SoA{Entries: again}.Rows()
		require.NoError(t, err)
		require.Equal(t, rows, rows2)
	})
}

func FuzzDecode(f *testing.F) {
	good, err := EncodeSoA(richSoA(f))
	require.NoError(f, err)
	f.Add(good)
	f.Add([]byte(`{"header":{"organization":"x","version":"1","date":"2026-01-01","edition":"2022"},"entries":[{"control":"5.1","title":"t","applicability":"included","reasons":[{"kind":"legal","reference":"r"}],"status":"planned"}]}`))
	f.Add([]byte(`{"header":{"edition":"custom"},"entries":[{"control":"acme:x","applicability":"excluded","responsibility":"shared","extensions":{"a":[1,2]}}],"extensions":null}`))
	f.Add([]byte(`{"entries":[{"control":"5.99"}]} []`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DecodeSoA(data)
		if err != nil {
			return
		}
		_ = s.Validate(ValidateOptions{})
		b, err := EncodeSoA(s)
		require.NoError(t, err)
		back, err := DecodeSoA(b)
		require.NoError(t, err)
		b2, err := EncodeSoA(back)
		require.NoError(t, err)
		require.Equal(t, string(b), string(b2))
	})
}

func FuzzDecodeSources(f *testing.F) {
	f.Add([]byte(`{"obligations":[{"id":"O","kind":"legal","reference":"X","controls":["5.1","8.34"]}],"decisions":[{"control":"5.2","applicability":"excluded","justification":"j"}]}`))
	f.Add([]byte(`{"decisions":[{"control":"5.2"},{"control":"5.2","status":"implemented"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := DecodeSources(data)
		if err != nil {
			return
		}
		s, _ := Generate(Input{Header: testHeader(), Sources: src})
		require.Len(t, s.Entries, 93, "every control once, whatever the sources")
	})
}
