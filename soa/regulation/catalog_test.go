package regulation

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/regdata"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/nist"
)

// TestGeneratedUpToDate regenerates zdata.go in memory from the data
// files and fails if the committed file differs.
func TestGeneratedUpToDate(t *testing.T) {
	want, err := regdata.Generate(regdata.Shipped())
	require.NoError(t, err)
	got, err := os.ReadFile("zdata.go")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "zdata.go is stale: run go generate ./soa/regulation")
}

func TestTablesParse(t *testing.T) {
	assert.Empty(t, theIndex().bad, "every generated row parses and names a requirement")
	for _, r := range requirementRows {
		id := MustParseID(r.id)
		assert.Equal(t, r.id, id.String(), "the tables hold the canonical form")
	}
}

func TestCatalogs(t *testing.T) {
	assert.Equal(t, []Regulation{GDPR, HIPAA, NIS2, DORA}, Regulations())
	count := map[Regulation]int{}
	for _, r := range Regulations() {
		var prev ID
		for req := range r.Requirements() {
			count[r]++
			assert.Equal(t, r, req.ID.Regulation())
			assert.NotEmpty(t, req.Title, req.ID)
			assert.True(t, req.Kind.IsValid(), req.ID)
			assert.NotEmpty(t, req.Group, req.ID)
			assert.Equal(t, -1, prev.Compare(req.ID), "%s after %s: in the order of the text", req.ID, prev)
			prev = req.ID
			got, ok := Lookup(req.ID)
			assert.True(t, ok)
			assert.Equal(t, req, got)
			if req.Parent.IsValid() {
				p, ok := Lookup(req.Parent)
				assert.True(t, ok, "the parent of %s is in the catalog", req.ID)
				assert.True(t, p.ID.Compare(req.ID) < 0)
			}
			if r != GDPR {
				assert.True(t, req.SecurityRelevant, req.ID)
				assert.NotEmpty(t, req.Summary, req.ID)
			}
			assert.Equal(t, r == HIPAA, req.Designation.IsValid(), req.ID)
		}
		assert.Equal(t, count[r], r.Len())
	}
	assert.Equal(t, map[Regulation]int{GDPR: 99, HIPAA: 87, NIS2: 21, DORA: 13}, count)
	assert.Equal(t, 0, Regulation(0).Len())
	for range Regulation(9).Requirements() {
		t.Error("an invalid regulation has no requirements")
	}
	_, ok := Lookup(MustParseID("GDPR Art. 33(1)"))
	assert.False(t, ok, "a paragraph is not a requirement of its own")
}

func TestGDPR(t *testing.T) {
	var relevant []string
	for req := range GDPR.Requirements() {
		assert.Equal(t, Article, req.Kind)
		if req.SecurityRelevant {
			relevant = append(relevant, req.ID.Local())
			assert.NotEmpty(t, req.Summary)
		}
	}
	assert.Equal(t, []string{"Art. 5", "Art. 24", "Art. 25", "Art. 28", "Art. 30", "Art. 32", "Art. 33", "Art. 34", "Art. 35", "Art. 37", "Art. 38", "Art. 39"}, relevant)
	r, ok := Lookup(MustParseID("GDPR Art. 32"))
	require.True(t, ok)
	assert.Equal(t, "Security of processing", r.Title)
	assert.Equal(t, "Chapter IV Controller and processor, Section 2 Security of personal data", r.Group)
	r, _ = Lookup(MustParseID("GDPR Art. 39"))
	assert.Contains(t, r.Group, "Section 4 Data protection officer", "Art. 39 sits in Section 4 as in the Official Journal")
	r, _ = Lookup(MustParseID("GDPR Art. 17"))
	assert.Equal(t, "Right to erasure (‘right to be forgotten’)", r.Title)
}

func TestHIPAA(t *testing.T) {
	count := map[string]int{}
	for req := range HIPAA.Requirements() {
		rule := "breach"
		if strings.HasPrefix(req.ID.Local(), "164.3") {
			rule = "security"
		}
		count[rule+" "+req.Kind.String()+" "+req.Designation.String()]++
		if req.Kind == ImplementationSpecification {
			assert.True(t, req.Parent.IsValid(), req.ID)
		}
	}
	assert.Equal(t, map[string]int{
		"security Standard Required": 22, "security Implementation specification Required": 21,
		"security Implementation specification Addressable": 22,
		"breach Section Required":                           8, "breach Standard Required": 4, "breach Implementation specification Required": 9,
		"breach Provision Required": 1,
	}, count)
	r, ok := Lookup(MustParseID("45 CFR 164.308(a)(1)(ii)(A)"))
	require.True(t, ok)
	assert.Equal(t, "Risk analysis", r.Title)
	assert.Equal(t, Required, r.Designation)
	assert.Equal(t, MustParseID("45 CFR 164.308(a)(1)"), r.Parent)
	assert.Equal(t, "164.308 Administrative safeguards", r.Group)
	r, _ = Lookup(MustParseID("45 CFR 164.312(a)(2)(iv)"))
	assert.Equal(t, Addressable, r.Designation)
	r, _ = Lookup(MustParseID("45 CFR 164.404(b)"))
	assert.Equal(t, "60 calendar days after discovery", r.Deadline)
}

func TestNIS2AndDORA(t *testing.T) {
	var measures []string
	for req := range NIS2.Requirements() {
		if req.Kind == Measure {
			measures = append(measures, req.ID.Local())
		}
	}
	assert.Equal(t, []string{"21(2)(a)", "21(2)(b)", "21(2)(c)", "21(2)(d)", "21(2)(e)", "21(2)(f)", "21(2)(g)", "21(2)(h)", "21(2)(i)", "21(2)(j)"}, measures)
	r, ok := Lookup(MustParseID("NIS2 Art. 23(4) second subparagraph"))
	require.True(t, ok)
	assert.Contains(t, r.Deadline, "24 hours")
	var rts []string
	for req := range DORA.Requirements() {
		if req.Kind == TimeLimit {
			rts = append(rts, req.ID.Local())
		}
	}
	assert.Equal(t, []string{"RTS 5(1)(a)", "RTS 5(1)(b)", "RTS 5(1)(c)", "RTS 5(2)", "RTS 5(3)", "RTS 5(4)", "RTS 5(5)", "RTS 5(6)"}, rts)
}

func TestMappings(t *testing.T) {
	prov := map[Regulation]map[Provenance]int{}
	for _, r := range Regulations() {
		prov[r] = map[Provenance]int{}
		for m := range r.Mappings() {
			prov[r][m.Provenance]++
			assert.Equal(t, iso27002.Edition2022, m.Control.Edition())
			switch m.Provenance {
			case Derived:
				assert.NotEmpty(t, m.Via, "%s %s names its path", m.Requirement, m.Control)
				assert.Empty(t, m.Rationale)
				prefix := "SP 800-53 "
				if r == NIS2 {
					prefix = "2024/2690 Annex "
				}
				for _, v := range m.Via {
					assert.True(t, strings.HasPrefix(v, prefix), v)
				}
			case Editorial:
				assert.NotEmpty(t, m.Rationale, "%s %s gives its rationale", m.Requirement, m.Control)
				assert.Empty(t, m.Via)
			default:
				t.Errorf("%s %s: provenance %v", m.Requirement, m.Control, m.Provenance)
			}
			assert.Equal(t, r == HIPAA && m.Provenance == Derived && allPolicy(m.Via), m.Weak, "%s %s", m.Requirement, m.Control)
		}
	}
	assert.Equal(t, map[Regulation]map[Provenance]int{
		GDPR:  {Editorial: 60},
		HIPAA: {Derived: 537, Editorial: 13},
		NIS2:  {Derived: 105, Editorial: 18},
		DORA:  {Editorial: 17},
	}, prov)
	for range Regulation(0).Mappings() {
		t.Error("an invalid regulation has no mappings")
	}
}

func allPolicy(via []string) bool {
	for _, v := range via {
		c := strings.TrimPrefix(v, "SP 800-53 ")
		if len(c) != 4 || !strings.HasSuffix(c, "-1") {
			return false
		}
	}
	return len(via) > 0
}

// TestSpotChecks checks pairs the data README's spot checks name.
func TestSpotChecks(t *testing.T) {
	has := func(req, ctl string) bool {
		return slices.ContainsFunc(Mappings(MustParseID(req)), func(m Mapping) bool { return m.Control.String() == ctl })
	}
	for _, p := range [][2]string{
		{"45 CFR 164.312(a)(2)(i)", "5.16"}, {"45 CFR 164.308(a)(7)(ii)(A)", "8.13"}, {"45 CFR 164.312(a)(2)(iv)", "8.24"},
		{"45 CFR 164.308(a)(6)(ii)", "5.26"}, {"NIS2 Art. 21(2)(b)", "5.24"}, {"NIS2 Art. 21(2)(d)", "5.19"},
		{"NIS2 Art. 21(2)(i)", "7.10"}, {"NIS2 Art. 21(2)(j)", "5.16"}, {"GDPR Art. 32", "8.24"}, {"GDPR Art. 33", "5.26"},
		{"45 CFR 164.312(a)(2)(iii)", "8.5"}, {"45 CFR 164.316(b)(2)(i)", "5.33"},
	} {
		assert.True(t, has(p[0], p[1]), "%s maps to %s", p[0], p[1])
	}
	for _, p := range [][2]string{
		{"45 CFR 164.316(b)(2)(ii)", "5.31"}, {"45 CFR 164.316(b)(2)(ii)", "5.15"}, {"45 CFR 164.312(a)(2)(i)", "8.20"},
		{"45 CFR 164.310(a)(2)(iii)", "8.16"},
	} {
		assert.False(t, has(p[0], p[1]), "the rejected pair %s %s is not shipped", p[0], p[1])
	}
	ms := Mappings(MustParseID("45 CFR 164.308(a)(1)"))
	require.NotEmpty(t, ms)
	for _, m := range ms {
		assert.True(t, m.Weak, "164.308(a)(1) reaches Annex A only through RA-1")
		assert.Equal(t, []string{"SP 800-53 RA-1"}, m.Via)
	}
	assert.Empty(t, Controls(MustParseID("45 CFR 164.308(a)(1)")), "weak pairs are left out")
	f := Mappings(MustParseID("NIS2 Art. 21(2)(f)"))
	require.NotEmpty(t, f, "21(2)(f) has editorial pairs")
	for _, m := range f {
		assert.Equal(t, Editorial, m.Provenance)
	}
}

func TestControls(t *testing.T) {
	id := MustParseID("GDPR Art. 32")
	cs := Controls(id)
	assert.True(t, slices.IsSortedFunc(cs, iso27002.Compare))
	assert.Contains(t, cs, iso27002.MustParse("8.24"))
	assert.Nil(t, Controls(MustParseID("GDPR Art. 1")))
	assert.Nil(t, Mappings(MustParseID("GDPR Art. 100")))
	old := Controls2013(id)
	assert.True(t, slices.IsSortedFunc(old, iso27002.Compare))
	assert.Contains(t, old, iso27002.MustParse("A.10.1.1"), "8.24 came from A.10.1.1")
	for _, c := range old {
		assert.Equal(t, iso27002.Edition2013, c.Edition())
	}
	// 5.30 is new in 2022: no 2013 control stands for it.
	assert.Empty(t, iso27002.From2013(iso27002.MustParse("5.30")))

	// The slices are the caller's.
	ms := Mappings(MustParseID("45 CFR 164.312(a)(2)(i)"))
	ms[0].Via[0] = "changed"
	assert.NotEqual(t, "changed", Mappings(MustParseID("45 CFR 164.312(a)(2)(i)"))[0].Via[0])
}

func TestRequirementsFor(t *testing.T) {
	ids := RequirementsFor(iso27002.MustParse("5.24"))
	assert.True(t, slices.IsSortedFunc(ids, ID.Compare))
	assert.Contains(t, ids, MustParseID("GDPR Art. 33"))
	assert.Contains(t, ids, MustParseID("NIS2 Art. 21(2)(b)"))
	assert.Contains(t, ids, MustParseID("DORA Art. 19(1)"))
	old := RequirementsFor(iso27002.MustParse("A.16.1.1")) // became 5.24
	assert.Contains(t, old, MustParseID("GDPR Art. 33"))
	assert.Nil(t, RequirementsFor(iso27002.ControlID{}))
}

func TestSP80053(t *testing.T) {
	got := SP80053(MustParseID("45 CFR 164.312(a)(2)(i)"))
	assert.Equal(t, []nist.SP80053ID{nist.MustParseSP80053("AC-2"), nist.MustParseSP80053("AC-3"), nist.MustParseSP80053("IA-2"),
		nist.MustParseSP80053("IA-3"), nist.MustParseSP80053("IA-4"), nist.MustParseSP80053("IA-8")}, got)
	assert.Nil(t, SP80053(MustParseID("GDPR Art. 32")))
	n := 0
	for req := range HIPAA.Requirements() {
		if strings.HasPrefix(req.ID.Local(), "164.3") {
			assert.NotEmpty(t, SP80053(req.ID), "%s has SP 800-53 controls", req.ID)
			n += len(SP80053(req.ID))
		}
	}
	assert.Equal(t, 277, n)
}

func TestSources(t *testing.T) {
	for _, r := range Regulations() {
		s := r.Sources()
		require.NotEmpty(t, s)
		for _, src := range s {
			assert.NotEmpty(t, src.Title)
			assert.NotEmpty(t, src.Licence)
			assert.NotEmpty(t, src.Use)
		}
		s[0].Title = "changed"
		assert.NotEqual(t, "changed", r.Sources()[0].Title, "a fresh slice")
		assert.NotEmpty(t, r.Title())
		assert.True(t, r.ReasonKind().IsValid())
	}
	assert.Nil(t, Regulation(0).Sources())
	assert.Empty(t, Regulation(0).Title())
	assert.Contains(t, GDPR.Sources()[0].Licence, "2011/833/EU")
	assert.Contains(t, NIS2.Sources()[1].Licence, "CC BY 4.0")
}
