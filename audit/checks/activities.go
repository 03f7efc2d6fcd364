package checks

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

// ActivitiesFile is the name under which the checks read ismskit's own
// activity records from an evidence folder.
const ActivitiesFile = "activities.json"

// Activities is ismskit's own JSON format for the records of control
// activities that no standard export covers: security training
// completed (ISO/IEC 27002:2022 6.3), access reviews (5.18), restore
// tests of backups (8.13), supplier assessments (5.22) and incidents
// (5.26). A product writes it from its HR, ticketing or backup systems;
// the checks TrainingCurrent, AccessReviewsOnTime, RestoreTestsPassed,
// SuppliersAssessed and IncidentsClosedInTarget read it.
// DecodeActivities reads it strictly; JSONSchema returns its JSON
// Schema; Validate checks it.
//
// The zero value is an empty document, which is valid.
type Activities struct {
	// Organization the records belong to.
	Organization string `json:"organization,omitempty"`
	// Training lists security training per person and course (6.3).
	Training []Training `json:"training,omitempty"`
	// AccessReviews lists the access reviews of systems (5.18), one
	// entry per review held or per system never reviewed.
	AccessReviews []AccessReview `json:"accessReviews,omitempty"`
	// RestoreTests lists the tests of restoring backups (8.13).
	RestoreTests []RestoreTest `json:"restoreTests,omitempty"`
	// Suppliers lists the security assessments of suppliers (5.19,
	// 5.22), one entry per assessment or per supplier never assessed.
	Suppliers []SupplierAssessment `json:"suppliers,omitempty"`
	// Incidents lists information security incidents (5.24 to 5.26).
	Incidents []Incident `json:"incidents,omitempty"`
	// Extensions holds the user's own data as raw JSON, never
	// interpreted.
	Extensions map[string]json.RawMessage `json:"extensions,omitempty"`
}

// Training is a person's security training (6.3): one course, completed
// or not. The zero value is invalid.
type Training struct {
	// Person trained, as the organisation names people. Required.
	Person string `json:"person"`
	// Role of the person.
	Role string `json:"role,omitempty"`
	// Course taken. Required.
	Course string `json:"course"`
	// Completed is when the person completed it; zero when not yet.
	Completed ismskit.Date `json:"completed,omitzero"`
}

// AccessReview is one review of the access rights of a system (5.18), or
// a system due for review that has never had one. The zero value is
// invalid.
type AccessReview struct {
	// System reviewed. Required.
	System string `json:"system"`
	// Owner who reviews it.
	Owner string `json:"owner,omitempty"`
	// Frequency the organisation set for the system's reviews. Required.
	Frequency Frequency `json:"frequency"`
	// Reviewed is when the review was done; zero for never.
	Reviewed ismskit.Date `json:"reviewed,omitzero"`
	// Removed counts the access rights the review removed.
	Removed int `json:"removed,omitempty"`
}

// RestoreTest is one test of restoring a system from backup (8.13). The
// zero value is invalid.
type RestoreTest struct {
	// System restored. Required.
	System string `json:"system"`
	// Date of the test. Required.
	Date ismskit.Date `json:"date"`
	// Passed says whether the restore worked within its objectives.
	Passed bool `json:"passed"`
	// Note on the test (the time taken, what went wrong).
	Note string `json:"note,omitempty"`
}

// SupplierAssessment is one security assessment of a supplier (5.19,
// 5.22), or a supplier never assessed. The zero value is invalid.
type SupplierAssessment struct {
	// Supplier assessed. Required.
	Supplier string `json:"supplier"`
	// Critical marks a supplier the organisation depends on.
	Critical bool `json:"critical,omitempty"`
	// Assessed is when; zero for never.
	Assessed ismskit.Date `json:"assessed,omitzero"`
	// Note on the outcome.
	Note string `json:"note,omitempty"`
}

// Incident is one information security incident (5.24 to 5.26). The
// zero value is invalid.
type Incident struct {
	// ID of the incident, unique in the list. Required.
	ID string `json:"id"`
	// Title in a line.
	Title string `json:"title,omitempty"`
	// Severity of the incident. Required.
	Severity Severity `json:"severity"`
	// Opened is when it was reported. Required.
	Opened ismskit.Date `json:"opened"`
	// Closed is when it was resolved; zero while open. Not before
	// Opened.
	Closed ismskit.Date `json:"closed,omitzero"`
	// TargetDays is how many days it may stay open; zero for the check's
	// default.
	TargetDays int `json:"targetDays,omitempty"`
}

// DecodeActivities decodes an Activities document strictly: an unknown
// or duplicated key, a wrong JSON type, an unknown enum value, a
// malformed date and data after the document are each an *ismskit.Error
// with its path, all of them up to the problem limit, joined. opts set
// the decoder's limits. It does not validate the content; call Validate
// for that.
func DecodeActivities(data []byte, opts ...ismskit.DecodeOption) (Activities, error) {
	a, err := codec.Decode[activitiesJSON](data, opts)
	return Activities(a), err
}

// ReadActivities reads an Activities document from r, never past the
// byte limit, and decodes it as DecodeActivities does.
func ReadActivities(r io.Reader, opts ...ismskit.DecodeOption) (Activities, error) {
	return codec.Read(r, opts, DecodeActivities)
}

// EncodeActivities returns the JSON form of a, indented by two spaces and
// ending in a newline; DecodeActivities reads it back.
func EncodeActivities(a Activities) ([]byte, error) { return codec.Encode(activitiesJSON(a)) }

// WriteActivities writes the JSON form of a to w, as EncodeActivities
// returns it.
func WriteActivities(w io.Writer, a Activities) error { return codec.Write(w, activitiesJSON(a)) }

// activitiesJSON is Activities without its methods, for decoding.
type activitiesJSON Activities

// UnmarshalJSON decodes the document strictly, as DecodeActivities does
// with the default limits.
func (a *Activities) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*activitiesJSON)(a))
}

// Validate reports every problem of the records, each an *ismskit.Error
// with its path ("incidents[2].closed", Item "INC-7"): a missing person,
// course, system, supplier, ID, frequency, severity or date
// (ismskit.ErrMissing), an incident ID given twice
// (ismskit.ErrDuplicateID), an incident closed before it opened
// (ismskit.ErrDateOrder), a negative count or target
// (ismskit.ErrOutOfRange). Problems are joined.
func (a Activities) Validate() error {
	var l fielderr.List
	missing := func(path, v string) {
		if strings.TrimSpace(v) == "" {
			l.Add(path, ismskit.ErrMissing)
		}
	}
	for i, t := range a.Training {
		p := fielderr.Index("training", i)
		missing(p+".person", t.Person)
		missing(p+".course", t.Course)
	}
	for i, r := range a.AccessReviews {
		p := fielderr.Index("accessReviews", i)
		missing(p+".system", r.System)
		if !r.Frequency.IsValid() {
			l.Add(p+".frequency", ismskit.ErrMissing)
		}
		if r.Removed < 0 {
			l.Add(p+".removed", fielderr.Errorf(ismskit.ErrOutOfRange, "%d is negative", r.Removed))
		}
	}
	for i, r := range a.RestoreTests {
		p := fielderr.Index("restoreTests", i)
		missing(p+".system", r.System)
		if r.Date.IsZero() {
			l.Add(p+".date", ismskit.ErrMissing)
		}
	}
	for i, s := range a.Suppliers {
		missing(fielderr.Index("suppliers", i)+".supplier", s.Supplier)
	}
	seen := map[string]bool{}
	for i, in := range a.Incidents {
		var il fielderr.List
		switch {
		case strings.TrimSpace(in.ID) == "":
			il.Add("id", ismskit.ErrMissing)
		case seen[in.ID]:
			il.Add("id", fmt.Errorf("%w: %q", ismskit.ErrDuplicateID, clip(in.ID)))
		}
		seen[in.ID] = true
		if !in.Severity.IsValid() {
			il.Add("severity", ismskit.ErrMissing)
		}
		if in.Opened.IsZero() {
			il.Add("opened", ismskit.ErrMissing)
		}
		if !in.Closed.IsZero() && in.Closed.Before(in.Opened) {
			il.Add("closed", fmt.Errorf("%w: closed %s before it opened on %s", ismskit.ErrDateOrder, in.Closed, in.Opened))
		}
		if in.TargetDays < 0 {
			il.Add("targetDays", fielderr.Errorf(ismskit.ErrOutOfRange, "%d is negative", in.TargetDays))
		}
		l.AddItem(fielderr.Index("incidents", i), in.ID, il.Err())
	}
	return l.Err()
}

// decodeActivities decodes and validates the activities file of files.
func decodeActivities(files map[string][]byte, opts []ismskit.DecodeOption) (Activities, error) {
	a, err := DecodeActivities(files[ActivitiesFile], opts...)
	if err != nil {
		return Activities{}, err
	}
	if err := a.Validate(); err != nil {
		return Activities{}, err
	}
	return a, nil
}

// latest keeps, per name, the latest of the dated entries, in the order
// the names first appear.
type latest[T any] struct {
	order []string
	by    map[string]T
}

func (l *latest[T]) add(name string, v T, newer func(old, new T) bool) {
	if l.by == nil {
		l.by = map[string]T{}
	}
	old, ok := l.by[name]
	if !ok {
		l.order = append(l.order, name)
		l.by[name] = v
		return
	}
	if newer(old, v) {
		l.by[name] = v
	}
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

// DefaultTrainingDays is the age in days past which TrainingCurrent
// counts a person's training as lapsed: a year.
const DefaultTrainingDays = 365

// TrainingCurrent is the check training-current: everyone listed has
// completed security training within the last MaxAgeDays (ISO/IEC
// 27002:2022 6.3). Its population is every distinct person of the
// training records; a person fails when no course was completed in the
// MaxAgeDays before the day of the check.
type TrainingCurrent struct {
	// MaxAgeDays is the age limit of a completion; zero or less means
	// DefaultTrainingDays.
	MaxAgeDays int `json:"maxAgeDays,omitempty"`
}

func (c TrainingCurrent) limit() int { return orDefault(c.MaxAgeDays, DefaultTrainingDays) }

func orDefault(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

// Definition describes the check.
func (c TrainingCurrent) Definition() Definition {
	return Definition{
		ID:         "training-current",
		Title:      "Everyone has completed security awareness training within the limit",
		Population: "people in the training records",
		Controls:   []iso27002.ControlID{iso27002.MustParse("6.3")},
		Inputs:     []string{ActivitiesFile},
		Frequency:  Monthly,
		Parameters: []Parameter{{Name: "maxAgeDays", Value: strconv.Itoa(c.limit())}},
	}
}

// Check decodes and validates the activities of files, and evaluates
// them.
func (c TrainingCurrent) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	a, err := decodeActivities(files, opts)
	if err != nil {
		return nil, err
	}
	return c.Evaluate(a, asOf), nil
}

// Evaluate runs the check on decoded records as of asOf. Completions
// after asOf are not counted.
func (c TrainingCurrent) Evaluate(a Activities, asOf ismskit.Date) *Result {
	res := NewResult(c.Definition(), asOf)
	var last latest[ismskit.Date]
	for _, t := range a.Training {
		d := t.Completed
		if d.After(asOf) {
			d = ismskit.Date{}
		}
		last.add(t.Person, d, func(o, n ismskit.Date) bool { return n.After(o) })
	}
	res.Total = len(last.order)
	for _, p := range last.order {
		d := last.by[p]
		switch age := asOf.Sub(d); {
		case d.IsZero():
			res.Fail(p, "no security training completed")
		case age > c.limit():
			res.Fail(p, "last training completed on "+d.String()+", "+days(age)+" ago")
		}
	}
	return res
}

// AccessReviewsOnTime is the check access-reviews-on-time: every system's
// access rights are reviewed as often as the organisation set (ISO/IEC
// 27002:2022 5.15 access control, 5.18 access rights). Its population is
// every distinct system of the access review records; a system fails when
// its latest review (on or before the day of the check), or the lack of
// one, leaves it due under the frequency of that record. The zero value
// is the check, ready to use.
type AccessReviewsOnTime struct{}

// Definition describes the check.
func (AccessReviewsOnTime) Definition() Definition {
	return Definition{
		ID:         "access-reviews-on-time",
		Title:      "Access rights of every system are reviewed on schedule",
		Population: "systems in the access review records",
		Controls:   []iso27002.ControlID{iso27002.MustParse("5.15"), iso27002.MustParse("5.18")},
		Inputs:     []string{ActivitiesFile},
		Frequency:  Monthly,
	}
}

// Check decodes and validates the activities of files, and evaluates
// them.
func (c AccessReviewsOnTime) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	a, err := decodeActivities(files, opts)
	if err != nil {
		return nil, err
	}
	return c.Evaluate(a, asOf), nil
}

// Evaluate runs the check on decoded records as of asOf.
func (c AccessReviewsOnTime) Evaluate(a Activities, asOf ismskit.Date) *Result {
	res := NewResult(c.Definition(), asOf)
	var last latest[AccessReview]
	for _, r := range a.AccessReviews {
		if r.Reviewed.After(asOf) {
			r.Reviewed = ismskit.Date{}
		}
		last.add(r.System, r, func(o, n AccessReview) bool { return !n.Reviewed.Before(o.Reviewed) })
	}
	res.Total = len(last.order)
	for _, s := range last.order {
		r := last.by[s]
		switch {
		case r.Reviewed.IsZero():
			res.Fail(s, "never reviewed")
		case r.Frequency.Due(r.Reviewed, asOf):
			res.Fail(s, "last reviewed on "+r.Reviewed.String()+"; the "+strings.ToLower(r.Frequency.String())+
				" review was due on "+r.Frequency.Next(r.Reviewed).String())
		}
	}
	return res
}

// DefaultRestoreDays is the age in days past which RestoreTestsPassed
// counts a system's last restore test as too old: half a year.
const DefaultRestoreDays = 183

// RestoreTestsPassed is the check restore-tests-passed: every system
// whose backups are tested had a successful restore test recently
// (ISO/IEC 27002:2022 8.13 information backup, 5.30 ICT readiness for
// business continuity). Its population is every distinct system of the
// restore tests; a system fails when its latest test (on or before the
// day of the check) failed or is older than MaxAgeDays.
type RestoreTestsPassed struct {
	// MaxAgeDays is the age limit of the latest test; zero or less means
	// DefaultRestoreDays.
	MaxAgeDays int `json:"maxAgeDays,omitempty"`
}

func (c RestoreTestsPassed) limit() int { return orDefault(c.MaxAgeDays, DefaultRestoreDays) }

// Definition describes the check.
func (c RestoreTestsPassed) Definition() Definition {
	return Definition{
		ID:         "restore-tests-passed",
		Title:      "Every backed-up system passed a recent restore test",
		Population: "systems in the restore test records",
		Controls:   []iso27002.ControlID{iso27002.MustParse("5.30"), iso27002.MustParse("8.13")},
		Inputs:     []string{ActivitiesFile},
		Frequency:  Quarterly,
		Parameters: []Parameter{{Name: "maxAgeDays", Value: strconv.Itoa(c.limit())}},
	}
}

// Check decodes and validates the activities of files, and evaluates
// them.
func (c RestoreTestsPassed) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	a, err := decodeActivities(files, opts)
	if err != nil {
		return nil, err
	}
	return c.Evaluate(a, asOf), nil
}

// Evaluate runs the check on decoded records as of asOf; tests after
// asOf are not counted.
func (c RestoreTestsPassed) Evaluate(a Activities, asOf ismskit.Date) *Result {
	res := NewResult(c.Definition(), asOf)
	var last latest[RestoreTest]
	for _, t := range a.RestoreTests {
		if t.Date.After(asOf) {
			t = RestoreTest{System: t.System}
		}
		last.add(t.System, t, func(o, n RestoreTest) bool { return !n.Date.Before(o.Date) })
	}
	res.Total = len(last.order)
	for _, s := range last.order {
		t := last.by[s]
		switch {
		case t.Date.IsZero():
			res.Fail(s, "no restore test")
		case !t.Passed:
			why := "the restore test of " + t.Date.String() + " failed"
			if t.Note != "" {
				why += ": " + t.Note
			}
			res.Fail(s, why)
		case asOf.Sub(t.Date) > c.limit():
			res.Fail(s, "last restore test on "+t.Date.String()+", "+days(asOf.Sub(t.Date))+" ago")
		}
	}
	return res
}

// DefaultSupplierDays is the age in days past which SuppliersAssessed
// counts a supplier's assessment as lapsed: a year.
const DefaultSupplierDays = 365

// SuppliersAssessed is the check suppliers-assessed: every supplier
// (every critical one, with CriticalOnly) was assessed for security
// within MaxAgeDays (ISO/IEC 27002:2022 5.19 information security in
// supplier relationships, 5.22 monitoring of supplier services). Its
// population is every distinct supplier of the records; a supplier fails
// when its latest assessment (on or before the day of the check) is
// missing or older than MaxAgeDays.
type SuppliersAssessed struct {
	// MaxAgeDays is the age limit of an assessment; zero or less means
	// DefaultSupplierDays.
	MaxAgeDays int `json:"maxAgeDays,omitempty"`
	// CriticalOnly limits the population to critical suppliers.
	CriticalOnly bool `json:"criticalOnly,omitempty"`
}

func (c SuppliersAssessed) limit() int { return orDefault(c.MaxAgeDays, DefaultSupplierDays) }

// Definition describes the check.
func (c SuppliersAssessed) Definition() Definition {
	pop := "suppliers in the assessment records"
	if c.CriticalOnly {
		pop = "critical suppliers in the assessment records"
	}
	return Definition{
		ID:         "suppliers-assessed",
		Title:      "Suppliers are assessed for security within the limit",
		Population: pop,
		Controls:   []iso27002.ControlID{iso27002.MustParse("5.19"), iso27002.MustParse("5.22")},
		Inputs:     []string{ActivitiesFile},
		Frequency:  Quarterly,
		Parameters: []Parameter{{Name: "maxAgeDays", Value: strconv.Itoa(c.limit())}, {Name: "criticalOnly", Value: strconv.FormatBool(c.CriticalOnly)}},
	}
}

// Check decodes and validates the activities of files, and evaluates
// them.
func (c SuppliersAssessed) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	a, err := decodeActivities(files, opts)
	if err != nil {
		return nil, err
	}
	return c.Evaluate(a, asOf), nil
}

// Evaluate runs the check on decoded records as of asOf.
func (c SuppliersAssessed) Evaluate(a Activities, asOf ismskit.Date) *Result {
	res := NewResult(c.Definition(), asOf)
	var last latest[ismskit.Date]
	critical := map[string]bool{}
	for _, s := range a.Suppliers {
		critical[s.Supplier] = critical[s.Supplier] || s.Critical
		d := s.Assessed
		if d.After(asOf) {
			d = ismskit.Date{}
		}
		last.add(s.Supplier, d, func(o, n ismskit.Date) bool { return n.After(o) })
	}
	for _, s := range last.order {
		if c.CriticalOnly && !critical[s] {
			continue
		}
		res.Total++
		d := last.by[s]
		switch age := asOf.Sub(d); {
		case d.IsZero():
			res.Fail(s, "never assessed")
		case age > c.limit():
			res.Fail(s, "last assessed on "+d.String()+", "+days(age)+" ago")
		}
	}
	return res
}

// DefaultIncidentTargetDays is how many days an incident may stay open
// when its record sets no target.
const DefaultIncidentTargetDays = 30

// DefaultIncidentWindowDays is how far back IncidentsClosedInTarget
// looks: incidents opened in the last year.
const DefaultIncidentWindowDays = 365

// IncidentsClosedInTarget is the check incidents-closed-in-target:
// incidents are resolved within their target time (ISO/IEC 27002:2022
// 5.24 incident management planning, 5.26 response to incidents). Its
// population is every incident opened in the WindowDays up to the day of
// the check; one fails when it was closed after its target (opened plus
// its TargetDays, or TargetDays of the check) or is still open past it.
type IncidentsClosedInTarget struct {
	// TargetDays applies to incidents whose record sets none; zero or
	// less means DefaultIncidentTargetDays.
	TargetDays int `json:"targetDays,omitempty"`
	// WindowDays is how far back incidents count; zero or less means
	// DefaultIncidentWindowDays.
	WindowDays int `json:"windowDays,omitempty"`
}

// Definition describes the check.
func (c IncidentsClosedInTarget) Definition() Definition {
	return Definition{
		ID:         "incidents-closed-in-target",
		Title:      "Incidents are resolved within their target time",
		Population: "incidents opened in the window",
		Controls:   []iso27002.ControlID{iso27002.MustParse("5.24"), iso27002.MustParse("5.26")},
		Inputs:     []string{ActivitiesFile},
		Frequency:  Monthly,
		Parameters: []Parameter{
			{Name: "targetDays", Value: strconv.Itoa(orDefault(c.TargetDays, DefaultIncidentTargetDays))},
			{Name: "windowDays", Value: strconv.Itoa(orDefault(c.WindowDays, DefaultIncidentWindowDays))},
		},
	}
}

// Check decodes and validates the activities of files, and evaluates
// them.
func (c IncidentsClosedInTarget) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	a, err := decodeActivities(files, opts)
	if err != nil {
		return nil, err
	}
	return c.Evaluate(a, asOf), nil
}

// Evaluate runs the check on decoded records as of asOf; a closure after
// asOf counts as still open.
func (c IncidentsClosedInTarget) Evaluate(a Activities, asOf ismskit.Date) *Result {
	res := NewResult(c.Definition(), asOf)
	window := orDefault(c.WindowDays, DefaultIncidentWindowDays)
	for _, in := range a.Incidents {
		if in.Opened.IsZero() || in.Opened.After(asOf) || asOf.Sub(in.Opened) >= window {
			continue
		}
		res.Total++
		target := orDefault(in.TargetDays, orDefault(c.TargetDays, DefaultIncidentTargetDays))
		due := in.Opened.AddDate(0, 0, target)
		closed := in.Closed
		if closed.After(asOf) {
			closed = ismskit.Date{}
		}
		switch {
		case closed.IsZero() && asOf.After(due):
			res.Fail(in.ID, "open for "+days(asOf.Sub(in.Opened))+", target "+days(target))
		case !closed.IsZero() && closed.After(due):
			res.Fail(in.ID, "closed after "+days(closed.Sub(in.Opened))+", target "+days(target))
		}
	}
	return res
}
