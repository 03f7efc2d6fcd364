package regulation_test

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/regulation"
)

// An EU SaaS company to which the GDPR and NIS2 apply: the regulations
// become SoA obligations, so the SoA cites the articles, and the coverage
// says what is left to do.
func Example() {
	t := regulation.Tailoring{
		Regulations: []regulation.Regulation{regulation.GDPR, regulation.NIS2},
		Exclusions: []regulation.Exclusion{{Requirement: regulation.MustParseID("GDPR Art. 37"),
			Reason: "No large-scale monitoring and no special categories: no DPO is required."}},
	}
	obligations, err := t.Obligations()
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := soa.Generate(soa.Input{
		Header:  soa.Header{Organization: "Example SaaS", Version: "1", Date: ismskit.MustParseDate("2026-06-01")},
		Sources: soa.Sources{Obligations: obligations},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	e, _ := s.Entry(iso27002.MustParse("8.24"))
	for _, r := range e.Reasons {
		fmt.Println(r.Kind.String()+":", r.Reference)
	}
	c, err := regulation.CoverageOf(regulation.GDPR, s, regulation.CoverageOptions{Tailoring: &t})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("GDPR: %d requirements with controls, none implemented yet: %d not covered, %d partly\n",
		c.Summary.Covered+c.Summary.Partial+c.Summary.NotCovered, c.Summary.NotCovered, c.Summary.Partial)
	// Output:
	// Legal: GDPR Art. 5 (Principles relating to processing of personal data)
	// Legal: GDPR Art. 32 (Security of processing)
	// Legal: GDPR Art. 34 (Communication of a personal data breach to the data subject)
	// Legal: NIS2 Art. 21(2)(h) (Cryptography and encryption)
	// Legal: NIS2 Art. 21(2)(i) (Human resources security, access control and asset management)
	// GDPR: 12 requirements with controls, none implemented yet: 0 not covered, 12 partly
}

func ExampleParseID() {
	for _, s := range []string{"GDPR Art. 32", "NIS2 21(2)(d)", "45 CFR 164.308(a)(1)(ii)(A)", "DORA RTS 5(1)(a)"} {
		id, err := regulation.ParseID(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-28s %-22s %s\n", id, id.Local(), id.Citation())
	}
	_, err := regulation.ParseID("GDPR Art. 5(f)")
	fmt.Println(err)
	// Output:
	// GDPR Art. 32                 Art. 32                Regulation (EU) 2016/679, Art. 32
	// NIS2 Art. 21(2)(d)           21(2)(d)               Directive (EU) 2022/2555, Art. 21(2)(d)
	// 45 CFR 164.308(a)(1)(ii)(A)  164.308(a)(1)(ii)(A)   45 CFR 164.308(a)(1)(ii)(A)
	// DORA RTS Art. 5(1)(a)        RTS 5(1)(a)            Delegated Regulation (EU) 2025/301, Art. 5(1)(a)
	// provision "GDPR Art. 5(f)": want a number such as (2) at level 1
}

func ExampleRegulation_ParseID() {
	id, _ := regulation.HIPAA.ParseID("164.312(a)(2)(iv)")
	req, _ := regulation.Lookup(id)
	fmt.Println(req.ID, req.Title, req.Designation)
	// Output: 45 CFR 164.312(a)(2)(iv) Encryption and decryption Addressable
}

func ExampleRegulation_Requirements() {
	for req := range regulation.NIS2.Requirements() {
		if req.Kind == regulation.Measure {
			fmt.Println(req.ID.Local(), req.Title)
		}
	}
	// Output:
	// 21(2)(a) Risk analysis and information system security policies
	// 21(2)(b) Incident handling
	// 21(2)(c) Business continuity and crisis management
	// 21(2)(d) Supply chain security
	// 21(2)(e) Security in acquisition, development and maintenance
	// 21(2)(f) Assessing the effectiveness of the measures
	// 21(2)(g) Cyber hygiene and training
	// 21(2)(h) Cryptography and encryption
	// 21(2)(i) Human resources security, access control and asset management
	// 21(2)(j) Multi-factor authentication and secured communications
}

func ExampleLookup() {
	req, ok := regulation.Lookup(regulation.MustParseID("GDPR Art. 33"))
	fmt.Println(ok, req.Title)
	fmt.Println(req.Group)
	// Output:
	// true Notification of a personal data breach to the supervisory authority
	// Chapter IV Controller and processor, Section 2 Security of personal data
}

func ExampleMappings() {
	for _, m := range regulation.Mappings(regulation.MustParseID("45 CFR 164.312(a)(2)(i)")) {
		fmt.Println(m.Control, m.Provenance, strings.Join(m.Via, ", "))
	}
	for _, m := range regulation.Mappings(regulation.MustParseID("GDPR Art. 34")) {
		fmt.Println(m.Control, m.Provenance, m.Rationale)
	}
	// Output:
	// 5.15 Derived SP 800-53 AC-3
	// 5.16 Derived SP 800-53 AC-2, SP 800-53 IA-2, SP 800-53 IA-4, SP 800-53 IA-8
	// 5.18 Derived SP 800-53 AC-2
	// 5.33 Derived SP 800-53 AC-3
	// 8.2 Derived SP 800-53 AC-2
	// 8.3 Derived SP 800-53 AC-3
	// 8.4 Derived SP 800-53 AC-3
	// 8.18 Derived SP 800-53 AC-3
	// 8.26 Derived SP 800-53 AC-3
	// 5.24 Editorial Telling data subjects is planned as part of incident response.
	// 5.26 Editorial Informing the data subjects is a response action.
	// 8.24 Editorial Data that were encrypted can make the communication unnecessary (Art. 34(3)(a)).
}

func ExampleControls() {
	id := regulation.MustParseID("NIS2 Art. 21(2)(d)")
	fmt.Println(regulation.Controls(id))
	fmt.Println(regulation.Controls2013(id))
	// Output:
	// [5.19 5.20 5.21 5.22 8.30]
	// [A.14.2.7 A.15.1.1 A.15.1.2 A.15.1.3 A.15.2.1 A.15.2.2]
}

func ExampleRequirementsFor() {
	for _, id := range regulation.RequirementsFor(iso27002.MustParse("5.5")) {
		fmt.Println(id)
	}
	// Output:
	// GDPR Art. 33
	// GDPR Art. 37
	// GDPR Art. 39
	// 45 CFR 164.308(a)(1)(ii)(D)
	// 45 CFR 164.308(a)(6)(ii)
	// 45 CFR 164.314(a)(2)(i)
	// 45 CFR 164.314(a)(2)(iii)
	// 45 CFR 164.314(b)(2)
	// 45 CFR 164.408
	// 45 CFR 164.412
	// NIS2 Art. 23(1)
	// NIS2 Art. 23(4)(a)
	// NIS2 Art. 23(4)(b)
	// NIS2 Art. 23(4)(c)
	// NIS2 Art. 23(4)(d)
	// NIS2 Art. 23(4)(e)
	// NIS2 Art. 23(4) second subparagraph
	// DORA Art. 19(1)
	// DORA Art. 19(4)(a)
	// DORA Art. 19(4)(b)
	// DORA Art. 19(4)(c)
	// DORA RTS Art. 5(3)
}

func ExampleSP80053() {
	fmt.Println(regulation.SP80053(regulation.MustParseID("45 CFR 164.308(a)(7)(ii)(A)")))
	// Output: [CP-6 CP-9 CP-9(1)]
}

func ExampleTailoring_Obligations() {
	t := regulation.Tailoring{
		Requirements: []regulation.ID{regulation.MustParseID("GDPR Art. 33")},
		Changes: []regulation.Change{
			{Requirement: regulation.MustParseID("GDPR Art. 33"), Action: regulation.Drop, Control: iso27002.MustParse("6.8"),
				Reason: "Staff report to the service desk, under 5.24."},
			{Requirement: regulation.MustParseID("GDPR Art. 33"), Action: regulation.Add, Control: iso27002.MustParse("8.16"),
				Reason: "Monitoring detects the breaches to notify."},
		},
	}
	obs, err := t.Obligations()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range obs {
		fmt.Printf("%s (%s): %v\n  %s\n", o.ID, o.Kind, o.Controls, o.Note)
	}
	// Output:
	// GDPR Art. 33 (Legal): [5.5 5.24 5.25 5.26 5.27]
	//   Annex A mapping: ismskit's editorial mapping; 6.8 left out: Staff report to the service desk, under 5.24.
	// GDPR Art. 33 + 8.16 (Legal): [8.16]
	//   added by the organisation: Monitoring detects the breaches to notify.
}

func ExampleTailoring_Validate() {
	t := regulation.Tailoring{
		Regulations: []regulation.Regulation{regulation.GDPR},
		Changes: []regulation.Change{{Requirement: regulation.MustParseID("GDPR Art. 32"), Action: regulation.Drop,
			Control: iso27002.MustParse("8.1"), Reason: "Not ours."}},
	}
	for _, p := range ismskit.Problems(t.Validate()) {
		fmt.Println(p.Code(), p.Path, p.Item, p.Message())
	}
	// Output: not-mapped changes[0].control GDPR Art. 32 8.1 is not mapped to GDPR Art. 32
}

func ExampleDecodeTailoring() {
	t, err := regulation.DecodeTailoring([]byte(`{
  "regulations": ["nis2"],
  "changes": [{"requirement": "NIS2 Art. 21(2)(c)", "action": "drop", "control": "7.8", "reason": "No server rooms of our own."}]
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Regulations, t.Changes[0].Requirement, t.Changes[0].Action, t.Changes[0].Control)
	_, err = regulation.DecodeTailoring([]byte(`{"regulations": ["ccpa"]}`))
	fmt.Println(err)
	// Output:
	// [NIS2] NIS2 Art. 21(2)(c) Drop 7.8
	// regulations[0]: regulation "ccpa": want gdpr, hipaa, nis2, dora
}

func ExampleCoverageOf() {
	s := soa.SoA{Header: soa.Header{Organization: "Example", Version: "1", Date: ismskit.MustParseDate("2026-06-01")},
		Entries: []soa.Entry{
			{Control: iso27002.MustParse("5.24"), Applicability: soa.Included, Status: soa.Implemented},
			{Control: iso27002.MustParse("5.26"), Applicability: soa.Included, Status: soa.Planned},
			{Control: iso27002.MustParse("8.24"), Applicability: soa.Included, Status: soa.Implemented},
		}}
	c, err := regulation.CoverageOf(regulation.GDPR, s, regulation.CoverageOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rc := range c.Requirements {
		if rc.Requirement.Local() == "Art. 34" {
			fmt.Println(rc.Status, "implemented", rc.Implemented, "in progress", rc.InProgress)
		}
	}
	fmt.Printf("%d covered, %d partly, %d not covered\n", c.Summary.Covered, c.Summary.Partial, c.Summary.NotCovered)
	// Output:
	// Partly covered implemented [5.24 8.24] in progress [5.26]
	// 0 covered, 4 partly, 9 not covered
}

func ExampleCoverage_Markdown() {
	s := soa.SoA{Header: soa.Header{Organization: "Example *Ltd*", Version: "1", Date: ismskit.MustParseDate("2026-06-01")}}
	c, _ := regulation.CoverageOf(regulation.DORA, s, regulation.CoverageOptions{})
	md := string(c.Markdown())
	fmt.Println(md[:strings.Index(md, "## Summary")])
	// Output:
	// # DORA coverage
	//
	// | Field | Value |
	// | --- | --- |
	// | Regulation | Regulation (EU) 2022/2554 (Digital Operational Resilience Act) and Delegated Regulation (EU) 2025/301 |
	// | Organisation | Example \*Ltd\* |
	// | SoA version | 1 |
	// | SoA date | 2026-06-01 |
}
