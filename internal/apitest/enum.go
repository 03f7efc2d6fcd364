package apitest

import (
	"encoding"
	"encoding/json"
	"testing"
)

// An enum is the method set every ismskit enumeration has.
type enum interface {
	comparable
	String() string
	IsValid() bool
	MarshalText() ([]byte, error)
}

// Enum checks the method set of an enumeration E over all its valid
// values:
//
//   - each value is valid, has a label (String) and a code (MarshalText),
//     both distinct from every other value's;
//   - parse reads the code and the label back; UnmarshalText and
//     encoding/json read the code, but UnmarshalText refuses a label that
//     differs from the code: documents are strict;
//   - the zero value marshals without error to zeroText ("" where zero
//     means unset), and that text unmarshals to the zero value;
//   - parse and UnmarshalText reject text that is no value with an error,
//     and UnmarshalText on a nil pointer returns an error, for a valid
//     code too.
func Enum[E enum, P interface {
	*E
	UnmarshalText([]byte) error
}](t *testing.T, values []E, parse func(string) (E, error), zeroText string) {
	t.Helper()
	var zero E
	labels, codes := map[string]E{}, map[string]E{}
	for _, v := range values {
		code, err := v.MarshalText()
		switch {
		case err != nil:
			t.Errorf("apitest: %v.MarshalText: %v", v, err)
			continue
		case !v.IsValid():
			t.Errorf("apitest: %v is not valid", v)
		case v.String() == "" || len(code) == 0:
			t.Errorf("apitest: %#v has an empty label or code", v)
		}
		if w, dup := labels[v.String()]; dup {
			t.Errorf("apitest: %#v and %#v share the label %q", v, w, v.String())
		}
		if w, dup := codes[string(code)]; dup {
			t.Errorf("apitest: %#v and %#v share the code %q", v, w, code)
		}
		labels[v.String()], codes[string(code)] = v, v
		for _, s := range []string{string(code), v.String()} {
			if got, err := parse(s); err != nil || got != v {
				t.Errorf("apitest: parse(%q) = %v, %v; want %v", s, got, err, v)
			}
		}
		var back E
		if err := P(&back).UnmarshalText(code); err != nil || back != v {
			t.Errorf("apitest: UnmarshalText(%q) = %v, %v; want %v", code, back, err, v)
		}
		if label := v.String(); label != string(code) {
			if err := P(&back).UnmarshalText([]byte(label)); err == nil {
				t.Errorf("apitest: UnmarshalText accepts the label %q: documents hold codes only", label)
			}
		}
		var fromJSON E
		if b, err := json.Marshal(v); err != nil {
			t.Errorf("apitest: json.Marshal(%#v): %v", v, err)
		} else if err := json.Unmarshal(b, &fromJSON); err != nil || fromJSON != v {
			t.Errorf("apitest: %s decodes back as %#v, %v", b, fromJSON, err)
		}
	}
	text, err := zero.MarshalText()
	if err != nil || string(text) != zeroText {
		t.Errorf("apitest: the zero %T marshals to %q, %v; want %q", zero, text, err, zeroText)
	}
	back := values[0]
	if err := P(&back).UnmarshalText(text); err != nil || back != zero {
		t.Errorf("apitest: UnmarshalText(%q) = %v, %v; want the zero %T", text, back, err, zero)
	}
	for _, bad := range []string{"no such value", "\x00"} {
		if _, err := parse(bad); err == nil {
			t.Errorf("apitest: parse(%q) accepted", bad)
		}
		if err := P(&back).UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("apitest: UnmarshalText(%q) accepted", bad)
		}
	}
	// on a nil pointer, an error for the zero's text and for a valid code
	// alike (a valid code gets as far as the store)
	code, _ := values[0].MarshalText()
	NilUnmarshalText(t, P(nil), string(text), string(code))
}

// NilUnmarshalText checks that UnmarshalText on the nil pointer u returns
// an error, without a panic, for each text; pass valid texts, which get
// as far as the store.
func NilUnmarshalText(t *testing.T, u encoding.TextUnmarshaler, texts ...string) {
	t.Helper()
	for _, s := range texts {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("apitest: UnmarshalText(%q) on a nil %T panics: %v", s, u, r)
				}
			}()
			if err := u.UnmarshalText([]byte(s)); err == nil {
				t.Errorf("apitest: UnmarshalText(%q) on a nil %T returned no error", s, u)
			}
		}()
	}
}
