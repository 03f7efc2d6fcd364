package risk

import (
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/iso27002"
)

// CSVColumns returns the keys of the columns of the CSV form of a risk
// table, in the order EncodeCSV writes them, as a fresh slice. EncodeCSV
// heads each column with words ("Business unit" for businessUnit,
// "Current likelihood (stated)" for currentLikelihood); DecodeCSV reads
// either the words or the keys. Lists are separated by ";" (assets,
// threats, vulnerabilities, properties, propertyImpacts as
// "confidentiality=4;integrity=3"); the controls column holds
// space-separated items "ID=status:likelihoodEffect:impactEffect", such
// as "8.13=implemented:50:0 acme:drill=planned:20:30". The current and
// residual columns are empty when the rating is computed, and the
// scoring columns when no score is kept.
//
// The treatment plan, approvals, acceptances and extensions have no
// column: they live in the JSON form only.
func CSVColumns() []string { return slices.Clone(csvColumns) }

// csvHeadings are the headings EncodeCSV writes, one per csvColumns.
var csvHeadings = []string{
	"ID", "Title", "Description", "Owner", "Business unit",
	"Assets", "Threats", "Vulnerabilities", "Properties",
	"Likelihood", "Impact", "Impact per property", "Controls",
	"Current likelihood (stated)", "Current impact (stated)", "Residual likelihood (stated)", "Residual impact (stated)",
	"Treatment", "Treatment rationale", "Shared with",
	"Scoring method", "Scoring version", "Scoring vector", "Score", "Scoring severity",
}

// computedHeadings are the columns EncodeRegisterCSV adds after those of
// EncodeCSV: the ratings computed with the register's criteria, which
// DecodeCSV skips.
var computedHeadings = []string{
	"Inherent level", "Inherent rating", "Current level", "Current rating",
	"Residual level", "Residual rating", "Acceptance limit", "Residual above limit",
}

var csvColumns = []string{
	"id", "title", "description", "owner", "businessUnit",
	"assets", "threats", "vulnerabilities", "properties",
	"likelihood", "impact", "propertyImpacts", "controls",
	"currentLikelihood", "currentImpact", "residualLikelihood", "residualImpact",
	"treatment", "treatmentRationale", "sharedWith",
	"scoringMethod", "scoringVersion", "scoringVector", "scoringScore", "scoringSeverity",
}

// EncodeCSV writes the risks as CSV with a header row naming the
// columns of CSVColumns in words ("ID", "Business unit", "Impact per
// property", "Residual likelihood (stated)"...). Reading the output back with DecodeCSV gives the same risks for
// every field that has a column. A value that could not be read back
// unchanged (a list item that is empty, holds ";" or surrounding
// spaces, an unknown enum value) is an error
// wrapping ErrNotEncodable at "risks[i].field"; all are reported and no
// output is returned.
//
// The output is safe to open in a spreadsheet: a cell that begins with
// "=", "+", "-", "@", a tab, a carriage return or NUL, which a
// spreadsheet would run as a formula ("CSV injection", as OWASP names
// it), is written with an apostrophe in front, which spreadsheets read as
// "text" and do not show; so is a cell that begins with an apostrophe,
// so that DecodeCSV can tell the two apart. DecodeCSV takes the
// apostrophe off again.
func EncodeCSV(risks []Risk) ([]byte, error) {
	return encodeCSV(risks, nil, nil)
}

// EncodeRegisterCSV writes the risks of reg as EncodeCSV does, and adds
// to each row the ratings computed with the register's criteria (see
// AssessRegister), in words: "Inherent level" ("High"), "Inherent
// rating" ("L3 I5"), the same for the current and residual stages,
// "Acceptance limit" ("Medium") and "Residual above limit" ("Yes" or
// "No"). DecodeCSV reads the output back to the same risks as EncodeCSV's
// and skips the computed columns: they are for the reader, and an edit of
// the likelihood in a spreadsheet does not have to update them. A
// register that cannot be assessed is AssessRegister's error, and values
// that CSV cannot carry are EncodeCSV's; no output is returned then.
func EncodeRegisterCSV(reg Register) ([]byte, error) {
	as, err := AssessRegister(reg)
	if err != nil {
		return nil, err
	}
	label := func(id string) string {
		lv, _ := reg.Criteria.Level(id)
		return lv.Label
	}
	rating := func(r Rating) string { return cellText(r.Likelihood, r.Impact) }
	extra := make([][]string, len(as))
	for i, a := range as {
		above := "No"
		if a.AboveCriteria() {
			above = "Yes"
		}
		extra[i] = []string{label(a.Inherent.Level), rating(a.Inherent), label(a.Current.Level), rating(a.Current),
			label(a.Residual.Level), rating(a.Residual), label(a.Limit), above}
	}
	return encodeCSV(reg.Risks, computedHeadings, extra)
}

// encodeCSV writes the risks, each row followed by its cells of extra
// under the headings more.
func encodeCSV(risks []Risk, more []string, extra [][]string) ([]byte, error) {
	out := table.AppendCSVRecord(nil, append(slices.Clone(csvHeadings), more...))
	var l fielderr.List
	for i := range risks {
		r := &risks[i]
		var rl fielderr.List
		row := encodeRow(&rl, r)
		if err := rl.Err(); err != nil {
			l.AddItem(fielderr.Index("risks", i), r.ID, err)
			continue
		}
		if i < len(extra) {
			row = append(row, extra[i]...)
		}
		for j := range row {
			row[j] = table.DefuseFormula(row[j])
		}
		out = table.AppendCSVRecord(out, row)
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// csvListItem reports whether a list item can stand in a CSV cell and be
// read back as it was: not empty, one line, no ';', no surrounding space.
// EncodeCSV refuses any other item, so DecodeCSV refuses it too.
func csvListItem(it string) bool {
	return it != "" && !strings.Contains(it, ";") && strings.TrimSpace(it) == it && !strings.ContainsAny(it, "\r\n")
}

func encodeRow(l *fielderr.List, r *Risk) []string {
	list := func(path string, items []string) string {
		for j, it := range items {
			if !csvListItem(it) {
				l.Add(fielderr.Index(path, j), errf(ismskit.ErrNotEncodable, "list item %q is empty, holds ';' or a line break, or has surrounding spaces", it))
			}
		}
		return strings.Join(items, ";")
	}
	num := func(v int) string {
		if v == 0 {
			return ""
		}
		return strconv.Itoa(v)
	}
	props := make([]string, len(r.Properties))
	for j, p := range r.Properties {
		if !p.IsValid() {
			l.Add(fielderr.Index("properties", j), errf(ismskit.ErrNotEncodable, "%q is not a property", string(p)))
		}
		props[j] = string(p)
	}
	pis := make([]string, len(r.PropertyImpacts))
	for j, pi := range r.PropertyImpacts {
		if !pi.Property.IsValid() {
			l.Add(fielderr.Index("propertyImpacts", j)+".property", errf(ismskit.ErrNotEncodable, "%q is not a property", string(pi.Property)))
		}
		pis[j] = string(pi.Property) + "=" + strconv.Itoa(pi.Impact)
	}
	ctrls := make([]string, len(r.Controls))
	for j, c := range r.Controls {
		p := fielderr.Index("controls", j)
		if !c.Control.IsValid() {
			l.Add(p+".control", errf(ismskit.ErrNotEncodable, "no control ID"))
		}
		if !c.Status.IsValid() {
			l.Add(p+".status", errf(ismskit.ErrNotEncodable, "%q is not a control status", string(c.Status)))
		}
		ctrls[j] = c.Control.String() + "=" + string(c.Status) + ":" + strconv.Itoa(c.LikelihoodEffect) + ":" + strconv.Itoa(c.ImpactEffect)
	}
	var cl, ci, rl, ri string
	if e := r.Current; e != nil {
		cl, ci = strconv.Itoa(e.Likelihood), strconv.Itoa(e.Impact)
	}
	if e := r.Residual; e != nil {
		rl, ri = strconv.Itoa(e.Likelihood), strconv.Itoa(e.Impact)
	}
	if o := r.Treatment.Option; o != "" && !o.IsValid() {
		l.Add("treatment.option", errf(ismskit.ErrNotEncodable, "%q is not a treatment option", string(o)))
	}
	var sm, sv, svec, ss, ssev string
	if s := r.Scoring; s != nil {
		sm, sv, svec, ssev = s.Method, s.Version, s.Vector, s.Severity
		ss = strconv.FormatFloat(s.Score, 'g', -1, 64)
		if math.IsNaN(s.Score) || math.IsInf(s.Score, 0) {
			l.Add("scoring.score", errf(ismskit.ErrNotEncodable, "score %v is not a finite number", s.Score))
		}
	}
	return []string{
		r.ID, r.Title, r.Description, r.Owner, r.BusinessUnit,
		list("assets", r.Assets), list("threats", r.Threats), list("vulnerabilities", r.Vulnerabilities), strings.Join(props, ";"),
		num(r.Likelihood), num(r.Impact), strings.Join(pis, ";"), strings.Join(ctrls, " "),
		cl, ci, rl, ri,
		string(r.Treatment.Option), r.Treatment.Rationale, r.Treatment.SharedWith,
		sm, sv, svec, ss, ssev,
	}
}

// DecodeCSV reads a risk table written in the form of CSVColumns.
// The header row names the columns, by their keys ("businessUnit") or
// their headings as EncodeCSV writes them ("Business unit", in any
// case), in any order and any subset, but "id" is required and an
// unknown or repeated column is an error; a leading UTF-8 byte order
// mark is skipped. The columns of computed ratings that
// EncodeRegisterCSV adds ("Residual level"...) are skipped. Every problem is a
// *ismskit.Error at "rows[i].column" (rows[0] is the first line after the
// header) wrapping ismskit.ErrSyntax, ErrUnknownValue or, for control IDs, the
// iso27002 parse error; all are joined and no risks are returned. It
// does not validate the risks against a register; see
// Register.Validate.
//
// A cell that begins with an apostrophe followed by "=", "+", "-", "@", a
// tab, a carriage return, NUL or another apostrophe is read without that
// apostrophe, which EncodeCSV puts there against formula injection; any
// other cell, one that begins with an apostrophe and a letter included,
// is read as it is.
func DecodeCSV(data []byte, opts ...ismskit.DecodeOption) ([]Risk, error) {
	if max := ismskit.LimitsOf(opts...).MaxBytes; max >= 0 && int64(len(data)) > max {
		return nil, codec.TooLarge(max)
	}
	records, err := table.ReadCSV(data)
	if err != nil {
		return nil, &ismskit.Error{Err: errf(ismskit.ErrSyntax, "%v", err)}
	}
	if len(records) == 0 {
		return nil, &ismskit.Error{Err: errf(ismskit.ErrSyntax, "no header row")}
	}
	header := records[0]
	known := make(map[string]string, 2*len(csvColumns)+len(computedHeadings))
	for i, c := range csvColumns {
		known[c] = c
		known[strings.ToLower(csvHeadings[i])] = c
	}
	for _, h := range computedHeadings {
		known[strings.ToLower(h)] = ""
	}
	col := map[string]int{}
	skipped := map[string]bool{}
	var l fielderr.List
	for j, name := range header {
		p := fielderr.Index("header", j)
		norm := strings.ToLower(strings.TrimSpace(name))
		key, ok := known[name]
		if !ok {
			key, ok = known[norm]
		}
		_, seen := col[key]
		switch {
		case !ok:
			l.Add(p, errf(ismskit.ErrSyntax, "unknown column %q", name))
		case key == "" && skipped[norm]:
			l.Add(p, errf(ismskit.ErrSyntax, "column %q given twice", name))
		case key == "":
			skipped[norm] = true
		case seen:
			l.Add(p, errf(ismskit.ErrSyntax, "column %q given twice", name))
		default:
			col[key] = j
		}
	}
	if _, ok := col["id"]; !ok {
		l.Add("header", errf(ismskit.ErrSyntax, "no id column"))
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	risks := make([]Risk, 0, len(records)-1)
	for i, rec := range records[1:] {
		p := fielderr.Index("rows", i)
		if len(rec) != len(header) {
			id := ""
			if j := col["id"]; j < len(rec) {
				id = rec[j]
			}
			l.AddItem(p, id, errf(ismskit.ErrSyntax, "%d fields, the header has %d", len(rec), len(header)))
			continue
		}
		for j := range rec {
			rec[j] = table.RestoreFormula(rec[j])
		}
		var rl fielderr.List
		r := decodeRow(&rl, rec, col)
		if err := rl.Err(); err != nil {
			l.AddItem(p, r.ID, err)
			continue
		}
		risks = append(risks, r)
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return risks, nil
}

func decodeRow(l *fielderr.List, rec []string, col map[string]int) Risk {
	get := func(name string) string {
		if j, ok := col[name]; ok {
			return rec[j]
		}
		return ""
	}
	num := func(name string) int {
		s := get(name)
		if s == "" {
			return 0
		}
		v, err := strconv.Atoi(s)
		if err != nil {
			l.Add(name, errf(ismskit.ErrSyntax, "%q is not a whole number", s))
		}
		return v
	}
	list := func(name string) []string {
		s := get(name)
		if s == "" {
			return nil
		}
		parts := strings.Split(s, ";")
		for j := range parts {
			parts[j] = strings.TrimSpace(parts[j])
			// Split and trimmed, an item can only be empty or hold a
			// line break.
			switch {
			case parts[j] == "":
				l.Add(fielderr.Index(name, j), errf(ismskit.ErrSyntax, "empty list item"))
			case !csvListItem(parts[j]):
				l.Add(fielderr.Index(name, j), errf(ismskit.ErrSyntax, "list item %q holds a line break", parts[j]))
			}
		}
		return parts
	}
	r := Risk{
		ID: get("id"), Title: get("title"), Description: get("description"),
		Owner: get("owner"), BusinessUnit: get("businessUnit"),
		Assets: list("assets"), Threats: list("threats"), Vulnerabilities: list("vulnerabilities"),
		Likelihood: num("likelihood"), Impact: num("impact"),
	}
	for j, s := range list("properties") {
		p, err := ParseProperty(s)
		if err != nil {
			l.Add(fielderr.Index("properties", j), err)
		}
		r.Properties = append(r.Properties, p)
	}
	for j, s := range list("propertyImpacts") {
		name, val, ok := strings.Cut(s, "=")
		p, err := ParseProperty(name)
		if err != nil {
			l.Add(fielderr.Index("propertyImpacts", j), err)
		}
		v, nerr := strconv.Atoi(val)
		if !ok || nerr != nil {
			l.Add(fielderr.Index("propertyImpacts", j), errf(ismskit.ErrSyntax, "%q is not property=impact", s))
		}
		r.PropertyImpacts = append(r.PropertyImpacts, PropertyImpact{Property: p, Impact: v})
	}
	for j, item := range strings.Fields(get("controls")) {
		c, err := parseControlItem(item)
		if err != nil {
			l.Add(fielderr.Index("controls", j), err)
		}
		r.Controls = append(r.Controls, c)
	}
	if get("currentLikelihood") != "" || get("currentImpact") != "" {
		r.Current = &Estimate{Likelihood: num("currentLikelihood"), Impact: num("currentImpact")}
	}
	if get("residualLikelihood") != "" || get("residualImpact") != "" {
		r.Residual = &Estimate{Likelihood: num("residualLikelihood"), Impact: num("residualImpact")}
	}
	if s := get("treatment"); s != "" {
		o, err := ParseTreatmentOption(s)
		if err != nil {
			l.Add("treatment", err)
		}
		r.Treatment.Option = o
	}
	r.Treatment.Rationale = get("treatmentRationale")
	r.Treatment.SharedWith = get("sharedWith")
	if get("scoringMethod") != "" || get("scoringVersion") != "" || get("scoringVector") != "" || get("scoringScore") != "" || get("scoringSeverity") != "" {
		s := &ScoreRecord{Method: get("scoringMethod"), Version: get("scoringVersion"), Vector: get("scoringVector"), Severity: get("scoringSeverity")}
		if v := get("scoringScore"); v != "" {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				l.Add("scoringScore", errf(ismskit.ErrSyntax, "%q is not a finite number", v))
			}
			s.Score = f
		}
		r.Scoring = s
	}
	return r
}

// parseControlItem parses "ID=status:likelihoodEffect:impactEffect".
// The ID is everything before the last '=', so custom IDs may hold '='.
func parseControlItem(item string) (AppliedControl, error) {
	bad := func(why string) (AppliedControl, error) {
		return AppliedControl{}, errf(ismskit.ErrSyntax, "control %q: %s (want ID=status:likelihoodEffect:impactEffect)", item, why)
	}
	k := strings.LastIndexByte(item, '=')
	if k < 0 {
		return bad("no '='")
	}
	id, err := iso27002.Parse(item[:k])
	if err != nil {
		return AppliedControl{}, err
	}
	parts := strings.Split(item[k+1:], ":")
	if len(parts) != 3 {
		return bad("want three fields after '='")
	}
	st, err := ParseControlStatus(parts[0])
	if err != nil {
		return AppliedControl{}, err
	}
	le, err1 := strconv.Atoi(parts[1])
	ie, err2 := strconv.Atoi(parts[2])
	if err := errors.Join(err1, err2); err != nil {
		return bad("effects must be whole numbers")
	}
	return AppliedControl{Control: id, Status: st, LikelihoodEffect: le, ImpactEffect: ie}, nil
}

// ReadCSV reads a CSV table from r, never past the byte limit, and
// decodes it as DecodeCSV does.
func ReadCSV(r io.Reader, opts ...ismskit.DecodeOption) ([]Risk, error) {
	return codec.Read(r, opts, DecodeCSV)
}

// WriteCSV writes the CSV table of risks to w, as EncodeCSV returns it.
func WriteCSV(w io.Writer, risks []Risk) error {
	if w == nil {
		return &ismskit.Error{Err: errf(ismskit.ErrMissing, "no writer")}
	}
	b, err := EncodeCSV(risks)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
