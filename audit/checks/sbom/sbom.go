package sbom

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

// File is the name under which the checks read the SBOM from an evidence
// folder.
const File = "sbom.cdx.json"

// DecodeBOM reads a CycloneDX SBOM in JSON (specification 1.2 to 1.7)
// with github.com/CycloneDX/cyclonedx-go. Keys the library does not know
// are skipped, as CycloneDX allows. Problems are *ismskit.Error values: a
// document that is not CycloneDX (bomFormat) or of a specification
// version the library does not know is checks.ErrSchemaVersion;
// malformed JSON is ismskit.ErrSyntax with its byte Offset; a value of
// the wrong JSON type is ismskit.ErrType at its path; nesting deeper
// than the limit of opts is ismskit.ErrTooDeep, and an input over the
// byte limit ismskit.ErrTooLarge.
func DecodeBOM(data []byte, opts ...ismskit.DecodeOption) (*cdx.BOM, error) {
	lim := ismskit.LimitsOf(opts...)
	if lim.MaxBytes >= 0 && int64(len(data)) > lim.MaxBytes {
		return nil, codec.TooLarge(lim.MaxBytes)
	}
	if err := checkDepth(data, lim.MaxDepth); err != nil {
		return nil, err
	}
	var head struct {
		BOMFormat   *string         `json:"bomFormat"`
		SpecVersion json.RawMessage `json:"specVersion"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(err)
	}
	if head.BOMFormat == nil || *head.BOMFormat != cdx.BOMFormat {
		got := "none"
		if head.BOMFormat != nil {
			got = fmt.Sprintf("%q", clip(*head.BOMFormat))
		}
		return nil, &ismskit.Error{Path: "bomFormat", Err: fielderr.Errorf(checks.ErrSchemaVersion, "bomFormat is %s; want %q", got, cdx.BOMFormat)}
	}
	bom := new(cdx.BOM)
	if err := json.Unmarshal(data, bom); err != nil {
		if errors.Is(err, cdx.ErrInvalidSpecVersion) {
			return nil, &ismskit.Error{Path: "specVersion", Err: fielderr.Errorf(checks.ErrSchemaVersion,
				"specification version %s is not one the CycloneDX library reads (1.0 to 1.7)", clip(string(head.SpecVersion)))}
		}
		return nil, jsonError(err)
	}
	if bom.SpecVersion < cdx.SpecVersion1_2 {
		return nil, &ismskit.Error{Path: "specVersion", Err: fielderr.Errorf(checks.ErrSchemaVersion,
			"specification version %s has no JSON form; want 1.2 or later", bom.SpecVersion)}
	}
	return bom, nil
}

// ReadBOM reads an SBOM from r, never past the byte limit of opts, and
// decodes it as DecodeBOM does.
func ReadBOM(r io.Reader, opts ...ismskit.DecodeOption) (*cdx.BOM, error) {
	return codec.Read(r, opts, DecodeBOM)
}

// jsonError turns an error of encoding/json into an *ismskit.Error.
func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return &ismskit.Error{Offset: se.Offset, Err: fielderr.Errorf(ismskit.ErrSyntax, "offset %d: %v", se.Offset, se)}
	case errors.As(err, &te):
		return &ismskit.Error{Path: te.Field, Offset: te.Offset, Err: fielderr.Errorf(ismskit.ErrType, "want %s, got %s", te.Type, te.Value)}
	}
	return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrSyntax, "%v", err)}
}

// checkDepth reports JSON nested deeper than max (no limit for max < 0),
// before encoding/json recurses into it.
func checkDepth(data []byte, max int) error {
	if max < 0 {
		return nil
	}
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
			if depth > max {
				return &ismskit.Error{Offset: int64(i), Err: fielderr.Errorf(ismskit.ErrTooDeep, "offset %d: nested deeper than %d", i, max)}
			}
		case ']', '}':
			depth--
		}
	}
	return nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// Components returns every component of the BOM, nested ones included,
// depth first in document order; the component the BOM describes
// (metadata.component) is not among them. A nil BOM has none.
func Components(bom *cdx.BOM) []cdx.Component {
	if bom == nil || bom.Components == nil {
		return nil
	}
	var out []cdx.Component
	var walk func([]cdx.Component)
	walk = func(cs []cdx.Component) {
		for _, c := range cs {
			out = append(out, c)
			if c.Components != nil {
				walk(*c.Components)
			}
		}
	}
	walk(*bom.Components)
	return out
}

// name returns how a failure names a component: group/name@version, or
// its bom-ref or package URL when it has no name.
func name(c cdx.Component) string {
	n := c.Name
	if c.Group != "" {
		n = c.Group + "/" + n
	}
	if n == "" {
		n = c.BOMRef
	}
	if n == "" {
		n = c.PackageURL
	}
	if n == "" {
		n = "(unnamed component)"
	}
	if c.Version != "" {
		n += "@" + c.Version
	}
	return n
}

// hasSupplier reports whether the component names its supplier.
func hasSupplier(c cdx.Component) bool {
	s := c.Supplier
	return s != nil && (strings.TrimSpace(s.Name) != "" || s.URL != nil && len(*s.URL) > 0)
}

// Inventory is the check sbom-inventory: every component of the SBOM has
// a version and names its supplier, so that the inventory of software
// assets can be kept and traced (ISO/IEC 27002:2022 5.9 inventory of
// information and other associated assets, 5.21 managing information
// security in the ICT supply chain). Its population is every component,
// nested ones included; one fails when it has no version or no supplier
// (a supplier with a name or a URL). The zero value is the check.
type Inventory struct{}

// Definition describes the check.
func (Inventory) Definition() checks.Definition {
	return checks.Definition{
		ID:         "sbom-inventory",
		Title:      "Every component of the SBOM has a version and a supplier",
		Population: "components of the CycloneDX SBOM",
		Controls:   []iso27002.ControlID{iso27002.MustParse("5.9"), iso27002.MustParse("5.21")},
		Inputs:     []string{File},
		Frequency:  checks.Monthly,
	}
}

// Check decodes the SBOM of files and evaluates it.
func (c Inventory) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*checks.Result, error) {
	bom, err := DecodeBOM(files[File], opts...)
	if err != nil {
		return nil, err
	}
	return c.Evaluate(bom, asOf), nil
}

// Evaluate runs the check on a decoded SBOM as of asOf.
func (c Inventory) Evaluate(bom *cdx.BOM, asOf ismskit.Date) *checks.Result {
	res := checks.NewResult(c.Definition(), asOf)
	for _, comp := range Components(bom) {
		res.Total++
		var why []string
		if strings.TrimSpace(comp.Version) == "" {
			why = append(why, "no version")
		}
		if !hasSupplier(comp) {
			why = append(why, "no supplier")
		}
		if len(why) > 0 {
			res.Fail(name(comp), strings.Join(why, ", "))
		}
	}
	return res
}

// Vulnerable is the check sbom-vulnerable-components: the components of
// the SBOM carry no known vulnerability of the severities counted (high
// and critical by default), matching each component against the Trivy
// report of the same artifact (ISO/IEC 27002:2022 8.8 management of
// technical vulnerabilities, 5.21). Its population is every component
// with a version; a component matches a finding by package URL (without
// qualifiers) or by name and version, and fails when the report lists a
// vulnerability of those severities for it. Packages the report finds
// vulnerable that the SBOM does not list are given as notes: the
// inventory is incomplete.
type Vulnerable struct {
	// Severities counted; empty means high and critical.
	Severities []checks.Severity `json:"severities,omitempty"`
}

func (c Vulnerable) severities() []checks.Severity {
	if len(c.Severities) == 0 {
		return []checks.Severity{checks.SeverityHigh, checks.SeverityCritical}
	}
	return c.Severities
}

// Definition describes the check.
func (c Vulnerable) Definition() checks.Definition {
	codes := make([]string, 0, len(c.severities()))
	for _, s := range c.severities() {
		b, _ := s.MarshalText()
		codes = append(codes, string(b))
	}
	return checks.Definition{
		ID:         "sbom-vulnerable-components",
		Title:      "No component of the SBOM has a known vulnerability of the severities counted",
		Population: "components of the CycloneDX SBOM with a version",
		Controls:   []iso27002.ControlID{iso27002.MustParse("5.21"), iso27002.MustParse("8.8")},
		Inputs:     []string{File, checks.TrivyFile},
		Frequency:  checks.Weekly,
		Parameters: []checks.Parameter{{Name: "severities", Value: strings.Join(codes, ",")}},
	}
}

// Check decodes the SBOM and the Trivy report of files and evaluates
// them. Problems are placed under their file
// (files["sbom.cdx.json"].specVersion).
func (c Vulnerable) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*checks.Result, error) {
	bom, err := DecodeBOM(files[File], opts...)
	if err != nil {
		return nil, fielderr.Prefix(fielderr.Key("files", File), err)
	}
	rep, err := checks.DecodeTrivyReport(files[checks.TrivyFile], opts...)
	if err != nil {
		return nil, fielderr.Prefix(fielderr.Key("files", checks.TrivyFile), err)
	}
	return c.Evaluate(bom, rep, asOf), nil
}

// purlKey is a package URL without its qualifiers and subpath.
func purlKey(p string) string {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		return p[:i]
	}
	return p
}

// Evaluate runs the check on a decoded SBOM and Trivy report as of asOf.
func (c Vulnerable) Evaluate(bom *cdx.BOM, rep checks.TrivyReport, asOf ismskit.Date) *checks.Result {
	res := checks.NewResult(c.Definition(), asOf)
	byKey := map[string][]string{}
	for k, v := range checks.VulnerabilitiesOf(rep, c.severities()...) {
		if strings.HasPrefix(k, "pkg:") {
			k = purlKey(k)
		}
		for _, d := range v {
			if !slices.Contains(byKey[k], d) {
				byKey[k] = append(byKey[k], d)
			}
		}
	}
	listed := map[string]bool{}
	for _, comp := range Components(bom) {
		if strings.TrimSpace(comp.Version) == "" {
			continue
		}
		res.Total++
		keys := []string{comp.Name + "@" + comp.Version}
		if comp.Group != "" {
			keys = append(keys, comp.Group+"/"+comp.Name+"@"+comp.Version)
		}
		if comp.PackageURL != "" {
			keys = append(keys, purlKey(comp.PackageURL))
		}
		var found []string
		for _, k := range keys {
			listed[k] = true
			for _, d := range byKey[k] {
				if !slices.Contains(found, d) {
					found = append(found, d)
				}
			}
		}
		if len(found) > 0 {
			res.Fail(name(comp), strings.Join(found, "; "))
		}
	}
	// Findings for packages the SBOM does not list, in report order.
	seen := map[string]bool{}
	for _, r := range rep.Results {
		for _, v := range r.Vulnerabilities {
			if !slices.Contains(c.severities(), v.Severity) {
				continue
			}
			nv := v.PkgName + "@" + v.InstalledVersion
			if listed[nv] || v.PURL != "" && listed[purlKey(v.PURL)] || seen[nv] {
				continue
			}
			seen[nv] = true
			res.Notes = append(res.Notes, fmt.Sprintf("the Trivy report finds %s in %s, which the SBOM does not list", v.VulnerabilityID, nv))
		}
	}
	return res
}

// Checks returns the two checks of the package with their default
// options, for checks.Registry.With:
//
//	reg, err := checks.Builtin().With(sbom.Checks()...)
func Checks() []checks.Check {
	return []checks.Check{Inventory{}, Vulnerable{}}
}
