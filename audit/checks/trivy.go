package checks

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

// TrivyFile is the name under which the checks read a Trivy report from
// an evidence folder.
const TrivyFile = "trivy.json"

// TrivySchemaVersion is the version of Trivy's JSON report that
// DecodeTrivyReport reads: the SchemaVersion field that Trivy has
// written since v0.20.
const TrivySchemaVersion = 2

// TrivyReport is the part of a Trivy JSON report (schema version 2) that
// the checks read: the scanned artifact and, per result (a target: an OS
// package database, a lock file, a binary), the vulnerabilities found.
// Fields keep Trivy's meaning; the JSON keys of this type are ismskit's
// (lowerCamelCase), while DecodeTrivyReport reads Trivy's own. The zero
// value is an empty report.
type TrivyReport struct {
	// SchemaVersion of the report; 2.
	SchemaVersion int `json:"schemaVersion"`
	// ArtifactName is what was scanned (an image reference, a path).
	ArtifactName string `json:"artifactName,omitempty"`
	// ArtifactType is its kind ("container_image", "filesystem").
	ArtifactType string `json:"artifactType,omitempty"`
	// Results has one entry per scanned target.
	Results []TrivyResult `json:"results,omitempty"`
}

// TrivyResult is the scan of one target. The zero value is empty.
type TrivyResult struct {
	// Target is what was scanned ("app/package-lock.json", "nimbus/api
	// (debian 12.7)").
	Target string `json:"target"`
	// Class is Trivy's class of target ("os-pkgs", "lang-pkgs").
	Class string `json:"class,omitempty"`
	// Type is the package ecosystem ("debian", "npm", "gomod").
	Type string `json:"type,omitempty"`
	// Vulnerabilities found in the target.
	Vulnerabilities []TrivyVulnerability `json:"vulnerabilities,omitempty"`
}

// TrivyVulnerability is one finding: a vulnerability of an installed
// package. The zero value is empty.
type TrivyVulnerability struct {
	// VulnerabilityID is the advisory ("CVE-2024-6387", "GHSA-...").
	VulnerabilityID string `json:"vulnerabilityId"`
	// PkgName is the affected package.
	PkgName string `json:"pkgName"`
	// PURL is the package URL of the affected package
	// (PkgIdentifier.PURL), when Trivy gives it.
	PURL string `json:"purl,omitempty"`
	// InstalledVersion is the version found.
	InstalledVersion string `json:"installedVersion"`
	// FixedVersion lists the versions that fix it; empty when there is
	// no fix yet.
	FixedVersion string `json:"fixedVersion,omitempty"`
	// Status is Trivy's status of the fix ("fixed", "affected",
	// "will_not_fix").
	Status string `json:"status,omitempty"`
	// Severity as Trivy rates it.
	Severity Severity `json:"severity"`
	// Title of the advisory.
	Title string `json:"title,omitempty"`
	// PrimaryURL is the advisory's page.
	PrimaryURL string `json:"primaryUrl,omitempty"`
}

// DecodeTrivyReport reads a Trivy JSON report of schema version 2 (the
// output of trivy image|fs|repo --format json). Keys it does not need
// are skipped, as Trivy adds fields with each release, but the whole
// input must be well-formed JSON.
//
// Problems are *ismskit.Error values with the path in Trivy's key names
// ("Results[0].Vulnerabilities[3].Severity"): a report of another schema
// version, or the top-level array of version 1, is ErrSchemaVersion; a
// value of the wrong JSON type is ismskit.ErrType; a vulnerability
// without VulnerabilityID, PkgName or Severity is ismskit.ErrMissing; a
// severity other than UNKNOWN, LOW, MEDIUM, HIGH or CRITICAL is
// ismskit.ErrUnknownValue; malformed JSON (ismskit.ErrSyntax, with the
// byte Offset), nesting over the depth limit (ismskit.ErrTooDeep), data
// after the document (ismskit.ErrTrailingData) and an input over the
// byte limit (ismskit.ErrTooLarge) stop the decoding. Problems are
// reported up to the problem limit of opts, joined.
func DecodeTrivyReport(data []byte, opts ...ismskit.DecodeOption) (TrivyReport, error) {
	return decodeTrivy(data, opts, false)
}

// decodeTrivy is DecodeTrivyReport; lean leaves out the fields the checks
// do not read (Title, PrimaryURL, Status, PURL), checking their syntax
// only.
func decodeTrivy(data []byte, opts []ismskit.DecodeOption, lean bool) (TrivyReport, error) {
	lim := ismskit.LimitsOf(opts...)
	if lim.MaxBytes >= 0 && int64(len(data)) > lim.MaxBytes {
		return TrivyReport{}, codec.TooLarge(lim.MaxBytes)
	}
	s := newJSONScanner(data, lim)
	s.lean = lean
	l := fielderr.List{Max: lim.MaxProblems}
	var rep TrivyReport
	version := false
	switch c := s.peek(); c {
	case '{':
	case '[':
		return TrivyReport{}, &ismskit.Error{Err: fielderr.Errorf(ErrSchemaVersion,
			"the report is a JSON array, the form of Trivy's schema version 1; want an object with \"SchemaVersion\": %d (Trivy v0.20 or later)", TrivySchemaVersion)}
	case 0:
		return TrivyReport{}, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrSyntax, "empty input: no JSON document")}
	default:
		s.skip()
		if s.err != nil {
			return TrivyReport{}, s.err
		}
		return TrivyReport{}, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrType, "want a JSON object, got %s", kind(c))}
	}
	s.openObject()
	for key, ok := s.key(true); ok; key, ok = s.key(false) {
		switch string(key) {
		case "SchemaVersion":
			v, ok := s.integer(&l, "SchemaVersion")
			if ok {
				version = true
				rep.SchemaVersion = v
				if v != TrivySchemaVersion {
					l.Add("SchemaVersion", fielderr.Errorf(ErrSchemaVersion, "schema version %d; this decoder reads version %d", v, TrivySchemaVersion))
				}
			}
		case "ArtifactName":
			rep.ArtifactName = s.text(&l, func() string { return "ArtifactName" })
		case "ArtifactType":
			rep.ArtifactType = s.text(&l, func() string { return "ArtifactType" })
		case "Results":
			rep.Results = s.trivyResults(&l)
		default:
			s.skip()
		}
	}
	s.end()
	if s.err != nil {
		return TrivyReport{}, s.err
	}
	if !version && l.Len() == 0 {
		l.Add("SchemaVersion", fielderr.Errorf(ismskit.ErrMissing, "no SchemaVersion: not a Trivy JSON report of schema version %d", TrivySchemaVersion))
	}
	if err := l.Err(); err != nil {
		return TrivyReport{}, err
	}
	return rep, nil
}

// ReadTrivyReport reads a Trivy report from r, never past the byte limit
// of opts, and decodes it as DecodeTrivyReport does.
func ReadTrivyReport(r io.Reader, opts ...ismskit.DecodeOption) (TrivyReport, error) {
	return codec.Read(r, opts, DecodeTrivyReport)
}

func (s *jsonScanner) notArray(l *fielderr.List, path string) {
	switch c := s.peek(); c {
	case 'n':
		s.literal("null")
	case 0:
		s.skip() // the end of the input
	case '[':
		// An array too deep: the scan has stopped.
	default:
		l.Add(path, fielderr.Errorf(ismskit.ErrType, "want an array, got %s", kind(c)))
		s.skip()
	}
}

func (s *jsonScanner) trivyResults(l *fielderr.List) []TrivyResult {
	if !s.openArray() {
		s.notArray(l, "Results")
		return nil
	}
	var out []TrivyResult
	for i, ok := 0, s.elem(true); ok; i, ok = i+1, s.elem(false) {
		if !s.openObject() {
			if c := s.peek(); c != 0 && !s.stopped() {
				l.Add(fielderr.Index("Results", i), fielderr.Errorf(ismskit.ErrType, "want an object, got %s", kind(c)))
			}
			s.skip()
			continue
		}
		at := func(field string) func() string {
			return func() string { return fielderr.Index("Results", i) + "." + field }
		}
		var r TrivyResult
		for key, ok := s.key(true); ok; key, ok = s.key(false) {
			switch string(key) {
			case "Target":
				r.Target = s.text(l, at("Target"))
			case "Class":
				r.Class = s.text(l, at("Class"))
			case "Type":
				r.Type = s.text(l, at("Type"))
			case "Vulnerabilities":
				if !s.openArray() {
					s.notArray(l, at("Vulnerabilities")())
					continue
				}
				for j, ok := 0, s.elem(true); ok; j, ok = j+1, s.elem(false) {
					if v, ok := s.trivyVulnerability(l, i, j); ok {
						r.Vulnerabilities = append(r.Vulnerabilities, v)
					}
				}
			default:
				s.skip()
			}
		}
		out = append(out, r)
	}
	return out
}

// vulnPath returns the path of a field of vulnerability j of result i.
func vulnPath(i, j int, field string) string {
	return fielderr.Index(fielderr.Index("Results", i)+".Vulnerabilities", j) + field
}

func (s *jsonScanner) trivyVulnerability(l *fielderr.List, i, j int) (TrivyVulnerability, bool) {
	var v TrivyVulnerability
	if !s.openObject() {
		if c := s.peek(); c != 0 && !s.stopped() {
			l.Add(vulnPath(i, j, ""), fielderr.Errorf(ismskit.ErrType, "want an object, got %s", kind(c)))
		}
		s.skip()
		return v, false
	}
	n := l.Len()
	var severity string
	sevKnown := false
	for key, ok := s.key(true); ok; key, ok = s.key(false) {
		if s.lean {
			switch string(key) {
			case "Title", "PrimaryURL", "Status", "PkgIdentifier":
				s.skip()
				continue
			}
		}
		var field string
		at := func() string { return vulnPath(i, j, "."+field) }
		switch string(key) {
		case "VulnerabilityID":
			field = "VulnerabilityID"
			v.VulnerabilityID = s.text(l, at)
		case "PkgName":
			field = "PkgName"
			v.PkgName = s.text(l, at)
		case "InstalledVersion":
			field = "InstalledVersion"
			v.InstalledVersion = s.text(l, at)
		case "FixedVersion":
			field = "FixedVersion"
			v.FixedVersion = s.text(l, at)
		case "Status":
			field = "Status"
			v.Status = s.text(l, at)
		case "Severity":
			field = "Severity"
			if s.peek() == '"' {
				b := s.str()
				if v.Severity, sevKnown = trivySeverity(b); !sevKnown {
					severity = string(b)
				}
			} else {
				severity = s.text(l, at)
			}
		case "Title":
			field = "Title"
			v.Title = s.text(l, at)
		case "PrimaryURL":
			field = "PrimaryURL"
			v.PrimaryURL = s.text(l, at)
		case "PkgIdentifier":
			if !s.openObject() {
				if c := s.peek(); c == 'n' {
					s.literal("null")
				} else {
					if c != 0 && !s.stopped() {
						l.Add(vulnPath(i, j, ".PkgIdentifier"), fielderr.Errorf(ismskit.ErrType, "want an object, got %s", kind(c)))
					}
					s.skip()
				}
				continue
			}
			for key, ok := s.key(true); ok; key, ok = s.key(false) {
				if string(key) == "PURL" {
					field = "PkgIdentifier.PURL"
					v.PURL = s.text(l, at)
				} else {
					s.skip()
				}
			}
		default:
			s.skip()
		}
	}
	if s.stopped() {
		return v, false
	}
	if v.VulnerabilityID == "" {
		l.Add(vulnPath(i, j, ".VulnerabilityID"), fielderr.Errorf(ismskit.ErrMissing, "a vulnerability without an ID"))
	}
	if v.PkgName == "" {
		l.Add(vulnPath(i, j, ".PkgName"), fielderr.Errorf(ismskit.ErrMissing, "vulnerability %s names no package", clip(v.VulnerabilityID)))
	}
	switch {
	case sevKnown:
	case severity == "":
		l.Add(vulnPath(i, j, ".Severity"), fielderr.Errorf(ismskit.ErrMissing, "vulnerability %s has no severity", clip(v.VulnerabilityID)))
	default:
		l.Add(vulnPath(i, j, ".Severity"), fielderr.Errorf(ismskit.ErrUnknownValue, "%q is not a Trivy severity (want UNKNOWN, LOW, MEDIUM, HIGH or CRITICAL)", clip(severity)))
	}
	return v, l.Len() == n
}

// trivySeverity reads one of Trivy's severities.
func trivySeverity(b []byte) (Severity, bool) {
	switch string(b) {
	case "CRITICAL":
		return SeverityCritical, true
	case "HIGH":
		return SeverityHigh, true
	case "MEDIUM":
		return SeverityMedium, true
	case "LOW":
		return SeverityLow, true
	case "UNKNOWN":
		return SeverityUnknown, true
	}
	return 0, false
}

// DefaultSeverities are the severities TrivyFixable counts when none are
// given: high and critical.
var defaultSeverities = []Severity{SeverityHigh, SeverityCritical}

// TrivyFixable is the check trivy-fixable: no vulnerability of the
// severities counted (by default high and critical) stays unpatched when
// a fix exists (ISO/IEC 27002:2022 8.8 management of technical
// vulnerabilities). Its population is every distinct vulnerability
// (vulnerability ID, package, installed version) of those severities
// across all results of the report, so that a library found in two lock
// files counts once; one fails when a fixed version exists.
type TrivyFixable struct {
	// Severities counted; empty means high and critical.
	Severities []Severity `json:"severities,omitempty"`
}

func (c TrivyFixable) severities() []Severity {
	if len(c.Severities) == 0 {
		return defaultSeverities
	}
	return c.Severities
}

// Definition describes the check, with the severities as the parameter
// severities ("high,critical").
func (c TrivyFixable) Definition() Definition {
	codes := make([]string, 0, len(c.severities()))
	for _, s := range c.severities() {
		codes = append(codes, severities.Code(s))
	}
	return Definition{
		ID:         "trivy-fixable",
		Title:      "No vulnerability of the severities counted is left unpatched when a fix exists",
		Population: "distinct vulnerabilities (ID, package, installed version) of the severities counted",
		Controls:   []iso27002.ControlID{iso27002.MustParse("8.8")},
		Inputs:     []string{TrivyFile},
		Frequency:  Weekly,
		Parameters: []Parameter{{Name: "severities", Value: strings.Join(codes, ",")}},
	}
}

// Check decodes the Trivy report of files and evaluates it.
func (c TrivyFixable) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	rep, err := decodeTrivy(files[TrivyFile], opts, true)
	if err != nil {
		return nil, err
	}
	return c.Evaluate(rep, asOf), nil
}

// VulnKey identifies a vulnerability of a package across the results of
// a report.
type vulnKey struct{ id, pkg, version string }

// finding is a distinct vulnerability with what the report says of it.
type finding struct {
	key      vulnKey
	fixed    string
	severity Severity
	targets  int
}

// distinct returns the distinct vulnerabilities of rep of the given
// severities, in the order of their first appearance.
func distinct(rep TrivyReport, sev []Severity) []finding {
	n := 0
	for ri := range rep.Results {
		n += len(rep.Results[ri].Vulnerabilities)
	}
	index := make(map[vulnKey]int, n)
	var out []finding
	for ri := range rep.Results {
		for vi := range rep.Results[ri].Vulnerabilities {
			v := &rep.Results[ri].Vulnerabilities[vi]
			if !slices.Contains(sev, v.Severity) {
				continue
			}
			k := vulnKey{v.VulnerabilityID, v.PkgName, v.InstalledVersion}
			i, ok := index[k]
			if !ok {
				i = len(out)
				index[k] = i
				out = append(out, finding{key: k, severity: v.Severity})
			}
			f := &out[i]
			f.targets++
			if f.fixed == "" {
				f.fixed = v.FixedVersion
			}
			if v.Severity > f.severity {
				f.severity = v.Severity
			}
		}
	}
	return out
}

// Evaluate runs the check on a decoded report as of asOf.
func (c TrivyFixable) Evaluate(rep TrivyReport, asOf ismskit.Date) *Result {
	res := NewResult(c.Definition(), asOf)
	fs := distinct(rep, c.severities())
	res.Total = len(fs)
	for i := range fs {
		f := &fs[i]
		if f.fixed == "" {
			continue
		}
		reason := "fixed in " + f.fixed + " (" + strings.ToLower(f.severity.String())
		if f.targets > 1 {
			reason += ", found in " + strconv.Itoa(f.targets) + " targets"
		}
		res.Fail(f.key.id+" "+f.key.pkg+" "+f.key.version, reason+")")
	}
	return res
}

// VulnerabilitiesOf returns, for each package of rep, the distinct
// vulnerabilities of the given severities (all of them when sev is
// empty), keyed by "name@version" and by package URL when Trivy gives
// one, for matching a report against an inventory (package
// audit/checks/sbom). Each value lists "ID (severity, fixed in X)" or
// "ID (severity, no fix)", in the order of the report.
func VulnerabilitiesOf(rep TrivyReport, sev ...Severity) map[string][]string {
	if len(sev) == 0 {
		sev = severities.All()
	}
	out := map[string][]string{}
	seen := map[string]bool{}
	for ri := range rep.Results {
		for vi := range rep.Results[ri].Vulnerabilities {
			v := &rep.Results[ri].Vulnerabilities[vi]
			if !slices.Contains(sev, v.Severity) {
				continue
			}
			desc := v.VulnerabilityID + " (" + strings.ToLower(v.Severity.String())
			if v.FixedVersion != "" {
				desc += ", fixed in " + v.FixedVersion + ")"
			} else {
				desc += ", no fix)"
			}
			for _, key := range []string{v.PkgName + "@" + v.InstalledVersion, v.PURL} {
				if key == "" || seen[key+"\x00"+v.VulnerabilityID] {
					continue
				}
				seen[key+"\x00"+v.VulnerabilityID] = true
				out[key] = append(out[key], desc)
			}
		}
	}
	return out
}

// String returns "ID package version".
func (v TrivyVulnerability) String() string {
	return fmt.Sprintf("%s %s %s", v.VulnerabilityID, v.PkgName, v.InstalledVersion)
}
