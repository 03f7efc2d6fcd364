// Package clausedata holds the data files for the clauses of ISO/IEC 27001
// (one per edition) and the generator that turns them into the Go tables of
// package iso27001 (zclauses_2022.go, zclauses_2013.go).
//
// The files use the stanza format of internal/stanza; their header comment
// documents the stanzas and fields. Generate checks the file thoroughly
// (IDs, order, parents, known fields and values, and that no text reads
// like the standard's own "shall" sentences) before it writes anything, so
// a typo in a data file fails `go generate`, not a user's program.
//
// It is used by go generate and by tests only, never at run time. It is
// safe for concurrent use.
package clausedata

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"go/format"
	"io"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/stanza"
)

//go:embed iso27001_2022.txt iso27001_2013.txt
var files embed.FS

// Editions lists the editions that have a data file, oldest first.
var Editions = []string{"2013", "2022"}

// RecordKinds lists the record kinds that a data file may name in an item's
// "records" field, in the order of the bits of iso27001's recordSet.
var RecordKinds = []string{
	"issues", "climate", "parties", "parties.requirements", "parties.addressed",
	"scope", "scope.interfaces", "roles", "roles.conformance", "roles.reporting",
	"objectives", "objectives.measurable", "objectives.monitored", "objectives.plan",
	"objectives.resources", "objectives.owner", "objectives.due", "objectives.evaluation",
	"competence", "competence.actions", "documents", "documents.approved",
	"documents.version", "documents.retention", "reviews", "reviews.outputs",
}

// Data returns the data file of an edition ("2013" or "2022").
func Data(edition string) ([]byte, error) {
	b, err := files.ReadFile("iso27001_" + edition + ".txt")
	if err != nil {
		return nil, fmt.Errorf("clausedata: no data file for edition %q", edition)
	}
	return b, nil
}

// FileName returns the name of the generated file for an edition.
func FileName(edition string) string { return "zclauses_" + edition + ".go" }

// Generate writes the generated Go source for an edition's data file to w.
func Generate(w io.Writer, edition string) error {
	data, err := Data(edition)
	if err != nil {
		return err
	}
	src, err := GenerateFrom(data, edition)
	if err != nil {
		return err
	}
	_, err = w.Write(src)
	return err
}

type clause struct {
	id, parent, counterpart []int
	title, summary          string
	change, changeNote      string
	first, last             int
	line                    int
}

type item struct {
	clause  []int
	kind    byte // 'l' letter, 'p' paragraph, 'n' note
	letter  byte
	n       int
	text    string
	doc     string
	records []string
	amd     string
	note    bool
	change  string
	cp      *item // counterpart in the other edition; nil for none
}

// GenerateFrom checks data, the data file of edition, and returns the
// gofmt-ed Go source of its tables.
func GenerateFrom(data []byte, edition string) ([]byte, error) {
	stanzas, err := stanza.Parse(data)
	if err != nil {
		return nil, err
	}
	var (
		errs    []error
		name    string
		clauses []*clause
		items   []item
		byID    = map[string]*clause{}
		seen    = map[string]bool{}
	)
	bad := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("iso27001_%s.txt:%d: %s", edition, line, fmt.Sprintf(format, args...)))
	}
	allowed := map[string][]string{
		"edition": {"edition", "name"},
		"clause":  {"clause", "title", "summary", "counterpart", "change", "change-note"},
		"item":    {"item", "text", "doc", "records", "note", "amendment", "change", "counterpart"},
	}
	var cur *clause
	for si, s := range stanzas {
		kind := s.Kind()
		keys, ok := allowed[kind]
		if !ok {
			bad(s.Line, "unknown stanza %q", kind)
			continue
		}
		seenKey := map[string]bool{}
		for _, f := range s.Fields {
			if !contains(keys, f.Key) {
				bad(f.Line, "field %q is not allowed in a %s stanza", f.Key, kind)
			}
			if seenKey[f.Key] {
				bad(f.Line, "field %q given twice", f.Key)
			}
			seenKey[f.Key] = true
			if f.Key == "text" || f.Key == "summary" || f.Key == "change-note" {
				if strings.Contains(strings.ToLower(f.Value), "shall") {
					bad(f.Line, "%s uses \"shall\": write it in our own words", f.Key)
				}
			}
		}
		get := func(k string) string { v, _ := s.Get(k); return v }
		switch kind {
		case "edition":
			if si != 0 {
				bad(s.Line, "the edition stanza comes first")
			}
			if get("edition") != edition {
				bad(s.Line, "edition %q in the file for %s", get("edition"), edition)
			}
			name = get("name")
			if name == "" {
				bad(s.Line, "name is required")
			}
		case "clause":
			id, err := parseClause(get("clause"))
			if err != nil {
				bad(s.Line, "%v", err)
				continue
			}
			key := join(id)
			if byID[key] != nil {
				bad(s.Line, "clause %s given twice", key)
				continue
			}
			c := &clause{id: id, title: get("title"), summary: get("summary"), change: get("change"), changeNote: get("change-note"), first: len(items), last: len(items), line: s.Line}
			if len(id) > 1 {
				c.parent = id[:len(id)-1]
				if byID[join(c.parent)] == nil {
					bad(s.Line, "clause %s comes before its parent %s", key, join(c.parent))
				}
			}
			if len(clauses) > 0 && compareIDs(clauses[len(clauses)-1].id, id) >= 0 {
				bad(s.Line, "clause %s is out of order", key)
			}
			if c.title == "" || c.summary == "" {
				bad(s.Line, "clause %s needs a title and a summary", key)
			}
			switch cp := get("counterpart"); cp {
			case "":
				if c.change != "new" {
					c.counterpart = id
				}
			case "-":
			default:
				cid, err := parseClause(cp)
				if err != nil {
					bad(s.Line, "counterpart: %v", err)
				}
				c.counterpart = cid
			}
			if !contains([]string{"", "new", "changed", "renumbered"}, c.change) {
				bad(s.Line, "unknown change %q", c.change)
			}
			byID[key] = c
			clauses = append(clauses, c)
			cur = c
		case "item":
			raw := get("item")
			it, err := parseItem(raw)
			if err != nil {
				bad(s.Line, "%v", err)
				continue
			}
			if seen[raw] {
				bad(s.Line, "item %s given twice", raw)
			}
			seen[raw] = true
			if cur == nil || join(cur.id) != join(it.clause) {
				bad(s.Line, "item %s is not under its clause", raw)
				continue
			}
			if it.kind == 'l' && it.n > 0 && !seen[join(it.clause)+"."+string(it.letter)] {
				bad(s.Line, "item %s comes before its lettered item", raw)
			}
			it.text = get("text")
			if it.text == "" {
				bad(s.Line, "item %s needs a text", raw)
			}
			it.doc = get("doc")
			if !contains([]string{"", "maintained", "retained"}, it.doc) {
				bad(s.Line, "unknown doc %q", it.doc)
			}
			if r := get("records"); r != "" {
				for _, k := range strings.Split(r, ",") {
					k = strings.TrimSpace(k)
					if !contains(RecordKinds, k) {
						bad(s.Line, "unknown record kind %q", k)
					}
					it.records = append(it.records, k)
				}
			}
			switch get("note") {
			case "":
			case "yes":
				it.note = true
			default:
				bad(s.Line, "note is yes or absent")
			}
			if it.note != (it.kind == 'n') {
				bad(s.Line, "item %s: note items, and only they, have IDs with .n", raw)
			}
			it.amd = get("amendment")
			if it.amd != "" && (it.amd != "amd1-2024" || edition != "2022") {
				bad(s.Line, "amendment %q does not apply to edition %s", it.amd, edition)
			}
			it.change = get("change")
			if !contains([]string{"", "new", "changed"}, it.change) {
				bad(s.Line, "unknown change %q", it.change)
			}
			switch cp := get("counterpart"); cp {
			case "-":
			case "":
				if it.change != "new" && it.amd == "" && !it.note {
					same := it
					it.cp = &same
				}
			default:
				c, err := parseItem(cp)
				if err != nil {
					bad(s.Line, "counterpart: %v", err)
				}
				it.cp = &c
			}
			items = append(items, it)
			cur.last = len(items)
		}
	}
	if name == "" && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("iso27001_%s.txt: no edition stanza", edition))
	}
	for _, c := range clauses {
		if len(c.id) > 1 && c.first == c.last && !hasChildren(clauses, c.id) {
			bad(c.line, "clause %s has neither items nor subclauses", join(c.id))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/clausedata/cmd/genclauses from internal/clausedata/iso27001_%s.txt; DO NOT EDIT.\n\n", edition)
	b.WriteString("package iso27001\n\n")
	fmt.Fprintf(&b, "const name%s = %q\n\n", edition, name)
	fmt.Fprintf(&b, "var clauses%s = [...]clauseRec{\n", edition)
	for _, c := range clauses {
		fmt.Fprintf(&b, "\t{id: %s, parent: %s, counterpart: %s, title: %q, summary: %q, change: %s, changeNote: %q, first: %d, last: %d},\n",
			clauseLit(c.id), clauseLit(c.parent), clauseLit(c.counterpart), c.title, c.summary, changeLit(c.change), c.changeNote, c.first, c.last)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "var items%s = [...]itemRec{\n", edition)
	for _, it := range items {
		fmt.Fprintf(&b, "\t{id: %s, text: %q, doc: %s, records: %s, amendment: %s, note: %t, change: %s, counterpart: %s},\n",
			itemLit(&it), it.text, docLit(it.doc), recordsLit(it.records), amdLit(it.amd), it.note, changeLit(it.change), itemLit(it.cp))
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func hasChildren(cs []*clause, id []int) bool {
	for _, c := range cs {
		if len(c.parent) > 0 && join(c.parent) == join(id) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseClause parses "4", "6.1" or "6.1.3": 1 to 3 numbers, the first 4 to
// 10, the others 1 to 99.
func parseClause(s string) ([]int, error) {
	parts := strings.Split(s, ".")
	if len(parts) > 3 {
		return nil, fmt.Errorf("clause %q has more than three levels", s)
	}
	var id []int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || p == "" || p[0] == '0' || n < 1 || n > 99 || (i == 0 && (n < 4 || n > 10)) {
			return nil, fmt.Errorf("bad clause ID %q", s)
		}
		id = append(id, n)
	}
	return id, nil
}

func parseItem(s string) (item, error) {
	parts := strings.Split(s, ".")
	i := 0
	for i < len(parts) && parts[i] != "" && parts[i][0] >= '0' && parts[i][0] <= '9' {
		i++
	}
	if i == 0 || i == len(parts) {
		return item{}, fmt.Errorf("bad item ID %q", s)
	}
	c, err := parseClause(strings.Join(parts[:i], "."))
	if err != nil {
		return item{}, fmt.Errorf("bad item ID %q: %v", s, err)
	}
	it := item{clause: c}
	rest := parts[i:]
	first := rest[0]
	switch {
	case len(first) == 1 && first[0] >= 'a' && first[0] <= 'z':
		it.kind, it.letter = 'l', first[0]
		if len(rest) == 2 {
			n, err := strconv.Atoi(rest[1])
			if err != nil || n < 1 || n > 9 {
				return item{}, fmt.Errorf("bad item ID %q", s)
			}
			it.n = n
		} else if len(rest) > 2 {
			return item{}, fmt.Errorf("bad item ID %q", s)
		}
	case len(first) >= 2 && (first[0] == 'p' || first[0] == 'n') && len(rest) == 1:
		n, err := strconv.Atoi(first[1:])
		if err != nil || first[1] == '0' || n < 1 || n > 99 {
			return item{}, fmt.Errorf("bad item ID %q", s)
		}
		it.kind, it.n = first[0], n
	default:
		return item{}, fmt.Errorf("bad item ID %q", s)
	}
	return it, nil
}

func join(id []int) string {
	s := make([]string, len(id))
	for i, n := range id {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ".")
}

func compareIDs(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

func clauseLit(id []int) string {
	var p [3]int
	copy(p[:], id)
	if len(id) == 0 {
		return "ClauseID{}"
	}
	return fmt.Sprintf("ClauseID{p: [3]uint8{%d, %d, %d}}", p[0], p[1], p[2])
}

func itemLit(it *item) string {
	if it == nil {
		return "ItemID{}"
	}
	return fmt.Sprintf("ItemID{c: %s, kind: %q, letter: %s, n: %d}", clauseLit(it.clause), it.kind, letterLit(it.letter), it.n)
}

func letterLit(c byte) string {
	if c == 0 {
		return "0"
	}
	return strconv.QuoteRune(rune(c))
}

func docLit(d string) string {
	switch d {
	case "maintained":
		return "Maintained"
	case "retained":
		return "Retained"
	}
	return "NotDocumented"
}

func changeLit(c string) string {
	switch c {
	case "new":
		return "ChangeNew"
	case "changed":
		return "ChangeChanged"
	case "renumbered":
		return "ChangeRenumbered"
	}
	return "ChangeNone"
}

func amdLit(a string) string {
	if a == "amd1-2024" {
		return "Amd1of2024"
	}
	return "NoAmendment"
}

func recordsLit(keys []string) string {
	if len(keys) == 0 {
		return "0"
	}
	var parts []string
	for _, k := range keys {
		var name strings.Builder
		name.WriteString("rec")
		for _, seg := range strings.Split(k, ".") {
			name.WriteString(strings.ToUpper(seg[:1]) + seg[1:])
		}
		parts = append(parts, name.String())
	}
	return strings.Join(parts, " | ")
}
