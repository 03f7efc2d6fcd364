package soa

import (
	"encoding/json"
	"io"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// EncodeSoA returns the JSON form of s: lowerCamelCase keys, lower-case
// enum strings, indented by two spaces and ending in a newline. The same
// SoA always gives the same bytes. Extensions keep their JSON value,
// indented like the rest. An undefined enum value or malformed JSON in an
// extensions field is an error naming its path.
func EncodeSoA(s SoA) ([]byte, error) {
	if err := checkEncodable(&s); err != nil {
		return nil, err
	}
	return codec.Encode(soaJSON(s))
}

// WriteSoA writes the JSON form of s to w, as EncodeSoA returns it.
func WriteSoA(w io.Writer, s SoA) error {
	if err := checkEncodable(&s); err != nil {
		return err
	}
	return codec.Write(w, soaJSON(s))
}

// checkEncodable reports the values that encoding/json would reject,
// with their paths, so that Encode's error says where they are.
func checkEncodable(s *SoA) error {
	var l fielderr.List
	if !s.Header.Edition.IsValid() && s.Header.Edition != 0 {
		l.Add("header.edition", errf(ismskit.ErrUnknownValue, "edition %d is not defined", uint16(s.Header.Edition)))
	}
	if len(s.Extensions) > 0 && !json.Valid(s.Extensions) {
		l.Add("extensions", errf(ismskit.ErrType, "extensions is not valid JSON"))
	}
	for i := range s.Entries {
		e := &s.Entries[i]
		p := fielderr.Index("entries", i)
		pr := entryProblems{&l, e}
		if !e.Applicability.IsValid() {
			pr.add(p+".applicability", errf(ismskit.ErrUnknownValue, "applicability %d is not defined", uint8(e.Applicability)))
		}
		if e.Status != 0 && !e.Status.IsValid() {
			pr.add(p+".status", errf(ismskit.ErrUnknownValue, "status %d is not defined", uint8(e.Status)))
		}
		if !e.Responsibility.IsValid() {
			pr.add(p+".responsibility", errf(ismskit.ErrUnknownValue, "responsibility %d is not defined", uint8(e.Responsibility)))
		}
		for j, r := range e.Reasons {
			if r.Kind != 0 && !r.Kind.IsValid() { // a missing kind is left out; Validate reports it
				pr.add(fielderr.Index(p+".reasons", j)+".kind", errf(ismskit.ErrUnknownValue, "reason kind %d is not defined", uint8(r.Kind)))
			}
		}
		if len(e.Extensions) > 0 && !json.Valid(e.Extensions) {
			pr.add(p+".extensions", errf(ismskit.ErrType, "extensions is not valid JSON"))
		}
	}
	return l.Err()
}

// DecodeSoA reads an SoA from JSON strictly: an unknown key (keys match
// exactly, case included), an unknown enum value, a wrong type, a key
// given twice or trailing data is an *ismskit.Error naming its path
// ("entries[3].status"), every one of them up to the problem limit,
// joined. opts set the decoder's limits. It does not check the content
// against the rules; call Validate for that.
func DecodeSoA(data []byte, opts ...ismskit.DecodeOption) (SoA, error) {
	s, err := codec.Decode[soaJSON](data, opts)
	return SoA(s), err
}

// ReadSoA reads an SoA from r, never past the byte limit, and decodes it
// as DecodeSoA does.
func ReadSoA(r io.Reader, opts ...ismskit.DecodeOption) (SoA, error) {
	return codec.Read(r, opts, DecodeSoA)
}

// soaJSON is SoA without its methods, for decoding.
type soaJSON SoA

// UnmarshalJSON decodes an SoA strictly, as DecodeSoA does with the
// default limits, so that an SoA inside a larger document that
// encoding/json decodes is as strict as one decoded on its own.
func (s *SoA) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*soaJSON)(s))
}
