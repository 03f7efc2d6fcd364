package iso27001_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
)

func ExampleLatest() {
	std := iso27001.Latest()
	fmt.Println(std.Name(), std.Len(), "clauses")
	c, _ := std.Clause(iso27001.MustParseClauseID("6.1.3"))
	fmt.Println(c.ID, c.Title, "- parent", c.Parent)
	for it := range std.ClauseItems(c.ID) {
		if it.Documented != iso27001.NotDocumented {
			fmt.Println(it.ID, it.Documented)
		}
	}
	// Output:
	// ISO/IEC 27001:2022/Amd 1:2024 41 clauses
	// 6.1.3 Information security risk treatment - parent 6.1
	// 6.1.3.d Maintained
	// 6.1.3.p2 Retained
}

func ExampleNew() {
	std, err := iso27001.New(iso27001.Edition2013)
	if err != nil {
		panic(err)
	}
	c, _ := std.Clause(iso27001.MustParseClauseID("10.1"))
	fmt.Println(std.Name(), "10.1", c.Title, "- in 2022:", c.Counterpart)
	fmt.Println(std.CheckClause(iso27001.MustParseClauseID("6.3")))

	_, err = iso27001.New(iso27001.Edition2013, iso27001.Amd1of2024)
	fmt.Println(errors.Is(err, iso27001.ErrAmendmentNotApplicable))
	// Output:
	// ISO/IEC 27001:2013 10.1 Nonconformity and corrective action - in 2022: 10.2
	// 6.3 is not a clause of ISO/IEC 27001:2013
	// true
}

func ExampleParseItemID() {
	for _, s := range []string{"6.1.3.d", "6.1.2.c.1", "8.1.p2", "6.1.3 d)"} {
		id, err := iso27001.ParseItemID(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(id, "in clause", id.Clause())
	}
	// Output:
	// 6.1.3.d in clause 6.1.3
	// 6.1.2.c.1 in clause 6.1.2
	// 8.1.p2 in clause 8.1
	// requirement item "6.1.3 d)": want a form such as 6.1.3.d, 6.1.2.c.1 or 8.1.p2
}

func ExampleParseClauseID() {
	a := iso27001.MustParseClauseID("5.2")
	b, err := iso27001.ParseClauseID("5.10")
	fmt.Println(a.Compare(b), err, b.Parent(), b.Depth())
	_, err = iso27001.ParseClauseID("A.5.1")
	fmt.Println(errors.Is(err, ismskit.ErrInvalidID))
	// Output:
	// -1 <nil> 5 2
	// true
}

func ExampleStandard_DocumentedInformation() {
	for it := range iso27001.Latest().DocumentedInformation() {
		fmt.Printf("%-9s %s\n", it.ID, it.Documented)
	}
	// Output:
	// 4.3.p2    Maintained
	// 5.2.e     Maintained
	// 6.1.2.p2  Retained
	// 6.1.3.d   Maintained
	// 6.1.3.p2  Retained
	// 6.2.g     Maintained
	// 6.2.p2    Retained
	// 7.2.d     Retained
	// 8.1.p2    Retained
	// 8.2.p2    Retained
	// 8.3.p2    Retained
	// 9.1.p1    Retained
	// 9.2.2.p3  Retained
	// 9.3.3.p2  Retained
	// 10.2.f    Retained
	// 10.2.g    Retained
}

func ExampleDecodeRecords() {
	_, err := iso27001.DecodeRecords([]byte(`{"edition": "2022", "objectives": [{"id": "O1", "likelyhood": 3}]}`))
	fmt.Println(err)
	fmt.Println(errors.Is(err, ismskit.ErrUnknownField))
	// Output:
	// objectives[0].likelyhood: unknown field
	// true
}

func ExampleRecords_Validate() {
	r := iso27001.Records{
		Edition: iso27001.Edition2022,
		Objectives: []iso27001.Objective{
			{ID: "OBJ-1", Description: "Be more secure"},
		},
		Documents: []iso27001.Document{{
			ID: "POL-01", Title: "Information security policy",
			Approved:  ismskit.MustParseDate("2025-03-01"),
			ReviewDue: ismskit.MustParseDate("2024-03-01"),
			Evidences: []iso27001.ItemID{iso27001.MustParseItemID("5.2.h")},
		}},
	}
	err := r.Validate()
	fmt.Println(err)
	var fe *ismskit.Error
	fmt.Println(errors.As(err, &fe), fe.Path, errors.Is(err, ismskit.ErrDateOrder))
	// Output:
	// objectives[0].metric (OBJ-1): the objective has no metric
	// objectives[0].target (OBJ-1): the objective has no target
	// documents[0].reviewDue (POL-01): review 2024-03-01 before the approval 2025-03-01
	// documents[0].evidences[0] (POL-01): 5.2.h is not a requirement item of ISO/IEC 27001:2022
	// true objectives[0].metric true
}

func ExampleAnalyze() {
	r := &iso27001.Records{
		Edition:      iso27001.Edition2022,
		Organization: "Example Ltd",
		Scope:        iso27001.Scope{Statement: "All services", Boundaries: []string{"Head office"}},
		Documents: []iso27001.Document{
			{ID: "SCOPE", Title: "ISMS scope", Approved: ismskit.MustParseDate("2025-01-10"),
				ReviewDue: ismskit.MustParseDate("2026-01-10"), Evidences: []iso27001.ItemID{iso27001.MustParseItemID("4.3.p2")}},
		},
	}
	asOf := ismskit.NewDate(2026, time.March, 1)
	rep, err := iso27001.Analyze(*r, asOf)
	if err != nil {
		panic(err)
	}
	for _, c := range rep.Clauses[:5] {
		fmt.Printf("%-4s %d/%d %.1f%%\n", c.Clause, c.Evidenced, c.Total, c.Readiness)
	}
	fmt.Printf("overall %.1f%%, %d documents missing or stale, first: %s %s\n",
		rep.Readiness, len(rep.MissingDocuments), rep.MissingDocuments[0].Item, rep.MissingDocuments[0].Status)
	// Output:
	// 4    1/10 10.0%
	// 4.1  0/1 0.0%
	// 4.2  0/3 0.0%
	// 4.3  1/5 20.0%
	// 4.4  0/1 0.0%
	// overall 2.6%, 16 documents missing or stale, first: 4.3.p2 Expired
}

func ExampleTo2022() {
	old := &iso27001.Records{
		Edition: iso27001.Edition2013,
		Documents: []iso27001.Document{{
			ID: "CAR", Title: "Corrective action register", Approved: ismskit.MustParseDate("2024-05-01"),
			Evidences: []iso27001.ItemID{iso27001.MustParseItemID("10.1.f"), iso27001.MustParseItemID("6.2.j"), iso27001.MustParseItemID("7.4.d")},
		}},
	}
	now, dropped, err := iso27001.To2022(*old)
	if err != nil {
		panic(err)
	}
	fmt.Println(now.Edition, now.Amendments, now.Documents[0].Evidences, "dropped:", dropped)
	// Output:
	// 2022 [ISO/IEC 27001:2022/Amd 1:2024] [10.2.f 6.2.l] dropped: [7.4.d]
}
