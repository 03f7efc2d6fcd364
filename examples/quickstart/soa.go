package main

// Step 5: the Statement of Applicability (package soa, soa/xlsx; clause
// 6.1.3 d).

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit/soa"
)

// statement is step 5: the Statement of Applicability, generated from the
// register and the other sources, validated and exported.
func (q *quickstart) statement() error {
	q.step(5, "Statement of Applicability (6.1.3 d)")
	s, err := soa.Generate(soa.Input{
		Catalog: q.catalog,
		Header: soa.Header{
			Organization: q.org.Name, Scope: "ISMS-SCOPE", Version: "2026.2", Date: q.asOf,
			PreparedBy: "Information Security Manager",
		},
		Register: q.register,
		Sources:  q.sources,
	})
	if err != nil {
		return fmt.Errorf("SoA: %w", err)
	}
	q.soa = s
	q.soaErr = s.Validate(soa.ValidateOptions{Catalog: q.catalog, Register: &q.register, RequireEvidence: false})
	q.printf("  Generated from %d risks, %d obligations and %d recorded decisions: %d entries (Annex A and own controls)\n",
		len(q.register.Risks), len(q.sources.Obligations), len(q.sources.Decisions), len(s.Entries))
	if q.soaErr == nil {
		q.printf("  Validation: every control listed once, decided, justified and with a status: valid\n")
	} else {
		q.printf("  Validation: %d problems, first: %v\n", len(splitJoined(q.soaErr)), splitJoined(q.soaErr)[0])
	}
	sum := s.Summary()
	rows := []string{"Theme\tControls\tIncluded\tExcluded\tImplemented\tPartly\tPlanned\n"}
	for _, c := range append(sum.Themes, sum.Total) {
		name := c.Theme
		if name == "" {
			name = "all"
		}
		rows = append(rows, fmt.Sprintf("%s\t%d\t%d\t%d\t%d\t%d\t%d\n", name, c.Entries, c.Included, c.Excluded,
			c.Implemented, c.PartiallyImplemented, c.Planned))
	}
	q.tab(rows...)
	reasons := map[soa.ReasonKind]int{}
	for e := range s.Included() {
		seen := map[soa.ReasonKind]bool{}
		for _, r := range e.Reasons {
			if !seen[r.Kind] {
				reasons[r.Kind]++
				seen[r.Kind] = true
			}
		}
	}
	var rs []string
	for _, k := range soa.ReasonKinds() {
		if reasons[k] > 0 {
			rs = append(rs, fmt.Sprintf("%s %d", strings.ToLower(k.String()), reasons[k]))
		}
	}
	q.printf("  Controls included for: %s\n", strings.Join(rs, ", "))
	for e := range s.Excluded() {
		q.printf("  Excluded %s %s: %s\n", e.Control, e.Title, e.Justification)
	}

	js, err := soa.EncodeSoA(s)
	if err != nil {
		return fmt.Errorf("SoA: %w", err)
	}
	csv, err := soa.EncodeCSV(s)
	if err != nil {
		return fmt.Errorf("SoA: %w", err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"soa.json", js}, {"soa.csv", csv}} {
		if err := q.write(f.name, f.data); err != nil {
			return err
		}
	}
	return q.writeJSON("soa-sources.json", q.sources)
}

// splitJoined returns the errors inside a joined error.
func splitJoined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
