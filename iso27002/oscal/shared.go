package oscal

import (
	"fmt"
	"time"
)

// Helpers for the packages that write other OSCAL models from ismskit
// documents (soa/oscal: the system security plan; audit/oscal: assessment
// results and the plan of action and milestones), so that every OSCAL
// document of ismskit is encoded, dated and identified the same way.

// EncodeDocument encodes doc, an OSCAL document root such as
// {"system-security-plan": {...}}, as indented JSON without HTML escaping
// and ending in a newline, after setting *uuid, the document's own UUID
// field, to the version 5 UUID of kind and a SHA-256 of the encoded
// content. The same document always gets the same UUID and any change a
// new one, as for ExportCatalog. kind names the model ("ssp", "poam"), so
// documents of different models never share a UUID. A value that cannot
// be encoded gives an error wrapping ErrNotRepresentable.
func EncodeDocument(doc any, kind string, uuid *string) ([]byte, error) {
	return finish(doc, kind, uuid)
}

// DateTime returns t as OSCAL's date-time-with-timezone: RFC 3339 in UTC,
// to the second ("2026-03-01T11:30:00Z"). A year outside OSCAL's range
// 1900..2999 gives an error wrapping ErrNotRepresentable.
func DateTime(t time.Time) (string, error) {
	u := t.UTC()
	if u.Year() < 1900 || u.Year() > 2999 {
		return "", fmt.Errorf("%w: year %d is outside OSCAL's range 1900..2999", ErrNotRepresentable, u.Year())
	}
	return u.Format(time.RFC3339), nil
}

// IsString reports whether s is valid for OSCAL's string datatype (a
// property value, a name): not empty, a single line, and no leading or
// trailing white space.
func IsString(s string) bool { return isStringValue(s) && isMarkupLine(s) }

// IsLine reports whether s is valid for OSCAL's markup-line datatype (a
// title): not empty and a single line.
func IsLine(s string) bool { return isMarkupLine(s) }

// IsToken reports whether s is valid for OSCAL's token datatype (an id, a
// property name): a letter or '_' first, then letters, digits, '.', '-'
// and '_'.
func IsToken(s string) bool { return isToken(s) }
