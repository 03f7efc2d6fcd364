package iso27001

import (
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/enum"
	"github.com/ismskit/ismskit/internal/fielderr"
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

// ParseEdition parses "2013" or "2022". Anything else is an error
// wrapping ismskit.ErrUnknownValue.
func ParseEdition(s string) (Edition, error) {
	switch s {
	case "2013":
		return Edition2013, nil
	case "2022":
		return Edition2022, nil
	}
	return 0, fielderr.Errorf(ismskit.ErrUnknownValue, "edition %s: want 2013 or 2022", fielderr.Quote(s))
}

// IsValid reports whether e is a known edition.
func (e Edition) IsValid() bool { return e == Edition2013 || e == Edition2022 }

// String returns "2013" or "2022", "" for the zero Edition (unset), and
// "Edition(n)" for an unknown value.
func (e Edition) String() string {
	switch {
	case e.IsValid():
		return strconv.Itoa(int(e))
	case e == 0:
		return ""
	}
	return "Edition(" + strconv.Itoa(int(e)) + ")"
}

// MarshalText returns "2013" or "2022", and "" for the zero Edition
// (unset); an unknown edition is an error wrapping
// ismskit.ErrUnknownValue.
func (e Edition) MarshalText() ([]byte, error) {
	if e != 0 && !e.IsValid() {
		return nil, fielderr.Errorf(ismskit.ErrUnknownValue, "%s is not an edition of ISO/IEC 27001", e)
	}
	return []byte(e.String()), nil
}

// UnmarshalText parses "2013" or "2022"; "" gives the zero Edition.
func (e *Edition) UnmarshalText(text []byte) error {
	if e == nil {
		return fielderr.NilTarget("iso27001.Edition")
	}
	if len(text) == 0 {
		*e = 0
		return nil
	}
	v, err := ParseEdition(string(text))
	if err != nil {
		return err
	}
	*e = v
	return nil
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

var amendments = enum.Table{Type: "Amendment", What: "amendment",
	Codes:  []string{"", "amd1-2024"},
	Labels: []string{"", "ISO/IEC 27001:2022/Amd 1:2024"}}

// ParseAmendment parses "amd1-2024" or the designation
// "ISO/IEC 27001:2022/Amd 1:2024". Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func ParseAmendment(s string) (Amendment, error) {
	return enum.ParseAs[Amendment](&amendments, s)
}

// IsValid reports whether a is an amendment (not NoAmendment).
func (a Amendment) IsValid() bool { return amendments.Valid(int(a)) }

// String returns the amendment's designation, "ISO/IEC 27001:2022/Amd
// 1:2024", and "" for NoAmendment.
func (a Amendment) String() string { return amendments.Label(int(a)) }

// Amends returns the edition the amendment applies to.
func (a Amendment) Amends() Edition {
	if a == Amd1of2024 {
		return Edition2022
	}
	return 0
}

// MarshalText returns "amd1-2024", and "" for NoAmendment; an unknown
// value is an error wrapping ismskit.ErrUnknownValue.
func (a Amendment) MarshalText() ([]byte, error) { return amendments.Marshal(int(a)) }

// UnmarshalText parses "amd1-2024"; "" gives NoAmendment.
func (a *Amendment) UnmarshalText(text []byte) error {
	return enum.SetText(&amendments, a, text)
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

var docKinds = enum.Table{Type: "DocKind", What: "document kind", ZeroIsValue: true,
	Codes:  []string{"none", "maintained", "retained"},
	Labels: []string{"Not documented", "Maintained", "Retained"}}

// ParseDocKind parses "none", "maintained" or "retained", or a label
// ("Maintained"). Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func ParseDocKind(s string) (DocKind, error) {
	return enum.ParseAs[DocKind](&docKinds, s)
}

// IsValid reports whether k is NotDocumented, Maintained or Retained.
func (k DocKind) IsValid() bool { return docKinds.Valid(int(k)) }

// String returns "Not documented", "Maintained" or "Retained".
func (k DocKind) String() string { return docKinds.Label(int(k)) }

// MarshalText returns "none", "maintained" or "retained"; an unknown
// value is an error wrapping ismskit.ErrUnknownValue.
func (k DocKind) MarshalText() ([]byte, error) { return docKinds.Marshal(int(k)) }

// UnmarshalText parses "none", "maintained" or "retained"; "" gives
// NotDocumented.
func (k *DocKind) UnmarshalText(text []byte) error {
	return enum.SetText(&docKinds, k, text)
}

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

var changes = enum.Table{Type: "Change", What: "change", ZeroIsValue: true,
	Codes:  []string{"none", "new", "changed", "renumbered"},
	Labels: []string{"Unchanged", "New", "Changed", "Renumbered"}}

// ParseChange parses "none", "new", "changed" or "renumbered", or a
// label ("Unchanged"). Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func ParseChange(s string) (Change, error) {
	return enum.ParseAs[Change](&changes, s)
}

// IsValid reports whether c is one of the four values.
func (c Change) IsValid() bool { return changes.Valid(int(c)) }

// String returns "Unchanged", "New", "Changed" or "Renumbered".
func (c Change) String() string { return changes.Label(int(c)) }

// MarshalText returns "none", "new", "changed" or "renumbered"; an
// unknown value is an error wrapping ismskit.ErrUnknownValue.
func (c Change) MarshalText() ([]byte, error) { return changes.Marshal(int(c)) }

// UnmarshalText parses what MarshalText returns; "" gives ChangeNone.
func (c *Change) UnmarshalText(text []byte) error {
	return enum.SetText(&changes, c, text)
}

// Origin says whether an issue (4.1) or an interested party (4.2) is
// internal or external to the organisation. The zero value is unset and
// invalid in a record; in JSON: "internal" or "external".
type Origin uint8

const (
	Internal Origin = iota + 1 // inside the organisation
	External                   // outside the organisation
)

var origins = enum.Table{Type: "Origin", What: "origin",
	Codes:  []string{"", "internal", "external"},
	Labels: []string{"", "Internal", "External"}}

// ParseOrigin parses "internal" or "external", in any case. Anything else
// is an error wrapping ismskit.ErrUnknownValue.
func ParseOrigin(s string) (Origin, error) {
	return enum.ParseAs[Origin](&origins, s)
}

// IsValid reports whether o is Internal or External.
func (o Origin) IsValid() bool { return origins.Valid(int(o)) }

// String returns "Internal" or "External" ("" for the zero value).
func (o Origin) String() string { return origins.Label(int(o)) }

// MarshalText returns "internal" or "external", and "" for the zero value
// (unset); an unknown value is an error wrapping ismskit.ErrUnknownValue.
func (o Origin) MarshalText() ([]byte, error) { return origins.Marshal(int(o)) }

// UnmarshalText parses "internal" or "external"; "" gives the zero value.
func (o *Origin) UnmarshalText(text []byte) error {
	return enum.SetText(&origins, o, text)
}

// OutputKind classifies a management review output (9.3.3): a decision on
// a continual improvement opportunity, or on a change needed to the ISMS.
// The zero value is unset and invalid in a record; in JSON: "improvement"
// or "change".
type OutputKind uint8

const (
	Improvement OutputKind = iota + 1 // a continual improvement opportunity taken up
	ISMSChange                        // a change needed to the ISMS
)

var outputKinds = enum.Table{Type: "OutputKind", What: "review output kind",
	Codes:  []string{"", "improvement", "change"},
	Labels: []string{"", "Continual improvement", "Change to the ISMS"}}

// ParseOutputKind parses "improvement" or "change", or a label
// ("Continual improvement"). Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func ParseOutputKind(s string) (OutputKind, error) {
	return enum.ParseAs[OutputKind](&outputKinds, s)
}

// IsValid reports whether k is Improvement or ISMSChange.
func (k OutputKind) IsValid() bool { return outputKinds.Valid(int(k)) }

// String returns "Continual improvement" or "Change to the ISMS" ("" for
// the zero value).
func (k OutputKind) String() string { return outputKinds.Label(int(k)) }

// MarshalText returns "improvement" or "change", and "" for the zero
// value (unset); an unknown value is an error wrapping
// ismskit.ErrUnknownValue.
func (k OutputKind) MarshalText() ([]byte, error) { return outputKinds.Marshal(int(k)) }

// UnmarshalText parses "improvement" or "change"; "" gives the zero
// value.
func (k *OutputKind) UnmarshalText(text []byte) error {
	return enum.SetText(&outputKinds, k, text)
}
