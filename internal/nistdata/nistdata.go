package nistdata

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"go/format"
	"regexp"
	"strconv"
	"strings"
)

// The embedded source files.
var (
	//go:embed nist_sp800-53r5_to_iso27001_2022.tsv
	Data80053 []byte
	//go:embed nist_csf2.0_to_iso27001_2022.tsv
	DataCSF []byte
)

// Pair80053 is one line of the SP 800-53 crosswalk.
type Pair80053 struct {
	Control  string // "AC-2(1)"
	Raw      string // the spelling in NIST's file, "AC-02(01)"
	Baseline string // "Low", "Moderate", "High" or "Not Selected"
	ISO      string // "A.5.15" or "7.5.1"
	Clause   bool   // ISO is a clause of 4 to 10, not an Annex A control
}

// PairCSF is one line of the CSF 2.0 informative references.
type PairCSF struct {
	Element string // "GV", "GV.OC", "GV.OC-01"
	Level   string // "function", "category", "subcategory"
	ISO     string // "A.5.15", "6.1.2", or "" when the source names no element
	Clause  bool   // ISO is a clause (the source's "Mandatory Clause")
	Item    string // list item of the clause, "a" in 4.2(a)
	Note    string // a flagged oddity of the source
	Raw     string // the source line
}

var (
	reControl = regexp.MustCompile(`^[A-Z]{2}-[1-9][0-9]?(\([1-9][0-9]?\))?$`)
	reRaw     = regexp.MustCompile(`^[A-Z]{2}-[0-9]{2}(\([0-9]{2}\))?$`)
	reAnnexA  = regexp.MustCompile(`^A\.[5-8]\.[1-9][0-9]?$`)
	reClause  = regexp.MustCompile(`^([4-9]|10)(\.[1-9]){1,2}$|^([4-9]|10)$`)
	reCSF     = map[string]*regexp.Regexp{
		"function":    regexp.MustCompile(`^(GV|ID|PR|DE|RS|RC)$`),
		"category":    regexp.MustCompile(`^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}$`),
		"subcategory": regexp.MustCompile(`^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-[0-9]{2}$`),
	}
)

// tsv splits data into rows of n fields after checking the header.
func tsv(data []byte, header string, n int) ([][]string, error) {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], "\r") != header {
		return nil, fmt.Errorf("line 1: header is not %q", header)
	}
	var rows [][]string
	for i, l := range lines[1:] {
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if len(f) != n {
			return nil, fmt.Errorf("line %d: %d fields, want %d", i+2, len(f), n)
		}
		rows = append(rows, f)
	}
	return rows, nil
}

// Load80053 reads the SP 800-53 TSV and checks every line: well-formed
// IDs, a raw spelling that matches the control, a known baseline, an ISO
// reference of the kind the line says, no pair twice.
func Load80053(data []byte) ([]Pair80053, error) {
	rows, err := tsv(data, "sp800_53r5_control\tsp800_53r5_control_raw\tbaseline_column\tiso27001_2022_ref\tiso_ref_kind\talso_in_ciso_assistant", 6)
	if err != nil {
		return nil, err
	}
	var out []Pair80053
	var errs []error
	seen := map[[2]string]bool{}
	for i, f := range rows {
		line := i + 2
		p := Pair80053{Control: f[0], Raw: f[1], Baseline: f[2], ISO: f[3], Clause: f[4] == "clause"}
		switch {
		case !reControl.MatchString(p.Control):
			errs = append(errs, fmt.Errorf("line %d: control %q", line, p.Control))
		case !reRaw.MatchString(p.Raw) || normalize(p.Raw) != p.Control:
			errs = append(errs, fmt.Errorf("line %d: raw %q does not spell %q", line, p.Raw, p.Control))
		case p.Baseline != "Low" && p.Baseline != "Moderate" && p.Baseline != "High" && p.Baseline != "Not Selected":
			errs = append(errs, fmt.Errorf("line %d: baseline %q", line, p.Baseline))
		case f[4] != "clause" && f[4] != "annexA":
			errs = append(errs, fmt.Errorf("line %d: kind %q", line, f[4]))
		case p.Clause && !reClause.MatchString(p.ISO), !p.Clause && !reAnnexA.MatchString(p.ISO):
			errs = append(errs, fmt.Errorf("line %d: ISO reference %q is not a %s", line, p.ISO, f[4]))
		case seen[[2]string{p.Control, p.ISO}]:
			errs = append(errs, fmt.Errorf("line %d: pair %s %s given twice", line, p.Control, p.ISO))
		default:
			seen[[2]string{p.Control, p.ISO}] = true
			out = append(out, p)
		}
	}
	return out, errors.Join(errs...)
}

// normalize turns NIST's zero-padded "AC-02(01)" into "AC-2(1)".
func normalize(raw string) string {
	fam, rest, _ := strings.Cut(raw, "-")
	num, enh, hasEnh := strings.Cut(rest, "(")
	n, _ := strconv.Atoi(num)
	s := fam + "-" + strconv.Itoa(n)
	if hasEnh {
		e, _ := strconv.Atoi(strings.TrimSuffix(enh, ")"))
		s += "(" + strconv.Itoa(e) + ")"
	}
	return s
}

// LoadCSF reads the CSF 2.0 TSV and checks every line: an element ID of
// its level, an ISO reference of the kind the line says or, only with a
// note, none; no line twice.
func LoadCSF(data []byte) ([]PairCSF, error) {
	rows, err := tsv(data, "csf2_element\tcsf2_level\tiso_kind\tiso27001_2022_ref\tlist_item\tnote\traw_informative_reference_line", 7)
	if err != nil {
		return nil, err
	}
	var out []PairCSF
	var errs []error
	seen := map[string]bool{}
	for i, f := range rows {
		line := i + 2
		p := PairCSF{Element: f[0], Level: f[1], ISO: f[3], Clause: f[2] == "Mandatory Clause", Item: f[4], Note: f[5], Raw: f[6]}
		re := reCSF[p.Level]
		key := p.Element + "|" + p.ISO + "|" + p.Item + "|" + p.Raw
		switch {
		case re == nil || !re.MatchString(p.Element):
			errs = append(errs, fmt.Errorf("line %d: element %q is not a CSF %s", line, p.Element, p.Level))
		case f[2] != "Mandatory Clause" && f[2] != "Annex A Controls":
			errs = append(errs, fmt.Errorf("line %d: kind %q", line, f[2]))
		case p.ISO == "" && p.Note == "":
			errs = append(errs, fmt.Errorf("line %d: no ISO reference and no note saying why", line))
		case p.ISO != "" && p.Clause && !reClause.MatchString(p.ISO), p.ISO != "" && !p.Clause && !reAnnexA.MatchString(p.ISO):
			errs = append(errs, fmt.Errorf("line %d: ISO reference %q is not a %s", line, p.ISO, f[2]))
		case p.Item != "" && (len(p.Item) != 1 || p.Item[0] < 'a' || p.Item[0] > 'z' || !p.Clause):
			errs = append(errs, fmt.Errorf("line %d: list item %q", line, p.Item))
		case !strings.HasPrefix(p.Raw, "ISO/IEC 27001:2022: "+f[2]+":"):
			errs = append(errs, fmt.Errorf("line %d: raw line %q does not match kind %q", line, p.Raw, f[2]))
		case seen[key]:
			errs = append(errs, fmt.Errorf("line %d: given twice", line))
		default:
			seen[key] = true
			out = append(out, p)
		}
	}
	return out, errors.Join(errs...)
}

// Generate returns the gofmt'ed source of iso27002/nist's generated file
// zmappings.go from the two TSV files.
func Generate(data80053, dataCSF []byte) ([]byte, error) {
	sp, err := Load80053(data80053)
	if err != nil {
		return nil, fmt.Errorf("SP 800-53 TSV: %w", err)
	}
	csf, err := LoadCSF(dataCSF)
	if err != nil {
		return nil, fmt.Errorf("CSF TSV: %w", err)
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/nistdata/cmd/gennist from internal/nistdata/nist_sp800-53r5_to_iso27001_2022.tsv and nist_csf2.0_to_iso27001_2022.tsv; DO NOT EDIT.\n\npackage nist\n\n")
	fmt.Fprintf(&b, "// sp80053Rows holds the %d pairs of NIST's OLIR crosswalk of SP 800-53 Rev. 5 to ISO/IEC 27001:2022\n", len(sp))
	b.WriteString("// (sp800-53r5-to-iso-27001-mapping-2022-OLIR-2023-10-12-UPDATED.xlsx), in the source's order.\n")
	b.WriteString("var sp80053Rows = [...]sp80053Row{\n")
	baselines := map[string]string{"Low": "BaselineLow", "Moderate": "BaselineModerate", "High": "BaselineHigh", "Not Selected": "BaselineNotSelected"}
	for _, p := range sp {
		fmt.Fprintf(&b, "\t{%q, %q, %s},\n", p.Control, p.ISO, baselines[p.Baseline])
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// csfRows holds the %d ISO/IEC 27001:2022 informative references of the CSF 2.0 Core\n", len(csf))
	b.WriteString("// (CSF 2.0 Reference Tool export), in the source's order. An empty iso means the source names no element.\n")
	b.WriteString("var csfRows = [...]csfRow{\n")
	for _, p := range csf {
		item := "0"
		if p.Item != "" {
			item = strconv.QuoteRune(rune(p.Item[0]))
		}
		fmt.Fprintf(&b, "\t{%q, %q, %s, %q},\n", p.Element, p.ISO, item, p.Note)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
