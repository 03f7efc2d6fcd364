package strictjson

import (
	"cmp"
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// A plan says how to decode a JSON value into a Go type. Plans are built
// once per type, cached in plans and never modified after that, so one
// plan serves concurrent decoders. Recursive types give cyclic plans.
type plan struct {
	kind kind
	typ  reflect.Type
	elem *plan // kPtr, kSlice, kArray, kMap

	bits int // kInt, kUint: the size of the integer type
	n    int // kArray: its length

	// kStruct: the fields in the order of their declaration, their names,
	// and the number of 64-bit words of the set of fields seen.
	fields []field
	byName map[string]int
	words  int

	// kMap: how keys are converted; keyOK false when the key type is
	// one encoding/json does not accept.
	key   keyKind
	keyOK bool
}

type kind uint8

const (
	kUnsupported kind = iota // chan, func, complex, unsafe.Pointer
	kBool
	kInt
	kUint
	kFloat32
	kFloat64
	kString
	kNumber // json.Number
	kBytes  // []byte as base64
	kSlice
	kArray
	kStruct
	kMap
	kPtr
	kAny         // an interface without methods
	kIface       // an interface with methods: only null decodes into it
	kUnmarshaler // *T implements json.Unmarshaler
	kText        // *T implements encoding.TextUnmarshaler
	kRaw         // json.RawMessage
)

type keyKind uint8

const (
	keyString keyKind = iota
	keyInt
	keyUint
	keyText // *K implements encoding.TextUnmarshaler
	keyJSON // *K implements json.Unmarshaler as well: encoding/json calls UnmarshalJSON with the quoted key
)

// A field is a JSON member of a struct, as encoding/json sees it.
type field struct {
	name   string
	index  []int // the path of struct field indexes, through embedded structs
	plan   *plan
	quoted bool // the ",string" option, where encoding/json honours it
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	rawMessageType      = reflect.TypeFor[json.RawMessage]()
	numberType          = reflect.TypeFor[json.Number]()
)

// plans caches the plan of every type decoded so far. It is a cache: it
// changes how fast Unmarshal is, never what it does.
var plans sync.Map // reflect.Type -> *plan

// planFor returns the plan of t, building and caching it on first use.
func planFor(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	b := planBuilder{built: map[reflect.Type]*plan{}}
	p := b.build(t)
	// Publish only complete plans: every plan in b.built is complete now.
	for bt, bp := range b.built {
		plans.LoadOrStore(bt, bp)
	}
	return p
}

type planBuilder struct {
	built map[reflect.Type]*plan // the plans of this build, complete or in progress
}

func (b *planBuilder) build(t reflect.Type) *plan {
	if p, ok := b.built[t]; ok {
		return p
	}
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p := &plan{typ: t}
	b.built[t] = p // before the elements, so that recursive types end here
	pt := reflect.PointerTo(t)
	switch {
	case t == rawMessageType:
		p.kind = kRaw
		return p
	case t.Kind() != reflect.Pointer && pt.Implements(unmarshalerType):
		p.kind = kUnmarshaler
		return p
	case t.Kind() != reflect.Pointer && pt.Implements(textUnmarshalerType):
		p.kind = kText
		return p
	case t == numberType:
		p.kind = kNumber
		return p
	}
	switch t.Kind() {
	case reflect.Bool:
		p.kind = kBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind, p.bits = kInt, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.kind, p.bits = kUint, t.Bits()
	case reflect.Float32:
		p.kind = kFloat32
	case reflect.Float64:
		p.kind = kFloat64
	case reflect.String:
		p.kind = kString
	case reflect.Pointer:
		if pointerCycle(t) {
			p.kind = kUnsupported // type P *P: nothing can be decoded into it
			break
		}
		p.kind = kPtr
		p.elem = b.build(t.Elem())
	case reflect.Slice:
		et := t.Elem()
		if et.Kind() == reflect.Uint8 && !reflect.PointerTo(et).Implements(unmarshalerType) &&
			!reflect.PointerTo(et).Implements(textUnmarshalerType) {
			p.kind = kBytes
			break
		}
		p.kind = kSlice
		p.elem = b.build(et)
	case reflect.Array:
		p.kind, p.n = kArray, t.Len()
		p.elem = b.build(t.Elem())
	case reflect.Map:
		p.kind = kMap
		p.key, p.keyOK = mapKey(t.Key())
		p.elem = b.build(t.Elem())
	case reflect.Struct:
		p.kind = kStruct
		b.structFields(p)
	case reflect.Interface:
		if t.NumMethod() == 0 {
			p.kind = kAny
		} else {
			p.kind = kIface
		}
	default:
		p.kind = kUnsupported
	}
	return p
}

// pointerCycle reports whether following t's pointers leads back to a
// type already passed, as in type P *P.
func pointerCycle(t reflect.Type) bool {
	seen := map[reflect.Type]bool{}
	for t.Kind() == reflect.Pointer {
		if seen[t] {
			return true
		}
		seen[t] = true
		t = t.Elem()
	}
	return false
}

// mapKey returns how keys of type kt are converted, and false when
// encoding/json does not accept kt as a key type.
func mapKey(kt reflect.Type) (keyKind, bool) {
	pk := reflect.PointerTo(kt)
	if pk.Implements(textUnmarshalerType) {
		if pk.Implements(unmarshalerType) {
			return keyJSON, true
		}
		return keyText, true
	}
	switch kt.Kind() {
	case reflect.String:
		return keyString, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return keyInt, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return keyUint, true
	}
	return 0, false
}

// A candidate is a struct field found while walking the embedded
// structs, before the dominance rules pick one per name.
type candidate struct {
	name   string
	tagged bool
	index  []int
	typ    reflect.Type // the field's own type
	quoted bool
}

// structFields finds the JSON members of p.typ with the rules of
// encoding/json: a breadth-first walk of the embedded structs, names from
// json tags, and for each name the dominant field (the shallowest; at
// equal depth the one with a tag; a tie hides the name altogether).
func (b *planBuilder) structFields(p *plan) {
	type level struct {
		typ   reflect.Type
		index []int
	}
	var cands []candidate
	next := []level{{typ: p.typ}}
	visited := map[reflect.Type]bool{}
	var count, nextCount map[reflect.Type]int
	for len(next) > 0 {
		current := next
		next = nil
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, f := range current {
			if visited[f.typ] {
				continue
			}
			visited[f.typ] = true
			for i := 0; i < f.typ.NumField(); i++ {
				sf := f.typ.Field(i)
				if sf.Anonymous {
					et := sf.Type
					if et.Kind() == reflect.Pointer {
						et = et.Elem()
					}
					if !sf.IsExported() && et.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTagName(name) {
					name = ""
				}
				index := append(slices.Clip(f.index), i)
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					c := candidate{name: name, tagged: name != "", index: index, typ: sf.Type}
					if c.name == "" {
						c.name = sf.Name
					}
					if hasOption(opts, "string") {
						switch ft.Kind() {
						case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
							reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
							reflect.Float32, reflect.Float64, reflect.String:
							c.quoted = true
						}
					}
					cands = append(cands, c)
					if count[f.typ] > 1 {
						// The same embedded type twice at one depth: its
						// fields collide with each other and vanish.
						cands = append(cands, c)
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, level{typ: ft, index: index})
				}
			}
		}
	}

	slices.SortFunc(cands, func(a, b candidate) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	var kept []candidate
	for i := 0; i < len(cands); {
		j := i + 1
		for j < len(cands) && cands[j].name == cands[i].name {
			j++
		}
		same := cands[i:j]
		if len(same) == 1 || len(same[0].index) != len(same[1].index) || same[0].tagged != same[1].tagged {
			kept = append(kept, same[0])
		}
		i = j
	}
	slices.SortFunc(kept, func(a, b candidate) int { return slices.Compare(a.index, b.index) })

	p.fields = make([]field, len(kept))
	p.byName = make(map[string]int, len(kept))
	for i, c := range kept {
		p.fields[i] = field{name: c.name, index: c.index, quoted: c.quoted, plan: b.build(c.typ)}
		p.byName[c.name] = i
	}
	p.words = (len(kept) + 63) / 64
}

// validTagName reports whether encoding/json takes s as a member name.
func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}
