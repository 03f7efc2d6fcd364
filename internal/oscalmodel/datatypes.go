package oscalmodel

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// UUIDNamespace is the name-space UUID of every UUID ismskit derives: the
// RFC 9562 version 5 UUID of Namespace in the URL name space.
const UUIDNamespace = "b0f2e828-24cb-5f58-bf08-de9cbc94f51f"

// nsURL is the RFC 9562 name space for URLs.
var nsURL = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// uuidNS is UUIDNamespace as bytes.
var uuidNS = [16]byte{0xb0, 0xf2, 0xe8, 0x28, 0x24, 0xcb, 0x5f, 0x58, 0xbf, 0x08, 0xde, 0x9c, 0xbc, 0x94, 0xf5, 0x1f}

// uuidV5 returns the version 5 (SHA-1, name-based) UUID of name in the
// name space ns, as RFC 9562 section 5.5 defines it, in its canonical
// lower-case text form. OSCAL's UUID datatype accepts versions 4 and 5.
func uuidV5(ns [16]byte, name string) string {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	var out [36]byte
	hex.Encode(out[0:8], u[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], u[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], u[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], u[8:10])
	out[23] = '-'
	hex.Encode(out[24:], u[10:])
	return string(out[:])
}

// UUID returns the deterministic UUID ismskit gives the thing named name:
// the version 5 UUID of name in UUIDNamespace.
func UUID(name string) string { return uuidV5(uuidNS, name) }

// IsUUID reports whether s is an OSCAL UUID: the canonical text form of a
// version 4 or 5 UUID of the RFC 9562 variant, in either case.
func IsUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
			continue
		case 14:
			if c != '4' && c != '5' {
				return false
			}
			continue
		case 19:
			if !strings.ContainsRune("89abAB", rune(c)) {
				return false
			}
			continue
		}
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// EncodeDocument encodes doc, an OSCAL document root such as
// {"system-security-plan": {...}}, as indented JSON without HTML escaping
// and ending in a newline, after setting *uuid, the document's own UUID
// field, to the version 5 UUID of kind and a SHA-256 of the encoded
// content. The same document always gets the same UUID and any change a
// new one. kind names the model ("ssp", "poam"), so documents of different
// models never share a UUID. A value that cannot be encoded gives an error
// of kind ismskit.ErrNotEncodable.
func EncodeDocument(doc any, kind string, uuid *string) ([]byte, error) {
	return EncodeDocumentSized(doc, kind, uuid, 64<<10)
}

// EncodeDocumentSized is EncodeDocument with a first buffer of size bytes
// (see EncodeSized); the second encoding, for the UUID, starts with the
// length of the first, which it has too. The bytes are EncodeDocument's.
func EncodeDocumentSized(doc any, kind string, uuid *string, size int) ([]byte, error) {
	*uuid = "00000000-0000-4000-8000-000000000000"
	body, err := EncodeSized(doc, size)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	*uuid = UUID(kind + ":" + hex.EncodeToString(sum[:]))
	return EncodeSized(doc, len(body))
}

// DateTime returns t as OSCAL's date-time-with-timezone: RFC 3339 in UTC,
// to the second ("2026-03-01T11:30:00Z"). A zero time is an error of kind
// ismskit.ErrMissing, a year outside OSCAL's range 1900..2999 one of kind
// ismskit.ErrOutOfRange.
func DateTime(t time.Time) (string, error) {
	if t.IsZero() {
		return "", fielderr.Errorf(ismskit.ErrMissing, "no date")
	}
	u := t.UTC()
	if u.Year() < 1900 || u.Year() > 2999 {
		return "", fielderr.Errorf(ismskit.ErrOutOfRange, "year %d is outside OSCAL's range 1900..2999", u.Year())
	}
	return u.Format(time.RFC3339), nil
}

// Date returns d as an OSCAL date-time: midnight UTC at its start, as
// DateTime does.
func Date(d ismskit.Date) (string, error) { return DateTime(d.Time()) }

// ParseDateTime parses an OSCAL date-time-with-timezone (RFC 3339 with a
// zone, fractions of a second allowed).
func ParseDateTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fielderr.Errorf(ismskit.ErrInvalidDate, "%q is not an RFC 3339 date-time with a zone", clip(s))
	}
	return t, nil
}

func clip(s string) string {
	if len(s) > 64 {
		return s[:61] + "..."
	}
	return s
}

// IsString reports whether s is valid for OSCAL's string datatype (a
// property value, a name): not empty, a single line, and no leading or
// trailing white space.
func IsString(s string) bool { return s != "" && strings.TrimSpace(s) == s && IsLine(s) }

// IsLine reports whether s is valid for OSCAL's markup-line datatype (a
// title): not empty and a single line.
func IsLine(s string) bool { return s != "" && !strings.ContainsAny(s, "\n") }

// IsToken reports whether s is valid for OSCAL's token datatype (an id, a
// property name): a letter or '_' first, then letters, digits, '.', '-'
// and '_' (^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$).
func IsToken(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		if unicode.IsLetter(r) || r == '_' {
			continue
		}
		if i > 0 && (unicode.IsNumber(r) || r == '.' || r == '-') {
			continue
		}
		return false
	}
	return true
}
