package iso27002

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/catalogdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ids(cs ...string) []ControlID {
	out := make([]ControlID, len(cs))
	for i, s := range cs {
		out[i] = MustParse(s)
	}
	return out
}

func collectIDs[T any](seq func(func(T) bool), id func(T) ControlID) []string {
	var out []string
	for v := range seq {
		out = append(out, id(v).String())
	}
	return out
}

func controlIDs(seq func(func(Control) bool)) []string {
	return collectIDs(seq, func(c Control) ControlID { return c.ID })
}

func TestCounts2022(t *testing.T) {
	c := Catalog2022()
	assert.Equal(t, 93, c.Len())
	assert.Equal(t, Edition2022, c.Edition())
	assert.Equal(t, "ISO/IEC 27002:2022", c.Name())
	want := map[Theme]int{Organizational: 37, People: 8, Physical: 14, Technological: 34}
	for th, n := range want {
		assert.Equal(t, n, c.Count(InTheme(th)), th.String())
	}
	assert.Equal(t, []string{"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"},
		controlIDs(c.Select(IsNew())))
	assert.Equal(t, 4, len(slices.Collect(c.Groups())))
}

func TestCounts2013(t *testing.T) {
	c := Catalog2013()
	assert.Equal(t, 114, c.Len())
	assert.Equal(t, Edition2013, c.Edition())
	var clauses, objectives []Group
	for g := range c.Groups() {
		if g.Parent == "" {
			clauses = append(clauses, g)
		} else {
			objectives = append(objectives, g)
		}
	}
	assert.Len(t, clauses, 14)
	assert.Len(t, objectives, 35)
	perClause := map[string]int{"A.5": 2, "A.6": 7, "A.7": 6, "A.8": 10, "A.9": 14, "A.10": 2, "A.11": 15,
		"A.12": 14, "A.13": 7, "A.14": 13, "A.15": 5, "A.16": 7, "A.17": 4, "A.18": 8}
	for _, cl := range clauses {
		assert.Equal(t, perClause[cl.ID], c.Count(InGroup(cl.ID)), cl.ID)
	}
	total := 0
	for _, o := range objectives {
		n := c.Count(InGroup(o.ID))
		assert.Positive(t, n, o.ID)
		total += n
		_, ok := c.Group(o.Parent)
		assert.True(t, ok, "objective %s has parent %s", o.ID, o.Parent)
	}
	assert.Equal(t, 114, total)
	g, ok := c.Group("A.9.4")
	require.True(t, ok)
	assert.Equal(t, "System and application access control", g.Title)
	_, ok = c.Group("A.99")
	assert.False(t, ok)
}

// TestTitles spot-checks titles as the standards word them.
func TestTitles(t *testing.T) {
	tests := map[string]string{
		"5.1":      "Policies for information security",
		"5.7":      "Threat intelligence",
		"5.23":     "Information security for use of cloud services",
		"5.30":     "ICT readiness for business continuity",
		"5.37":     "Documented operating procedures",
		"6.8":      "Information security event reporting",
		"7.4":      "Physical security monitoring",
		"7.14":     "Secure disposal or re-use of equipment",
		"8.1":      "User endpoint devices",
		"8.9":      "Configuration management",
		"8.12":     "Data leakage prevention",
		"8.16":     "Monitoring activities",
		"8.23":     "Web filtering",
		"8.25":     "Secure development life cycle",
		"8.28":     "Secure coding",
		"8.34":     "Protection of information systems during audit testing",
		"A.5.1.1":  "Policies for information security",
		"A.9.4.3":  "Password management system",
		"A.12.6.2": "Restrictions on software installation",
		"A.14.2.8": "System security testing",
		"A.18.2.3": "Technical compliance review",
	}
	for id, title := range tests {
		cat, _ := BuiltIn(MustParse(id).Edition())
		c, err := cat.Control(MustParse(id))
		require.NoError(t, err)
		assert.Equal(t, title, c.Title, id)
	}
	c, _ := Catalog2022().Lookup(MustParse("8.1"))
	assert.Equal(t, "User end point devices", c.AnnexATitle)
	assert.Equal(t, "User end point devices", c.DisplayTitle())
	c, _ = Catalog2022().Lookup(MustParse("5.1"))
	assert.Equal(t, c.Title, c.DisplayTitle())
}

func TestAttributes2022(t *testing.T) {
	for c := range Catalog2022().Controls() {
		for at := range AttributeTypes() {
			assert.NotEmpty(t, c.Attributes.Strings(at), "%s has no %s", c.ID, at)
		}
		assert.Equal(t, c.ID.Theme(), c.Theme)
		assert.NotEmpty(t, c.Summary, c.ID.String())
	}
	get := func(id string) AttributeSet { c, _ := Catalog2022().Lookup(MustParse(id)); return c.Attributes }
	assert.Equal(t, Attributes(Preventive, Detective, Corrective, Confidentiality, Integrity, Availability,
		Identify, Detect, Respond, ThreatAndVulnerabilityManagement, Defence, Resilience), get("5.7"))
	assert.Equal(t, Attributes(Preventive, Confidentiality, Integrity, Availability, Identify, Protect,
		ThreatAndVulnerabilityManagement, GovernanceAndEcosystem, Protection, Defence), get("8.8"))
	assert.Equal(t, []string{"Corrective"}, get("5.26").Strings(ControlType))
	assert.Equal(t, []string{"Detective", "Corrective"}, get("8.16").Strings(ControlType))
	// Every value of every type is used by some control.
	for a := Preventive; a <= Resilience; a++ {
		assert.Positive(t, Catalog2022().Count(HasAttribute(a)), a.String())
	}
	// 2013 controls carry no attributes.
	for c := range Catalog2013().Controls() {
		assert.Zero(t, c.Attributes, c.ID.String())
		assert.Zero(t, c.Theme)
		assert.False(t, c.New)
	}
}

func TestCorrespondence(t *testing.T) {
	assert.Equal(t, ids("A.5.1.1", "A.5.1.2"), From2013(MustParse("5.1")))
	assert.Equal(t, ids("A.12.6.1", "A.18.2.3"), From2013(MustParse("8.8")))
	assert.Equal(t, ids("5.36", "8.8"), To2022(MustParse("A.18.2.3")))
	assert.Equal(t, ids("8.15"), To2022(MustParse("A.12.4.1")))
	assert.Equal(t, ids("5.29"), To2022(MustParse("A.17.1.3")))
	assert.Equal(t, ids("5.14"), To2022(MustParse("A.13.2.1")))
	assert.Nil(t, From2013(MustParse("5.7")))
	assert.Nil(t, From2013(MustParse("A.5.1.1")))
	assert.Nil(t, To2022(MustParse("5.1")))
	assert.Nil(t, To2022(MustParse("acme:x")))

	for c := range Catalog2013().Controls() {
		to := To2022(c.ID)
		assert.NotEmpty(t, to, "%s maps to nothing", c.ID)
		for _, id := range to {
			assert.Contains(t, From2013(id), c.ID, "both directions must agree")
		}
	}
	for c := range Catalog2022().Controls() {
		assert.Equal(t, c.New, len(From2013(c.ID)) == 0, c.ID.String())
		for _, id := range From2013(c.ID) {
			assert.Contains(t, To2022(id), c.ID)
		}
	}
	var prev Pair
	n := 0
	for p := range Correspondence() {
		if n > 0 {
			assert.True(t, prev.To.Compare(p.To) < 0 || prev.To == p.To && prev.From.Compare(p.From) < 0, "sorted")
		}
		prev = p
		n++
	}
	assert.GreaterOrEqual(t, n, 114)
	for range Correspondence() {
		break // early stop must not panic
	}
}

func TestLookup(t *testing.T) {
	c := Catalog2022()
	ctl, ok := c.Lookup(MustParse("5.15"))
	require.True(t, ok)
	assert.Equal(t, "Access control", ctl.Title)
	_, ok = c.Lookup(MustParse("A.9.1.1"))
	assert.False(t, ok, "a 2013 ID is not in the 2022 catalog")
	_, ok = c.Lookup(ControlID{})
	assert.False(t, ok)
	_, err := c.Control(MustParse("acme:x"))
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
	assert.False(t, Catalog2013().Has(MustParse("5.1")))
	_, err = BuiltIn(0)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

func TestControlsOrderAndEarlyStop(t *testing.T) {
	for _, cat := range []*Catalog{Catalog2022(), Catalog2013()} {
		all := slices.Collect(cat.IDs())
		assert.True(t, slices.IsSortedFunc(all, Compare))
		assert.Len(t, slices.Compact(slices.Clone(all)), cat.Len())
		for i, id := range all {
			assert.Equal(t, i, cat.position(id))
		}
		for range cat.Controls() {
			break
		}
		for range cat.IDs() {
			break
		}
		for range cat.Groups() {
			break
		}
	}
	for range Themes() {
		break
	}
	for range AttributeTypes() {
		break
	}
}

func TestSelect(t *testing.T) {
	c := Catalog2022()
	got := controlIDs(c.Select(InTheme(People), HasAttribute(Detective)))
	assert.Equal(t, []string{"6.8"}, got)
	assert.Equal(t, 93, c.Count())
	assert.Equal(t, 93, c.Count(Filter{}))
	assert.Equal(t, c.Count(HasAttribute(Corrective))+c.Count(Not(HasAttribute(Corrective))), 93)
	assert.Equal(t, c.Count(InTheme(People))+c.Count(InTheme(Physical)), c.Count(AnyOf(InTheme(People), InTheme(Physical))))
	assert.Equal(t, c.Count(InTheme(People, Physical)), c.Count(AnyOf(InTheme(People), InTheme(Physical))))
	assert.Equal(t, c.Count(HasAnyAttribute(Respond, Recover)), c.Count(AnyOf(HasAttribute(Respond), HasAttribute(Recover))))
	assert.Less(t, c.Count(HasAttribute(Respond, Recover)), c.Count(HasAnyAttribute(Respond, Recover)))
	assert.Equal(t, 93, c.Count(HasAttribute(Attribute(200))), "an invalid value is ignored, so it matches all")
	assert.Equal(t, c.Count(InTheme(Technological)), c.Count(FilterFunc(func(ctl Control) bool { return ctl.ID.Theme() == Technological })))
	assert.Equal(t, 34, c.Count(InGroup("8")))
	n := 0
	for range c.Select(InTheme(Technological)) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)
}

func TestSearch(t *testing.T) {
	c := Catalog2022()
	assert.Contains(t, controlIDs(c.Search("backup")), "8.13")
	assert.Contains(t, controlIDs(c.Search("CRYPTOGRAPHY")), "8.24")
	assert.Equal(t, []string{"8.24"}, controlIDs(c.Search("use of cryptography")))
	assert.Equal(t, c.Len(), len(controlIDs(c.Search(""))))
	assert.Empty(t, controlIDs(c.Search("zzzz-not-there")))
	assert.Equal(t, []string{"8.34"}, controlIDs(c.Search("8.34")))
	assert.Contains(t, controlIDs(c.Search("end point")), "8.1", "the Annex A title is searched too")
	assert.Contains(t, controlIDs(Catalog2013().Search("password")), "A.9.4.3")
}

func TestNewCatalog(t *testing.T) {
	cat, err := NewCatalog("mine", []Control{
		{ID: MustParse("acme:B-10"), Title: "Ten", Group: "B"},
		{ID: MustParse("acme:B-9"), Title: "Nine", Group: "B"},
		{ID: MustParse("8.24"), Title: "Use of cryptography"},
	}, Group{ID: "B", Title: "Bees"})
	require.NoError(t, err)
	assert.Equal(t, []string{"8.24", "acme:B-9", "acme:B-10"}, controlIDs(cat.Controls()))
	assert.Equal(t, Edition2022, cat.Edition(), "custom controls do not change the edition")
	ctl, ok := cat.Lookup(MustParse("8.24"))
	require.True(t, ok)
	assert.Equal(t, Technological, ctl.Theme, "a 2022 control's theme is filled in")
	assert.Equal(t, []string{"acme:B-9", "acme:B-10"}, controlIDs(cat.Select(InGroup("B"))))

	one, err := NewCatalog("one", []Control{{ID: MustParse("A.5.1.1"), Title: "x"}})
	require.NoError(t, err)
	assert.Equal(t, Edition2013, one.Edition())
	mixed, err := NewCatalog("mixed", []Control{{ID: MustParse("A.5.1.1"), Title: "x"}, {ID: MustParse("5.1"), Title: "y"}})
	require.NoError(t, err)
	assert.Equal(t, Edition(0), mixed.Edition(), "two editions: custom")
	own, err := NewCatalog("own", []Control{{ID: MustParse("CLOUD-1"), Title: "x"}})
	require.NoError(t, err)
	assert.Equal(t, Edition(0), own.Edition(), "custom controls only: custom")

	_, err = NewCatalog("bad", []Control{
		{ID: MustParse("acme:x"), Title: "x"},
		{ID: MustParse("acme:x"), Title: ""},
		{Title: "no id"},
		{ID: MustParse("A.5.1.1"), Title: "t", Attributes: Attributes(Preventive)},
		{ID: MustParse("5.1"), Title: "t", Theme: People},
		{ID: MustParse("acme:y"), Title: "t", Theme: Theme(9)},
	}, Group{ID: "g", Title: "G", Parent: "nope"}, Group{ID: "g", Title: "again"}, Group{},
		Group{ID: "a", Title: "A", Parent: "b"}, Group{ID: "b", Title: "B", Parent: "a"}, Group{ID: "s", Title: "S", Parent: "s"})
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		"controls[1].id (acme:x): acme:x is also controls[0]",
		"controls[1].title (acme:x): empty title",
		"controls[2].id: a control needs an ID",
		"controls[3] (A.5.1.1): a 2013 control has no theme",
		"controls[4].theme (5.1): 5.1 is in the theme Organizational controls, not People controls",
		"controls[5].theme (acme:y): theme 9",
		"groups[0].parent (g): no group \"nope\"",
		"groups[1].id (g): group \"g\" given twice",
		"groups[2]: a group needs an ID and a title",
		"groups[3].parent (a): group \"a\" is its own ancestor",
		"groups[4].parent (b): group \"b\" is its own ancestor",
		"groups[5].parent (s): group \"s\" is its own ancestor",
	} {
		assert.Contains(t, msg, want)
	}
	assert.ErrorIs(t, err, ismskit.ErrDuplicateID)
	assert.ErrorIs(t, err, ErrInvalidControl)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	var fe *ismskit.Error
	assert.ErrorAs(t, err, &fe)
	assert.Equal(t, "acme:x", fe.Item, "a problem names the control it is about")
}

func TestExtend(t *testing.T) {
	base := Catalog2022()
	ext, err := base.Extend("ACME", []Control{{ID: MustParse("acme:ORG-1"), Title: "Security champions", Theme: People}})
	require.NoError(t, err)
	assert.Equal(t, 94, ext.Len())
	assert.Equal(t, 93, base.Len(), "the base catalog is not modified")
	assert.Equal(t, 9, ext.Count(InTheme(People)))
	assert.Equal(t, "ACME", ext.Name())
	assert.Equal(t, Edition2022, ext.Edition(), "an extended catalog keeps its base edition")
	_, ok := ext.Lookup(MustParse("5.1"))
	assert.True(t, ok)
	old, err := Catalog2013().Extend("old", []Control{{ID: MustParse("CLOUD-1"), Title: "x"}})
	require.NoError(t, err)
	assert.Equal(t, Edition2013, old.Edition())
	both, err := old.Extend("both", []Control{{ID: MustParse("5.1"), Title: "y"}})
	require.NoError(t, err)
	assert.Equal(t, Edition(0), both.Edition(), "controls of both editions: custom")
	var none *Catalog
	fromNil, err := none.Extend("nil", []Control{{ID: MustParse("CLOUD-1"), Title: "x"}})
	require.NoError(t, err)
	assert.Equal(t, 1, fromNil.Len())
	_, err = base.Extend("dup", []Control{{ID: MustParse("5.1"), Title: "again"}})
	assert.ErrorIs(t, err, ismskit.ErrDuplicateID)
	assert.ErrorContains(t, err, "controls[93].id")
}

func TestThemes(t *testing.T) {
	for th := range Themes() {
		text, err := th.MarshalText()
		require.NoError(t, err)
		for _, s := range []string{strings.ToUpper(string(text)), th.String(), string('0' + byte(th))} {
			got, err := ParseTheme(s)
			require.NoError(t, err, s)
			assert.Equal(t, th, got)
		}
		assert.True(t, strings.HasSuffix(th.String(), " controls"))
	}
	_, err := ParseTheme("logical")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, "", Theme(0).String())
	var th Theme
	require.NoError(t, th.UnmarshalText(nil))
	assert.Error(t, th.UnmarshalText([]byte("x")))
	require.NoError(t, th.UnmarshalText([]byte("people")))
	assert.Equal(t, People, th)
}

func TestAttributeParsing(t *testing.T) {
	for a := Preventive; a <= Resilience; a++ {
		code := attrNames[a]
		for _, s := range []string{code, "#" + code, strings.ToLower(code), a.String()} {
			got, err := ParseAttribute(s)
			require.NoError(t, err, s)
			assert.Equal(t, a, got)
		}
		assert.True(t, a.Type() >= ControlType && a.Type() <= SecurityDomain)
	}
	for _, bad := range []string{"", "Governance_", "Asset__management", "Protect_", "Governance and ecosystem!", "Asset_managemenx"} {
		_, err := ParseAttribute(bad)
		assert.ErrorIs(t, err, ismskit.ErrUnknownValue, bad)
	}
	assert.Equal(t, AttributeType(0), Attribute(0).Type())
	assert.Equal(t, "Attribute(99)", Attribute(99).String())
	assert.Equal(t, "Asset management", AssetManagement.String())
	text, err := Attribute(0).MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
	var a Attribute
	assert.Error(t, a.UnmarshalText([]byte("nope")))
	n := 0
	for at := range AttributeTypes() {
		for range at.Values() {
			n++
		}
		assert.NotEmpty(t, at.String())
	}
	assert.Equal(t, 30, n)
	assert.Equal(t, 15, len(slices.Collect(OperationalCapability.Values())))
	assert.Equal(t, "", AttributeType(0).String())
	assert.Equal(t, "AttributeType(9)", AttributeType(9).String())
	assert.Equal(t, "Control type", ControlType.String())
	s := Attributes(Protect, Preventive, Attribute(0))
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, []Attribute{Preventive, Protect}, slices.Collect(s.All()))
	assert.Equal(t, Attributes(Protect), s.Intersect(Attributes(Protect, Detect)))
	assert.Equal(t, 3, s.Union(Attributes(Detect)).Len())
	assert.Equal(t, s, s.With(Attribute(0)))
	for range s.All() {
		break
	}
	for range s.Of(ControlType) {
		break
	}
	for range ControlType.Values() {
		break
	}
}

// TestSummariesAreOurOwn guards the copyright rule: no normative wording.
func TestSummariesAreOurOwn(t *testing.T) {
	shall := regexp.MustCompile(`(?i)\bshall\b`)
	for _, cat := range []*Catalog{Catalog2022(), Catalog2013()} {
		for c := range cat.Controls() {
			assert.False(t, shall.MatchString(c.Summary), "%s summary uses 'shall'", c.ID)
			assert.NotEqual(t, c.Title, c.Summary)
		}
	}
}

// TestGeneratedCodeIsFresh fails when zcatalog.go is stale; run
// "go generate ./iso27002" to refresh it.
func TestGeneratedCodeIsFresh(t *testing.T) {
	want, err := catalogdata.Generate(catalogdata.Data2022, catalogdata.Data2013)
	require.NoError(t, err)
	got, err := os.ReadFile("zcatalog.go")
	require.NoError(t, err)
	if !bytes.Equal(got, want) {
		t.Fatal("zcatalog.go is stale: run go generate ./iso27002")
	}
	// The data files the generator embeds are the ones in the tree.
	disk, err := os.ReadFile(filepath.Join("..", "internal", "catalogdata", "iso27002_2022.txt"))
	require.NoError(t, err)
	assert.Equal(t, string(disk), string(catalogdata.Data2022))
}

var (
	sinkControl Control
	sinkBool    bool
	sinkInt     int
)

func BenchmarkLookup(b *testing.B) {
	ext, _ := Catalog2022().Extend("ext", []Control{{ID: MustParse("acme:x"), Title: "x"}})
	for _, bc := range []struct {
		name string
		cat  *Catalog
		id   ControlID
	}{
		{"2022", Catalog2022(), MustParse("8.24")},
		{"2013", Catalog2013(), MustParse("A.14.2.5")},
		{"extended", ext, MustParse("8.24")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkControl, sinkBool = bc.cat.Lookup(bc.id)
			}
		})
	}
}

func BenchmarkFilter(b *testing.B) {
	c := Catalog2022()
	b.Run("attribute", func(b *testing.B) {
		b.ReportAllocs()
		f := HasAttribute(Detective)
		for b.Loop() {
			n := 0
			for range c.Select(f) {
				n++
			}
			sinkInt = n
		}
	})
	b.Run("theme+attribute", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkInt = c.Count(InTheme(Technological), HasAttribute(Preventive))
		}
	})
	b.Run("search", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkInt = c.Count(Matching("access"))
		}
	})
}
