package oscal

import (
	"crypto/sha1"
	"encoding/hex"
)

// UUIDNamespace is the name-space UUID of every UUID this package derives:
// the RFC 9562 version 5 UUID of the URL Namespace in the URL name space
// (b0f2e828-24cb-5f58-bf08-de9cbc94f51f).
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

// UUID returns the deterministic UUID this package gives the thing named
// name: the version 5 UUID of name in UUIDNamespace. The same name always
// gives the same UUID, so exports are byte-identical from run to run.
func UUID(name string) string { return uuidV5(uuidNS, name) }
