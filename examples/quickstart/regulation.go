package main

// Step 5, continued: the regulations that apply to the company (package
// soa/regulation). Their obligations are already in q.sources (see
// sample.Sources); this prints how far the SoA covers each.

import (
	"fmt"

	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/soa/regulation"
)

// regulations prints the coverage of the GDPR and NIS2 by the SoA's
// implemented controls.
func (q *quickstart) regulations() error {
	t, err := sample.Tailoring()
	if err != nil {
		return err
	}
	obligations, err := t.Obligations()
	if err != nil {
		return err
	}
	q.printf("  Regulations (soa/regulation): GDPR and NIS2 give %d obligations that cite their articles; coverage by the SoA:\n", len(obligations))
	rows := []string{"Regulation\tWith controls\tCovered\tPartly\tNot covered\tNot applicable\n"}
	var gaps []string
	for _, r := range t.Regulations {
		c, err := regulation.CoverageOf(r, q.soa, regulation.CoverageOptions{Tailoring: &t})
		if err != nil {
			return fmt.Errorf("%s coverage: %w", r, err)
		}
		s := c.Summary
		rows = append(rows, fmt.Sprintf("%s\t%d\t%d\t%d\t%d\t%d\n", r, s.Covered+s.Partial+s.NotCovered, s.Covered, s.Partial, s.NotCovered, s.NotApplicable))
		for _, rc := range c.Requirements {
			if rc.Status == regulation.Partial || rc.Status == regulation.NotCovered {
				gaps = append(gaps, fmt.Sprintf("%s, waiting for %v", rc.Requirement, append(rc.InProgress, rc.Missing...)))
			}
		}
	}
	q.tab(rows...)
	for i, g := range gaps {
		if i == 3 {
			q.printf("    and %d more\n", len(gaps)-i)
			break
		}
		q.printf("    partly covered: %s\n", g)
	}
	return nil
}
