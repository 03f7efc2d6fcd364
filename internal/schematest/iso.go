package schematest

import (
	"encoding"
	"reflect"

	invopop "github.com/invopop/jsonschema"
)

// The patterns of the ISO identifiers, as Parse, ParseClauseID and
// ParseItemID accept them; whether an ID names a control or clause of
// its edition is left to the decoders. The packages' tests check that
// every ID their parsers accept matches.
const (
	// ControlIDPattern matches the four forms iso27002.Parse accepts: ISO
	// IDs of either edition, custom IDs with a namespace, and custom IDs
	// without one (a letter first, not "A.").
	ControlIDPattern = `^(A\.)?[1-9][0-9]{0,2}(\.[1-9][0-9]{0,2}){1,2}$|^[A-Za-z0-9][A-Za-z0-9._-]*:\S+$|^([B-Zb-z][A-Za-z0-9._-]*|[Aa]([A-Za-z0-9_-][A-Za-z0-9._-]*)?)$`
	// ClauseIDPattern matches what iso27001.ParseClauseID accepts.
	ClauseIDPattern = `^([4-9]|10)(\.[1-9][0-9]?){0,2}$`
	// ItemIDPattern matches what iso27001.ParseItemID accepts.
	ItemIDPattern = `^([4-9]|10)(\.[1-9][0-9]?){0,2}\.([a-z](\.[1-9])?|[pn][1-9][0-9]?)$`
)

// isoSchema gives the schemas of the value types of packages iso27002 and
// iso27001 that encode as strings or, for iso27002.AttributeSet, as an
// object of its own. Enumerations list the codes their MarshalText gives,
// found by reflection, so that this package imports neither.
func isoSchema(t reflect.Type) *invopop.Schema {
	const p27002, p27001 = ModulePath + "/iso27002.", ModulePath + "/iso27001."
	switch t.PkgPath() + "." + t.Name() {
	case p27002 + "ControlID":
		max := uint64(128)
		return &invopop.Schema{Type: "string", Pattern: ControlIDPattern, MaxLength: &max,
			Description: `An ISO/IEC 27002 control ID: "5.1" to "8.34" (2022; "A.5.1" is accepted), "A.5.1.1" to "A.18.2.3" (2013), or a custom ID, "namespace:local" or without a namespace ("CLOUD-1").`}
	case p27002 + "Edition":
		return &invopop.Schema{Type: "string", Enum: []any{"2013", "2022", "custom"},
			Description: "The edition of ISO/IEC 27002; custom for user controls or a mix of editions."}
	case p27002 + "Theme":
		return &invopop.Schema{Type: "string", Enum: codes(t), Description: "An ISO/IEC 27002:2022 theme (clauses 5 to 8)."}
	case p27002 + "AttributeSet":
		return attributeSetSchema(t)
	case p27001 + "ClauseID":
		return &invopop.Schema{Type: "string", Pattern: ClauseIDPattern, Description: "ISO/IEC 27001 clause ID, e.g. 6.1.3"}
	case p27001 + "ItemID":
		return &invopop.Schema{Type: "string", Pattern: ItemIDPattern, Description: "ISO/IEC 27001 requirement item ID, e.g. 6.1.3.d, 6.1.2.c.1, 8.1.p2"}
	case p27001 + "Edition":
		return &invopop.Schema{Type: "string", Enum: []any{"2013", "2022"}, Description: "ISO/IEC 27001 edition"}
	case p27001 + "Amendment", p27001 + "DocKind", p27001 + "Change", p27001 + "Origin", p27001 + "OutputKind", p27001 + "ItemStatus":
		return &invopop.Schema{Type: "string", Enum: codes(t)}
	}
	return nil
}

// codes returns the non-empty MarshalText forms of the values 0 to 255 of
// an enumeration type t, in order of value.
func codes(t reflect.Type) []any {
	var out []any
	for v := range 256 {
		x := reflect.New(t).Elem()
		x.SetUint(uint64(v))
		b, err := x.Interface().(encoding.TextMarshaler).MarshalText()
		if err == nil && len(b) > 0 {
			out = append(out, string(b))
		}
	}
	return out
}

// attributeSetSchema describes iso27002.AttributeSet as
// AttributeSet.MarshalJSON writes it: an object with one array of values
// per attribute type. It takes the types and values from the set with
// every bit on: its All method yields every Attribute, whose Type method
// gives its AttributeType, which marshals as the key and prints as the
// type's name.
func attributeSetSchema(t reflect.Type) *invopop.Schema {
	full := reflect.New(t).Elem()
	full.SetUint(1<<t.Bits() - 1)
	props := invopop.NewProperties()
	var keys []string
	byKey := map[string]*invopop.Schema{}
	all := full.MethodByName("All").Call(nil)[0]
	yield := reflect.MakeFunc(all.Type().In(0), func(args []reflect.Value) []reflect.Value {
		a := args[0]
		typ := a.MethodByName("Type").Call(nil)[0]
		key, _ := typ.Interface().(encoding.TextMarshaler).MarshalText()
		code, _ := a.Interface().(encoding.TextMarshaler).MarshalText()
		s, ok := byKey[string(key)]
		if !ok {
			s = &invopop.Schema{Type: "array", Items: &invopop.Schema{Type: "string"},
				Description: "The values of the attribute type " + typ.Interface().(interface{ String() string }).String() + "."}
			byKey[string(key)] = s
			keys = append(keys, string(key))
		}
		s.Items.Enum = append(s.Items.Enum, string(code))
		return []reflect.Value{reflect.ValueOf(true)}
	})
	all.Call([]reflect.Value{yield})
	for _, k := range keys {
		props.Set(k, byKey[k])
	}
	return &invopop.Schema{Type: "object", Properties: props, AdditionalProperties: invopop.FalseSchema,
		Description: "The ISO/IEC 27002:2022 attribute values of a control, by attribute type."}
}
