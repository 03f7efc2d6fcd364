// Command catalog prints an ISO/IEC 27002 control catalog.
//
//	go run ./examples/catalog [-edition 2022|2013] [-extend FILE] [-format json|csv|markdown] [-theme T] [-attr VALUE] [-search WORDS] [-id ID]
//
// -theme keeps the controls of one 2022 theme (organizational, people,
// physical, technological); -attr keeps the controls with an attribute
// value (Preventive, Asset_management, ...; repeat it to require several);
// -search keeps the controls whose title or summary hold every word.
// -extend adds an organisation's own controls, read from a catalog JSON
// file (see testdata/cloud.json), to the edition: the result keeps the
// edition. -id prints the one control with that ID as the organisation's
// data spells it ("CLOUD-1" for "cloud:CLOUD-1", "A.5.1" for 5.1).
// With -format json it prints one JSON array of controls. Bad flags and
// unknown IDs print a message and exit with status 2.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/iso27002"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// attrFlags collects repeated -attr values.
type attrFlags []iso27002.Attribute

func (a *attrFlags) String() string { return fmt.Sprint(*a) }

func (a *attrFlags) Set(s string) error {
	v, err := iso27002.ParseAttribute(s)
	if err != nil {
		return err
	}
	*a = append(*a, v)
	return nil
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("catalog", flag.ContinueOnError)
	fs.SetOutput(stderr)
	edition := fs.String("edition", "2022", "catalog edition: 2022 or 2013")
	format := fs.String("format", "markdown", "output format: json, csv or markdown")
	theme := fs.String("theme", "", "keep one 2022 theme: organizational, people, physical or technological")
	search := fs.String("search", "", "keep controls whose title or summary hold every word")
	extend := fs.String("extend", "", "add the organisation's own controls from this catalog JSON `FILE`")
	id := fs.String("id", "", "print the one control with this `ID`, as the organisation's data spells it")
	var attrs attrFlags
	fs.Var(&attrs, "attr", "keep controls with this attribute value (repeatable), e.g. Preventive or Asset_management")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: catalog [-edition 2022|2013] [-extend FILE] [-format json|csv|markdown] [-theme T] [-attr VALUE] [-search WORDS] [-id ID]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "catalog: "+format+"\n", a...)
		fs.Usage()
		return 2
	}
	if fs.NArg() > 0 {
		return usage("unexpected argument %q", fs.Arg(0))
	}
	ed, err := iso27002.ParseEdition(*edition)
	if err != nil || !ed.IsValid() {
		return usage("-edition: want 2022 or 2013, got %q", *edition)
	}
	cat, _ := iso27002.BuiltIn(ed)
	if *extend != "" {
		if cat, err = extendWith(cat, *extend); err != nil {
			fmt.Fprintf(stderr, "catalog: -extend: %v\n", err)
			return 2
		}
	}
	var filters []iso27002.Filter
	if *id != "" {
		want, err := cat.Parse(*id)
		if err != nil {
			return usage("-id: %v", err)
		}
		filters = append(filters, iso27002.FilterFunc(func(c iso27002.Control) bool { return c.ID == want }))
	}
	if *theme != "" {
		if ed != iso27002.Edition2022 {
			return usage("-theme applies to the 2022 edition only")
		}
		t, err := iso27002.ParseTheme(*theme)
		if err != nil {
			return usage("-theme: %v", err)
		}
		filters = append(filters, iso27002.InTheme(t))
	}
	if len(attrs) > 0 {
		if ed != iso27002.Edition2022 {
			return usage("-attr applies to the 2022 edition only")
		}
		filters = append(filters, iso27002.HasAttribute(attrs...))
	}
	if *search != "" {
		filters = append(filters, iso27002.Matching(*search))
	}
	var controls []iso27002.Control
	for c := range cat.Select(filters...) {
		controls = append(controls, c)
	}

	w := bufio.NewWriter(stdout)
	switch *format {
	case "json":
		err = writeJSON(w, controls)
	case "csv":
		err = toTable(ed, controls).WriteCSV(w)
	case "markdown", "md":
		err = toTable(ed, controls).WriteMarkdown(w)
	default:
		return usage("-format: want json, csv or markdown, got %q", *format)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "catalog:", err)
		return 1
	}
	return 0
}

// extendWith adds the controls and groups of the catalog file name to
// base.
func extendWith(base *iso27002.Catalog, name string) (*iso27002.Catalog, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	own, err := iso27002.ReadCatalog(f)
	if err != nil {
		return nil, err
	}
	return base.Extend(base.Name()+" and "+own.Name(), slices.Collect(own.Controls()), slices.Collect(own.Groups())...)
}

func writeJSON(w io.Writer, controls []iso27002.Control) error {
	if controls == nil {
		controls = []iso27002.Control{}
	}
	b, err := json.MarshalIndent(controls, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func join(ids []iso27002.ControlID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = id.String()
	}
	return strings.Join(s, " ")
}

func toTable(ed iso27002.Edition, controls []iso27002.Control) *table.Table {
	t := &table.Table{}
	if ed == iso27002.Edition2013 {
		t.Header = []string{"id", "title", "clause", "objective", "to2022", "summary"}
		for _, c := range controls {
			t.Append(c.ID.String(), c.Title, c.ID.Clause(), c.ID.Objective(), join(iso27002.To2022(c.ID)), c.Summary)
		}
		return t
	}
	t.Header = []string{"id", "title", "theme", "new"}
	for at := range iso27002.AttributeTypes() {
		code, _ := at.MarshalText()
		t.Header = append(t.Header, string(code))
	}
	t.Header = append(t.Header, "from2013", "summary")
	for _, c := range controls {
		theme, _ := c.Theme.MarshalText()
		row := []string{c.ID.String(), c.Title, string(theme), fmt.Sprint(c.New)}
		for at := range iso27002.AttributeTypes() {
			row = append(row, strings.Join(c.Attributes.Strings(at), " "))
		}
		row = append(row, join(iso27002.From2013(c.ID)), c.Summary)
		t.Append(row...)
	}
	return t
}
