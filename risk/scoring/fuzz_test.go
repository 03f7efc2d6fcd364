package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/ismskit/ismskit"
)

// checkMethod scores s with m and checks the invariants every method
// keeps: an error is made of *FieldError values and comes with a zero
// Result; a result names the method and its version, its canonical vector
// scores again to the same result, and the score lies within [lo, hi].
func checkMethod(t *testing.T, m Method, s string, lo, hi float64) {
	r, err := m.Score(s)
	if err != nil {
		if r.Method != "" || r.Parts != nil {
			t.Fatalf("%s %q: result with an error", m.Name(), s)
		}
		errs := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, e := range errs {
			var fe *ismskit.Error
			if !errors.As(e, &fe) {
				t.Fatalf("%s %q: %T is not a *FieldError: %v", m.Name(), s, e, e)
			}
		}
		return
	}
	if r.Method != m.Name() || r.Version == "" {
		t.Fatalf("%s %q: result names %s %s", m.Name(), s, r.Method, r.Version)
	}
	if r.Score < lo || r.Score > hi {
		t.Fatalf("%s %q: score %v outside %v..%v", m.Name(), s, r.Score, lo, hi)
	}
	again, err := m.Score(r.Vector)
	if err != nil {
		t.Fatalf("%s: canonical vector %q of %q does not score: %v", m.Name(), r.Vector, s, err)
	}
	if again.Vector != r.Vector || again.Score != r.Score || again.Severity != r.Severity {
		t.Fatalf("%s: %q and its canonical %q score differently", m.Name(), s, r.Vector)
	}
}

func FuzzOWASP(f *testing.F) {
	f.Add(owaspExample)
	f.Add("(" + owaspExample + ")")
	f.Add("SL:5/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8")
	f.Add("SL:5/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/FD:1/RD:2/NC:1/PV:5")
	f.Add("SL:5/SL:5//:/M:-0/O:00000009")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range []OWASP{{}, {Impact: OWASPBusinessImpact}, {Impact: OWASPHigherImpact}} {
			checkMethod(t, o, s, 0, 81)
		}
	})
}

func FuzzDREAD(f *testing.F) {
	f.Add("D:8/R:6/E:5/A:9/DI:7")
	f.Add("DI:7/A:9/E:5/R:6/D:8")
	f.Add("D:3/R:3/E:2/A:3/DI:1")
	f.Add("D:-1/R:100000/E:5/A:9/DI:7/D:1")
	f.Add("D:/R:6:7/E")
	f.Fuzz(func(t *testing.T, s string) {
		checkMethod(t, DREAD{}, s, 0, 10)
		checkMethod(t, classic, s, 5, 15)
	})
}

func FuzzCVSS(f *testing.F) {
	f.Add("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	f.Add("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:L/MUI:N/MS:C/MC:H/MI:H/MA:H")
	f.Add("CVSS:3.1/AV:N/AV:N")
	f.Fuzz(func(t *testing.T, s string) {
		checkMethod(t, CVSS{}, s, 0, 10)
	})
}

func FuzzDecodeResult(f *testing.F) {
	f.Add([]byte(`{"method":"owasp","version":"1/technical","vector":"","score":1.5,"severity":"low","parts":[{"name":"likelihood","score":4.375,"level":"medium"}]}`))
	f.Add([]byte(`{"method":1}`))
	f.Add([]byte(`{"method":"x"} []`))
	f.Add([]byte(`{"parts":[{"nme":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeResult(data)
		if err != nil {
			if r.Method != "" || r.Parts != nil {
				t.Fatalf("result with an error")
			}
			return
		}
		b1, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("decoded result does not encode: %v", err)
		}
		r2, err := DecodeResult(b1)
		if err != nil {
			t.Fatalf("encoded result %s does not decode: %v", b1, err)
		}
		if b2, _ := json.Marshal(r2); !bytes.Equal(b1, b2) {
			t.Fatalf("round trip %s -> %s", b1, b2)
		}
	})
}
