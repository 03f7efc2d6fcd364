package iso27001

import (
	"fmt"

	"github.com/invopop/jsonschema"
	"github.com/ismskit/ismskit"
)

// Edition is an edition of ISO/IEC 27001. The zero value is no edition and
// is invalid; in JSON an edition is the string "2013" or "2022".
type Edition uint16

// The editions ismskit knows.
const (
	// Edition2013 is ISO/IEC 27001:2013, withdrawn; certificates against it
	// lapsed at the end of the transition on 2025-10-31.
	Edition2013 Edition = 2013
	// Edition2022 is ISO/IEC 27001:2022, current, amended by Amd 1:2024.
	Edition2022 Edition = 2022
)

// ParseEdition parses "2013" or "2022". Errors wrap ErrUnknownEdition.
func ParseEdition(s string) (Edition, error) {
	switch s {
	case "2013":
		return Edition2013, nil
	case "2022":
		return Edition2022, nil
	}
	return 0, fmt.Errorf("%w: %q (want 2013 or 2022)", ismskit.ErrUnknownValue, s)
}

// IsValid reports whether e is a known edition.
func (e Edition) IsValid() bool { return e == Edition2013 || e == Edition2022 }

// String returns "2013" or "2022", or "Edition(n)" for an unknown value.
func (e Edition) String() string {
	if e.IsValid() {
		return fmt.Sprint(uint16(e))
	}
	return fmt.Sprintf("Edition(%d)", uint16(e))
}

// MarshalText returns "2013" or "2022"; an unknown edition is an error.
func (e Edition) MarshalText() ([]byte, error) {
	if !e.IsValid() {
		return nil, fmt.Errorf("%w: %d", ismskit.ErrUnknownValue, uint16(e))
	}
	return []byte(e.String()), nil
}

// UnmarshalText parses "2013" or "2022".
func (e *Edition) UnmarshalText(text []byte) error {
	v, err := ParseEdition(string(text))
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// JSONSchema lists the editions.
func (Edition) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Enum: []any{"2013", "2022"}, Description: "ISO/IEC 27001 edition"}
}

// Amendment is an amendment to an edition. The zero value, NoAmendment,
// marks text of the edition itself; in JSON an amendment is a lower-case
// string ("amd1-2024").
type Amendment uint8

const (
	// NoAmendment marks an item that belongs to the edition itself.
	NoAmendment Amendment = iota
	// Amd1of2024 is ISO/IEC 27001:2022/Amd 1:2024, "Climate action
	// changes": a requirement in 4.1 to determine whether climate change is
	// a relevant issue, and a note in 4.2 that interested parties can have
	// climate-related requirements. It amends the 2022 edition only.
	Amd1of2024
)

// ParseAmendment parses "amd1-2024". Errors wrap ErrUnknownValue.
func ParseAmendment(s string) (Amendment, error) {
	if s == "amd1-2024" {
		return Amd1of2024, nil
	}
	return 0, fmt.Errorf("%w: amendment %q (want amd1-2024)", ismskit.ErrUnknownValue, s)
}

// String returns "amd1-2024", "" for NoAmendment.
func (a Amendment) String() string {
	switch a {
	case NoAmendment:
		return ""
	case Amd1of2024:
		return "amd1-2024"
	}
	return fmt.Sprintf("Amendment(%d)", uint8(a))
}

// Title returns the amendment's designation, "ISO/IEC 27001:2022/Amd 1:2024".
func (a Amendment) Title() string {
	if a == Amd1of2024 {
		return "ISO/IEC 27001:2022/Amd 1:2024"
	}
	return ""
}

// Amends returns the edition the amendment applies to.
func (a Amendment) Amends() Edition {
	if a == Amd1of2024 {
		return Edition2022
	}
	return 0
}

// MarshalText returns the String form; NoAmendment and unknown values are
// errors.
func (a Amendment) MarshalText() ([]byte, error) {
	if a != Amd1of2024 {
		return nil, fmt.Errorf("%w: amendment %d", ismskit.ErrUnknownValue, uint8(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText parses "amd1-2024".
func (a *Amendment) UnmarshalText(text []byte) error {
	v, err := ParseAmendment(string(text))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// JSONSchema lists the amendments.
func (Amendment) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Enum: []any{"amd1-2024"}}
}

// DocKind says whether a requirement item asks for documented information
// (7.5), and of which kind: maintained (a document kept current, such as
// the scope or the policy) or retained (a record kept as evidence, such as
// audit results). The zero value, NotDocumented, means the item asks for
// none. In JSON: "maintained", "retained" (and "none").
type DocKind uint8

const (
	NotDocumented DocKind = iota // the item asks for no documented information
	Maintained                   // documented information to be maintained (a document)
	Retained                     // documented information to be retained (a record)
)

var docKindNames = [...]string{"none", "maintained", "retained"}

// String returns "none", "maintained" or "retained".
func (k DocKind) String() string { return enumString(docKindNames[:], int(k), "DocKind") }

// MarshalText returns the String form.
func (k DocKind) MarshalText() ([]byte, error) {
	return enumMarshal(docKindNames[:], int(k), "DocKind")
}

// UnmarshalText parses the String form.
func (k *DocKind) UnmarshalText(text []byte) error {
	return enumUnmarshal(docKindNames[:], text, "document kind", (*uint8)(k))
}

// JSONSchema lists the values.
func (DocKind) JSONSchema() *jsonschema.Schema { return enumSchema(docKindNames[:]) }

// Change says how a clause or item of one edition differs from the other
// edition: in the 2022 data, what is new or changed since 2013. The zero
// value, ChangeNone, means unchanged in substance.
type Change uint8

const (
	ChangeNone       Change = iota // unchanged in substance
	ChangeNew                      // new in this edition
	ChangeChanged                  // present in both editions, with changed requirements
	ChangeRenumbered               // same content under another number
)

var changeNames = [...]string{"none", "new", "changed", "renumbered"}

// String returns "none", "new", "changed" or "renumbered".
func (c Change) String() string { return enumString(changeNames[:], int(c), "Change") }

// MarshalText returns the String form.
func (c Change) MarshalText() ([]byte, error) { return enumMarshal(changeNames[:], int(c), "Change") }

// UnmarshalText parses the String form.
func (c *Change) UnmarshalText(text []byte) error {
	return enumUnmarshal(changeNames[:], text, "change", (*uint8)(c))
}

// JSONSchema lists the values.
func (Change) JSONSchema() *jsonschema.Schema { return enumSchema(changeNames[:]) }

// Origin says whether an issue (4.1) or an interested party (4.2) is
// internal or external to the organisation. The zero value is unset and
// invalid in a record; in JSON: "internal" or "external".
type Origin uint8

const (
	Internal Origin = iota + 1 // inside the organisation
	External                   // outside the organisation
)

var originNames = [...]string{"", "internal", "external"}

// String returns "internal" or "external" ("" for the zero value).
func (o Origin) String() string { return enumString(originNames[:], int(o), "Origin") }

// MarshalText returns the String form; the zero value is an error.
func (o Origin) MarshalText() ([]byte, error) { return enumMarshal(originNames[:], int(o), "Origin") }

// UnmarshalText parses "internal" or "external".
func (o *Origin) UnmarshalText(text []byte) error {
	return enumUnmarshal(originNames[:], text, "origin", (*uint8)(o))
}

// JSONSchema lists the values.
func (Origin) JSONSchema() *jsonschema.Schema { return enumSchema(originNames[1:]) }

// OutputKind classifies a management review output (9.3.3): a decision on
// a continual improvement opportunity, or on a change needed to the ISMS.
// The zero value is unset and invalid in a record; in JSON: "improvement"
// or "change".
type OutputKind uint8

const (
	Improvement OutputKind = iota + 1 // a continual improvement opportunity taken up
	ISMSChange                        // a change needed to the ISMS
)

var outputKindNames = [...]string{"", "improvement", "change"}

// String returns "improvement" or "change" ("" for the zero value).
func (k OutputKind) String() string { return enumString(outputKindNames[:], int(k), "OutputKind") }

// MarshalText returns the String form; the zero value is an error.
func (k OutputKind) MarshalText() ([]byte, error) {
	return enumMarshal(outputKindNames[:], int(k), "OutputKind")
}

// UnmarshalText parses "improvement" or "change".
func (k *OutputKind) UnmarshalText(text []byte) error {
	return enumUnmarshal(outputKindNames[:], text, "review output kind", (*uint8)(k))
}

// JSONSchema lists the values.
func (OutputKind) JSONSchema() *jsonschema.Schema { return enumSchema(outputKindNames[1:]) }

func enumString(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

func enumMarshal(names []string, v int, typ string) ([]byte, error) {
	if v < 0 || v >= len(names) || names[v] == "" {
		return nil, fmt.Errorf("%w: %s(%d)", ismskit.ErrUnknownValue, typ, v)
	}
	return []byte(names[v]), nil
}

func enumUnmarshal(names []string, text []byte, what string, dst *uint8) error {
	s := string(text)
	for i, n := range names {
		if n != "" && n == s {
			*dst = uint8(i)
			return nil
		}
	}
	return fmt.Errorf("%w: %s %q", ismskit.ErrUnknownValue, what, s)
}

func enumSchema(names []string) *jsonschema.Schema {
	vals := make([]any, len(names))
	for i, n := range names {
		vals[i] = n
	}
	return &jsonschema.Schema{Type: "string", Enum: vals}
}
