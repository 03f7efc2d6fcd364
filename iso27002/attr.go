package iso27002

import (
	"encoding/json"
	"iter"
	"math/bits"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/enum"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// Theme is one of the four themes of ISO/IEC 27002:2022 clauses 5 to 8.
// Its numeric value is the clause number. The zero Theme means none (2013
// and most custom controls).
type Theme uint8

// The themes of the 2022 edition.
const (
	Organizational Theme = 5 // clause 5, 37 controls
	People         Theme = 6 // clause 6, 8 controls
	Physical       Theme = 7 // clause 7, 14 controls
	Technological  Theme = 8 // clause 8, 34 controls
)

var themeNames = [...]string{5: "organizational", 6: "people", 7: "physical", 8: "technological"}
var themeTitles = [...]string{5: "Organizational controls", 6: "People controls", 7: "Physical controls", 8: "Technological controls"}

var themes = enum.Table{Type: "Theme", What: "theme", Codes: themeNames[:], Labels: themeTitles[:]}

// Themes returns the four themes in clause order.
//
//	for t := range iso27002.Themes() { fmt.Println(t) }
func Themes() iter.Seq[Theme] {
	return func(yield func(Theme) bool) {
		for t := Organizational; t <= Technological; t++ {
			if !yield(t) {
				return
			}
		}
	}
}

// IsValid reports whether t is one of the four themes.
func (t Theme) IsValid() bool { return t >= Organizational && t <= Technological }

// String returns the clause title of the theme ("Organizational
// controls"), "" for the zero Theme and "Theme(n)" for any other value.
func (t Theme) String() string { return themes.Label(int(t)) }

// MarshalText encodes t as its lower-case name ("organizational"), and the
// zero Theme as ""; any other value is an error wrapping
// ismskit.ErrUnknownValue.
func (t Theme) MarshalText() ([]byte, error) { return themes.Marshal(int(t)) }

// UnmarshalText decodes a theme from its MarshalText form, exactly
// ("organizational"); "" gives the zero Theme. Anything else is an error
// wrapping ismskit.ErrUnknownValue.
func (t *Theme) UnmarshalText(b []byte) error { return enum.SetText(&themes, t, b) }

// ParseTheme parses a theme by name, in any case ("organizational",
// "Technological"), by title ("Organizational controls", what String
// returns) or by clause number ("5" to "8"). Anything else is an error
// wrapping ismskit.ErrUnknownValue.
func ParseTheme(s string) (Theme, error) {
	for t := Organizational; t <= Technological; t++ {
		if strings.EqualFold(s, themeNames[t]) || strings.EqualFold(s, themeTitles[t]) || s == string('0'+byte(t)) {
			return t, nil
		}
	}
	return 0, fielderr.Errorf(ismskit.ErrUnknownValue, "theme %s: want organizational, people, physical or technological", fielderr.Quote(s))
}

// AttributeType is one of the five attribute types that ISO/IEC
// 27002:2022 gives every control (its clause 4.2).
type AttributeType uint8

// The attribute types, in the standard's order.
const (
	ControlType           AttributeType = iota + 1 // preventive, detective, corrective
	SecurityProperty                               // confidentiality, integrity, availability
	CybersecurityConcept                           // the five NIST CSF functions
	OperationalCapability                          // the practitioner's view: 15 capabilities
	SecurityDomain                                 // four domains
)

var attrTypeNames = [...]string{
	ControlType:           "controlType",
	SecurityProperty:      "securityProperties",
	CybersecurityConcept:  "cybersecurityConcepts",
	OperationalCapability: "operationalCapabilities",
	SecurityDomain:        "securityDomains",
}

var attrTypeTitles = [...]string{
	ControlType:           "Control type",
	SecurityProperty:      "Information security properties",
	CybersecurityConcept:  "Cybersecurity concepts",
	OperationalCapability: "Operational capabilities",
	SecurityDomain:        "Security domains",
}

var attrTypes = enum.Table{Type: "AttributeType", What: "attribute type", Codes: attrTypeNames[:], Labels: attrTypeTitles[:]}

// AttributeTypes returns the five attribute types in the standard's order.
//
//	for t := range iso27002.AttributeTypes() { fmt.Println(t) }
func AttributeTypes() iter.Seq[AttributeType] {
	return func(yield func(AttributeType) bool) {
		for t := ControlType; t <= SecurityDomain; t++ {
			if !yield(t) {
				return
			}
		}
	}
}

// IsValid reports whether t is one of the five attribute types.
func (t AttributeType) IsValid() bool { return attrTypes.Valid(int(t)) }

// String returns the type's name as the standard writes it ("Control
// type", "Information security properties"), "" for the zero
// AttributeType and "AttributeType(n)" for any other value.
func (t AttributeType) String() string { return attrTypes.Label(int(t)) }

// MarshalText encodes t as its JSON key ("controlType",
// "securityProperties", ...), and the zero AttributeType as ""; any other
// value is an error wrapping ismskit.ErrUnknownValue.
func (t AttributeType) MarshalText() ([]byte, error) { return attrTypes.Marshal(int(t)) }

// UnmarshalText decodes an attribute type from its MarshalText form,
// exactly ("controlType"); "" gives the zero AttributeType. Anything else
// is an error wrapping ismskit.ErrUnknownValue.
func (t *AttributeType) UnmarshalText(b []byte) error { return enum.SetText(&attrTypes, t, b) }

// ParseAttributeType parses an attribute type by its JSON key
// ("controlType") or by its name in any case ("Control type"). Anything
// else is an error wrapping ismskit.ErrUnknownValue.
func ParseAttributeType(s string) (AttributeType, error) {
	return enum.ParseAs[AttributeType](&attrTypes, s)
}

// Values returns the values of the type, in the standard's order.
//
//	for a := range iso27002.SecurityDomain.Values() { fmt.Println(a) }
func (t AttributeType) Values() iter.Seq[Attribute] {
	return func(yield func(Attribute) bool) {
		for a := Preventive; a <= Resilience; a++ {
			if a.Type() == t && !yield(a) {
				return
			}
		}
	}
}

// Attribute is one attribute value of ISO/IEC 27002:2022, of any of the
// five types: Preventive is a control type, Confidentiality a security
// property, and so on. String gives the value as the standard spells it
// ("Asset_management"). The zero Attribute is invalid.
type Attribute uint8

// The attribute values, grouped by type in the standard's order.
const (
	// Control type.
	Preventive Attribute = iota + 1
	Detective
	Corrective
	// Information security properties.
	Confidentiality
	Integrity
	Availability
	// Cybersecurity concepts.
	Identify
	Protect
	Detect
	Respond
	Recover
	// Operational capabilities.
	Governance
	AssetManagement
	InformationProtection
	HumanResourceSecurity
	PhysicalSecurity
	SystemAndNetworkSecurity
	ApplicationSecurity
	SecureConfiguration
	IdentityAndAccessManagement
	ThreatAndVulnerabilityManagement
	Continuity
	SupplierRelationshipsSecurity
	LegalAndCompliance
	InformationSecurityEventManagement
	InformationSecurityAssurance
	// Security domains.
	GovernanceAndEcosystem
	Protection
	Defence
	Resilience
)

var attrNames = [...]string{
	Preventive: "Preventive", Detective: "Detective", Corrective: "Corrective",
	Confidentiality: "Confidentiality", Integrity: "Integrity", Availability: "Availability",
	Identify: "Identify", Protect: "Protect", Detect: "Detect", Respond: "Respond", Recover: "Recover",
	Governance:                         "Governance",
	AssetManagement:                    "Asset_management",
	InformationProtection:              "Information_protection",
	HumanResourceSecurity:              "Human_resource_security",
	PhysicalSecurity:                   "Physical_security",
	SystemAndNetworkSecurity:           "System_and_network_security",
	ApplicationSecurity:                "Application_security",
	SecureConfiguration:                "Secure_configuration",
	IdentityAndAccessManagement:        "Identity_and_access_management",
	ThreatAndVulnerabilityManagement:   "Threat_and_vulnerability_management",
	Continuity:                         "Continuity",
	SupplierRelationshipsSecurity:      "Supplier_relationships_security",
	LegalAndCompliance:                 "Legal_and_compliance",
	InformationSecurityEventManagement: "Information_security_event_management",
	InformationSecurityAssurance:       "Information_security_assurance",
	GovernanceAndEcosystem:             "Governance_and_Ecosystem",
	Protection:                         "Protection",
	Defence:                            "Defence",
	Resilience:                         "Resilience",
}

// attrs holds the attribute values' codes, as the standard spells them,
// and their labels, with spaces for the underscores.
var attrs = enum.Table{Type: "Attribute", What: "attribute", Codes: attrNames[:], Labels: func() []string {
	labels := make([]string, len(attrNames))
	for i, n := range attrNames {
		labels[i] = strings.ReplaceAll(n, "_", " ")
	}
	return labels
}()}

// IsValid reports whether a is one of the 30 attribute values.
func (a Attribute) IsValid() bool { return a >= Preventive && a <= Resilience }

// Type returns the attribute type a belongs to.
func (a Attribute) Type() AttributeType {
	switch {
	case !a.IsValid():
		return 0
	case a <= Corrective:
		return ControlType
	case a <= Availability:
		return SecurityProperty
	case a <= Recover:
		return CybersecurityConcept
	case a <= InformationSecurityAssurance:
		return OperationalCapability
	}
	return SecurityDomain
}

// String returns the value as a label, the standard's spelling with
// spaces for its underscores ("Asset management", "Governance and
// Ecosystem"), "" for the zero Attribute and "Attribute(n)" for any other
// value.
func (a Attribute) String() string { return attrs.Label(int(a)) }

// MarshalText encodes a as the standard spells it, without the '#'
// ("Asset_management"), and the zero Attribute as ""; any other value is
// an error wrapping ismskit.ErrUnknownValue.
func (a Attribute) MarshalText() ([]byte, error) { return attrs.Marshal(int(a)) }

// UnmarshalText decodes an attribute value from its MarshalText form,
// exactly as the standard spells it ("Asset_management"); "" gives the
// zero Attribute. Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func (a *Attribute) UnmarshalText(b []byte) error { return enum.SetText(&attrs, a, b) }

// ParseAttribute parses an attribute value. It accepts the standard's
// spelling with or without the leading '#' ("#Asset_management"), in any
// case, with spaces or hyphens for the underscores ("asset management",
// what String returns). Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func ParseAttribute(s string) (Attribute, error) {
	in := s
	s = strings.TrimPrefix(s, "#")
	for a := Preventive; a <= Resilience; a++ {
		if equalAttr(s, attrNames[a]) {
			return a, nil
		}
	}
	return 0, fielderr.Errorf(ismskit.ErrUnknownValue, "attribute %s: not an ISO/IEC 27002:2022 attribute value", fielderr.Quote(in))
}

func equalAttr(s, name string) bool {
	if len(s) != len(name) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c, n := s[i], name[i]
		if n == '_' && (c == ' ' || c == '-' || c == '_') {
			continue
		}
		if c|0x20 != n|0x20 || c == '_' {
			return false
		}
	}
	return true
}

// AttributeSet is a set of attribute values of any types, such as all the
// attributes of one control. It is a small value: copy it, compare it with
// ==, use it as a map key. The zero AttributeSet is empty.
type AttributeSet uint32

// Attributes returns the set holding the given values; invalid values are
// left out.
func Attributes(values ...Attribute) AttributeSet {
	var s AttributeSet
	for _, a := range values {
		s = s.With(a)
	}
	return s
}

// Has reports whether a is in s.
func (s AttributeSet) Has(a Attribute) bool { return a.IsValid() && s&(1<<a) != 0 }

// With returns s with a added; an invalid a leaves s as it is.
func (s AttributeSet) With(a Attribute) AttributeSet {
	if !a.IsValid() {
		return s
	}
	return s | 1<<a
}

// Union returns the values in s or in o.
func (s AttributeSet) Union(o AttributeSet) AttributeSet { return s | o }

// Intersect returns the values in both s and o.
func (s AttributeSet) Intersect(o AttributeSet) AttributeSet { return s & o }

// Len returns the number of values in s.
func (s AttributeSet) Len() int { return bits.OnesCount32(uint32(s)) }

// All returns the values of s in the standard's order.
//
//	for a := range control.Attributes.All() { fmt.Println(a.Type(), a) }
func (s AttributeSet) All() iter.Seq[Attribute] {
	return func(yield func(Attribute) bool) {
		for a := Preventive; a <= Resilience; a++ {
			if s.Has(a) && !yield(a) {
				return
			}
		}
	}
}

// Of returns the values of s of one type, in the standard's order.
//
//	for a := range control.Attributes.Of(iso27002.SecurityDomain) { ... }
func (s AttributeSet) Of(t AttributeType) iter.Seq[Attribute] {
	return func(yield func(Attribute) bool) {
		for a := range s.All() {
			if a.Type() == t && !yield(a) {
				return
			}
		}
	}
}

// Strings returns the values of type t as the standard spells them
// ("Asset_management", the MarshalText form), never nil.
func (s AttributeSet) Strings(t AttributeType) []string {
	out := []string{}
	for a := range s.Of(t) {
		out = append(out, attrNames[a])
	}
	return out
}

// attributesJSON is the wire form of an AttributeSet: one array per type.
type attributesJSON struct {
	ControlType             []Attribute `json:"controlType"`
	SecurityProperties      []Attribute `json:"securityProperties"`
	CybersecurityConcepts   []Attribute `json:"cybersecurityConcepts"`
	OperationalCapabilities []Attribute `json:"operationalCapabilities"`
	SecurityDomains         []Attribute `json:"securityDomains"`
}

func (j *attributesJSON) byType(t AttributeType) *[]Attribute {
	return [...]*[]Attribute{ControlType: &j.ControlType, SecurityProperty: &j.SecurityProperties,
		CybersecurityConcept: &j.CybersecurityConcepts, OperationalCapability: &j.OperationalCapabilities,
		SecurityDomain: &j.SecurityDomains}[t]
}

// MarshalJSON encodes s as an object with one array per attribute type,
// keyed "controlType", "securityProperties", "cybersecurityConcepts",
// "operationalCapabilities" and "securityDomains"; every key is present.
func (s AttributeSet) MarshalJSON() ([]byte, error) {
	var j attributesJSON
	for t := range AttributeTypes() {
		vals := []Attribute{}
		for a := range s.Of(t) {
			vals = append(vals, a)
		}
		*j.byType(t) = vals
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form MarshalJSON writes, strictly: a value
// listed under the wrong type ("Protect" under securityDomains) is an
// error, as is an unknown key. Missing keys mean no values of that type.
func (s *AttributeSet) UnmarshalJSON(b []byte) error {
	if s == nil {
		return fielderr.NilTarget("iso27002.AttributeSet")
	}
	var j attributesJSON
	if err := strictjson.Unmarshal(b, &j); err != nil {
		return err
	}
	var out AttributeSet
	var errs fielderr.List
	for t := range AttributeTypes() {
		for i, a := range *j.byType(t) {
			switch {
			case !a.IsValid():
				errs.Add(fielderr.Index(attrTypeNames[t], i), fielderr.Errorf(ismskit.ErrUnknownValue, "empty attribute value"))
			case a.Type() != t:
				errs.Add(fielderr.Index(attrTypeNames[t], i), fielderr.Errorf(ismskit.ErrUnknownValue, "%s is a value of %s, not of %s", attrNames[a], a.Type(), t))
			default:
				out = out.With(a)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	*s = out
	return nil
}
