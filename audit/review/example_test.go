package review_test

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/review"
	"github.com/ismskit/ismskit/iso27001"
)

// Prepare a management review pack, hold the meeting, record the review
// in the ISMS records and feed its decisions to the improvement
// register.
func Example() {
	asOf := ismskit.MustParseDate("2026-11-28")
	data, _ := os.ReadFile("../../iso27001/testdata/records/sample.json")
	records, err := iso27001.DecodeRecords(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	results, _ := checks.Builtin().Run(os.DirFS("../checks/testdata"), asOf)
	improvements := review.Register{}.Feed(review.FeedInput{Checks: results[:2], Owner: "ISM"}, asOf)

	pack, err := review.Prepare(review.Inputs{Records: records, Checks: results, Improvements: &improvements}, asOf)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, in := range pack.Inputs[:4] {
		fmt.Println(in.Item, in.Title)
	}
	fmt.Println(pack.Input("9.3.2.g").Summary)

	pack, err = pack.Conclude(review.Meeting{ID: "MR-2026-11", Date: asOf, Chair: "CEO", Decisions: []review.Decision{
		{ID: "D-1", Kind: review.KindImprovement, Decision: "Enforce MFA by policy", Owner: "CTO",
			Due: ismskit.MustParseDate("2027-01-31"), Improvement: "IMP-1"},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	records, err = pack.Record(records)
	if err != nil {
		fmt.Println(err)
		return
	}
	mr := records.ManagementReviews[len(records.ManagementReviews)-1]
	fmt.Println(mr.ID, len(mr.Inputs), "inputs,", len(mr.Outputs), "decision")
	improvements = improvements.Feed(review.FeedInput{Review: pack}, asOf)
	fmt.Println(improvements.Items[0].ID, improvements.Items[0].Status, improvements.Items[0].Owner)
	// Output:
	// 9.3.2.a Actions from earlier reviews
	// 9.3.2.b Changes in internal and external issues
	// 9.3.2.c Changes in the needs and expectations of interested parties
	// 9.3.2.d.1 Nonconformities and corrective actions
	// 2 open items in the improvement register: 2 from failing checks; 0 overdue.
	// MR-2026-11 10 inputs, 1 decision
	// IMP-1 In progress CTO
}

// Feed the improvement register from an audit's opportunities for
// improvement.
func ExampleRegister_Feed() {
	records := audit.Records{Findings: []audit.Finding{
		{ID: "F-5", Audit: "IA-4", Result: audit.Opportunity, Date: ismskit.MustParseDate("2026-11-03"),
			Statement: "Alerts could page the on-call engineer directly"},
	}}
	reg := review.Register{}.Feed(review.FeedInput{Audit: &records, Owner: "Head of Engineering"}, ismskit.MustParseDate("2026-11-28"))
	for _, it := range reg.Items {
		fmt.Println(it.ID, it.Source, it.Reference, it.Owner, it.Raised, it.Due)
		fmt.Println(it.Title)
	}
	// Output:
	// IMP-1 Audit opportunity for improvement F-5 Head of Engineering 2026-11-03 2027-02-01
	// Audit IA-4: Alerts could page the on-call engineer directly
}

// A meeting's decisions need owners and due dates (9.3.3).
func ExamplePack_Conclude() {
	pack, _ := review.Prepare(review.Inputs{Records: iso27001.Records{Edition: iso27001.Edition2022}}, ismskit.MustParseDate("2026-11-28"))
	_, err := pack.Conclude(review.Meeting{ID: "MR-1", Date: ismskit.MustParseDate("2026-11-30"), Decisions: []review.Decision{
		{ID: "D-1", Kind: review.KindChange, Decision: "Extend the scope to the Lyon office"},
	}})
	fmt.Println(err)
	// Output:
	// decisions[0].owner (D-1): missing value
	// decisions[0].due (D-1): missing value
}

// The pack renders as Markdown, with the user's text escaped.
func ExamplePack_Markdown() {
	pack, _ := review.Prepare(review.Inputs{Records: iso27001.Records{Edition: iso27001.Edition2022, Organization: "Acme *Ltd*"}}, ismskit.MustParseDate("2026-11-28"))
	md := pack.Markdown()
	fmt.Println(string(md[:bytesIndex(md, '\n')]))
	// Output:
	// # Management review of Acme \*Ltd\*
}

func bytesIndex(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return len(b)
}
