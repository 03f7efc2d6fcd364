package soa

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

var sink any

// bigInput is a register of n risks, each treated with three controls
// (one of them through an action), and m obligations of five controls.
func bigInput(n, m int) Input {
	var all []iso27002.ControlID
	for id := range iso27002.Catalog2022().IDs() {
		all = append(all, id)
	}
	risks := make([]risk.Risk, n)
	for i := range risks {
		a, b, c := all[i%93], all[(i*7+3)%93], all[(i*13+5)%93]
		risks[i] = risk.Risk{
			ID: "R-" + strconv.Itoa(i), Title: "risk", Owner: "o", Likelihood: 3, Impact: 3,
			Controls: []risk.AppliedControl{
				{Control: a, Status: risk.Implemented},
				{Control: b, Status: risk.Planned},
			},
			Treatment: risk.Treatment{Option: risk.Modify, Plan: []risk.Action{
				{ID: "A", Title: "t", Owner: "o", Status: risk.ActionPlanned, Due: due, Controls: []iso27002.ControlID{b, c}},
			}},
		}
	}
	obls := make([]Obligation, m)
	for i := range obls {
		obls[i] = Obligation{ID: "O-" + strconv.Itoa(i), Kind: Legal, Reference: "Law " + strconv.Itoa(i%50)}
		for k := range 5 {
			obls[i].Controls = append(obls[i].Controls, all[(i*11+k*17)%93])
		}
	}
	return Input{Header: testHeader(), Register: risk.Register{Risks: risks}, Sources: Sources{Obligations: obls}}
}

// BenchmarkGenerate: target <= 50 ms for 100,000 risks and 1,000
// obligations, linear in the register size (compare the sub-benchmarks).
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		in := bigInput(n, 1000)
		b.Run(fmt.Sprintf("risks=%d/obligations=1000", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := Generate(in)
				if err != nil {
					b.Fatal(err)
				}
				sink = s
			}
		})
	}
}

// BenchmarkValidate: target <= 1 ms for a 93-entry SoA.
func BenchmarkValidate(b *testing.B) {
	s := testSoA(b)
	reg := testRegister()
	opts := ValidateOptions{Register: &reg, RequireEvidence: true}
	if err := s.Validate(opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sink = s.Validate(opts)
	}
}

func BenchmarkEncodeCSV(b *testing.B) {
	s := testSoA(b)
	b.ReportAllocs()
	for b.Loop() {
		out, err := EncodeCSV(s)
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}

func BenchmarkHTML(b *testing.B) {
	s := testSoA(b)
	b.ReportAllocs()
	for b.Loop() {
		out, err := HTML(s)
		if err != nil {
			b.Fatal(err)
		}
		sink = out
	}
}
