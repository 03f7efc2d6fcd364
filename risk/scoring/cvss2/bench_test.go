package cvss2

import "testing"

var (
	sinkFloat  float64
	sinkScores Scores
)

func BenchmarkParseBase(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		v, err := Parse("AV:N/AC:L/Au:N/C:P/I:P/A:P")
		if err != nil {
			b.Fatal(err)
		}
		sinkFloat = v.Base()
	}
}

func BenchmarkParseAllScores(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		v, err := Parse("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H")
		if err != nil {
			b.Fatal(err)
		}
		sinkScores = v.Scores()
	}
}
