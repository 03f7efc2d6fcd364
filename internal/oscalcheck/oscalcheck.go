// Package oscalcheck checks a set of OSCAL documents written together
// (the files examples/oscal and examples/quickstart write) for what NIST's
// JSON schemas cannot express. Only tests import it.
//
// Check validates every document against the schema of its model
// (package oscalschema) and then checks the set as a whole:
//
//   - every href resolves: "#x" to a back-matter resource, control or
//     part of the same document, a relative file name to a file of the
//     set (URLs with a scheme are left alone);
//   - every control-id, every id of a profile's with-ids and every id-ref
//     of a mapping names a control of a catalog of the set (for with-ids
//     and id-refs, of the catalog the import or resource names);
//   - every finding target names an assessment objective (objective-id)
//     or a part (statement-id) of a document of the set;
//   - every UUID reference (a key ending in "-uuid" or "-uuids") names a
//     UUID defined in the set, and every role-id a role of the set;
//   - UUIDs are unique within each document, and document UUIDs across
//     the set;
//   - dates are consistent: every date-time is RFC 3339 with a zone, a
//     start is not after its end, and a document's last-modified is not
//     before what it reports as done (observations collected, risk-log
//     entries).
package oscalcheck

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ismskit/ismskit/internal/oscalschema"
)

// roots maps an OSCAL document's root key to its model's schema name.
var roots = map[string]string{
	"catalog":                       "catalog",
	"profile":                       "profile",
	"mapping-collection":            "mapping",
	"system-security-plan":          "ssp",
	"assessment-plan":               "assessment-plan",
	"assessment-results":            "assessment-results",
	"plan-of-action-and-milestones": "poam",
}

// doc is one parsed document.
type doc struct {
	name, root string
	body       map[string]any
	uuids      map[string]string // uuid -> path
	frags      map[string]bool   // ids and uuids "#x" may name
	roles      map[string]bool
	controls   map[string]bool // catalogs: control ids
	parts      map[string]bool
	objectives map[string]bool
}

// schemas keeps the compiled schemas for every Check (compiling NIST's
// schemas costs more than checking a set of documents); it is safe for
// concurrent use, and what it holds never changes once compiled.
var schemas oscalschema.Validator

// Check checks the documents of files (by file name, as they refer to each
// other) and returns every problem found, each naming its file and JSON
// path; nil means the set is consistent.
func Check(files map[string][]byte) []error {
	var errs []error
	fail := func(file, p, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %s", file, p, fmt.Sprintf(format, args...)))
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	docs := map[string]*doc{}
	for _, n := range names {
		var top map[string]any
		if err := json.Unmarshal(files[n], &top); err != nil {
			fail(n, "", "not JSON: %v", err)
			continue
		}
		d := &doc{name: n, uuids: map[string]string{}, frags: map[string]bool{}, roles: map[string]bool{},
			controls: map[string]bool{}, parts: map[string]bool{}, objectives: map[string]bool{}}
		for k, v := range top {
			if model, ok := roots[k]; ok {
				d.root = k
				d.body, _ = v.(map[string]any)
				if err := schemas.Validate(model, files[n]); err != nil {
					fail(n, "", "%v", err)
				}
			}
		}
		if d.body == nil {
			fail(n, "", "not an OSCAL document of a known model")
			continue
		}
		d.collect(d.root, d.body, "", fail)
		docs[n] = d
	}
	// Document UUIDs are unique across the set.
	seen := map[string]string{}
	for _, n := range names {
		if d := docs[n]; d != nil {
			u, _ := d.body["uuid"].(string)
			if prev, dup := seen[u]; dup {
				fail(n, d.root+".uuid", "document UUID %s is also the UUID of %s", u, prev)
			}
			seen[u] = n
		}
	}
	all := func(f func(d *doc) map[string]bool, id string) bool {
		for _, d := range docs {
			if f(d)[id] {
				return true
			}
		}
		return false
	}
	for _, n := range names {
		d := docs[n]
		if d == nil {
			continue
		}
		r := &refs{d: d, docs: docs, names: files, fail: fail, any: all}
		r.walk(d.root, d.body, "")
		r.dates()
	}
	return errs
}

// collect records what a document defines.
func (d *doc) collect(p string, v any, parentKey string, fail func(file, p, format string, args ...any)) {
	switch v := v.(type) {
	case map[string]any:
		if u, ok := v["uuid"].(string); ok {
			if prev, dup := d.uuids[u]; dup {
				fail(d.name, p+".uuid", "UUID %s is also %s", u, prev)
			}
			d.uuids[u] = p
			d.frags[u] = true
		}
		if id, ok := v["id"].(string); ok {
			d.frags[id] = true
			switch parentKey {
			case "controls":
				d.controls[id] = true
			case "parts":
				d.parts[id] = true
				if name, _ := v["name"].(string); name == "assessment-objective" || name == "objective" {
					d.objectives[id] = true
				}
			case "roles":
				d.roles[id] = true
			}
		}
		for _, k := range sortedKeys(v) {
			d.collect(p+"."+k, v[k], k, fail)
		}
	case []any:
		for i, e := range v {
			d.collect(p+"["+strconv.Itoa(i)+"]", e, parentKey, fail)
		}
	}
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// refs checks the references of one document.
type refs struct {
	d     *doc
	docs  map[string]*doc
	names map[string][]byte
	fail  func(file, p, format string, args ...any)
	any   func(f func(d *doc) map[string]bool, id string) bool
}

func (r *refs) walk(p string, v any, key string) {
	switch v := v.(type) {
	case map[string]any:
		r.object(p, v, key)
		for _, k := range sortedKeys(v) {
			r.walk(p+"."+k, v[k], k)
		}
	case []any:
		for i, e := range v {
			r.walk(p+"["+strconv.Itoa(i)+"]", e, key)
		}
	case string:
		r.value(p, key, v)
	}
}

// isExternal reports whether href is a URL with a scheme.
func isExternal(href string) bool {
	i := strings.Index(href, ":")
	return i > 0 && !strings.ContainsAny(href[:i], "/#.")
}

// target returns the document a relative href names.
func (r *refs) target(href string) *doc {
	return r.docs[path.Clean(path.Join(path.Dir(r.d.name), href))]
}

func (r *refs) value(p, key, v string) {
	switch {
	case key == "href":
		switch {
		case strings.HasPrefix(v, "#"):
			if !r.d.frags[v[1:]] {
				r.fail(r.d.name, p, "%q names nothing in the document", v)
			}
		case isExternal(v):
		default:
			f := path.Clean(path.Join(path.Dir(r.d.name), v))
			if _, ok := r.names[f]; !ok {
				r.fail(r.d.name, p, "%q is not a file of the set", v)
			}
		}
	case key == "control-id":
		if !r.any(func(d *doc) map[string]bool { return d.controls }, v) {
			r.fail(r.d.name, p, "control %q is in no catalog of the set", v)
		}
	case key == "role-id":
		if !r.d.roles[v] && !r.any(func(d *doc) map[string]bool { return d.roles }, v) {
			r.fail(r.d.name, p, "role %q is defined nowhere", v)
		}
	case strings.HasSuffix(key, "-uuid") || strings.HasSuffix(key, "-uuids"):
		if !r.any(func(d *doc) map[string]bool { return d.frags }, v) {
			r.fail(r.d.name, p, "UUID %s names nothing in the set", v)
		}
	}
}

func (r *refs) object(p string, v map[string]any, key string) {
	switch {
	case key == "imports": // a profile's import: its with-ids name controls of the catalog it imports
		href, _ := v["href"].(string)
		cat := r.target(href)
		if cat == nil {
			return
		}
		for _, sel := range asList(v["include-controls"]) {
			for i, id := range asList(sel.(map[string]any)["with-ids"]) {
				if s, _ := id.(string); !cat.controls[s] {
					r.fail(r.d.name, p+".with-ids["+strconv.Itoa(i)+"]", "control %q is not in %s", s, cat.name)
				}
			}
		}
	case key == "mappings":
		src := r.target(str(v["source-resource"], "href"))
		tgt := r.target(str(v["target-resource"], "href"))
		for i, m := range asList(v["maps"]) {
			mm, _ := m.(map[string]any)
			for _, side := range []struct {
				key string
				cat *doc
			}{{"sources", src}, {"targets", tgt}} {
				for _, it := range asList(mm[side.key]) {
					id := str(it, "id-ref")
					if side.cat != nil && !side.cat.controls[id] {
						r.fail(r.d.name, p+".maps["+strconv.Itoa(i)+"]."+side.key, "control %q is not in %s", id, side.cat.name)
					}
				}
			}
		}
	case key == "target" && v["target-id"] != nil:
		id, _ := v["target-id"].(string)
		switch v["type"] {
		case "objective-id":
			if !r.any(func(d *doc) map[string]bool { return d.objectives }, id) {
				r.fail(r.d.name, p, "objective %q is defined nowhere in the set", id)
			}
		case "statement-id":
			if !r.any(func(d *doc) map[string]bool { return d.parts }, id) {
				r.fail(r.d.name, p, "statement %q is in no catalog of the set", id)
			}
		}
	}
	if s, ok := v["start"].(string); ok {
		if e, ok := v["end"].(string); ok {
			ts, e1 := parse(s)
			te, e2 := parse(e)
			if e1 == nil && e2 == nil && te.Before(ts) {
				r.fail(r.d.name, p, "ends (%s) before it starts (%s)", e, s)
			}
		}
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func str(v any, key string) string {
	m, _ := v.(map[string]any)
	s, _ := m[key].(string)
	return s
}

func parse(s string) (time.Time, error) { return time.Parse(time.RFC3339Nano, s) }

var dateKeys = map[string]bool{"last-modified": true, "published": true, "date": true, "start": true, "end": true, "collected": true, "deadline": true, "expires": true}

// dates checks every date-time of the document, and that its
// last-modified is not before what it reports as done.
func (r *refs) dates() {
	md, _ := r.d.body["metadata"].(map[string]any)
	lm, err := parse(str(md, "last-modified"))
	if err != nil {
		r.fail(r.d.name, r.d.root+".metadata.last-modified", "not an RFC 3339 date-time with a zone")
	}
	var walk func(p string, v any, key, parent string)
	walk = func(p string, v any, key, parent string) {
		switch v := v.(type) {
		case map[string]any:
			for _, k := range sortedKeys(v) {
				walk(p+"."+k, v[k], k, key)
			}
		case []any:
			for i, e := range v {
				walk(p+"["+strconv.Itoa(i)+"]", e, key, parent)
			}
		case string:
			if !dateKeys[key] || key == "date" && parent != "on-date" && parent != "actions" {
				return
			}
			t, err := parse(v)
			if err != nil {
				r.fail(r.d.name, p, "%q is not an RFC 3339 date-time with a zone", v)
				return
			}
			done := key == "collected" || key == "start" && parent == "entries"
			if done && !lm.IsZero() && lm.Before(t) {
				r.fail(r.d.name, p, "%s is after the document's last-modified %s", v, lm.Format(time.RFC3339))
			}
		}
	}
	walk(r.d.root, r.d.body, r.d.root, "")
}
