package review

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
)

// FuzzDecodeRegister checks that any input decodes without a panic and
// that every decoded register re-encodes and decodes back to the same
// bytes.
func FuzzDecodeRegister(f *testing.F) {
	f.Add(readFile(f, "testdata/register.json"))
	f.Add([]byte(`{"items": [{"id": "IMP-1", "title": "t", "source": "audit", "status": "done", "raised": "2026-01-01", "closed": "2025-01-01"}]}`))
	f.Add([]byte(`{"items": [{"id": "IMP-1", "controls": ["5.1", "A.9.1.1"]}], "extensions": {"x": null}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeRegister(data)
		if err != nil {
			return
		}
		_ = r.Validate()
		enc, err := EncodeRegister(r)
		if err != nil {
			return
		}
		back, err := DecodeRegister(enc)
		if err != nil {
			t.Fatalf("an encoded register does not decode: %v\n%s", err, enc)
		}
		enc2, _ := EncodeRegister(back)
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("round trip changed the register")
		}
		fed := r.Feed(FeedInput{}, ismskit.MustParseDate("2026-11-28"))
		if len(fed.Items) != len(r.Items) {
			t.Fatalf("feeding nothing added items")
		}
	})
}

// FuzzMarkdown checks that any text in a user's field keeps the pack's
// structure: as many headings and table rows, and no line break inside
// a table row.
func FuzzMarkdown(f *testing.F) {
	f.Add("plain", "owner")
	f.Add("| a | b |\n# heading", "<script>alert(1)</script>")
	f.Add("[link](javascript:x) ![img](x) `code` *em* _em_ ~~s~~ &amp;", "\r\n\r")
	base := concluded(f)
	want := base.Markdown()
	f.Fuzz(func(t *testing.T, text, owner string) {
		p := *base
		p.Inputs = append([]Input(nil), base.Inputs...)
		fb := p.Inputs[7]
		fb.Feedback = append([]Feedback(nil), fb.Feedback...)
		fb.Feedback[0].Summary, fb.Feedback[0].From = text, owner
		fb.Summary = text
		p.Inputs[7] = fb
		p.Title = owner
		got := p.Markdown()
		if bytes.Count(got, []byte("\n")) != bytes.Count(want, []byte("\n")) {
			t.Fatalf("the text changed the number of lines")
		}
		for _, line := range strings.Split(string(got), "\n") {
			if strings.HasPrefix(line, "#") != strings.HasPrefix(strings.TrimLeft(line, " "), "#") {
				t.Fatalf("indented heading: %q", line)
			}
		}
		if c := strings.Count(string(got), "\n#"); c != strings.Count(string(want), "\n#") {
			t.Fatalf("the text added or removed headings")
		}
		if _, err := p.HTML(); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzDecodePack checks that any input decodes without a panic and that
// every decoded pack re-encodes to bytes that decode back the same, and
// renders.
func FuzzDecodePack(f *testing.F) {
	f.Add(readFile(f, "testdata/pack.json"))
	f.Add([]byte(`{"title": "t", "standard": "s", "asOf": "2026-11-28", "since": "2026-01-01", "inputs": [{"item": "9.3.2.a", "title": "a", "summary": "s", "actions": [{"review": "MR", "decision": "d", "status": "done", "overdue": false}]}], "proposals": []}`))
	f.Add([]byte(`{"inputs": [{"item": "9.3.2.q"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodePack(data)
		if err != nil {
			return
		}
		enc, err := EncodePack(p)
		if err != nil {
			return
		}
		back, err := DecodePack(enc)
		if err != nil {
			t.Fatalf("an encoded pack does not decode: %v\n%s", err, enc)
		}
		enc2, _ := EncodePack(back)
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("round trip changed the pack")
		}
		_ = p.Markdown()
		if _, err := p.HTML(); err != nil {
			t.Fatal(err)
		}
	})
}
