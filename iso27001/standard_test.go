package iso27001

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/clausedata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedTablesUpToDate regenerates the clause tables in memory and
// fails if the committed files differ: run go generate.
func TestGeneratedTablesUpToDate(t *testing.T) {
	for _, ed := range clausedata.Editions {
		var b bytes.Buffer
		require.NoError(t, clausedata.Generate(&b, ed))
		got, err := os.ReadFile(clausedata.FileName(ed))
		require.NoError(t, err)
		assert.Equal(t, b.String(), string(got), "%s is stale: run go generate ./iso27001", clausedata.FileName(ed))
	}
}

func TestRecordKindsMatchGenerator(t *testing.T) {
	assert.Equal(t, clausedata.RecordKinds, recordKeys[:])
}

func TestNew(t *testing.T) {
	s, err := New(Edition2022)
	require.NoError(t, err)
	assert.Equal(t, "ISO/IEC 27001:2022", s.Name())
	assert.Empty(t, s.Amendments())
	assert.False(t, s.Has(Amd1of2024))

	s, err = New(Edition2022, Amd1of2024)
	require.NoError(t, err)
	assert.Equal(t, "ISO/IEC 27001:2022/Amd 1:2024", s.Name())
	assert.Equal(t, []Amendment{Amd1of2024}, s.Amendments())
	assert.Equal(t, Latest().Name(), s.Name())

	assert.Equal(t, "ISO/IEC 27001:2013", MustNew(Edition2013).Name())

	_, err = New(Edition(2005))
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = New(0)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = New(Edition2013, Amd1of2024)
	assert.ErrorIs(t, err, ErrAmendmentNotApplicable)
	_, err = New(Edition2022, Amd1of2024, Amd1of2024)
	assert.ErrorIs(t, err, ErrAmendmentNotApplicable)
	_, err = New(Edition2022, NoAmendment)
	assert.ErrorIs(t, err, ErrAmendmentNotApplicable)
	assert.Panics(t, func() { MustNew(Edition(1)) })
}

func clauseIDs(s *Standard) []string {
	var out []string
	for c := range s.Clauses() {
		out = append(out, c.ID.String())
	}
	return out
}

func TestClauseLists(t *testing.T) {
	want2022 := strings.Fields(`4 4.1 4.2 4.3 4.4 5 5.1 5.2 5.3 6 6.1 6.1.1 6.1.2 6.1.3 6.2 6.3
		7 7.1 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 8 8.1 8.2 8.3 9 9.1 9.2 9.2.1 9.2.2 9.3 9.3.1 9.3.2 9.3.3 10 10.1 10.2`)
	want2013 := strings.Fields(`4 4.1 4.2 4.3 4.4 5 5.1 5.2 5.3 6 6.1 6.1.1 6.1.2 6.1.3 6.2
		7 7.1 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 8 8.1 8.2 8.3 9 9.1 9.2 9.3 10 10.1 10.2`)
	assert.Equal(t, want2022, clauseIDs(Latest()))
	assert.Equal(t, want2013, clauseIDs(MustNew(Edition2013)))
	assert.Equal(t, len(want2022), Latest().Len())
	assert.Equal(t, len(want2013), MustNew(Edition2013).Len())
}

func TestTitles(t *testing.T) {
	tests := []struct {
		ed    Edition
		id    string
		title string
	}{
		{Edition2022, "4", "Context of the organization"},
		{Edition2022, "4.3", "Determining the scope of the information security management system"},
		{Edition2022, "5.3", "Organizational roles, responsibilities and authorities"},
		{Edition2022, "6.1.2", "Information security risk assessment"},
		{Edition2022, "6.2", "Information security objectives and planning to achieve them"},
		{Edition2022, "6.3", "Planning of changes"},
		{Edition2022, "7.5.2", "Creating and updating"},
		{Edition2022, "8", "Operation"},
		{Edition2022, "9.1", "Monitoring, measurement, analysis and evaluation"},
		{Edition2022, "9.2.2", "Internal audit programme"},
		{Edition2022, "9.3.2", "Management review inputs"},
		{Edition2022, "9.3.3", "Management review results"},
		{Edition2022, "10.1", "Continual improvement"},
		{Edition2022, "10.2", "Nonconformity and corrective action"},
		{Edition2013, "10.1", "Nonconformity and corrective action"},
		{Edition2013, "10.2", "Continual improvement"},
		{Edition2013, "9.2", "Internal audit"},
	}
	for _, tt := range tests {
		c, ok := MustNew(tt.ed).Clause(MustParseClauseID(tt.id))
		require.True(t, ok, "%s %s", tt.ed, tt.id)
		assert.Equal(t, tt.title, c.Title, "%s %s", tt.ed, tt.id)
	}
}

func letters(s *Standard, clause string) string {
	var b strings.Builder
	for it := range s.ClauseItems(MustParseClauseID(clause)) {
		if it.ID.kind == 'l' && it.ID.n == 0 {
			b.WriteByte(it.ID.letter)
		}
	}
	return b.String()
}

// TestLettering checks the item letters of every clause against the
// published lettering (verified against two public sources).
func TestLettering(t *testing.T) {
	want2022 := map[string]string{
		"4.2": "abc", "4.3": "abc", "5.1": "abcdefgh", "5.2": "abcdefg", "5.3": "ab",
		"6.1.1": "abcde", "6.1.2": "abcde", "6.1.3": "abcdef", "6.2": "abcdefghijkl",
		"7.2": "abcd", "7.3": "abc", "7.4": "abcd", "7.5.1": "ab", "7.5.2": "abc", "7.5.3": "abcdef",
		"9.1": "abcdef", "9.2.1": "ab", "9.2.2": "abc", "9.3.2": "abcdefg", "10.2": "abcdefg",
	}
	want2013 := map[string]string{
		"4.2": "ab", "4.3": "abc", "5.1": "abcdefgh", "5.2": "abcdefg", "5.3": "ab",
		"6.1.1": "abcde", "6.1.2": "abcde", "6.1.3": "abcdef", "6.2": "abcdefghij",
		"7.2": "abcd", "7.3": "abc", "7.4": "abcde", "7.5.1": "ab", "7.5.2": "abc", "7.5.3": "abcdef",
		"9.1": "abcdef", "9.2": "abcdefg", "9.3": "abcdef", "10.1": "abcdefg",
	}
	for ed, want := range map[Edition]map[string]string{Edition2022: want2022, Edition2013: want2013} {
		s := MustNew(ed, amdFor(ed)...)
		for c := range s.Clauses() {
			assert.Equal(t, want[c.ID.String()], letters(s, c.ID.String()), "%s clause %s", ed, c.ID)
		}
	}
	// Numbered points.
	s := Latest()
	for _, id := range []string{"6.1.2.a.2", "6.1.2.c.2", "6.1.2.d.3", "6.1.2.e.2", "6.1.1.e.2", "9.2.1.a.2", "9.3.2.d.4", "10.2.a.2", "10.2.b.3"} {
		_, ok := s.Item(MustParseItemID(id))
		assert.True(t, ok, id)
	}
	_, ok := s.Item(MustParseItemID("9.3.2.d.5"))
	assert.False(t, ok)
}

func amdFor(ed Edition) []Amendment {
	if ed == Edition2022 {
		return []Amendment{Amd1of2024}
	}
	return nil
}

func TestItemTablesAreConsistent(t *testing.T) {
	for _, s := range []*Standard{Latest(), MustNew(Edition2013)} {
		seen := map[ItemID]bool{}
		for c := range s.Clauses() {
			if c.Parent.IsValid() {
				_, ok := s.Clause(c.Parent)
				assert.True(t, ok, "parent of %s", c.ID)
			}
			hasItems := false
			for it := range s.ClauseItems(c.ID) {
				hasItems = true
				assert.Equal(t, c.ID, it.ID.Clause())
				assert.False(t, seen[it.ID], "duplicate %s", it.ID)
				seen[it.ID] = true
				assert.NotEmpty(t, it.Text)
				assert.NotContains(t, strings.ToLower(it.Text), "shall", "%s uses the standard's wording", it.ID)
				assert.True(t, strings.HasSuffix(it.Text, "."), "%s: %q", it.ID, it.Text)
				got, ok := s.Item(it.ID)
				assert.True(t, ok)
				assert.Equal(t, it, got)
			}
			children := slices.Collect(s.Children(c.ID))
			assert.True(t, hasItems || len(children) > 0, "%s is empty", c.ID)
			assert.NotContains(t, strings.ToLower(c.Summary), "shall")
		}
		assert.Equal(t, len(seen), len(slices.Collect(s.Items())))
	}
	assert.Len(t, slices.Collect(Latest().Children(ClauseID{})), 7)
}

func TestAmendment(t *testing.T) {
	with, without := Latest(), MustNew(Edition2022)
	climate := MustParseItemID("4.1.p2")
	note := MustParseItemID("4.2.n2")
	it, ok := with.Item(climate)
	require.True(t, ok)
	assert.Equal(t, Amd1of2024, it.Amendment)
	assert.Equal(t, []string{"climate"}, it.EvidencedBy())
	n, ok := with.Item(note)
	require.True(t, ok)
	assert.True(t, n.Note)

	_, ok = without.Item(climate)
	assert.False(t, ok)
	assert.ErrorIs(t, without.CheckItem(climate), ErrUnknownItem)
	assert.NoError(t, with.CheckItem(climate))
	assert.Equal(t, len(slices.Collect(with.Items()))-2, len(slices.Collect(without.Items())))
}

func TestDifferencesBetweenEditions(t *testing.T) {
	s22, s13 := Latest(), MustNew(Edition2013)
	c, ok := s22.Clause(MustParseClauseID("6.3"))
	require.True(t, ok)
	assert.Equal(t, ChangeNew, c.Change)
	assert.False(t, c.Counterpart.IsValid())
	assert.ErrorIs(t, s13.CheckClause(MustParseClauseID("6.3")), ErrUnknownClause)
	assert.ErrorIs(t, s13.CheckClause(MustParseClauseID("9.2.1")), ErrUnknownClause)
	assert.ErrorIs(t, s13.CheckClause(ClauseID{}), ismskit.ErrInvalidID)
	assert.ErrorIs(t, s13.CheckItem(ItemID{}), ismskit.ErrInvalidID)

	c, _ = s22.Clause(MustParseClauseID("10.2"))
	assert.Equal(t, "10.1", c.Counterpart.String())
	assert.Equal(t, ChangeRenumbered, c.Change)
	c13, _ := s13.Clause(c.Counterpart)
	assert.Equal(t, c.Title, c13.Title)
	c, _ = s22.Clause(MustParseClauseID("9.3.2"))
	assert.Equal(t, "9.3", c.Counterpart.String())

	var changed []string
	for c := range s22.Clauses() {
		if c.Change == ChangeChanged {
			changed = append(changed, c.ID.String())
		}
	}
	for _, id := range []string{"4.2", "4.4", "6.2", "7.4", "8.1", "9.3"} {
		assert.Contains(t, changed, id)
	}
	it, _ := s22.Item(MustParseItemID("4.2.c"))
	assert.Equal(t, ChangeNew, it.Change)
	_, ok = s13.Item(MustParseItemID("4.2.c"))
	assert.False(t, ok)
	for c := range s13.Clauses() {
		assert.Equal(t, ChangeNone, c.Change)
	}
}

func docList(s *Standard) []string {
	var out []string
	for it := range s.DocumentedInformation() {
		code, _ := it.Documented.MarshalText()
		out = append(out, it.ID.String()+" "+string(code))
	}
	return out
}

func TestDocumentedInformation(t *testing.T) {
	assert.Equal(t, []string{
		"4.3.p2 maintained", "5.2.e maintained", "6.1.2.p2 retained", "6.1.3.d maintained", "6.1.3.p2 retained",
		"6.2.g maintained", "6.2.p2 retained", "7.2.d retained", "8.1.p2 retained", "8.2.p2 retained",
		"8.3.p2 retained", "9.1.p1 retained", "9.2.2.p3 retained", "9.3.3.p2 retained", "10.2.f retained", "10.2.g retained",
	}, docList(Latest()))
	assert.Equal(t, []string{
		"4.3.p2 maintained", "5.2.e maintained", "6.1.2.p2 retained", "6.1.3.d maintained", "6.1.3.p2 retained",
		"6.2.p2 retained", "7.2.d retained", "8.1.p3 retained", "8.2.p2 retained",
		"8.3.p2 retained", "9.1.p2 retained", "9.2.g retained", "9.3.p3 retained", "10.1.f retained", "10.1.g retained",
	}, docList(MustNew(Edition2013)))
}

func TestIteratorsStopEarly(t *testing.T) {
	s := Latest()
	n := 0
	for range s.Clauses() {
		n++
		break
	}
	for range s.Items() {
		n++
		break
	}
	for range s.ClauseItems(MustParseClauseID("6.1.3")) {
		n++
		break
	}
	for range s.Children(MustParseClauseID("6")) {
		n++
		break
	}
	for range s.DocumentedInformation() {
		n++
		break
	}
	assert.Equal(t, 5, n)
	assert.Empty(t, slices.Collect(s.ClauseItems(MustParseClauseID("6.4"))))
}

func TestTreeGolden(t *testing.T) {
	golden(t, "tree_2022_amd1.json", marshalIndent(t, Latest().Tree()))
	golden(t, "tree_2022.json", marshalIndent(t, MustNew(Edition2022).Tree()))
	golden(t, "tree_2013.json", marshalIndent(t, MustNew(Edition2013).Tree()))
	for _, n := range Latest().Tree() {
		assert.NotNil(t, n.Requirements)
		if n.ID.Depth() == 1 {
			assert.Empty(t, n.Parent)
		}
	}
}
