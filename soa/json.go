package soa

import (
	"bytes"
	"encoding/json"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// Encode returns the JSON form of s: lowerCamelCase keys, lower-case enum
// strings, indented by two spaces and ending in a newline. The same SoA
// always gives the same bytes. Extensions keep their JSON value, indented
// like the rest. An undefined enum value or malformed JSON
// in an extensions field is an error naming its path.
func Encode(s SoA) ([]byte, error) {
	if err := checkEncodable(&s); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, &FieldError{Err: err}
	}
	return buf.Bytes(), nil
}

// checkEncodable reports the values that encoding/json would reject,
// with their paths, so that Encode's error says where they are.
func checkEncodable(s *SoA) error {
	var l fielderr.List
	if !s.Header.Edition.IsValid() && s.Header.Edition != 0 {
		l.Add("header.edition", errf(ErrUnknownValue, "edition %d is not defined", uint16(s.Header.Edition)))
	}
	rawOK := func(p string, raw json.RawMessage) {
		if len(raw) > 0 && !json.Valid(raw) {
			l.Add(p, errf(ErrType, "extensions is not valid JSON"))
		}
	}
	rawOK("extensions", s.Extensions)
	for i := range s.Entries {
		e := &s.Entries[i]
		p := fielderr.Index("entries", i)
		if !e.Applicability.IsValid() {
			l.Add(p+".applicability", errf(ErrUnknownValue, "applicability %d is not defined", uint8(e.Applicability)))
		}
		if e.Status != 0 && !e.Status.IsValid() {
			l.Add(p+".status", errf(ErrUnknownValue, "status %d is not defined", uint8(e.Status)))
		}
		if !e.Responsibility.IsValid() {
			l.Add(p+".responsibility", errf(ErrUnknownValue, "responsibility %d is not defined", uint8(e.Responsibility)))
		}
		for j, r := range e.Reasons {
			if r.Kind != 0 && !r.Kind.IsValid() { // a missing kind is left out; Validate reports it
				l.Add(fielderr.Index(p+".reasons", j)+".kind", errf(ErrUnknownValue, "reason kind %d is not defined", uint8(r.Kind)))
			}
		}
		rawOK(p+".extensions", e.Extensions)
	}
	return l.Err()
}

// Decode reads an SoA from JSON strictly: an unknown key (keys match
// exactly, case included), an unknown enum value, a wrong type, a key
// given twice or trailing data is a *FieldError naming its path
// ("entries[3].status"), every one of them, joined. It does not check the
// content against the rules; call Validate for that.
func Decode(data []byte) (SoA, error) {
	var s SoA
	if err := strictjson.Unmarshal(data, &s); err != nil {
		return SoA{}, err
	}
	return s, nil
}
