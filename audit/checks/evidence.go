package checks

import (
	"slices"
	"strings"

	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/soa"
)

// Evidence returns the result as an evidence record of package audit
// (9.2.2 f, 9.1: monitoring results kept as documented information): ID
// EvidenceID, what the check found in words, where its inputs are (their
// names), when it ran, and Digest as the SHA-256. Audit findings cite it
// by ID; audit.Evidence.Verify checks a single input file against it. A
// nil result gives the zero Evidence.
func (r *Result) Evidence() audit.Evidence {
	if r == nil {
		return audit.Evidence{}
	}
	names := make([]string, len(r.Inputs))
	for i, in := range r.Inputs {
		names[i] = in.Name
	}
	what := "Check " + r.Summary()
	if r.Title != "" {
		what += " (" + r.Title + ")"
	}
	return audit.Evidence{ID: r.EvidenceID(), What: what, Where: strings.Join(names, ", "), When: r.AsOf, SHA256: r.Digest()}
}

// Evidence returns the evidence records of results, in order.
func Evidence(results []Result) []audit.Evidence {
	out := make([]audit.Evidence, len(results))
	for i := range results {
		out[i] = results[i].Evidence()
	}
	return out
}

// Cite returns a copy of s in which the entry of every control a result
// tests cites the result's EvidenceID in its evidence list (once; an ID
// already cited stays where it is). Entries of controls no result tests,
// and s itself, are unchanged.
func Cite(s soa.SoA, results []Result) soa.SoA {
	out := s.Clone()
	for i := range out.Entries {
		e := &out.Entries[i]
		for j := range results {
			r := &results[j]
			if slices.Contains(r.Controls, e.Control) && !slices.Contains(e.Evidence, r.EvidenceID()) {
				e.Evidence = append(e.Evidence, r.EvidenceID())
			}
		}
	}
	return out
}
