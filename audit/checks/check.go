package checks

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

// A Check tests a control on evidence: a pure function from the content
// of its input files, as of a day, to a Result. It reads nothing but its
// arguments: Run reads the files from an fs.FS and hands them over, so a
// check is as easy to run on files in memory as on a folder.
//
// Built-in checks come from this package's constructors (MFA,
// UnusedCredentials, TrivyFixable, ...) and from package
// audit/checks/sbom; a product writes its own as a Func, or as any type
// with these two methods. An implementation must be safe for concurrent
// use and must not keep or modify the files it is given.
type Check interface {
	// Definition describes the check: its ID, what it tests, the
	// controls, its input files and how often it should run.
	Definition() Definition
	// Check runs the check on files (name to content: the Inputs of the
	// Definition, all present) as of asOf. opts bound the decoding of the
	// files (ismskit.LimitsOf). A problem with the input is an error
	// whose *ismskit.Error problems name the place in the file.
	Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error)
}

// Definition describes a check (ISO/IEC 27001:2022 9.1 a to d: what is
// monitored, the method, when and from what). The zero value is invalid:
// it has no ID.
type Definition struct {
	// ID is unique among the checks of a Registry: lower-case words
	// joined by hyphens ("aws-iam-mfa"). Required.
	ID string `json:"id"`
	// Title says what the check tests, in a line.
	Title string `json:"title"`
	// Population says what the check counts, in words ("IAM users with
	// a console password, and the root account").
	Population string `json:"population"`
	// Controls are the Annex A controls the check tests (ISO/IEC
	// 27002:2022 IDs).
	Controls []iso27002.ControlID `json:"controls"`
	// Inputs are the names of the files the check reads, all required.
	Inputs []string `json:"inputs"`
	// Frequency is how often the check should run; a result older than
	// one period is stale (Result.Stale).
	Frequency Frequency `json:"frequency,omitzero"`
	// Parameters are the options the check runs with ("maxUnusedDays" =
	// "45"), for the record.
	Parameters []Parameter `json:"parameters,omitempty"`
}

// Parameter is an option a check runs with, for the record of its
// result. The zero value is an empty parameter.
type Parameter struct {
	// Name of the option, lowerCamelCase ("maxUnusedDays").
	Name string `json:"name"`
	// Value of the option, as text ("45", "high,critical").
	Value string `json:"value"`
}

// Func is a Check made of a definition and a function: the way a product
// writes a check of its own without a type of its own. The zero value has
// no ID and no function; Check reports it.
type Func struct {
	// Def is the definition of the check.
	Def Definition `json:"definition"`
	// Fn runs the check. It is not encoded in JSON.
	Fn func(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) `json:"-"`
}

// Definition returns f.Def.
func (f Func) Definition() Definition { return f.Def }

// Check calls f.Fn; a nil Fn is an ismskit.ErrMissing error.
func (f Func) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	if f.Fn == nil {
		return nil, &ismskit.Error{Path: "fn", Err: fielderr.Errorf(ismskit.ErrMissing, "check %q has no function", clip(f.Def.ID))}
	}
	return f.Fn(files, asOf, opts...)
}

// Result is what a check found as of a day (9.1: a monitoring result,
// kept as documented information): the population it tested, the items
// that failed and why, the controls, and the SHA-256 of every input it
// read, so that the result is evidence an auditor can verify (Evidence).
//
// The zero value is an empty result of no check.
type Result struct {
	// Check is the ID of the check.
	Check string `json:"check"`
	// Title is the check's title.
	Title string `json:"title,omitempty"`
	// Controls are the Annex A controls the check tests.
	Controls []iso27002.ControlID `json:"controls"`
	// AsOf is the day the check ran for, as the caller gave it.
	AsOf ismskit.Date `json:"asOf"`
	// Frequency is how often the check should run (see Stale).
	Frequency Frequency `json:"frequency,omitzero"`
	// Population says in words what Total counts.
	Population string `json:"population,omitempty"`
	// Total is the size of the population tested.
	Total int `json:"total"`
	// Failed is how many items of the population failed; len(Failures).
	Failed int `json:"failed"`
	// Failures are the items that failed, each with its reason, in the
	// order of the input.
	Failures []Failure `json:"failures,omitempty"`
	// Notes are observations outside the population (a package the
	// scanner found that the SBOM does not list).
	Notes []string `json:"notes,omitempty"`
	// Inputs are the files read, with their SHA-256, in the order of the
	// definition.
	Inputs []Input `json:"inputs,omitempty"`
	// Parameters are the options the check ran with.
	Parameters []Parameter `json:"parameters,omitempty"`
}

// Failure is one item of a check's population that failed. The zero
// value is an empty failure.
type Failure struct {
	// Item names the item as the input does ("alice",
	// "CVE-2024-6387 openssh-server 1:9.2p1-2").
	Item string `json:"item"`
	// Reason says why it failed ("console password without MFA").
	Reason string `json:"reason"`
}

// Input is a file a check read. The zero value is an empty record.
type Input struct {
	// Name of the file in the snapshot.
	Name string `json:"name"`
	// SHA256 of its content: 64 lower-case hexadecimal digits.
	SHA256 string `json:"sha256"`
	// Size in bytes.
	Size int64 `json:"size"`
}

// NewResult returns an empty result of the check d, as of asOf, for a
// Check implementation to fill: Check, Title, Controls, Frequency,
// Population and Parameters come from d.
func NewResult(d Definition, asOf ismskit.Date) *Result {
	return &Result{Check: d.ID, Title: d.Title, Controls: slices.Clone(d.Controls), AsOf: asOf,
		Frequency: d.Frequency, Population: d.Population, Parameters: slices.Clone(d.Parameters)}
}

// Fail records a failure of item, with its reason, and counts it.
func (r *Result) Fail(item, reason string) {
	if r == nil {
		return
	}
	r.Failures = append(r.Failures, Failure{Item: item, Reason: reason})
	r.Failed = len(r.Failures)
}

// Passed reports whether no item failed. A nil result has not passed.
func (r *Result) Passed() bool { return r != nil && r.Failed == 0 }

// PassedPercent returns the share of the population that passed, in
// percent rounded to one decimal, and false when the population is empty
// (or r is nil), where no share can be given.
func (r *Result) PassedPercent() (float64, bool) {
	if r == nil || r.Total <= 0 {
		return 0, false
	}
	p := 100 * float64(r.Total-r.Failed) / float64(r.Total)
	return float64(int64(p*10+0.5)) / 10, true
}

// Stale reports whether, as of asOf, the result is older than its
// check's frequency: whether asOf is after r.Frequency.Next(r.AsOf). A
// result without a frequency never goes stale; a nil result is stale.
func (r *Result) Stale(asOf ismskit.Date) bool {
	if r == nil {
		return true
	}
	return r.Frequency.Due(r.AsOf, asOf)
}

// EvidenceID returns the ID the result goes by as evidence:
// "check:<check>:<asOf>" ("check:aws-iam-mfa:2026-11-28"). An SoA entry
// cites it in its evidence list; audit findings cite it as the ID of
// the audit.Evidence that Evidence returns.
func (r *Result) EvidenceID() string {
	if r == nil {
		return ""
	}
	return "check:" + r.Check + ":" + r.AsOf.String()
}

// Manifest returns the inputs as sha256sum prints them: a line
// "<sha256>  <name>" for each, in order, so that
//
//	sha256sum credential-report.csv trivy.json
//
// in the evidence folder gives the same text.
func (r *Result) Manifest() []byte {
	if r == nil {
		return nil
	}
	var b []byte
	for _, in := range r.Inputs {
		b = append(b, in.SHA256...)
		b = append(b, "  "...)
		b = append(b, in.Name...)
		b = append(b, '\n')
	}
	return b
}

// Digest returns the SHA-256 that stands for the result's inputs: the
// digest of the one input file when there is one (so that
// audit.Evidence.Verify takes the file's content), and the digest of the
// Manifest when there are several; "" when there is none.
func (r *Result) Digest() string {
	if r == nil {
		return ""
	}
	switch len(r.Inputs) {
	case 0:
		return ""
	case 1:
		return r.Inputs[0].SHA256
	}
	sum := sha256.Sum256(r.Manifest())
	return hex.EncodeToString(sum[:])
}

// Summary returns the result in one line: "aws-iam-mfa: 2 of 14 failed"
// or "aws-iam-mfa: all 14 passed".
func (r *Result) Summary() string {
	if r == nil {
		return ""
	}
	if r.Failed == 0 {
		return r.Check + ": all " + strconv.Itoa(r.Total) + " passed"
	}
	return r.Check + ": " + strconv.Itoa(r.Failed) + " of " + strconv.Itoa(r.Total) + " failed"
}

// Run runs c on the files of fsys as of asOf: it reads each input file
// of c's definition, never past the byte limit of opts (a longer file is
// an ismskit.ErrTooLarge error, whatever its size), records its size and
// SHA-256, and calls c.Check. The result's check ID, title, controls,
// frequency, population, parameters, date and inputs are set from the
// definition and the files read, whatever the check returned.
//
// Problems are *ismskit.Error values whose path starts with the file
// (`files["trivy.json"].Results[0].Vulnerabilities[2].Severity`): a
// missing file is ismskit.ErrMissing, a problem of the check itself is
// placed under its file when it names one. A zero asOf is
// ismskit.ErrMissing at "asOf"; a nil c or fsys is ismskit.ErrMissing.
func Run(c Check, fsys fs.FS, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	if fsys == nil {
		return nil, &ismskit.Error{Path: "files", Err: fielderr.Errorf(ismskit.ErrMissing, "no file system")}
	}
	return run(c, asOf, opts, func(name string) ([]byte, Input, error) {
		data, err := ReadFile(fsys, name, opts...)
		if err != nil {
			return nil, Input{}, err
		}
		return data, digest(name, data), nil
	})
}

func digest(name string, data []byte) Input {
	sum := sha256.Sum256(data)
	return Input{Name: name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
}

// run is Run with the reading of the files left to read.
func run(c Check, asOf ismskit.Date, opts []ismskit.DecodeOption, read func(string) ([]byte, Input, error)) (*Result, error) {
	if c == nil {
		return nil, &ismskit.Error{Path: "check", Err: fielderr.Errorf(ismskit.ErrMissing, "no check")}
	}
	def := c.Definition()
	if asOf.IsZero() {
		return nil, &ismskit.Error{Path: "asOf", Err: fielderr.Errorf(ismskit.ErrMissing, "no date to run check %q as of", clip(def.ID))}
	}
	files := make(map[string][]byte, len(def.Inputs))
	inputs := make([]Input, 0, len(def.Inputs))
	var l fielderr.List
	for _, name := range def.Inputs {
		data, in, err := read(name)
		if err != nil {
			l.Add(filePath(name), err)
			continue
		}
		files[name] = data
		inputs = append(inputs, in)
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	res, err := c.Check(files, asOf, opts...)
	if err != nil {
		if len(def.Inputs) == 1 {
			return nil, fielderr.Prefix(filePath(def.Inputs[0]), err)
		}
		return nil, err
	}
	if res == nil {
		return nil, &ismskit.Error{Path: "check", Err: fielderr.Errorf(ismskit.ErrMissing, "check %q returned no result", clip(def.ID))}
	}
	out := *res
	out.Check, out.Title, out.Controls, out.AsOf = def.ID, def.Title, slices.Clone(def.Controls), asOf
	out.Frequency, out.Population, out.Parameters = def.Frequency, def.Population, slices.Clone(def.Parameters)
	out.Failed = len(out.Failures)
	out.Inputs = inputs
	return &out, nil
}

// filePath is the path of the problems of one input file.
func filePath(name string) string { return fielderr.Key("files", name) }

// ReadFile reads the file name of fsys, never past the byte limit of
// opts: a longer file is an ismskit.ErrTooLarge error, and the file is
// not read further. A missing file is ismskit.ErrMissing; a directory or
// an error of fsys is returned wrapped.
func ReadFile(fsys fs.FS, name string, opts ...ismskit.DecodeOption) ([]byte, error) {
	if fsys == nil {
		return nil, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "no file system")}
	}
	f, err := fsys.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "no file %s", clip(name))}
	}
	if err != nil {
		return nil, &ismskit.Error{Err: err}
	}
	defer f.Close()
	max := ismskit.LimitsOf(opts...).MaxBytes
	size := int64(-1)
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrSyntax, "%s is a directory", clip(name))}
		}
		size = st.Size()
	}
	if max >= 0 && size > max {
		return nil, codec.TooLarge(max)
	}
	if size < 0 || size >= 1<<31 {
		return codec.ReadAll(io.Reader(f), opts)
	}
	// The size is known: read into one buffer of that size, plus room to
	// see whether the file has grown past it.
	buf := make([]byte, 0, size+512)
	lim := int64(math.MaxInt64)
	if max >= 0 {
		lim = max + 1
	}
	r := io.LimitReader(f, lim)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &ismskit.Error{Err: fmt.Errorf("read %s: %w", clip(name), err)}
		}
	}
	if max >= 0 && int64(len(buf)) > max {
		return nil, codec.TooLarge(max)
	}
	return buf, nil
}

// exists reports whether fsys has a regular file name.
func exists(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && !st.IsDir()
}

// clip shortens text quoted in an error message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// validateDefinition reports what is wrong with d, at paths relative to
// it.
func validateDefinition(d Definition, l *fielderr.List) {
	if strings.TrimSpace(d.ID) == "" {
		l.Add("id", ismskit.ErrMissing)
	}
	for i, c := range d.Controls {
		if !c.IsValid() {
			l.Add(fielderr.Index("controls", i), fmt.Errorf("%w: %q", ismskit.ErrInvalidID, c.String()))
		}
	}
	for i, in := range d.Inputs {
		if !fs.ValidPath(in) || in == "." {
			l.Add(fielderr.Index("inputs", i), fielderr.Errorf(ismskit.ErrInvalidID, "%q is not a file name in an fs.FS", clip(in)))
		}
	}
	if d.Frequency != 0 && !d.Frequency.IsValid() {
		l.Add("frequency", fmt.Errorf("%w: %d", ismskit.ErrUnknownValue, uint8(d.Frequency)))
	}
}
