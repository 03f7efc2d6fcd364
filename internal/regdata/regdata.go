// Package regdata holds the data of the built-in regulations of package
// soa/regulation (GDPR, HIPAA, NIS2, DORA) and of their mappings to
// ISO/IEC 27001:2022 Annex A, as TSV files with their sources, dates and
// licences in their header lines (see README.md), and generates the Go
// tables of soa/regulation from them (cmd/genreg, run by go generate
// ./soa/regulation).
//
// Load reads and checks every file. Generate joins the published
// mappings into the derived ones (HIPAA through NIST SP 800-53, with the
// SP 800-53 to ISO/IEC 27001 crosswalk of package internal/nistdata;
// NIS2 Art. 21(2) through ENISA's pairs of the annex to Implementing
// Regulation (EU) 2024/2690), leaves out the rejected pairs, adds the
// editorial ones and writes soa/regulation/zdata.go. A test in
// soa/regulation fails while that file is stale.
//
// Everything here is safe for concurrent use.
package regdata

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"go/format"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/nistdata"
)

// The data files.
var (
	//go:embed gdpr.tsv
	GDPR []byte
	//go:embed hipaa.tsv
	HIPAA []byte
	//go:embed nis2.tsv
	NIS2 []byte
	//go:embed dora.tsv
	DORA []byte
	//go:embed hipaa_sp800-53r5.tsv
	HIPAA80053 []byte
	//go:embed nis2_ir2024-2690_annex.tsv
	NIS2Annex []byte
	//go:embed editorial.tsv
	Editorial []byte
	//go:embed rejected.tsv
	Rejected []byte
)

// Files are the data files by name, for Load.
type Files struct {
	GDPR, HIPAA, NIS2, DORA, HIPAA80053, NIS2Annex, Editorial, Rejected []byte
	// SP80053 is NIST's SP 800-53 Rev. 5 to ISO/IEC 27001:2022 crosswalk
	// in the form nistdata.Load80053 reads.
	SP80053 []byte
}

// Shipped returns the files committed beside this package.
func Shipped() Files {
	return Files{GDPR: GDPR, HIPAA: HIPAA, NIS2: NIS2, DORA: DORA, HIPAA80053: HIPAA80053,
		NIS2Annex: NIS2Annex, Editorial: Editorial, Rejected: Rejected, SP80053: nistdata.Data80053}
}

// Requirement is one requirement row of any regulation, in the form the
// generated table holds.
type Requirement struct {
	Regulation  string // "gdpr", "hipaa", "nis2", "dora"
	ID          string // the full form of soa/regulation: "GDPR Art. 32", "45 CFR 164.308(a)(1)"
	Parent      string // full form, or ""
	Title       string
	Kind        string // Go constant of regulation.Kind: "Article", "Standard", ...
	Group       string
	Summary     string
	Deadline    string
	Security    bool
	Designation string // "Required", "Addressable" or ""
}

// Pair is one pair of a requirement and an Annex A control.
type Pair struct {
	Requirement string   // full form
	Control     string   // "5.1"
	Provenance  string   // "Derived" or "Editorial"
	Via         []string // "SP 800-53 AC-3", "2024/2690 Annex 1.1.1(a)"
	Weak        bool
	Rationale   string
}

// Data is every file loaded and checked, with the derived pairs.
type Data struct {
	Requirements []Requirement
	Pairs        []Pair
	// SP80053 are the published HIPAA to SP 800-53 pairs: requirement
	// (full form) and control.
	SP80053 [][2]string
}

// table splits a TSV file into rows of the header's fields, skipping
// the "# " comment lines at its top; line numbers count every line.
type row struct {
	line int
	f    map[string]string
}

func table(name string, data []byte, header ...string) ([]row, error) {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	i := 0
	for i < len(lines) && strings.HasPrefix(lines[i], "#") {
		i++
	}
	if i == 0 {
		return nil, fmt.Errorf("%s: no header lines naming the source and licence", name)
	}
	if i == len(lines) || lines[i] != strings.Join(header, "\t") {
		return nil, fmt.Errorf("%s line %d: the header is not %q", name, i+1, strings.Join(header, " "))
	}
	var out []row
	for j := i + 1; j < len(lines); j++ {
		f := strings.Split(lines[j], "\t")
		if len(f) != len(header) {
			return nil, fmt.Errorf("%s line %d: %d fields, want %d", name, j+1, len(f), len(header))
		}
		r := row{line: j + 1, f: map[string]string{}}
		for k, h := range header {
			r.f[h] = f[k]
		}
		out = append(out, r)
	}
	return out, nil
}

// problems collects the problems of a file.
type problems struct {
	name string
	errs []error
}

func (p *problems) add(r row, format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%s line %d: %s", p.name, r.line, fmt.Sprintf(format, args...)))
}

var (
	reCitation = regexp.MustCompile(`^164\.[1-9][0-9]{2}(\([a-z]\)(\([1-9][0-9]?\)(\((i|ii|iii|iv|v|vi|vii|viii|ix|x)\)(\([A-Z]\))?)?)?)?$`)
	reEURef    = regexp.MustCompile(`^[1-9][0-9]{0,2}(\([1-9][0-9]?\)(\([a-z]\))?( second subparagraph)?)?$`)
	reAnnex    = regexp.MustCompile(`^(1[0-3]|[1-9])\.[1-9][0-9]?(\.[1-9][0-9]?)?(\([a-z]\))?$`)
	reControl  = regexp.MustCompile(`^[5-8]\.[1-9][0-9]?$`)
	re80053    = regexp.MustCompile(`^[A-Z]{2}-[1-9][0-9]?(\([1-9][0-9]?\))?$`)
	rePolicy   = regexp.MustCompile(`^[A-Z]{2}-1$`)
)

// themeSize is the number of Annex A 2022 controls per theme.
var themeSize = map[string]int{"5": 37, "6": 8, "7": 14, "8": 34}

func validControl(c string) bool {
	if !reControl.MatchString(c) {
		return false
	}
	t, n, _ := strings.Cut(c, ".")
	v, _ := strconv.Atoi(n)
	return v <= themeSize[t]
}

func yesNo(p *problems, r row, col string) bool {
	switch r.f[col] {
	case "yes":
		return true
	case "no":
		return false
	}
	p.add(r, "%s is %q, want yes or no", col, r.f[col])
	return false
}

// Load reads and checks every file of fs and derives the mapping pairs.
// It reports every problem it finds, each with its file and line.
func Load(fs Files) (*Data, error) {
	d := &Data{}
	var errs []error
	for _, step := range []func(Files) error{d.loadGDPR, d.loadHIPAA, d.loadNIS2, d.loadDORA} {
		if err := step(fs); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, step := range []func(Files) error{d.deriveHIPAA, d.deriveNIS2, d.loadEditorial} {
		if err := step(fs); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return d, nil
}

func (d *Data) has(id string) bool {
	return slices.ContainsFunc(d.Requirements, func(r Requirement) bool { return r.ID == id })
}

func (d *Data) loadGDPR(fs Files) error {
	rows, err := table("gdpr.tsv", fs.GDPR, "article", "title", "chapter", "chapter_title", "section", "section_title", "security_relevant", "summary")
	if err != nil {
		return err
	}
	p := &problems{name: "gdpr.tsv"}
	for i, r := range rows {
		if r.f["article"] != strconv.Itoa(i+1) {
			p.add(r, "article %q, want %d (the 99 articles in order)", r.f["article"], i+1)
		}
		if r.f["title"] == "" || r.f["chapter"] == "" || r.f["chapter_title"] == "" {
			p.add(r, "title, chapter and chapter title are required")
		}
		if (r.f["section"] == "") != (r.f["section_title"] == "") {
			p.add(r, "a section needs its number and its title")
		}
		group := "Chapter " + r.f["chapter"] + " " + r.f["chapter_title"]
		if r.f["section"] != "" {
			group += ", Section " + r.f["section"] + " " + r.f["section_title"]
		}
		sec := yesNo(p, r, "security_relevant")
		if sec && r.f["summary"] == "" {
			p.add(r, "a security-relevant article needs a summary")
		}
		d.Requirements = append(d.Requirements, Requirement{Regulation: "gdpr", ID: "GDPR Art. " + r.f["article"], Title: r.f["title"],
			Kind: "Article", Group: group, Summary: r.f["summary"], Security: sec})
	}
	if len(rows) != 99 {
		p.errs = append(p.errs, fmt.Errorf("gdpr.tsv: %d articles, want 99", len(rows)))
	}
	return errors.Join(p.errs...)
}

func (d *Data) loadHIPAA(fs Files) error {
	rows, err := table("hipaa.tsv", fs.HIPAA, "citation", "rule", "kind", "title", "designation", "parent", "group", "summary", "deadline")
	if err != nil {
		return err
	}
	p := &problems{name: "hipaa.tsv"}
	kinds := map[string]string{"standard": "Standard", "implementation": "ImplementationSpecification", "section": "Section", "provision": "Provision"}
	count := map[string]int{}
	seen := map[string]bool{}
	for _, r := range rows {
		c := r.f["citation"]
		kind, ok := kinds[r.f["kind"]]
		switch {
		case !reCitation.MatchString(c):
			p.add(r, "citation %q is not a 45 CFR Part 164 citation", c)
		case seen[c]:
			p.add(r, "citation %s given twice", c)
		case !ok:
			p.add(r, "kind %q", r.f["kind"])
		case r.f["rule"] != "security" && r.f["rule"] != "breach":
			p.add(r, "rule %q, want security or breach", r.f["rule"])
		case r.f["designation"] != "required" && r.f["designation"] != "addressable":
			p.add(r, "designation %q", r.f["designation"])
		case r.f["kind"] != "implementation" && r.f["designation"] != "required":
			p.add(r, "a %s is always required", r.f["kind"])
		case r.f["title"] == "" || r.f["summary"] == "" || !strings.HasPrefix(r.f["group"], strings.SplitN(c, "(", 2)[0]+" "):
			p.add(r, "title, summary and a group naming the section are required")
		case r.f["parent"] != "" && !seen[r.f["parent"]]:
			p.add(r, "parent %q is not an earlier citation", r.f["parent"])
		case r.f["kind"] == "implementation" && r.f["parent"] == "":
			p.add(r, "an implementation specification needs its standard or section as parent")
		}
		seen[c] = true
		count[r.f["rule"]+" "+r.f["kind"]]++
		req := Requirement{Regulation: "hipaa", ID: "45 CFR " + c, Title: r.f["title"], Kind: kind, Group: r.f["group"],
			Summary: r.f["summary"], Deadline: r.f["deadline"], Security: true, Designation: strings.ToUpper(r.f["designation"][:1]) + r.f["designation"][1:]}
		if r.f["parent"] != "" {
			req.Parent = "45 CFR " + r.f["parent"]
		}
		d.Requirements = append(d.Requirements, req)
	}
	if count["security standard"] != 22 || count["security implementation"] != 43 || len(rows) != 87 {
		p.errs = append(p.errs, fmt.Errorf("hipaa.tsv: %d Security Rule standards, %d implementation specifications and %d rows in all; want 22, 43 and 87",
			count["security standard"], count["security implementation"], len(rows)))
	}
	return errors.Join(p.errs...)
}

func (d *Data) loadNIS2(fs Files) error {
	rows, err := table("nis2.tsv", fs.NIS2, "ref", "kind", "title", "group", "summary", "deadline", "annex_sections")
	if err != nil {
		return err
	}
	p := &problems{name: "nis2.tsv"}
	kinds := map[string]string{"measure": "Measure", "reporting": "Reporting", "definition": "Definition", "provision": "Provision"}
	for _, r := range rows {
		kind, ok := kinds[r.f["kind"]]
		switch {
		case !reEURef.MatchString(r.f["ref"]) || !strings.HasPrefix(r.f["ref"], "21(2)(") && !strings.HasPrefix(r.f["ref"], "23("):
			p.add(r, "reference %q is not a point of Art. 21(2) or 23", r.f["ref"])
		case !ok:
			p.add(r, "kind %q", r.f["kind"])
		case r.f["title"] == "" || r.f["summary"] == "" || r.f["group"] == "":
			p.add(r, "title, group and summary are required")
		case strings.HasPrefix(r.f["ref"], "21") != (r.f["annex_sections"] != "" && r.f["kind"] == "measure"):
			p.add(r, "every Art. 21(2) measure, and only they, lists its annex sections")
		}
		d.Requirements = append(d.Requirements, Requirement{Regulation: "nis2", ID: "NIS2 Art. " + r.f["ref"], Title: r.f["title"],
			Kind: kind, Group: r.f["group"], Summary: r.f["summary"], Deadline: r.f["deadline"], Security: true})
	}
	if len(rows) != 21 {
		p.errs = append(p.errs, fmt.Errorf("nis2.tsv: %d rows, want 21", len(rows)))
	}
	return errors.Join(p.errs...)
}

func (d *Data) loadDORA(fs Files) error {
	rows, err := table("dora.tsv", fs.DORA, "ref", "kind", "title", "group", "summary", "deadline")
	if err != nil {
		return err
	}
	p := &problems{name: "dora.tsv"}
	kinds := map[string]string{"reporting": "Reporting", "time-limit": "TimeLimit"}
	for _, r := range rows {
		ref := r.f["ref"]
		id := "DORA Art. " + ref
		if rest, ok := strings.CutPrefix(ref, "RTS "); ok {
			ref, id = rest, "DORA RTS Art. "+rest
		}
		kind, ok := kinds[r.f["kind"]]
		switch {
		case !reEURef.MatchString(ref):
			p.add(r, "reference %q", r.f["ref"])
		case !ok:
			p.add(r, "kind %q", r.f["kind"])
		case r.f["title"] == "" || r.f["summary"] == "" || r.f["group"] == "":
			p.add(r, "title, group and summary are required")
		}
		d.Requirements = append(d.Requirements, Requirement{Regulation: "dora", ID: id, Title: r.f["title"],
			Kind: kind, Group: r.f["group"], Summary: r.f["summary"], Deadline: r.f["deadline"], Security: true})
	}
	if len(rows) != 13 {
		p.errs = append(p.errs, fmt.Errorf("dora.tsv: %d rows, want 13", len(rows)))
	}
	return errors.Join(p.errs...)
}

// rejected returns the rejected pairs of one mapping as "source control".
func rejected(fs Files, mapping string) (map[string]bool, error) {
	rows, err := table("rejected.tsv", fs.Rejected, "mapping", "source", "control", "reason")
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, r := range rows {
		if r.f["reason"] == "" || !validControl(r.f["control"]) {
			return nil, fmt.Errorf("rejected.tsv line %d: a valid control and a reason are required", r.line)
		}
		if r.f["mapping"] == mapping {
			out[r.f["source"]+" "+r.f["control"]] = true
		}
	}
	return out, nil
}

// joined collects the published pairs that link each (requirement,
// control) pair, keeping the order in which the pairs first appear.
type joined struct {
	via   map[[2]string][]string
	order [][2]string
}

func (j *joined) add(req, ctl, via string) {
	k := [2]string{req, ctl}
	if j.via == nil {
		j.via = map[[2]string][]string{}
	}
	if j.via[k] == nil {
		j.order = append(j.order, k)
	}
	j.via[k] = append(j.via[k], via)
}

// deriveHIPAA joins the SP 800-66r2 crosswalk with NIST's SP 800-53 to
// ISO/IEC 27001:2022 crosswalk on exact SP 800-53 IDs.
func (d *Data) deriveHIPAA(fs Files) error {
	rows, err := table("hipaa_sp800-53r5.tsv", fs.HIPAA80053, "citation", "sp800_53r5")
	if err != nil {
		return err
	}
	olir, err := nistdata.Load80053(fs.SP80053)
	if err != nil {
		return fmt.Errorf("SP 800-53 crosswalk: %w", err)
	}
	iso := map[string][]string{}
	for _, o := range olir {
		if !o.Clause {
			iso[o.Control] = append(iso[o.Control], strings.TrimPrefix(o.ISO, "A."))
		}
	}
	drop, err := rejected(fs, "hipaa")
	if err != nil {
		return err
	}
	p := &problems{name: "hipaa_sp800-53r5.tsv"}
	var j joined
	covered := map[string]bool{}
	seen := map[[2]string]bool{}
	for _, r := range rows {
		req := "45 CFR " + r.f["citation"]
		c := r.f["sp800_53r5"]
		switch {
		case !d.has(req) || !strings.HasPrefix(r.f["citation"], "164.3"):
			p.add(r, "%s is not a Security Rule citation of hipaa.tsv", r.f["citation"])
			continue
		case !re80053.MatchString(c):
			p.add(r, "SP 800-53 control %q", c)
			continue
		case seen[[2]string{req, c}]:
			p.add(r, "pair given twice")
			continue
		}
		seen[[2]string{req, c}] = true
		covered[req] = true
		d.SP80053 = append(d.SP80053, [2]string{req, c})
		for _, ctl := range iso[c] {
			j.add(req, ctl, c)
		}
	}
	for _, r := range d.Requirements {
		if strings.HasPrefix(r.ID, "45 CFR 164.3") && !covered[r.ID] {
			p.errs = append(p.errs, fmt.Errorf("hipaa_sp800-53r5.tsv: %s has no SP 800-53 control", r.ID))
		}
	}
	used := map[string]bool{}
	for _, k := range j.order {
		key := strings.TrimPrefix(k[0], "45 CFR ") + " " + k[1]
		if drop[key] {
			used[key] = true
			continue
		}
		weak := true
		var v []string
		for _, c := range j.via[k] {
			weak = weak && rePolicy.MatchString(c)
			v = append(v, "SP 800-53 "+c)
		}
		d.Pairs = append(d.Pairs, Pair{Requirement: k[0], Control: k[1], Provenance: "Derived", Via: v, Weak: weak})
	}
	for key := range drop {
		if !used[key] {
			p.errs = append(p.errs, fmt.Errorf("rejected.tsv: the HIPAA pair %s is not derived", key))
		}
	}
	return errors.Join(p.errs...)
}

// deriveNIS2 groups ENISA's annex pairs by the Art. 21(2) points their
// annex sections cite.
func (d *Data) deriveNIS2(fs Files) error {
	rows, err := table("nis2_ir2024-2690_annex.tsv", fs.NIS2Annex, "annex_point", "art21_points", "control")
	if err != nil {
		return err
	}
	drop, err := rejected(fs, "nis2-annex")
	if err != nil {
		return err
	}
	p := &problems{name: "nis2_ir2024-2690_annex.tsv"}
	var j joined
	seen := map[string]bool{}
	for _, r := range rows {
		pt, ctl := r.f["annex_point"], r.f["control"]
		key := pt + " " + ctl
		switch {
		case !reAnnex.MatchString(pt):
			p.add(r, "annex point %q", pt)
			continue
		case !validControl(ctl):
			p.add(r, "control %q is not an Annex A 2022 control", ctl)
			continue
		case seen[key]:
			p.add(r, "pair given twice")
			continue
		case drop[key]:
			p.add(r, "pair %s is rejected (rejected.tsv) and must be left out", key)
			continue
		}
		seen[key] = true
		for _, pt21 := range strings.Fields(r.f["art21_points"]) {
			req := "NIS2 Art. " + pt21
			if !strings.HasPrefix(pt21, "21(2)(") || !d.has(req) {
				p.add(r, "%q is not a point of Art. 21(2)", pt21)
				continue
			}
			j.add(req, ctl, "2024/2690 Annex "+pt)
		}
	}
	for _, k := range j.order {
		d.Pairs = append(d.Pairs, Pair{Requirement: k[0], Control: k[1], Provenance: "Derived", Via: j.via[k]})
	}
	return errors.Join(p.errs...)
}

func (d *Data) loadEditorial(fs Files) error {
	rows, err := table("editorial.tsv", fs.Editorial, "regulation", "requirement", "control", "rationale")
	if err != nil {
		return err
	}
	p := &problems{name: "editorial.tsv"}
	have := map[string]bool{}
	for _, pr := range d.Pairs {
		have[pr.Requirement+" "+pr.Control] = true
	}
	prefix := map[string]string{"gdpr": "GDPR ", "hipaa": "45 CFR ", "nis2": "NIS2 Art. ", "dora": "DORA Art. "}
	for _, r := range rows {
		pre, ok := prefix[r.f["regulation"]]
		req := pre + r.f["requirement"]
		if rest, rts := strings.CutPrefix(r.f["requirement"], "RTS "); rts && r.f["regulation"] == "dora" {
			req = "DORA RTS Art. " + rest
		}
		switch {
		case !ok:
			p.add(r, "regulation %q", r.f["regulation"])
		case !d.has(req):
			p.add(r, "%s is not a requirement of %s", r.f["requirement"], r.f["regulation"])
		case !validControl(r.f["control"]):
			p.add(r, "control %q is not an Annex A 2022 control", r.f["control"])
		case strings.TrimSpace(r.f["rationale"]) == "":
			p.add(r, "the rationale is missing")
		case have[req+" "+r.f["control"]]:
			p.add(r, "%s %s is mapped twice", req, r.f["control"])
		default:
			have[req+" "+r.f["control"]] = true
			d.Pairs = append(d.Pairs, Pair{Requirement: req, Control: r.f["control"], Provenance: "Editorial", Rationale: r.f["rationale"]})
		}
	}
	return errors.Join(p.errs...)
}

// Generate returns the gofmt'ed source of soa/regulation's generated
// file zdata.go from the files of fs.
func Generate(fs Files) ([]byte, error) {
	d, err := Load(fs)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/regdata/cmd/genreg from internal/regdata/*.tsv; DO NOT EDIT.\n\npackage regulation\n\n")
	fmt.Fprintf(&b, "// requirementRows holds the %d requirements of the built-in regulations, in the order of the text:\n", len(d.Requirements))
	b.WriteString("// the GDPR articles, the HIPAA Security and Breach Notification Rules, NIS2 Art. 21(2) and 23, DORA Art. 19 and\n")
	b.WriteString("// Delegated Regulation (EU) 2025/301 Art. 5. Sources and licences: internal/regdata/README.md.\n")
	b.WriteString("var requirementRows = [...]requirementRow{\n")
	for _, r := range d.Requirements {
		fmt.Fprintf(&b, "\t{id: %q, title: %q, kind: %s, group: %q", r.ID, r.Title, r.Kind, r.Group)
		for _, f := range []struct{ name, v string }{{"parent", r.Parent}, {"summary", r.Summary}, {"deadline", r.Deadline}} {
			if f.v != "" {
				fmt.Fprintf(&b, ", %s: %q", f.name, f.v)
			}
		}
		if r.Security {
			b.WriteString(", security: true")
		}
		if r.Designation != "" {
			fmt.Fprintf(&b, ", designation: %s", r.Designation)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// mappingRows holds the %d pairs of a requirement and an ISO/IEC 27001:2022 Annex A control: derived\n", len(d.Pairs))
	b.WriteString("// (HIPAA through NIST SP 800-66r2 and SP 800-53; NIS2 Art. 21(2) through ENISA's mapping of the annex to\n")
	b.WriteString("// Implementing Regulation (EU) 2024/2690), then editorial (ismskit's, with the rationale).\n")
	b.WriteString("var mappingRows = [...]mappingRow{\n")
	for _, p := range d.Pairs {
		fmt.Fprintf(&b, "\t{req: %q, control: %q, prov: %s", p.Requirement, p.Control, p.Provenance)
		if p.Weak {
			b.WriteString(", weak: true")
		}
		if len(p.Via) > 0 {
			fmt.Fprintf(&b, ", via: %q", strings.Join(p.Via, ";"))
		}
		if p.Rationale != "" {
			fmt.Fprintf(&b, ", rationale: %q", p.Rationale)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// sp80053Rows holds the %d pairs of NIST SP 800-66r2's crosswalk of the HIPAA Security Rule to SP 800-53 Rev. 5.\n", len(d.SP80053))
	b.WriteString("var sp80053Rows = [...]sp80053Row{\n")
	for _, p := range d.SP80053 {
		fmt.Fprintf(&b, "\t{%q, %q},\n", p[0], p[1])
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
