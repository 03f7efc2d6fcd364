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
//
// A Checker does the same and keeps what it found of each document on its
// own, so that checking a set again after a change reads only the
// documents that changed.
package oscalcheck

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
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
// schemas costs more than checking a set of documents) and remembers the
// documents it found valid, by a hash of their bytes
// (oscalschema.Validator.Validate); it is safe for concurrent use, and
// what it holds of a schema or a document never changes once found. It
// validates the value Check decoded (ValidateValue) rather than decode a
// document twice.
var schemas oscalschema.Validator

// failFunc records a problem of a file at a JSON path.
type failFunc func(file, p, format string, args ...any)

// into returns a failFunc that appends each problem to *errs, as
// "file: path: message".
func into(errs *[]error) failFunc {
	return func(file, p, format string, args ...any) {
		*errs = append(*errs, fmt.Errorf("%s: %s: %s", file, p, fmt.Sprintf(format, args...)))
	}
}

// Check checks the documents of files (by file name, as they refer to each
// other) and returns every problem found, each naming its file and JSON
// path; nil means the set is consistent. It is a new Checker's Check: it
// keeps nothing of the documents but the schemas' verdicts.
func Check(files map[string][]byte) []error {
	return new(Checker).Check(files)
}

// A Checker checks sets of documents as Check does, and keeps what it
// found of each document on its own: its parse, what it defines, and the
// problems of its JSON, its schema, its UUIDs and its dates, by file name
// and a SHA-256 hash of its bytes. Checking a set again after some of its
// files changed (a test's mutations of one set) reads and validates only
// those again; the checks across documents (references, document UUIDs)
// run over the whole set on every call. The results are those of Check.
// What a Checker keeps grows with every document it reads: use one for
// the checks of one set, then drop it. The zero value is ready to use and
// safe for concurrent use.
type Checker struct {
	mu   sync.Mutex
	docs map[docKey]*checked
}

// docKey names a document: its file name (its problems name it) and the
// hash of its bytes.
type docKey struct {
	name string
	sum  [sha256.Size]byte
}

// checked is what a Checker keeps of one document; it never changes once
// made.
type checked struct {
	d     *doc    // nil if the file is not an OSCAL document of a known model
	errs  []error // problems of its JSON, its schema and its own UUIDs
	dates []error // problems of its dates
}

// Check checks the documents of files as the package's Check does.
func (c *Checker) Check(files map[string][]byte) []error {
	var errs []error
	fail := into(&errs)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	docs := map[string]*doc{}
	dates := map[string][]error{}
	for _, n := range names {
		ch := c.document(n, files[n])
		errs = append(errs, ch.errs...)
		if ch.d != nil {
			docs[n] = ch.d
			dates[n] = ch.dates
		}
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
		r.walk(append(make([]byte, 0, 256), d.root...), d.body, "")
		errs = append(errs, dates[n]...)
	}
	return errs
}

// document returns what c keeps of the document data named name, reading
// it if c has not yet.
func (c *Checker) document(name string, data []byte) *checked {
	key := docKey{name: name, sum: sha256.Sum256(data)}
	c.mu.Lock()
	ch := c.docs[key]
	c.mu.Unlock()
	if ch != nil {
		return ch
	}
	ch = read(name, data)
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev := c.docs[key]; prev != nil {
		return prev // read meanwhile by another Check
	}
	if c.docs == nil {
		c.docs = map[docKey]*checked{}
	}
	c.docs[key] = ch
	return ch
}

// read parses one document, validates it against the schema of its model
// and records what it defines and the problems found in it alone.
func read(n string, data []byte) *checked {
	ch := &checked{}
	fail := into(&ch.errs)
	var top map[string]any
	if err := json.Unmarshal(data, &top); err != nil {
		fail(n, "", "not JSON: %v", err)
		return ch
	}
	d := &doc{name: n, uuids: map[string]string{}, frags: map[string]bool{}, roles: map[string]bool{},
		controls: map[string]bool{}, parts: map[string]bool{}, objectives: map[string]bool{}}
	for k, v := range top {
		if model, ok := roots[k]; ok {
			d.root = k
			d.body, _ = v.(map[string]any)
			if err := schemas.ValidateValue(model, data, top); err != nil {
				fail(n, "", "%v", err)
			}
		}
	}
	if d.body == nil {
		fail(n, "", "not an OSCAL document of a known model")
		return ch
	}
	d.collect(append(make([]byte, 0, 256), d.root...), d.body, "", fail)
	ch.d = d
	d.dates(into(&ch.dates))
	return ch
}

// The walks below build the JSON path of each value in one buffer, p: a
// value's path is p appended with its key or index, and becomes a string
// only where it is kept or reported.

// key returns p with ".k" appended.
func key(p []byte, k string) []byte { return append(append(p, '.'), k...) }

// index returns p with "[i]" appended.
func index(p []byte, i int) []byte {
	return append(strconv.AppendInt(append(p, '['), int64(i), 10), ']')
}

// collect records what a document defines.
func (d *doc) collect(p []byte, v any, parentKey string, fail failFunc) {
	switch v := v.(type) {
	case map[string]any:
		if u, ok := v["uuid"].(string); ok {
			ps := string(p)
			if prev, dup := d.uuids[u]; dup {
				fail(d.name, ps+".uuid", "UUID %s is also %s", u, prev)
			}
			d.uuids[u] = ps
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
			d.collect(key(p, k), v[k], k, fail)
		}
	case []any:
		for i, e := range v {
			d.collect(index(p, i), e, parentKey, fail)
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
	fail  failFunc
	any   func(f func(d *doc) map[string]bool, id string) bool
}

func (r *refs) walk(p []byte, v any, k string) {
	switch v := v.(type) {
	case map[string]any:
		r.object(p, v, k)
		for _, k := range sortedKeys(v) {
			r.walk(key(p, k), v[k], k)
		}
	case []any:
		for i, e := range v {
			r.walk(index(p, i), e, k)
		}
	case string:
		r.value(p, k, v)
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

func (r *refs) value(p []byte, key, v string) {
	switch {
	case key == "href":
		switch {
		case strings.HasPrefix(v, "#"):
			if !r.d.frags[v[1:]] {
				r.fail(r.d.name, string(p), "%q names nothing in the document", v)
			}
		case isExternal(v):
		default:
			f := path.Clean(path.Join(path.Dir(r.d.name), v))
			if _, ok := r.names[f]; !ok {
				r.fail(r.d.name, string(p), "%q is not a file of the set", v)
			}
		}
	case key == "control-id":
		if !r.any(func(d *doc) map[string]bool { return d.controls }, v) {
			r.fail(r.d.name, string(p), "control %q is in no catalog of the set", v)
		}
	case key == "role-id":
		if !r.d.roles[v] && !r.any(func(d *doc) map[string]bool { return d.roles }, v) {
			r.fail(r.d.name, string(p), "role %q is defined nowhere", v)
		}
	case strings.HasSuffix(key, "-uuid") || strings.HasSuffix(key, "-uuids"):
		if !r.any(func(d *doc) map[string]bool { return d.frags }, v) {
			r.fail(r.d.name, string(p), "UUID %s names nothing in the set", v)
		}
	}
}

func (r *refs) object(p []byte, v map[string]any, key string) {
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
					r.fail(r.d.name, string(p)+".with-ids["+strconv.Itoa(i)+"]", "control %q is not in %s", s, cat.name)
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
						r.fail(r.d.name, string(p)+".maps["+strconv.Itoa(i)+"]."+side.key, "control %q is not in %s", id, side.cat.name)
					}
				}
			}
		}
	case key == "target" && v["target-id"] != nil:
		id, _ := v["target-id"].(string)
		switch v["type"] {
		case "objective-id":
			if !r.any(func(d *doc) map[string]bool { return d.objectives }, id) {
				r.fail(r.d.name, string(p), "objective %q is defined nowhere in the set", id)
			}
		case "statement-id":
			if !r.any(func(d *doc) map[string]bool { return d.parts }, id) {
				r.fail(r.d.name, string(p), "statement %q is in no catalog of the set", id)
			}
		}
	}
	if s, ok := v["start"].(string); ok {
		if e, ok := v["end"].(string); ok {
			ts, e1 := parse(s)
			te, e2 := parse(e)
			if e1 == nil && e2 == nil && te.Before(ts) {
				r.fail(r.d.name, string(p), "ends (%s) before it starts (%s)", e, s)
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
func (d *doc) dates(fail failFunc) {
	md, _ := d.body["metadata"].(map[string]any)
	lm, err := parse(str(md, "last-modified"))
	if err != nil {
		fail(d.name, d.root+".metadata.last-modified", "not an RFC 3339 date-time with a zone")
	}
	var walk func(p []byte, v any, k, parent string)
	walk = func(p []byte, v any, k, parent string) {
		switch v := v.(type) {
		case map[string]any:
			for _, kk := range sortedKeys(v) {
				walk(key(p, kk), v[kk], kk, k)
			}
		case []any:
			for i, e := range v {
				walk(index(p, i), e, k, parent)
			}
		case string:
			if !dateKeys[k] || k == "date" && parent != "on-date" && parent != "actions" {
				return
			}
			t, err := parse(v)
			if err != nil {
				fail(d.name, string(p), "%q is not an RFC 3339 date-time with a zone", v)
				return
			}
			done := k == "collected" || k == "start" && parent == "entries"
			if done && !lm.IsZero() && lm.Before(t) {
				fail(d.name, string(p), "%s is after the document's last-modified %s", v, lm.Format(time.RFC3339))
			}
		}
	}
	walk(append(make([]byte, 0, 256), d.root...), d.body, d.root, "")
}
