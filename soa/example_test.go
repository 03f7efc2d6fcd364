package soa_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

var date = ismskit.NewDate(2026, 11, 28)

func exampleRegister() risk.Register {
	return risk.Register{Criteria: risk.Standard5x5(), Risks: []risk.Risk{{
		ID: "R-1", Title: "Ransomware", Owner: "CTO", Likelihood: 3, Impact: 4,
		Controls:  []risk.AppliedControl{{Control: iso27002.MustParse("8.13"), Status: risk.Implemented}},
		Treatment: risk.Treatment{Option: risk.Modify},
	}}}
}

func ExampleGenerate() {
	s, err := soa.Generate(soa.Input{
		Header:   soa.Header{Organization: "Example Ltd", Version: "1.0", Date: date},
		Register: exampleRegister(),
		Sources: soa.Sources{
			Obligations: []soa.Obligation{{ID: "GDPR", Kind: soa.Legal, Reference: "GDPR Art. 32", Controls: []iso27002.ControlID{iso27002.MustParse("5.34")}}},
			Decisions:   []soa.Decision{{Control: iso27002.MustParse("7.4"), Applicability: soa.Excluded, Justification: "No premises"}},
		},
	})
	if err != nil {
		panic(err)
	}
	for _, c := range []string{"5.34", "7.4", "8.13", "5.1"} {
		e, _ := s.Entry(iso27002.MustParse(c))
		var reasons []string
		for _, r := range e.Reasons {
			reasons = append(reasons, r.String())
		}
		fmt.Printf("%s %s | %s | %s | %s.\n", e.Control, e.Applicability, e.Status, strings.Join(reasons, "; "), e.Justification)
	}
	undecided := 0
	for range s.Undecided() {
		undecided++
	}
	fmt.Println(len(s.Entries), "entries,", undecided, "undecided")
	// Output:
	// 5.34 Included |  | Legal: GDPR Art. 32 | .
	// 7.4 Excluded | Not applicable |  | No premises.
	// 8.13 Included | Implemented | Risk treatment: R-1 | .
	// 5.1 Undecided |  |  | .
	// 93 entries, 90 undecided
}

func ExampleSoA_Validate() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1.0", Date: date}, Register: exampleRegister()})
	reg := exampleRegister()
	err := s.Validate(soa.ValidateOptions{Register: &reg})
	fmt.Println(errors.Is(err, soa.ErrUndecided), errors.Is(err, soa.ErrNoStatus))
	var fe *ismskit.Error
	if errors.As(err, &fe) {
		fmt.Println(fe)
	}
	// Output:
	// true false
	// entries[0].applicability (5.1): 5.1 is undecided: include it with a reason or exclude it with a justification
}

func ExampleDiff() {
	older, _ := soa.Generate(soa.Input{Header: soa.Header{Version: "1"}, Register: exampleRegister()})
	newer := older.Clone()
	newer.Header.Version = "2"
	newer.Entries[0].Applicability, newer.Entries[0].Justification = soa.Excluded, "Covered by the group policy"
	fmt.Print(string(soa.Diff(older, newer).Markdown()))
	// Output:
	// # SoA changes from version 1 to 2
	//
	// 1 controls changed: 1 modified, 0 added, 0 removed.
	//
	// | Control | Title | Change | Field | Before | After |
	// | --- | --- | --- | --- | --- | --- |
	// | 5.1 | Policies for information security | Modified | applicability | Undecided | Excluded |
	// | 5.1 | Policies for information security | Modified | justification | (none) | Covered by the group policy |
}

func ExampleApprove() {
	draft, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1.0", Date: date}, Register: exampleRegister()})
	snap, err := soa.Approve(draft, "CEO", date.AddDate(0, 0, 1))
	if err != nil {
		panic(err)
	}
	fmt.Println(snap.Verify(), snap.Differs(draft))
	draft.Entries[0].Owner = "New owner"
	fmt.Println(snap.Differs(draft))
	// Output:
	// <nil> false
	// true
}

func ExampleTransition() {
	old, _ := soa.Generate(soa.Input{Catalog: iso27002.Catalog2013(), Header: soa.Header{Organization: "Example Ltd", Version: "3.0", Date: date},
		Sources: soa.Sources{Decisions: []soa.Decision{
			{Control: iso27002.MustParse("A.8.1.1"), Reasons: []soa.Reason{{Kind: soa.BestPractice}}, Status: soa.Implemented},
			{Control: iso27002.MustParse("A.8.1.2"), Applicability: soa.Excluded, Justification: "Owners are implicit"},
			{Control: iso27002.MustParse("A.12.3.1"), Reasons: []soa.Reason{{Kind: soa.BestPractice}}, Status: soa.Planned},
		}}})
	res, err := soa.Transition(old, nil, date)
	if err != nil {
		panic(err)
	}
	e, _ := res.SoA.Entry(iso27002.MustParse("8.13"))
	fmt.Println(e.Control, e.Applicability, e.Status, e.Notes[0])
	for _, c := range res.Conflicts {
		fmt.Println("conflict", c)
	}
	// Output:
	// 8.13 Included Planned Carried over from A.12.3.1 (ISO/IEC 27001:2013).
	// conflict 5.9: A.8.1.1 included, A.8.1.2 excluded
}

func ExampleEncodeCSV() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Version: "1"}, Register: exampleRegister()})
	b, _ := soa.EncodeCSV(s)
	lines := strings.Split(string(b), "\r\n")
	fmt.Println(lines[0])
	fmt.Println(lines[72])
	back, err := soa.DecodeCSV(b)
	fmt.Println(len(back), err)
	// Output:
	// Control,Title,Theme,Applicable,Reasons for inclusion,Justification for exclusion,Status,Owner,Evidence,Implementation,Target date,Responsibility,Provider,Notes,Extensions
	// 8.13,Information backup,technological,yes,risk-treatment; risks=R-1,,implemented,,,,,own,,,
	// 93 <nil>
}

func ExampleDecodeSoA() {
	_, err := soa.DecodeSoA([]byte(`{"header":{"edition":"2022"},"entries":[{"control":"5.1","title":"t","applicability":"included","satus":"planned"}]}`))
	fmt.Println(errors.Is(err, ismskit.ErrUnknownField))
	fmt.Println(err)
	// Output:
	// true
	// entries[0].satus: unknown field
}

func ExampleMarkdown() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1.0", Date: date}, Register: exampleRegister()})
	lines := strings.Split(string(soa.Markdown(s)), "\n")
	fmt.Println(lines[0])
	fmt.Println(lines[2])
	for _, l := range lines {
		if strings.HasPrefix(l, "| 8.13 ") {
			fmt.Println(l)
		}
	}
	// Output:
	// # Statement of Applicability
	// **Example Ltd** · ISO/IEC 27001:2022 clause 6.1.3 d · Version 1.0 · 2026-11-28 · Classification: **Internal**
	// | 8.13 | Information backup | Yes | Risk treatment: R-1 | Implemented |  |  |  |  |
}

func ExampleHTML() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1.0", Date: date}})
	page, err := soa.HTML(s)
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.Contains(string(page), "<title>Statement of Applicability - Example Ltd</title>"))
	fmt.Println(strings.Count(string(page), `<tr class="undecided">`))
	fmt.Println(strings.Contains(string(page), "@page"))
	// Output:
	// true
	// 93
	// true
}

func ExampleEncodeSoA() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1.0", Date: date}, Register: exampleRegister()})
	b, err := soa.EncodeSoA(s)
	if err != nil {
		panic(err)
	}
	back, err := soa.DecodeSoA(b)
	fmt.Println(err, len(back.Entries), strings.Contains(string(b), `"applicability": "undecided"`))
	// Output:
	// <nil> 93 true
}

func ExampleJSONSchema() {
	fmt.Println(strings.Contains(string(soa.JSONSchema()), `"$schema": "https://json-schema.org/draft/2020-12/schema"`))
	// Output:
	// true
}

// The happy path: the register, the obligations, the exclusions and a
// policy for the rest give a valid SoA in one call.
func Example() {
	reg := exampleRegister()
	s, err := soa.Generate(soa.Input{
		Header:   soa.Header{Organization: "Example Ltd", Version: "1.0", Date: date},
		Register: reg,
		Sources: soa.Sources{
			Obligations: []soa.Obligation{{ID: "GDPR", Kind: soa.Legal, Reference: "GDPR Art. 32", Controls: []iso27002.ControlID{iso27002.MustParse("5.34")}}},
			Decisions:   []soa.Decision{{Control: iso27002.MustParse("7.4"), Applicability: soa.Excluded, Justification: "No premises"}},
			Policy:      soa.Policy{Include: []soa.Reason{{Kind: soa.BestPractice, Note: "Security baseline"}}, Status: soa.NotStarted},
		},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Validate(soa.ValidateOptions{Register: &reg}))
	t := s.Summary().Total
	fmt.Println(t.Included, "included,", t.Excluded, "excluded,", t.Implemented, "implemented,", t.NotStarted, "not started")
	// Output:
	// <nil>
	// 92 included, 1 excluded, 1 implemented, 91 not started
}

// A product that keeps decisions in its own database sets them one by
// one: Decide adds a decision or replaces the one the control has.
func ExampleSources_Decide() {
	var src soa.Sources
	src.Decide(soa.Decision{Control: iso27002.MustParse("8.13"), Owner: "Ops"})
	d, _ := src.Decision(iso27002.MustParse("8.13"))
	d.Status = soa.Implemented // change the decision...
	src.Decide(d)              // ...and set it again: still one decision
	fmt.Println(len(src.Decisions), src.Decisions[0].Owner, src.Decisions[0].Status)
	// Output:
	// 1 Ops Implemented
}

// Templates look entries up by their control's ID, range over the
// included, excluded and undecided entries, and print every value in
// words, with no function map.
func ExampleSoA_EntryFor() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1.0", Date: date}, Register: exampleRegister(),
		Sources: soa.Sources{Decisions: []soa.Decision{{Control: iso27002.MustParse("7.4"), Applicability: soa.Excluded, Justification: "No premises"}}}})
	tmpl := template.Must(template.New("report").Parse(
		`{{with .EntryFor "8.13"}}{{.Control}} {{.Title}}: {{.Applicability}}, {{.Status}}, {{index .Reasons 0}}{{end}}
Excluded:{{range .Excluded}} {{.Control}} ({{.Justification}}){{else}} none{{end}}
{{.Summary.Total.Undecided}} controls to decide
`))
	if err := tmpl.Execute(os.Stdout, s); err != nil {
		panic(err)
	}
	// Output:
	// 8.13 Information backup: Included, Implemented, Risk treatment: R-1
	// Excluded: 7.4 (No premises)
	// 91 controls to decide
}

// The SoA as the document to hand over: the scope statement, the
// classification marking and the version history come with it.
func ExampleDocument() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "2.0", Date: date}, Register: exampleRegister()})
	older := s.Clone()
	older.Header.Version = "1.0"
	older.Entries[0].Owner = "CISO"
	d := soa.Document{SoA: s, ScopeStatement: "The ledger platform and its operation.",
		History: []soa.ChangeLog{soa.Diff(older, s)}, Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
	md := string(d.Markdown())
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "| ISMS scope") || strings.HasPrefix(l, "| 2.0") {
			fmt.Println(l)
		}
	}
	// Output:
	// | ISMS scope | The ledger platform and its operation. |
	// | 2.0 | 2026-11-28 | 1 control changed: 5.1 (owner). |
}
