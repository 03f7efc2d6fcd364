package scoring

import "testing"

var sinkResult Result

func benchMethod(b *testing.B, m Method, vector string) {
	b.ReportAllocs()
	for b.Loop() {
		r, err := m.Score(vector)
		if err != nil {
			b.Fatal(err)
		}
		sinkResult = r
	}
}

// BenchmarkCVSS scores a vector through the Method interface (parse, the
// three scores, canonical string, parts).
func BenchmarkCVSS(b *testing.B) {
	benchMethod(b, CVSS{}, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
}

func BenchmarkOWASP(b *testing.B) {
	benchMethod(b, OWASP{}, owaspExample)
}

func BenchmarkDREAD(b *testing.B) {
	benchMethod(b, DREAD{}, "D:8/R:6/E:5/A:9/DI:7")
}

func BenchmarkDREADClassic(b *testing.B) {
	benchMethod(b, classic, "D:3/R:3/E:2/A:3/DI:1")
}
