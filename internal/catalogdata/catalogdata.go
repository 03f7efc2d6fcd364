// Package catalogdata reads the data files of the built-in ISO/IEC 27002
// catalogs and generates the Go tables of package iso27002 from them.
//
// The data files, one per edition, sit beside this file:
// iso27002_2022.txt and iso27002_2013.txt (see their headers for the
// format). Run "go generate ./iso27002" after editing one; a test in
// iso27002 fails while the committed tables are stale.
//
// The package uses only the standard library and is safe for concurrent
// use.
package catalogdata

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/format"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/natural"
	"github.com/ismskit/ismskit/internal/stanza"
)

// Data2022 and Data2013 are the data files.
var (
	//go:embed iso27002_2022.txt
	Data2022 []byte
	//go:embed iso27002_2013.txt
	Data2013 []byte
)

// Control2022 is one stanza of the 2022 file.
type Control2022 struct {
	Line        int
	ID          string // "5.1"
	Theme       int    // 5..8
	Number      int    // 1..37
	Title       string
	AnnexATitle string
	New         bool
	Attributes  map[string][]string // key: type, properties, concepts, capabilities, domains
	From2013    []string
	Summary     string
}

// AttributeKeys are the keys of the five attribute types, in order.
var AttributeKeys = []string{"type", "properties", "concepts", "capabilities", "domains"}

// AttributeValues lists the values each attribute key allows, in the
// standard's order.
var AttributeValues = map[string][]string{
	"type":       {"Preventive", "Detective", "Corrective"},
	"properties": {"Confidentiality", "Integrity", "Availability"},
	"concepts":   {"Identify", "Protect", "Detect", "Respond", "Recover"},
	"capabilities": {"Governance", "Asset_management", "Information_protection", "Human_resource_security",
		"Physical_security", "System_and_network_security", "Application_security", "Secure_configuration",
		"Identity_and_access_management", "Threat_and_vulnerability_management", "Continuity",
		"Supplier_relationships_security", "Legal_and_compliance", "Information_security_event_management",
		"Information_security_assurance"},
	"domains": {"Governance_and_Ecosystem", "Protection", "Defence", "Resilience"},
}

// Group2013 is a clause or control objective of the 2013 file.
type Group2013 struct {
	Line    int
	ID      string // "A.5" or "A.5.1"
	Title   string
	Summary string
}

// Control2013 is a control of the 2013 file.
type Control2013 struct {
	Line    int
	ID      string // "A.5.1.1"
	Parts   [3]int
	Title   string
	Summary string
}

// Edition2013 is the parsed 2013 file.
type Edition2013 struct {
	Clauses    []Group2013
	Objectives []Group2013
	Controls   []Control2013
}

func keys(s stanza.Stanza) []string {
	out := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		out[i] = f.Key
	}
	return out
}

// checkKeys reports an error unless the stanza has exactly the wanted keys,
// in order, with the optional ones allowed to be missing.
func checkKeys(s stanza.Stanza, want []string, optional map[string]bool) error {
	got := keys(s)
	i := 0
	for _, w := range want {
		if i < len(got) && got[i] == w {
			i++
			continue
		}
		if !optional[w] {
			return fmt.Errorf("line %d: want key %q, got keys %v", s.Line, w, got)
		}
	}
	if i != len(got) {
		return fmt.Errorf("line %d: unexpected key %q", s.Fields[i].Line, got[i])
	}
	return nil
}

func parseNums(id string, n int) ([]int, bool) {
	parts := strings.Split(id, ".")
	if len(parts) != n {
		return nil, false
	}
	out := make([]int, n)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v <= 0 || v > 255 || strconv.Itoa(v) != p {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

// Load2022 parses and checks the 2022 file: 93 controls in order, every
// attribute value known, IDs contiguous within each theme.
func Load2022(data []byte) ([]Control2022, error) {
	st, err := stanza.Parse(data)
	if err != nil {
		return nil, err
	}
	want := []string{"control", "title", "annexATitle", "new", "type", "properties", "concepts", "capabilities", "domains", "from2013", "summary"}
	var out []Control2022
	prevTheme, prevNum := 4, 0
	for _, s := range st {
		if err := checkKeys(s, want, map[string]bool{"annexATitle": true}); err != nil {
			return nil, err
		}
		id, _ := s.Get("control")
		nums, ok := parseNums(id, 2)
		if !ok || nums[0] < 5 || nums[0] > 8 {
			return nil, fmt.Errorf("line %d: bad 2022 control ID %q", s.Line, id)
		}
		if !(nums[0] == prevTheme && nums[1] == prevNum+1 || nums[0] == prevTheme+1 && nums[1] == 1) {
			return nil, fmt.Errorf("line %d: control %s out of order after %d.%d", s.Line, id, prevTheme, prevNum)
		}
		prevTheme, prevNum = nums[0], nums[1]
		c := Control2022{Line: s.Line, ID: id, Theme: nums[0], Number: nums[1], Attributes: map[string][]string{}}
		c.Title, _ = s.Get("title")
		c.AnnexATitle, _ = s.Get("annexATitle")
		c.Summary, _ = s.Get("summary")
		if c.Title == "" || c.Summary == "" {
			return nil, fmt.Errorf("line %d: %s has an empty title or summary", s.Line, id)
		}
		switch v, _ := s.Get("new"); v {
		case "yes":
			c.New = true
		case "no":
		default:
			return nil, fmt.Errorf("line %d: new: want yes or no, got %q", s.Line, v)
		}
		for _, k := range AttributeKeys {
			v, _ := s.Get(k)
			vals := strings.Fields(v)
			if len(vals) == 0 {
				return nil, fmt.Errorf("line %d: %s has no %s attribute", s.Line, id, k)
			}
			for _, x := range vals {
				if !slices.Contains(AttributeValues[k], x) {
					return nil, fmt.Errorf("line %d: %s: %q is not a %s value", s.Line, id, x, k)
				}
			}
			c.Attributes[k] = vals
		}
		from, _ := s.Get("from2013")
		if from != "-" {
			c.From2013 = strings.Fields(from)
		}
		if c.New != (len(c.From2013) == 0) {
			return nil, fmt.Errorf("line %d: %s: a control is new exactly when it has no 2013 source", s.Line, id)
		}
		out = append(out, c)
	}
	return out, nil
}

// Load2013 parses and checks the 2013 file.
func Load2013(data []byte) (Edition2013, error) {
	st, err := stanza.Parse(data)
	if err != nil {
		return Edition2013{}, err
	}
	var e Edition2013
	var clause, objective []int
	for _, s := range st {
		switch s.Kind() {
		case "clause":
			if err := checkKeys(s, []string{"clause", "title"}, nil); err != nil {
				return e, err
			}
			id, _ := s.Get("clause")
			nums, ok := parseNums(strings.TrimPrefix(id, "A."), 1)
			if !ok || !strings.HasPrefix(id, "A.") || nums[0] != 5+len(e.Clauses) {
				return e, fmt.Errorf("line %d: clause %q out of order", s.Line, id)
			}
			clause, objective = nums, nil
			t, _ := s.Get("title")
			e.Clauses = append(e.Clauses, Group2013{Line: s.Line, ID: id, Title: t})
		case "objective":
			if err := checkKeys(s, []string{"objective", "title", "summary"}, nil); err != nil {
				return e, err
			}
			id, _ := s.Get("objective")
			nums, ok := parseNums(strings.TrimPrefix(id, "A."), 2)
			if !ok || !strings.HasPrefix(id, "A.") || clause == nil || nums[0] != clause[0] ||
				nums[1] != 1+countPrefix(e.Objectives, fmt.Sprintf("A.%d.", clause[0])) {
				return e, fmt.Errorf("line %d: objective %q out of order", s.Line, id)
			}
			objective = nums
			t, _ := s.Get("title")
			sum, _ := s.Get("summary")
			e.Objectives = append(e.Objectives, Group2013{Line: s.Line, ID: id, Title: t, Summary: sum})
		case "control":
			if err := checkKeys(s, []string{"control", "title", "summary"}, nil); err != nil {
				return e, err
			}
			id, _ := s.Get("control")
			nums, ok := parseNums(strings.TrimPrefix(id, "A."), 3)
			want := 1
			if n := len(e.Controls); n > 0 && objective != nil && e.Controls[n-1].Parts[0] == objective[0] && e.Controls[n-1].Parts[1] == objective[1] {
				want = e.Controls[n-1].Parts[2] + 1
			}
			if !ok || !strings.HasPrefix(id, "A.") || objective == nil || nums[0] != objective[0] || nums[1] != objective[1] || nums[2] != want {
				return e, fmt.Errorf("line %d: control %q out of order", s.Line, id)
			}
			t, _ := s.Get("title")
			sum, _ := s.Get("summary")
			if t == "" || sum == "" {
				return e, fmt.Errorf("line %d: %s has an empty title or summary", s.Line, id)
			}
			e.Controls = append(e.Controls, Control2013{Line: s.Line, ID: id, Parts: [3]int{nums[0], nums[1], nums[2]}, Title: t, Summary: sum})
		default:
			return e, fmt.Errorf("line %d: unknown stanza kind %q", s.Line, s.Kind())
		}
	}
	return e, nil
}

func countPrefix(gs []Group2013, prefix string) int {
	n := 0
	for _, g := range gs {
		if strings.HasPrefix(g.ID, prefix) {
			n++
		}
	}
	return n
}

// CheckCorrespondence checks that every 2013 ID named in a from2013 list
// exists, is listed once per control in natural order, and that every
// 2013 control is named at least once.
func CheckCorrespondence(c22 []Control2022, e13 Edition2013) error {
	known := map[string]bool{}
	for _, c := range e13.Controls {
		known[c.ID] = true
	}
	used := map[string]bool{}
	for _, c := range c22 {
		if !slices.IsSortedFunc(c.From2013, natural.Compare) || len(slices.Compact(slices.Clone(c.From2013))) != len(c.From2013) {
			return fmt.Errorf("line %d: %s: from2013 not in natural order or repeats an ID", c.Line, c.ID)
		}
		for _, id := range c.From2013 {
			if !known[id] {
				return fmt.Errorf("line %d: %s: from2013 names %q, which is no 2013 control", c.Line, c.ID, id)
			}
			used[id] = true
		}
	}
	for _, c := range e13.Controls {
		if !used[c.ID] {
			return fmt.Errorf("2013 control %s corresponds to no 2022 control", c.ID)
		}
	}
	return nil
}

// Generate returns the gofmt'ed source of iso27002's generated file from
// the two data files.
func Generate(data2022, data2013 []byte) ([]byte, error) {
	c22, err := Load2022(data2022)
	if err != nil {
		return nil, fmt.Errorf("iso27002_2022.txt: %w", err)
	}
	e13, err := Load2013(data2013)
	if err != nil {
		return nil, fmt.Errorf("iso27002_2013.txt: %w", err)
	}
	if err := CheckCorrespondence(c22, e13); err != nil {
		return nil, fmt.Errorf("iso27002_2022.txt: %w", err)
	}
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("// Code generated by internal/catalogdata/cmd/gencatalog from internal/catalogdata/iso27002_2022.txt and iso27002_2013.txt; DO NOT EDIT.\n\n")
	p("package iso27002\n\n")

	// 2022 layout.
	sizes := map[int]int{}
	for _, c := range c22 {
		sizes[c.Theme]++
	}
	p("// themeSizes2022 holds the number of controls of themes 5 to 8.\n")
	p("var themeSizes2022 = [...]uint8{%d, %d, %d, %d}\n\n", sizes[5], sizes[6], sizes[7], sizes[8])
	p("// themeOffsets2022 holds the position of the first control of themes 5 to 8.\n")
	p("var themeOffsets2022 = [...]uint8{0, %d, %d, %d}\n\n", sizes[5], sizes[5]+sizes[6], sizes[5]+sizes[6]+sizes[7])

	p("var controls2022 = [...]Control{\n")
	for i, c := range c22 {
		var attrs []string
		for _, k := range AttributeKeys {
			for _, v := range c.Attributes[k] {
				attrs = append(attrs, attrGoName(v))
			}
		}
		p("\t{ID: ControlID{ed: Edition2022, a: %d, b: %d, ord: %d}, Title: %q, ", c.Theme, c.Number, i, c.Title)
		if c.AnnexATitle != "" {
			p("AnnexATitle: %q, ", c.AnnexATitle)
		}
		p("Theme: %s, ", themeGoNames[c.Theme])
		if c.New {
			p("New: true, ")
		}
		p("Attributes: 1<<%s, Summary: %q},\n", strings.Join(attrs, " | 1<<"), c.Summary)
	}
	p("}\n\n")

	// 2013 layout.
	var objSizes [][]int
	for _, c := range e13.Controls {
		cl, ob := c.Parts[0]-5, c.Parts[1]-1
		for len(objSizes) <= cl {
			objSizes = append(objSizes, nil)
		}
		for len(objSizes[cl]) <= ob {
			objSizes[cl] = append(objSizes[cl], 0)
		}
		objSizes[cl][ob]++
	}
	p("// objectiveSizes2013[clause-5][objective-1] is the number of controls of a 2013 objective.\n")
	p("var objectiveSizes2013 = [...][]uint8{\n")
	for _, s := range objSizes {
		p("\t{%s},\n", joinInts(s))
	}
	p("}\n\n")
	p("// objectiveOffsets2013[clause-5][objective-1] is the position of the objective's first control.\n")
	p("var objectiveOffsets2013 = [...][]uint8{\n")
	off := 0
	for _, s := range objSizes {
		var offs []int
		for _, n := range s {
			offs = append(offs, off)
			off += n
		}
		p("\t{%s},\n", joinInts(offs))
	}
	p("}\n\n")
	p("var groups2013 = [...]Group{\n")
	objIdx := 0
	for _, cl := range e13.Clauses {
		p("\t{ID: %q, Title: %q},\n", cl.ID, cl.Title)
		for objIdx < len(e13.Objectives) && strings.HasPrefix(e13.Objectives[objIdx].ID, cl.ID+".") {
			o := e13.Objectives[objIdx]
			p("\t{ID: %q, Title: %q, Parent: %q, Summary: %q},\n", o.ID, o.Title, cl.ID, o.Summary)
			objIdx++
		}
	}
	p("}\n\n")
	p("var controls2013 = [...]Control{\n")
	for i, c := range e13.Controls {
		p("\t{ID: ControlID{ed: Edition2013, a: %d, b: %d, c: %d, ord: %d}, Title: %q, Summary: %q},\n", c.Parts[0], c.Parts[1], c.Parts[2], i, c.Title, c.Summary)
	}
	p("}\n\n")

	// Correspondence, sorted by 2022 then 2013 ID.
	index13 := map[string]int{}
	for i, c := range e13.Controls {
		index13[c.ID] = i
	}
	p("// pairs holds the ISO/IEC 27002:2022 Annex B correspondence as [2022 index, 2013 index], sorted.\n")
	p("var pairs = [...][2]uint8{\n")
	for i, c := range c22 {
		for _, id := range c.From2013 {
			p("\t{%d, %d}, // %s <- %s\n", i, index13[id], c.ID, id)
		}
	}
	p("}\n")
	return format.Source(b.Bytes())
}

var themeGoNames = map[int]string{5: "Organizational", 6: "People", 7: "Physical", 8: "Technological"}

// attrGoName returns the Go constant of iso27002 for an attribute value.
func attrGoName(v string) string {
	var sb strings.Builder
	for _, w := range strings.Split(v, "_") {
		if w == "and" {
			sb.WriteString("And")
			continue
		}
		sb.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return sb.String()
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}
