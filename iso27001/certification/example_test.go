package certification_test

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27001/certification"
)

// A certificate's cycle in a few lines: what is due, until when it is
// valid, and what a late decision gives.
func Example() {
	c := certification.Certificate{Decision: ismskit.MustParseDate("2025-04-01")}
	events, err := certification.Next(c, ismskit.MustParseDate("2026-06-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range events {
		fmt.Printf("%-25s due %s overdue %v\n", e.Kind, e.Due, e.Overdue(ismskit.MustParseDate("2026-06-01")))
	}
	until, _ := certification.ValidUntil(c)
	fmt.Println("valid until", until)
	_, err = certification.Schedule(certification.Certificate{Decision: ismskit.MustParseDate("9998-06-01")})
	fmt.Println(err)
	// Output:
	// First surveillance audit  due 2026-04-01 overdue true
	// Second surveillance audit due 2027-04-01 overdue false
	// Recertification           due 2028-03-30 overdue false
	// End of validity           due 2028-03-31 overdue false
	// valid until 2028-03-31
	// decision: the cycle of a decision on 9998-06-01 reaches past 9999-12-31, the last day a date can hold
}

func ExampleNext() {
	c := certification.Certificate{
		Stage1:        ismskit.MustParseDate("2025-01-20"),
		Stage2:        ismskit.MustParseDate("2025-03-10"),
		Decision:      ismskit.MustParseDate("2025-04-01"),
		Surveillance1: ismskit.MustParseDate("2026-03-12"),
	}
	asOf := ismskit.NewDate(2026, time.June, 1)
	events, err := certification.Next(c, asOf)
	if err != nil {
		panic(err)
	}
	for _, e := range events {
		fmt.Println(e.Kind, "due", e.Due)
	}
	// Output:
	// Second surveillance audit due 2027-04-01
	// Recertification due 2028-03-30
	// End of validity due 2028-03-31
}

func ExampleValidUntil() {
	c := certification.Certificate{Edition: iso27001.Edition2013, Decision: ismskit.MustParseDate("2024-01-15")}
	until, _ := certification.ValidUntil(c)
	fmt.Println("untransitioned 2013 certificate valid until", until)
	c.Transitioned = ismskit.MustParseDate("2025-05-01")
	until, _ = certification.ValidUntil(c)
	fmt.Println("after transition, valid until", until)
	// Output:
	// untransitioned 2013 certificate valid until 2025-10-31
	// after transition, valid until 2027-01-14
}

func ExampleSchedule() {
	c := certification.Certificate{
		Edition:  iso27001.Edition2013,
		Decision: ismskit.MustParseDate("2023-09-01"),
	}
	events, err := certification.Schedule(c)
	if err != nil {
		panic(err)
	}
	for _, e := range events[2:] {
		fmt.Println(e.Kind, e.Due)
	}
	// Output:
	// Certification decision 2023-09-01
	// First surveillance audit 2024-09-01
	// Second surveillance audit 2025-09-01
	// Recertification 2025-10-30
	// Transition to ISO/IEC 27001:2022 2025-10-31
	// End of validity 2025-10-31
}
