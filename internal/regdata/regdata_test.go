package regdata

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadShipped(t *testing.T) {
	d, err := Load(Shipped())
	require.NoError(t, err)
	count := map[string]int{}
	for _, r := range d.Requirements {
		count[r.Regulation]++
	}
	assert.Equal(t, map[string]int{"gdpr": 99, "hipaa": 87, "nis2": 21, "dora": 13}, count)
	prov := map[string]int{}
	weak := 0
	for _, p := range d.Pairs {
		prov[p.Provenance]++
		if p.Weak {
			weak++
			assert.True(t, strings.HasPrefix(p.Requirement, "45 CFR "), "only HIPAA pairs are weak")
		}
		if p.Provenance == "Derived" {
			assert.NotEmpty(t, p.Via, "a derived pair names its path")
			assert.Empty(t, p.Rationale)
		} else {
			assert.Empty(t, p.Via)
			assert.NotEmpty(t, p.Rationale, "an editorial pair gives its rationale")
		}
	}
	assert.Equal(t, map[string]int{"Derived": 537 + 105, "Editorial": 108}, prov)
	assert.Equal(t, 143, weak)
	assert.Len(t, d.SP80053, 277)

	src, err := Generate(Shipped())
	require.NoError(t, err)
	assert.Contains(t, string(src), "DO NOT EDIT")
}

// TestRejectedNotShipped checks that no pair of rejected.tsv is among
// the pairs generated.
func TestRejectedNotShipped(t *testing.T) {
	d, err := Load(Shipped())
	require.NoError(t, err)
	have := map[string]bool{}
	for _, p := range d.Pairs {
		have[p.Requirement+" "+p.Control] = true
	}
	for _, k := range []string{"45 CFR 164.316(b)(2)(ii) 5.31", "45 CFR 164.316(b)(2)(ii) 5.15", "45 CFR 164.312(a)(2)(i) 8.20", "45 CFR 164.310(a)(2)(iii) 8.16"} {
		assert.False(t, have[k], k)
	}
	assert.True(t, have["45 CFR 164.312(a)(2)(i) 5.16"], "the right pair stays")
	assert.NotContains(t, string(NIS2Annex), "6.2.4\t21(2)(e)\t8.31")
}

// TestLoadErrors breaks each file in turn and expects an error that
// names it.
func TestLoadErrors(t *testing.T) {
	replace := func(b []byte, old, new string) []byte {
		require.Contains(t, string(b), old)
		return []byte(strings.Replace(string(b), old, new, 1))
	}
	for name, change := range map[string]func(f *Files){
		"gdpr order":        func(f *Files) { f.GDPR = replace(f.GDPR, "\n2\tMaterial scope", "\n3\tMaterial scope") },
		"gdpr header":       func(f *Files) { f.GDPR = replace(f.GDPR, "article\ttitle", "article\tname") },
		"gdpr no comment":   func(f *Files) { f.GDPR = f.GDPR[strings.Index(string(f.GDPR), "article\t"):] },
		"gdpr yes/no":       func(f *Files) { f.GDPR = replace(f.GDPR, "\tno\t", "\tmaybe\t") },
		"gdpr summary":      func(f *Files) { f.GDPR = replace(f.GDPR, "\tno\t\n", "\tyes\t\n") },
		"hipaa citation":    func(f *Files) { f.HIPAA = replace(f.HIPAA, "164.308(a)(1)\tsecurity", "164.308(a)(01)\tsecurity") },
		"hipaa designation": func(f *Files) { f.HIPAA = replace(f.HIPAA, "\taddressable\t", "\toptional\t") },
		"hipaa standard": func(f *Files) {
			f.HIPAA = replace(f.HIPAA, "standard\tSecurity management process\trequired", "standard\tSecurity management process\taddressable")
		},
		"hipaa parent": func(f *Files) {
			f.HIPAA = replace(f.HIPAA, "\t164.308(a)(1)\t164.308 Administrative", "\t164.308(a)(9)\t164.308 Administrative")
		},
		"hipaa fields":        func(f *Files) { f.HIPAA = replace(f.HIPAA, "\tsecurity\t", "\tsecurity\tx\t") },
		"nis2 ref":            func(f *Files) { f.NIS2 = replace(f.NIS2, "21(2)(a)\t", "22(2)(a)\t") },
		"nis2 kind":           func(f *Files) { f.NIS2 = replace(f.NIS2, "\tmeasure\t", "\tmeasures\t") },
		"dora kind":           func(f *Files) { f.DORA = replace(f.DORA, "\ttime-limit\t", "\ttimelimit\t") },
		"dora ref":            func(f *Files) { f.DORA = replace(f.DORA, "RTS 5(2)\t", "RTS 5(2)x\t") },
		"crosswalk citation":  func(f *Files) { f.HIPAA80053 = replace(f.HIPAA80053, "\n164.308(a)(2)\t", "\n164.309(a)(2)\t") },
		"crosswalk control":   func(f *Files) { f.HIPAA80053 = replace(f.HIPAA80053, "\tRA-1\n", "\tRA-01\n") },
		"annex control":       func(f *Files) { f.NIS2Annex = replace(f.NIS2Annex, "\t21(2)(a)\t5.1\n", "\t21(2)(a)\t5.38\n") },
		"annex point":         func(f *Files) { f.NIS2Annex = replace(f.NIS2Annex, "\n1.1.1(a)\t", "\n1.1.1.a\t") },
		"annex art21":         func(f *Files) { f.NIS2Annex = replace(f.NIS2Annex, "\t21(2)(a)\t5.1\n", "\t23(1)\t5.1\n") },
		"annex rejected":      func(f *Files) { f.NIS2Annex = append(f.NIS2Annex, "6.2.4\t21(2)(e)\t8.31\n"...) },
		"editorial twice":     func(f *Files) { f.Editorial = append(f.Editorial, "gdpr\tArt. 32\t8.24\tagain\n"...) },
		"editorial derived":   func(f *Files) { f.Editorial = append(f.Editorial, "nis2\t21(2)(d)\t5.19\tthe same as derived\n"...) },
		"editorial unknown":   func(f *Files) { f.Editorial = append(f.Editorial, "gdpr\tArt. 100\t5.1\tno such article\n"...) },
		"editorial no reason": func(f *Files) { f.Editorial = append(f.Editorial, "gdpr\tArt. 31\t5.5\t \n"...) },
		"rejected unused":     func(f *Files) { f.Rejected = append(f.Rejected, "hipaa\t164.308(a)(2)\t8.34\tnot derived\n"...) },
		"sp800-53 crosswalk":  func(f *Files) { f.SP80053 = []byte("bad") },
	} {
		t.Run(name, func(t *testing.T) {
			f := Shipped()
			change(&f)
			_, err := Load(f)
			assert.Error(t, err)
			_, err = Generate(f)
			assert.Error(t, err)
		})
	}
}
