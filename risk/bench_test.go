package risk

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/ismskit/ismskit/iso27002"
)

var (
	sinkAssessment Assessment
	sinkRanked     []Ranked
)

func BenchmarkAssess(b *testing.B) {
	reg := loadSample(b)
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	if err != nil {
		b.Fatal(err)
	}
	r := reg.Risks[0] // three controls, an appetite by asset category
	b.ReportAllocs()
	for b.Loop() {
		sinkAssessment, _ = a.Assess(r)
	}
}

// syntheticRisks returns n risks spread over the 5x5 matrix.
func syntheticRisks(n int) []Risk {
	ctrls := []iso27002.ControlID{iso27002.MustParse("5.15"), iso27002.MustParse("8.7"), iso27002.MustParse("8.13")}
	rs := make([]Risk, n)
	for i := range rs {
		rs[i] = Risk{
			ID: "R-" + strconv.Itoa(i), Owner: "o", Likelihood: 1 + i%5, Impact: 1 + (i/5)%5,
			Assets: []string{"a" + strconv.Itoa(i%50)},
			Controls: []AppliedControl{
				{Control: ctrls[i%3], Status: Implemented, LikelihoodEffect: 10 * (i % 6)},
				{Control: ctrls[(i+1)%3], Status: Planned, ImpactEffect: 15 * (i % 4)},
			},
		}
	}
	return rs
}

// BenchmarkAssessAndRank assesses and ranks a whole register; the
// per-risk cost should stay flat from 10k to 100k (sorting adds a
// log n factor).
func BenchmarkAssessAndRank(b *testing.B) {
	a, err := NewAssessor(Standard5x5())
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10_000, 100_000} {
		risks := syntheticRisks(n)
		b.Run(fmt.Sprintf("risks=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			as := make([]Assessment, n)
			for b.Loop() {
				for i := range risks {
					as[i], _ = a.Assess(risks[i])
				}
				sinkRanked = Rank(as, Residual)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/risk")
		})
	}
}
