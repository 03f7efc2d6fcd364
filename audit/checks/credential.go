package checks

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

// CredentialReportFile is the name under which the checks of AWS IAM
// credentials read the credential report from an evidence folder.
const CredentialReportFile = "credential-report.csv"

// RootAccount is the user name of the account's root user in a
// credential report.
const RootAccount = "<root_account>"

// CredentialReport is an AWS IAM credential report: one row per IAM user
// of the account and one for the root user, as the IAM API's
// GetCredentialReport returns it (CSV). DecodeCredentialReport reads it.
// The zero value is a report without users.
type CredentialReport struct {
	// Users are the rows of the report, in order.
	Users []IAMUser `json:"users"`
}

// IAMUser is one row of a credential report. Timestamps are in UTC; the
// zero time stands for the report's "N/A", "no_information" and
// "not_supported". The zero value is an empty row.
type IAMUser struct {
	// User is the user name (column user); RootAccount for the root user.
	User string `json:"user"`
	// ARN of the user (arn).
	ARN string `json:"arn"`
	// Line is the line of the report the row is on, counting the header
	// as line 1.
	Line int `json:"line,omitempty"`
	// Created is when the user was created (user_creation_time).
	Created time.Time `json:"created,omitzero"`
	// PasswordEnabled says whether the user has a console password
	// (password_enabled); false for the root user, whose report says
	// not_supported.
	PasswordEnabled bool `json:"passwordEnabled"`
	// PasswordLastUsed is the last sign-in with the password
	// (password_last_used); zero when never used or unknown.
	PasswordLastUsed time.Time `json:"passwordLastUsed,omitzero"`
	// PasswordLastChanged is when the password was last set
	// (password_last_changed).
	PasswordLastChanged time.Time `json:"passwordLastChanged,omitzero"`
	// MFAActive says whether an MFA device is assigned (mfa_active).
	MFAActive bool `json:"mfaActive"`
	// AccessKeys are the user's two access key slots (access_key_1_* and
	// access_key_2_*).
	AccessKeys [2]AccessKey `json:"accessKeys"`
}

// IsRoot reports whether the row is the root user's.
func (u IAMUser) IsRoot() bool { return u.User == RootAccount }

// AccessKey is one access key slot of a credential report row. The zero
// value is an inactive key.
type AccessKey struct {
	// Active says whether the key exists and is active.
	Active bool `json:"active"`
	// LastRotated is when the key was created or last rotated.
	LastRotated time.Time `json:"lastRotated,omitzero"`
	// LastUsed is when the key last signed a request; zero when never.
	LastUsed time.Time `json:"lastUsed,omitzero"`
}

// The columns of a credential report that the decoder reads; a report
// may have others (the key's last region and service, certificates),
// which it skips.
const (
	colUser = iota
	colARN
	colCreated
	colPasswordEnabled
	colPasswordLastUsed
	colPasswordLastChanged
	colMFA
	colKey1Active
	colKey1Rotated
	colKey1Used
	colKey2Active
	colKey2Rotated
	colKey2Used
	numColumns
)

var credentialColumns = [numColumns]string{
	"user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
	"mfa_active", "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
	"access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
}

// CredentialReportColumns returns the names of the columns that
// DecodeCredentialReport requires, in the order AWS writes them.
func CredentialReportColumns() []string { return credentialColumns[:] }

// DecodeCredentialReport reads an AWS IAM credential report (CSV with a
// header row). The columns of CredentialReportColumns are required, in
// any order; other columns are skipped. Booleans are true or false in
// any case; timestamps are ISO 8601 date-times, and N/A, no_information
// and not_supported read as the zero time.
//
// Problems are *ismskit.Error values: a missing or repeated column at
// "header" (ismskit.ErrMissing, ismskit.ErrSyntax); a row with the wrong
// number of fields, or a value that is not a boolean or a timestamp, at
// "rows[i].column" with the row's user as Item and the line in the
// message (ismskit.ErrSyntax); an empty user name (ismskit.ErrMissing);
// malformed CSV (ismskit.ErrSyntax), which stops the decoding; and an
// input over the byte limit of opts (ismskit.ErrTooLarge). Problems are
// reported up to the problem limit, joined.
func DecodeCredentialReport(data []byte, opts ...ismskit.DecodeOption) (CredentialReport, error) {
	var rep CredentialReport
	err := scanCredentialReport(data, opts, true, func(n int) { rep.Users = make([]IAMUser, 0, n) },
		func(u *IAMUser, _ []byte) { rep.Users = append(rep.Users, *u) })
	if err != nil {
		return CredentialReport{}, err
	}
	return rep, nil
}

// scanCredentialReport decodes a credential report row by row: it calls
// size with an upper bound of the number of rows, then row for each row
// read without a problem (with a *IAMUser and the user name's bytes,
// valid only during the call), and returns the problems as
// DecodeCredentialReport does. The checks evaluate the rows as they
// come, without keeping them; without keep, the row's User is set
// only for the root user and its ARN not at all, which saves two
// allocations a row.
func scanCredentialReport(data []byte, opts []ismskit.DecodeOption, keep bool, size func(int), row func(*IAMUser, []byte)) error {
	lim := ismskit.LimitsOf(opts...)
	if lim.MaxBytes >= 0 && int64(len(data)) > lim.MaxBytes {
		return codec.TooLarge(lim.MaxBytes)
	}
	r := newCSVReader(data)
	ok, err := r.read()
	if err != nil {
		return &ismskit.Error{Path: "header", Err: fielderr.Errorf(ismskit.ErrSyntax, "%v", err)}
	}
	if !ok {
		return &ismskit.Error{Path: "header", Err: fielderr.Errorf(ismskit.ErrMissing, "no header row: the file is empty")}
	}
	var col [numColumns]int
	for i := range col {
		col[i] = -1
	}
	l := fielderr.List{Max: lim.MaxProblems}
	width := len(r.fields)
	for j, f := range r.fields {
		name := string(bytes.TrimSpace(f))
		for c, want := range credentialColumns {
			if name != want {
				continue
			}
			if col[c] >= 0 {
				l.Add("header", fielderr.Errorf(ismskit.ErrSyntax, "line 1: column %q given twice", name))
			}
			col[c] = j
		}
	}
	for c, j := range col {
		if j < 0 {
			l.Add("header", fielderr.Errorf(ismskit.ErrMissing, "line 1: no column %q", credentialColumns[c]))
		}
	}
	if err := l.Err(); err != nil {
		return err
	}
	if size != nil {
		size(bytes.Count(data, []byte{'\n'}))
	}
	var u IAMUser
	var bad []cellProblem
	for i := 0; ; i++ {
		ok, err := r.read()
		if err != nil {
			l.Add(fielderr.Index("rows", i), fielderr.Errorf(ismskit.ErrSyntax, "%v", err))
			break
		}
		if !ok {
			break
		}
		if len(r.fields) != width {
			l.Add(fielderr.Index("rows", i), fielderr.Errorf(ismskit.ErrSyntax, "line %d: %d fields, the header has %d", r.line, len(r.fields), width))
			continue
		}
		bad = decodeUser(&u, r.fields, &col, r.line, keep, bad[:0])
		if len(bad) > 0 {
			for _, b := range bad {
				l.AddItem(fielderr.Key(fielderr.Index("rows", i), b.column), string(r.fields[col[colUser]]), b.err)
			}
			continue
		}
		if l.Len() == 0 {
			row(&u, r.fields[col[colUser]])
		}
	}
	return l.Err()
}

// ReadCredentialReport reads a credential report from r, never past the
// byte limit of opts, and decodes it as DecodeCredentialReport does.
func ReadCredentialReport(r io.Reader, opts ...ismskit.DecodeOption) (CredentialReport, error) {
	return codec.Read(r, opts, DecodeCredentialReport)
}

type cellProblem struct {
	column string
	err    error
}

// decodeUser decodes one row into u, and appends to bad the cells that
// could not be read.
func decodeUser(u *IAMUser, f [][]byte, col *[numColumns]int, line int, keep bool, bad []cellProblem) []cellProblem {
	cell := func(c int) []byte { return f[col[c]] }
	*u = IAMUser{Line: line}
	switch name := cell(colUser); {
	case keep:
		u.User, u.ARN = string(name), string(cell(colARN))
	case string(name) == RootAccount:
		u.User = RootAccount
	}
	if len(cell(colUser)) == 0 {
		bad = append(bad, cellProblem{"user", fielderr.Errorf(ismskit.ErrMissing, "line %d: no user name", line)})
	}
	boolean := func(c int, notSupported bool) bool {
		v, ok := parseBool(cell(c))
		if !ok && !(notSupported && string(cell(c)) == "not_supported") {
			bad = append(bad, cellProblem{credentialColumns[c], fielderr.Errorf(ismskit.ErrSyntax, "line %d: %q is not true or false", line, clip(string(cell(c))))})
		}
		return v
	}
	stamp := func(c int) time.Time {
		t, ok := parseStamp(cell(c))
		if !ok {
			bad = append(bad, cellProblem{credentialColumns[c], fielderr.Errorf(ismskit.ErrSyntax, "line %d: %q is not an ISO 8601 date-time or N/A", line, clip(string(cell(c))))})
		}
		return t
	}
	u.Created = stamp(colCreated)
	u.PasswordEnabled = boolean(colPasswordEnabled, true)
	u.PasswordLastUsed = stamp(colPasswordLastUsed)
	u.PasswordLastChanged = stamp(colPasswordLastChanged)
	u.MFAActive = boolean(colMFA, false)
	u.AccessKeys[0] = AccessKey{Active: boolean(colKey1Active, false), LastRotated: stamp(colKey1Rotated), LastUsed: stamp(colKey1Used)}
	u.AccessKeys[1] = AccessKey{Active: boolean(colKey2Active, false), LastRotated: stamp(colKey2Rotated), LastUsed: stamp(colKey2Used)}
	return bad
}

func parseBool(b []byte) (bool, bool) {
	switch len(b) {
	case 4:
		if (b[0]|0x20) == 't' && (b[1]|0x20) == 'r' && (b[2]|0x20) == 'u' && (b[3]|0x20) == 'e' {
			return true, true
		}
	case 5:
		if (b[0]|0x20) == 'f' && (b[1]|0x20) == 'a' && (b[2]|0x20) == 'l' && (b[3]|0x20) == 's' && (b[4]|0x20) == 'e' {
			return false, true
		}
	}
	return false, false
}

// parseStamp reads an ISO 8601 date-time of a credential report, or one
// of the words that stand for none. The common form
// 2026-11-20T08:01:12+00:00 (or ...Z) is read without time.Parse.
func parseStamp(b []byte) (time.Time, bool) {
	switch string(b) {
	case "N/A", "no_information", "not_supported", "":
		return time.Time{}, true
	}
	if (len(b) == 25 && string(b[19:]) == "+00:00") || (len(b) == 20 && b[19] == 'Z') {
		if b[4] == '-' && b[7] == '-' && b[10] == 'T' && b[13] == ':' && b[16] == ':' {
			y, ok1 := num(b[0:4])
			mo, ok2 := num(b[5:7])
			d, ok3 := num(b[8:10])
			h, ok4 := num(b[11:13])
			mi, ok5 := num(b[14:16])
			s, ok6 := num(b[17:19])
			if ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && y >= 1 && mo >= 1 && mo <= 12 && d >= 1 &&
				d <= daysIn(y, time.Month(mo)) && h < 24 && mi < 60 && s < 60 {
				sec := daysFromCivil(y, mo, d)*86400 + int64(h*3600+mi*60+s)
				return time.Unix(sec, 0).UTC(), true
			}
			return time.Time{}, false
		}
	}
	t, err := time.Parse(time.RFC3339, string(b))
	if err != nil {
		return time.Time{}, false
	}
	return t.UTC(), true
}

func num(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d in
// the proleptic Gregorian calendar (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// dayNumber returns the day of t in UTC, counted from 1970-01-01.
func dayNumber(t time.Time) int64 {
	s := t.Unix()
	if s < 0 {
		return (s - 86399) / 86400
	}
	return s / 86400
}

// asOfDay returns the day number of asOf, for daysSince.
func asOfDay(asOf ismskit.Date) int64 {
	return daysFromCivil(asOf.Year(), int(asOf.Month()), asOf.Day())
}

// daysSince returns the whole days from the UTC calendar day of t to the
// day numbered today (negative when t is later).
func daysSince(t time.Time, today int64) int { return int(today - dayNumber(t)) }

// IAMMFA is the check aws-iam-mfa: every IAM user with a console
// password, and the root user, has MFA (ISO/IEC 27002:2022 5.17
// authentication information, 8.5 secure authentication). Its
// population is every row of the credential report whose password is
// enabled, plus the root user's row; a row fails when mfa_active is
// false. The zero value is the check, ready to use.
type IAMMFA struct{}

// Definition describes the check.
func (IAMMFA) Definition() Definition {
	return Definition{
		ID:         "aws-iam-mfa",
		Title:      "Console users and the root user of the AWS account sign in with MFA",
		Population: "IAM users with a console password, and the root user",
		Controls:   []iso27002.ControlID{iso27002.MustParse("5.17"), iso27002.MustParse("8.5")},
		Inputs:     []string{CredentialReportFile},
		Frequency:  Weekly,
	}
}

// Check decodes the credential report of files and evaluates it.
func (c IAMMFA) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	res := NewResult(c.Definition(), asOf)
	if err := scanCredentialReport(files[CredentialReportFile], opts, false, nil, func(u *IAMUser, name []byte) {
		c.user(res, u, name)
	}); err != nil {
		return nil, err
	}
	return res, nil
}

// Evaluate runs the check on a decoded report.
func (c IAMMFA) Evaluate(rep CredentialReport, asOf ismskit.Date) *Result {
	res := NewResult(c.Definition(), asOf)
	for i := range rep.Users {
		c.user(res, &rep.Users[i], nil)
	}
	return res
}

// user counts and checks one user; name, when not nil, is the user name
// (u.User is then empty for a user other than root).
func (IAMMFA) user(res *Result, u *IAMUser, name []byte) {
	if !u.PasswordEnabled && !u.IsRoot() {
		return
	}
	res.Total++
	if !u.MFAActive {
		if u.IsRoot() {
			res.Fail(u.User, "root user without MFA")
		} else {
			res.Fail(userName(u, name), "console password without MFA")
		}
	}
}

// userName returns the user's name: u.User, or name when given.
func userName(u *IAMUser, name []byte) string {
	if name != nil {
		return string(name)
	}
	return u.User
}

// DefaultMaxUnusedDays is how many days a password or access key may go
// unused before IAMUnusedCredentials fails it: 45, as the CIS Amazon Web
// Services Foundations Benchmark recommends.
const DefaultMaxUnusedDays = 45

// IAMUnusedCredentials is the check aws-iam-unused-credentials: no IAM
// user keeps a console password or an active access key it does not use
// (ISO/IEC 27002:2022 5.16 identity management, 5.18 access rights).
// Its population is every user other than the root user with a password
// enabled or an active access key; a user fails when an enabled password
// or an active key has not been used for more than MaxUnusedDays as of
// the day of the check. A password never used counts from the user's
// creation; a key never used from its last rotation (or the user's
// creation, when the report gives no rotation).
type IAMUnusedCredentials struct {
	// MaxUnusedDays is the limit in days; zero or less means
	// DefaultMaxUnusedDays.
	MaxUnusedDays int `json:"maxUnusedDays,omitempty"`
}

func (c IAMUnusedCredentials) limit() int {
	if c.MaxUnusedDays <= 0 {
		return DefaultMaxUnusedDays
	}
	return c.MaxUnusedDays
}

// Definition describes the check, with its limit as the parameter
// maxUnusedDays.
func (c IAMUnusedCredentials) Definition() Definition {
	return Definition{
		ID:         "aws-iam-unused-credentials",
		Title:      "No IAM user keeps a password or access key unused beyond the limit",
		Population: "IAM users (not the root user) with a console password or an active access key",
		Controls:   []iso27002.ControlID{iso27002.MustParse("5.16"), iso27002.MustParse("5.18")},
		Inputs:     []string{CredentialReportFile},
		Frequency:  Weekly,
		Parameters: []Parameter{{Name: "maxUnusedDays", Value: strconv.Itoa(c.limit())}},
	}
}

// Check decodes the credential report of files and evaluates it.
func (c IAMUnusedCredentials) Check(files map[string][]byte, asOf ismskit.Date, opts ...ismskit.DecodeOption) (*Result, error) {
	res := NewResult(c.Definition(), asOf)
	var why []string
	if err := scanCredentialReport(files[CredentialReportFile], opts, false, nil, func(u *IAMUser, name []byte) {
		why = c.user(res, u, name, asOf, why)
	}); err != nil {
		return nil, err
	}
	return res, nil
}

// Evaluate runs the check on a decoded report as of asOf.
func (c IAMUnusedCredentials) Evaluate(rep CredentialReport, asOf ismskit.Date) *Result {
	res := NewResult(c.Definition(), asOf)
	var why []string
	for i := range rep.Users {
		why = c.user(res, &rep.Users[i], nil, asOf, why)
	}
	return res
}

// user counts and checks one user; why is scratch space, returned for
// reuse.
func (c IAMUnusedCredentials) user(res *Result, u *IAMUser, name []byte, asOf ismskit.Date, why []string) []string {
	if u.IsRoot() || !u.PasswordEnabled && !u.AccessKeys[0].Active && !u.AccessKeys[1].Active {
		return why
	}
	max := c.limit()
	today := asOfDay(asOf)
	res.Total++
	why = why[:0]
	if u.PasswordEnabled {
		if !u.PasswordLastUsed.IsZero() {
			if d := daysSince(u.PasswordLastUsed, today); d > max {
				why = append(why, "password unused for "+days(d))
			}
		} else if d := daysSince(u.Created, today); !u.Created.IsZero() && d > max {
			why = append(why, "password never used, user created "+days(d)+" ago")
		}
	}
	for k := range u.AccessKeys {
		key := &u.AccessKeys[k]
		if !key.Active {
			continue
		}
		n := strconv.Itoa(k + 1)
		switch {
		case !key.LastUsed.IsZero():
			if d := daysSince(key.LastUsed, today); d > max {
				why = append(why, "access key "+n+" unused for "+days(d))
			}
		case !key.LastRotated.IsZero():
			if d := daysSince(key.LastRotated, today); d > max {
				why = append(why, "access key "+n+" never used, created "+days(d)+" ago")
			}
		case !u.Created.IsZero():
			if d := daysSince(u.Created, today); d > max {
				why = append(why, "access key "+n+" never used, user created "+days(d)+" ago")
			}
		}
	}
	if len(why) > 0 {
		res.Fail(userName(u, name), strings.Join(why, "; "))
	}
	return why
}
