// Command regulation shows the regulations built into ismskit (package
// soa/regulation): their requirements, the notifications a breach or
// incident calls for and when they are due (soa/regulation/notify), and
// how far a Statement of Applicability covers each regulation.
//
//	go run ./examples/regulation -list gdpr|hipaa|nis2|dora [-format text|json]
//	go run ./examples/regulation -deadlines -regimes gdpr,nis2,hipaa,dora -aware RFC3339
//	    [-classified RFC3339] [-affected N] [-detected RFC3339] [-high-risk] [-processor]
//	    [-trust-service] [-business-associate] [-residents STATE=N,...] [-clients-affected]
//	    [-no-weekend-relief] [-holidays YYYY-MM-DD,...] [-zone NAME] [-at RFC3339] [-format text|json]
//	go run ./examples/regulation -coverage gdpr|hipaa|nis2|dora [-soa FILE] [-tailoring FILE] [-format text|json]
//
// -list prints the requirements of a regulation: in JSON an array of
// objects with id (the ID inside the regulation, "Art. 32",
// "164.308(a)(1)(ii)(A)", "21(2)(d)"), ref (the full ID), title and kind,
// and for HIPAA required (true for Required, false for Addressable).
//
// -deadlines prints every notification the regimes require for an
// incident the organisation became aware of at -aware: in JSON an array
// of objects with regime, notify (the recipient), report, basis (the
// article or section), due (RFC 3339, a date YYYY-MM-DD where the law
// counts calendar days, or null where it sets no fixed time) and timing;
// with -at, overdue says whether it is late at that time. DORA needs
// -classified, the time the incident was classified as major. -affected
// is the number of individuals for HIPAA; -residents their count per
// State. Times keep the offset they are given in; -zone reads them in an
// IANA time zone instead, so that summer time and DORA's weekends are
// those of the organisation's place.
//
// -coverage prints how far the sample company's SoA (or the SoA of -soa
// FILE, as soa.DecodeSoA reads it) covers a regulation through the
// Annex A controls mapped to it: Markdown, or JSON with -format json. The
// tailoring is the sample company's (or that of -tailoring FILE) when it
// names the regulation.
//
// Without a mode it prints the regulations and their sizes. Bad flags or
// input: a message on stderr and exit status 2; it never panics.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	_ "time/tzdata" // -zone works on machines without a time zone database

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/regulation"
	"github.com/ismskit/ismskit/soa/regulation/notify"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is bad flags or input: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

type options struct {
	list, coverage, format                   string
	deadlines                                bool
	regimes, aware, classified, detected, at string
	zone                                     string
	affected                                 int
	residents, holidays                      string
	highRisk, processor, trust, ba           bool
	clients, noRelief                        bool
	soaFile, tailoringFile                   string
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("regulation", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.list, "list", "", "list the requirements of a regulation: gdpr, hipaa, nis2 or dora")
	fs.BoolVar(&o.deadlines, "deadlines", false, "list the notifications an incident calls for and when they are due")
	fs.StringVar(&o.coverage, "coverage", "", "how far the SoA covers a regulation: gdpr, hipaa, nis2 or dora")
	fs.StringVar(&o.format, "format", "text", "output format: text or json")
	fs.StringVar(&o.regimes, "regimes", "", "-deadlines: the regimes that apply, comma-separated (gdpr,nis2,hipaa,dora)")
	fs.StringVar(&o.aware, "aware", "", "-deadlines: when the organisation became aware, RFC 3339")
	fs.StringVar(&o.classified, "classified", "", "-deadlines: DORA, when the incident was classified as major, RFC 3339")
	fs.StringVar(&o.detected, "detected", "", "-deadlines: when the incident was first detected (HIPAA discovery), RFC 3339")
	fs.StringVar(&o.zone, "zone", "", "-deadlines: the IANA time zone of the organisation (Europe/Brussels), for summer time and DORA's weekends; default: the offsets given")
	fs.StringVar(&o.at, "at", "", "-deadlines: say which notifications are overdue at this time, RFC 3339")
	fs.IntVar(&o.affected, "affected", 0, "-deadlines: HIPAA, the number of individuals affected")
	fs.StringVar(&o.residents, "residents", "", "-deadlines: HIPAA, individuals per State, as STATE=N,STATE=N")
	fs.StringVar(&o.holidays, "holidays", "", "-deadlines: DORA, the Member State's bank holidays, YYYY-MM-DD,...")
	fs.BoolVar(&o.highRisk, "high-risk", false, "-deadlines: GDPR, the breach is likely to result in a high risk (Art. 34)")
	fs.BoolVar(&o.processor, "processor", false, "-deadlines: GDPR, the organisation is the processor (Art. 33(2))")
	fs.BoolVar(&o.trust, "trust-service", false, "-deadlines: NIS2, the organisation is a trust service provider")
	fs.BoolVar(&o.ba, "business-associate", false, "-deadlines: HIPAA, the organisation is a business associate (164.410)")
	fs.BoolVar(&o.clients, "clients-affected", false, "-deadlines: DORA, the incident affects clients' financial interests (Art. 19(3))")
	fs.BoolVar(&o.noRelief, "no-weekend-relief", false, "-deadlines: DORA, no weekend relief for the initial and intermediate reports (2025/301 Art. 5(5), (6))")
	fs.StringVar(&o.soaFile, "soa", "", "-coverage: an SoA JSON file (default: the sample company's SoA)")
	fs.StringVar(&o.tailoringFile, "tailoring", "", "-coverage: a regulation tailoring JSON file (default: the sample company's)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: regulation -list REG | -deadlines -regimes REG,... -aware TIME [...] | -coverage REG [-soa FILE] [-format text|json]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	err := o.run(fs, stdout)
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "regulation: %s\n", strings.TrimRight(ue.msg, "\n"))
		return 2
	}
	fmt.Fprintf(stderr, "regulation: %v\n", err)
	return 1
}

func (o *options) run(fs *flag.FlagSet, w io.Writer) error {
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q (see -h)", fs.Arg(0))
	}
	if o.format != "text" && o.format != "json" {
		return usagef("-format: want text or json, got %q", o.format)
	}
	modes := 0
	for _, on := range []bool{o.list != "", o.deadlines, o.coverage != ""} {
		if on {
			modes++
		}
	}
	if modes > 1 {
		return usagef("choose one of -list, -deadlines and -coverage")
	}
	// Flags of one mode given to another are a mistake worth saying.
	var misplaced string
	fs.Visit(func(f *flag.Flag) { // in lexical order
		if (f.Name == "list" || f.Name == "coverage") && f.Value.String() == "" && misplaced == "" {
			misplaced = f.Name
		}
		deadlineFlag := !slices.Contains([]string{"list", "coverage", "format", "deadlines", "soa", "tailoring"}, f.Name)
		if misplaced == "" && (deadlineFlag && !o.deadlines || (f.Name == "soa" || f.Name == "tailoring") && o.coverage == "") {
			misplaced = f.Name
		}
	})
	switch {
	case misplaced == "list" || misplaced == "coverage":
		return usagef("-%s needs a regulation: gdpr, hipaa, nis2 or dora", misplaced)
	case misplaced != "":
		return usagef("-%s does not apply here (see -h)", misplaced)
	}
	switch {
	case o.list != "":
		return o.listRequirements(w)
	case o.deadlines:
		return o.listDeadlines(w)
	case o.coverage != "":
		return o.printCoverage(w)
	}
	return overview(w)
}

func parseRegulation(flagName, s string) (regulation.Regulation, error) {
	r, err := regulation.ParseRegulation(s)
	if err != nil {
		return 0, usagef("-%s: %q is not a built-in regulation (want gdpr, hipaa, nis2 or dora)", flagName, s)
	}
	return r, nil
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func table(w io.Writer, rows ...[]string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

func overview(w io.Writer) error {
	rows := [][]string{{"Regulation", "Requirements", "Annex A pairs", "Title"}}
	for _, r := range regulation.Regulations() {
		pairs := 0
		for range r.Mappings() {
			pairs++
		}
		rows = append(rows, []string{r.String(), strconv.Itoa(r.Len()), strconv.Itoa(pairs), r.Title()})
	}
	if err := table(w, rows...); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\nTry -list gdpr, -deadlines -regimes gdpr,nis2 -aware 2026-01-30T18:00:00+01:00, or -coverage nis2 (-h for more).")
	return err
}

// requirementJSON is one line of -list -format json.
type requirementJSON struct {
	ID       string `json:"id"`
	Ref      string `json:"ref"`
	Title    string `json:"title"`
	Kind     string `json:"kind"`
	Required *bool  `json:"required,omitempty"`
}

func (o *options) listRequirements(w io.Writer) error {
	r, err := parseRegulation("list", o.list)
	if err != nil {
		return err
	}
	var rows []requirementJSON
	text := [][]string{{"ID", "Title", "Kind"}}
	for req := range r.Requirements() {
		kind, _ := req.Kind.MarshalText()
		row := requirementJSON{ID: req.ID.Local(), Ref: req.ID.String(), Title: req.Title, Kind: string(kind)}
		line := []string{row.ID, row.Title, req.Kind.String()}
		if r == regulation.HIPAA {
			required := req.Designation == regulation.Required
			row.Required = &required
			line[2] += ", " + req.Designation.String()
		}
		rows = append(rows, row)
		text = append(text, line)
	}
	if o.format == "json" {
		return writeJSON(w, rows)
	}
	return table(w, text...)
}

func parseTime(flagName, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, usagef("-%s: want an RFC 3339 time such as 2026-01-30T18:00:00+01:00, got %q", flagName, s)
	}
	return t, nil
}

// incident builds the incident of the -deadlines flags.
func (o *options) incident() (notify.Incident, error) {
	inc := notify.Incident{Individuals: o.affected, HighRisk: o.highRisk, Processor: o.processor, TrustService: o.trust,
		BusinessAssociate: o.ba, ClientsAffected: o.clients, NoWeekendRelief: o.noRelief}
	if o.regimes == "" {
		return inc, usagef("-deadlines needs -regimes, such as -regimes gdpr,nis2")
	}
	for _, s := range strings.Split(o.regimes, ",") {
		r, err := parseRegulation("regimes", strings.TrimSpace(s))
		if err != nil {
			return inc, err
		}
		inc.Regimes = append(inc.Regimes, r)
	}
	if o.aware == "" {
		return inc, usagef("-deadlines needs -aware, the time the organisation became aware, RFC 3339")
	}
	var loc *time.Location
	if o.zone != "" {
		l, err := time.LoadLocation(o.zone)
		if err != nil {
			return inc, usagef("-zone: %q is not a time zone such as Europe/Brussels", o.zone)
		}
		loc = l
	}
	var err error
	for _, f := range []struct {
		name string
		s    string
		t    *time.Time
	}{{"aware", o.aware, &inc.Aware}, {"classified", o.classified, &inc.Classified}, {"detected", o.detected, &inc.Detected}} {
		if *f.t, err = parseTime(f.name, f.s); err != nil {
			return inc, err
		}
		if loc != nil && !f.t.IsZero() {
			*f.t = f.t.In(loc)
		}
	}
	if o.residents != "" {
		inc.Residents = map[string]int{}
		for _, kv := range strings.Split(o.residents, ",") {
			k, v, ok := strings.Cut(kv, "=")
			n, err := strconv.Atoi(v)
			if !ok || err != nil {
				return inc, usagef("-residents: want STATE=N,STATE=N, got %q", kv)
			}
			inc.Residents[k] = n
		}
	}
	if o.holidays != "" {
		for _, s := range strings.Split(o.holidays, ",") {
			d, err := ismskit.ParseDate(s)
			if err != nil {
				return inc, usagef("-holidays: %v", err)
			}
			inc.Holidays = append(inc.Holidays, d)
		}
	}
	return inc, nil
}

// deadlineJSON is one line of -deadlines -format json.
type deadlineJSON struct {
	Regime    string  `json:"regime"`
	Notify    string  `json:"notify"`
	Report    string  `json:"report"`
	Basis     string  `json:"basis"`
	Due       *string `json:"due"`
	Timing    string  `json:"timing"`
	Estimated bool    `json:"estimated,omitempty"`
	Unmoved   string  `json:"unmoved,omitempty"`
	Overdue   *bool   `json:"overdue,omitempty"`
}

func (o *options) listDeadlines(w io.Writer) error {
	inc, err := o.incident()
	if err != nil {
		return err
	}
	at, err := parseTime("at", o.at)
	if err != nil {
		return err
	}
	ns, err := notify.Deadlines(inc)
	if err != nil {
		return usagef("the incident is not valid:\n%s", problems(err))
	}
	var rows []deadlineJSON
	text := [][]string{{"Regime", "Notify", "Basis", "Due", "Timing"}}
	for _, n := range ns {
		code := func(m interface{ MarshalText() ([]byte, error) }) string { b, _ := m.MarshalText(); return string(b) }
		row := deadlineJSON{Regime: code(n.Regime), Notify: code(n.Notify), Report: code(n.Report), Basis: n.Basis.String(),
			Timing: n.Timing, Estimated: n.Estimated, Unmoved: n.Unmoved.String()}
		due := n.Due.String()
		if due != "" {
			row.Due = &due
		} else {
			due = "no fixed time"
		}
		if !at.IsZero() {
			late := n.OverdueAt(at)
			row.Overdue = &late
			if late {
				due += " OVERDUE"
			}
		}
		rows = append(rows, row)
		text = append(text, []string{n.Regime.String(), n.Notify.String(), n.Basis.String(), due, n.Timing})
	}
	if o.format == "json" {
		if rows == nil {
			rows = []deadlineJSON{}
		}
		return writeJSON(w, rows)
	}
	return table(w, text...)
}

func (o *options) printCoverage(w io.Writer) error {
	r, err := parseRegulation("coverage", o.coverage)
	if err != nil {
		return err
	}
	var s soa.SoA
	if o.soaFile != "" {
		if s, err = readDocument(o.soaFile, "SoA", soa.ReadSoA); err != nil {
			return err
		}
	} else if s, err = sampleSoA(); err != nil {
		return err
	}
	tl, err := sample.Tailoring()
	if err != nil {
		return err
	}
	if o.tailoringFile != "" {
		if tl, err = readDocument(o.tailoringFile, "tailoring", regulation.ReadTailoring); err != nil {
			return err
		}
	}
	var opts regulation.CoverageOptions
	if names(tl, r) {
		opts.Tailoring = &tl
	}
	c, err := regulation.CoverageOf(r, s, opts)
	if err != nil {
		return usagef("%s", problems(err))
	}
	if o.format == "json" {
		return regulation.WriteCoverage(w, c)
	}
	_, err = w.Write(c.Markdown())
	return err
}

// readDocument reads a JSON document from a file with one of the
// library's readers; a missing or invalid file is a usage error.
func readDocument[T any](name, what string, read func(io.Reader, ...ismskit.DecodeOption) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(name)
	if err != nil {
		return zero, usagef("cannot read the %s: %v", what, err)
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, usagef("the %s is not valid:\n%s", what, problems(err))
	}
	return v, nil
}

// names reports whether the tailoring says anything about r.
func names(t regulation.Tailoring, r regulation.Regulation) bool {
	return slices.Contains(t.Regulations, r) || slices.ContainsFunc(t.Requirements, func(id regulation.ID) bool { return id.Regulation() == r })
}

func problems(err error) string {
	var b strings.Builder
	for _, p := range ismskit.Problems(err) {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	return b.String()
}

// sampleSoA generates the sample company's SoA as the quickstart does:
// its register and sources, with the GDPR and NIS2 obligations of
// package soa/regulation.
func sampleSoA() (soa.SoA, error) {
	org, err := sample.LoadOrganisation()
	if err != nil {
		return soa.SoA{}, err
	}
	cat, err := iso27002.Catalog2022().Extend("ISO/IEC 27002:2022 and Nimbus Ledger controls", org.Controls)
	if err != nil {
		return soa.SoA{}, err
	}
	reg, err := risk.DecodeRegister(sample.RegisterJSON())
	if err != nil {
		return soa.SoA{}, err
	}
	src, err := sample.Sources()
	if err != nil {
		return soa.SoA{}, err
	}
	return soa.Generate(soa.Input{Catalog: cat, Register: reg, Sources: src,
		Header: soa.Header{Organization: org.Name, Scope: "ISMS-SCOPE", Version: "2026.2", Date: org.AsOf}})
}
