package apiguard

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// SchemaChanges compares two sets of JSON Schemas, keyed by file, and
// reports the changes that would reject a document the old schema
// accepted as incompatible: a schema or property removed, a new required
// property, an enum value removed, a type changed, a new or changed
// pattern, format, bound or length limit, additional properties
// forbidden. Additions that accept more are compatible. Descriptions and
// titles are ignored.
func SchemaChanges(old, new map[string][]byte) []Change {
	var out []Change
	for _, name := range sortedKeys(old) {
		nb, ok := new[name]
		if !ok {
			out = append(out, Change{Subject: name, Message: "schema removed"})
			continue
		}
		var o, n map[string]any
		if err := json.Unmarshal(old[name], &o); err != nil {
			out = append(out, Change{Subject: name, Message: "baseline schema is not JSON: " + err.Error()})
			continue
		}
		if err := json.Unmarshal(nb, &n); err != nil {
			out = append(out, Change{Subject: name, Message: "schema is not JSON: " + err.Error()})
			continue
		}
		d := &schemaDiffer{file: name, oldRoot: o, newRoot: n, seen: map[[2]string]bool{}}
		d.compare("", o, n)
		out = append(out, d.changes...)
	}
	for _, name := range sortedKeys(new) {
		if _, ok := old[name]; !ok {
			out = append(out, Change{Subject: name, Message: "schema added", Compatible: true})
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

type schemaDiffer struct {
	file             string
	oldRoot, newRoot map[string]any
	seen             map[[2]string]bool
	changes          []Change
}

func (d *schemaDiffer) add(path string, compatible bool, format string, args ...any) {
	where := d.file
	if path != "" {
		where += " " + path
	}
	d.changes = append(d.changes, Change{Subject: where, Message: fmt.Sprintf(format, args...), Compatible: compatible})
}

// resolve follows a local "$ref" ("#/$defs/Name") within root.
func resolve(root, s map[string]any) (map[string]any, string) {
	ref, _ := s["$ref"].(string)
	if !strings.HasPrefix(ref, "#/") {
		return s, ""
	}
	cur := any(root)
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return s, ref
		}
		cur = m[part]
	}
	if m, ok := cur.(map[string]any); ok {
		return m, ref
	}
	return s, ref
}

func (d *schemaDiffer) compare(path string, o, n map[string]any) {
	o, oref := resolve(d.oldRoot, o)
	n, nref := resolve(d.newRoot, n)
	// A definition pair is compared once, at the first path that reaches
	// it: keyed by path, a recursive definition (a tree of nodes) would
	// be walked again at every depth, without end.
	if oref != "" || nref != "" {
		key := [2]string{oref, nref}
		if d.seen[key] {
			return
		}
		d.seen[key] = true
	}
	if ot, nt := o["type"], n["type"]; !reflect.DeepEqual(ot, nt) {
		if ot == nil {
			d.add(path, false, "type restricted to %v", nt)
		} else if nt != nil {
			d.add(path, false, "type changed from %v to %v", ot, nt)
		} else {
			d.add(path, true, "type %v no longer restricted", ot)
		}
	}
	d.enum(path, o["enum"], n["enum"])
	for _, k := range []string{"pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "const", "oneOf", "anyOf", "allOf"} {
		ov, nv := o[k], n[k]
		switch {
		case reflect.DeepEqual(ov, nv):
		case nv == nil:
			d.add(path, true, "%s %v removed", k, ov)
		case ov == nil:
			d.add(path, false, "%s %v added", k, nv)
		default:
			d.add(path, false, "%s changed from %v to %v", k, ov, nv)
		}
	}
	if oa, na := o["additionalProperties"], n["additionalProperties"]; !reflect.DeepEqual(oa, na) {
		if na == false {
			d.add(path, false, "additional properties forbidden")
		} else if oa == false {
			d.add(path, true, "additional properties allowed")
		}
	}
	oreq, nreq := strings1(o["required"]), strings1(n["required"])
	for _, r := range nreq {
		if !slices.Contains(oreq, r) {
			d.add(join(path, r), false, "property now required")
		}
	}
	for _, r := range oreq {
		if !slices.Contains(nreq, r) {
			d.add(join(path, r), true, "property no longer required")
		}
	}
	op, _ := o["properties"].(map[string]any)
	np, _ := n["properties"].(map[string]any)
	for _, k := range sortedKeys(op) {
		nv, ok := np[k]
		if !ok {
			d.add(join(path, k), false, "property removed")
			continue
		}
		om, _ := op[k].(map[string]any)
		nm, _ := nv.(map[string]any)
		if om != nil && nm != nil {
			d.compare(join(path, k), om, nm)
		}
	}
	for _, k := range sortedKeys(np) {
		if _, ok := op[k]; !ok {
			d.add(join(path, k), true, "property added")
		}
	}
	for _, k := range []string{"items", "additionalProperties"} {
		om, _ := o[k].(map[string]any)
		nm, _ := n[k].(map[string]any)
		if om != nil && nm != nil {
			d.compare(path+"["+k+"]", om, nm)
		}
	}
}

func (d *schemaDiffer) enum(path string, o, n any) {
	ov, nv := anys(o), anys(n)
	switch {
	case o == nil && n == nil:
	case o == nil:
		d.add(path, false, "values restricted to %v", nv)
	case n == nil:
		d.add(path, true, "values no longer restricted")
	default:
		for _, v := range ov {
			if !containsValue(nv, v) {
				d.add(path, false, "value %v no longer allowed", v)
			}
		}
		for _, v := range nv {
			if !containsValue(ov, v) {
				d.add(path, true, "value %v allowed", v)
			}
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func anys(v any) []any {
	s, _ := v.([]any)
	return s
}

func strings1(v any) []string {
	var out []string
	for _, x := range anys(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func containsValue(list []any, v any) bool {
	for _, x := range list {
		if reflect.DeepEqual(x, v) {
			return true
		}
	}
	return false
}
