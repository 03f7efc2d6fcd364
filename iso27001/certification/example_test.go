package certification_test

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27001/certification"
)

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
	// surveillance2 due 2027-04-01
	// recertification due 2028-03-30
	// expiry due 2028-03-31
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
	// decision 2023-09-01
	// surveillance1 2024-09-01
	// surveillance2 2025-09-01
	// recertification 2025-10-30
	// transition 2025-10-31
	// expiry 2025-10-31
}
