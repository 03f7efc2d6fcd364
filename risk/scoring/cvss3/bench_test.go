package cvss3

import "testing"

var (
	sinkFloat  float64
	sinkScores Scores
	sinkString string
)

// BenchmarkParseBase is a performance target: parse a vector and compute its
// base score, <= 200 ns/op and no allocation.
func BenchmarkParseBase(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		v, err := Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
		if err != nil {
			b.Fatal(err)
		}
		sinkFloat = v.Base()
	}
}

func BenchmarkParseAllScores(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		v, err := Parse("CVSS:3.1/AV:A/AC:H/PR:L/UI:N/S:C/C:H/I:L/A:L/E:F/RL:U/RC:R/CR:H/IR:M/AR:L/MAV:N/MAC:L/MPR:N/MUI:N/MS:C/MC:H/MI:H/MA:H")
		if err != nil {
			b.Fatal(err)
		}
		sinkScores = v.Scores()
	}
}

func BenchmarkString(b *testing.B) {
	v := MustParse("CVSS:3.1/AV:A/AC:H/PR:L/UI:N/S:C/C:H/I:L/A:L/E:F/RL:U/RC:R/CR:H/IR:M/AR:L/MAV:N/MAC:L/MPR:N/MUI:N/MS:C/MC:H/MI:H/MA:H")
	b.ReportAllocs()
	for b.Loop() {
		sinkString = v.String()
	}
}
