package regulation

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

func TestParseID(t *testing.T) {
	for _, tt := range []struct {
		in                   string
		reg                  Regulation
		str, local, citation string
	}{
		{"GDPR Art. 32", GDPR, "GDPR Art. 32", "Art. 32", "Regulation (EU) 2016/679, Art. 32"},
		{"gdpr article 33", GDPR, "GDPR Art. 33", "Art. 33", "Regulation (EU) 2016/679, Art. 33"},
		{"GDPR Art.5(1)(f)", GDPR, "GDPR Art. 5(1)(f)", "Art. 5(1)(f)", "Regulation (EU) 2016/679, Art. 5(1)(f)"},
		{"GDPR 99", GDPR, "GDPR Art. 99", "Art. 99", "Regulation (EU) 2016/679, Art. 99"},
		{"GDPR Art. 4(12)", GDPR, "GDPR Art. 4(12)", "Art. 4(12)", "Regulation (EU) 2016/679, Art. 4(12)"},
		{"NIS2 21(2)(d)", NIS2, "NIS2 Art. 21(2)(d)", "21(2)(d)", "Directive (EU) 2022/2555, Art. 21(2)(d)"},
		{"NIS2 Art. 23(4) second subparagraph", NIS2, "NIS2 Art. 23(4) second subparagraph", "23(4) second subparagraph", "Directive (EU) 2022/2555, Art. 23(4) second subparagraph"},
		{"NIS2 Art. 23(4), Second subparagraph", NIS2, "NIS2 Art. 23(4) second subparagraph", "23(4) second subparagraph", "Directive (EU) 2022/2555, Art. 23(4) second subparagraph"},
		{"DORA Art. 19(4)(a)", DORA, "DORA Art. 19(4)(a)", "19(4)(a)", "Regulation (EU) 2022/2554, Art. 19(4)(a)"},
		{"DORA RTS 5(1)(a)", DORA, "DORA RTS Art. 5(1)(a)", "RTS 5(1)(a)", "Delegated Regulation (EU) 2025/301, Art. 5(1)(a)"},
		{"dora rts art. 5(4)", DORA, "DORA RTS Art. 5(4)", "RTS 5(4)", "Delegated Regulation (EU) 2025/301, Art. 5(4)"},
		{"45 CFR 164.308(a)(1)(ii)(A)", HIPAA, "45 CFR 164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(A)", "45 CFR 164.308(a)(1)(ii)(A)"},
		{"45 CFR § 164.404(b)", HIPAA, "45 CFR 164.404(b)", "164.404(b)", "45 CFR 164.404(b)"},
		{"HIPAA 164.312(d)", HIPAA, "45 CFR 164.312(d)", "164.312(d)", "45 CFR 164.312(d)"},
		{"164.310(a)(2)(iii)", HIPAA, "45 CFR 164.310(a)(2)(iii)", "164.310(a)(2)(iii)", "45 CFR 164.310(a)(2)(iii)"},
		{"§164.402", HIPAA, "45 CFR 164.402", "164.402", "45 CFR 164.402"},
		{"164.308(a)(7)(ii)(E)", HIPAA, "45 CFR 164.308(a)(7)(ii)(E)", "164.308(a)(7)(ii)(E)", "45 CFR 164.308(a)(7)(ii)(E)"},
		{"164.504(f)(2)(ii)(A)(1)", HIPAA, "45 CFR 164.504(f)(2)(ii)(A)(1)", "164.504(f)(2)(ii)(A)(1)", "45 CFR 164.504(f)(2)(ii)(A)(1)"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			id, err := ParseID(tt.in)
			require.NoError(t, err)
			assert.True(t, id.IsValid())
			assert.Equal(t, tt.reg, id.Regulation())
			assert.Equal(t, tt.str, id.String())
			assert.Equal(t, tt.local, id.Local())
			assert.Equal(t, tt.citation, id.Citation())
			back, err := ParseID(id.String())
			require.NoError(t, err)
			assert.Equal(t, id, back, "String parses back")
			local, err := tt.reg.ParseID(id.Local())
			require.NoError(t, err)
			assert.Equal(t, id, local, "Local parses back in its regulation")
			text, err := id.MarshalText()
			require.NoError(t, err)
			var u ID
			require.NoError(t, u.UnmarshalText(text))
			assert.Equal(t, id, u)
			assert.Equal(t, tt.str, string(id.AppendTo(nil)))
		})
	}
}

func TestParseIDErrors(t *testing.T) {
	for _, in := range []string{
		"", "32", "Art. 32", "21(2)(d)", "GDPR", "GDPR ", "GDPR Art. ", "GDPR Art. 0", "GDPR Art. 032", "GDPR Art. 1000",
		"GDPR Art. 32(", "GDPR Art. 32(0)", "GDPR Art. 32(01)", "GDPR Art. 32(a)", "GDPR Art. 5(1)(F)", "GDPR Art. 5(1)(f)(iiii)",
		"GDPR Art. 5(1)(f)(i)(a)", "GDPR Art. 32 ", "GDPR Art. 32x", "GDPR RTS 5(1)", "NIS2 21(2)(dd)", "NIS2 23(4) second",
		"NIS2 23(4) eleventh subparagraph", "NIS2 23 second subparagraph", "45 CFR 164", "45 CFR 165.308", "45 CFR 164.308(1)",
		"45 CFR 164.308(a)(1)(2)", "45 CFR 164.308(a)(1)(ii)(a)", "45 CFR 164.308(a)(1)(ii)(A)(1)(2)", "HIPAA Art. 32",
		"ISO 5.1", "GDPR\tArt. 32", "GDPR Art. 32(1) second subparagraph extra", strings.Repeat("9", 100),
	} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseID(in)
			require.Error(t, err)
			assert.ErrorIs(t, err, ismskit.ErrInvalidID)
			var e *ismskit.Error
			assert.True(t, errors.As(err, &e))
			assert.Less(t, len(err.Error()), 200, "the message stays short")
		})
	}
	assert.Panics(t, func() { MustParseID("GDPR") })
	assert.Equal(t, "GDPR Art. 1", MustParseID("GDPR Art. 1").String())
}

func TestRegulationParseID(t *testing.T) {
	id, err := GDPR.ParseID("Art. 32")
	require.NoError(t, err)
	assert.Equal(t, MustParseID("GDPR Art. 32"), id)
	id, err = GDPR.ParseID("GDPR Art. 32")
	require.NoError(t, err)
	assert.Equal(t, MustParseID("GDPR Art. 32"), id)
	id, err = NIS2.ParseID("21(2)(d)")
	require.NoError(t, err)
	assert.Equal(t, MustParseID("NIS2 Art. 21(2)(d)"), id)
	id, err = HIPAA.ParseID("164.308(a)(1)")
	require.NoError(t, err)
	assert.Equal(t, MustParseID("45 CFR 164.308(a)(1)"), id)

	_, err = GDPR.ParseID("NIS2 Art. 21(2)(d)")
	assert.ErrorIs(t, err, ismskit.ErrInvalidID, "an ID of another regulation")
	_, err = NIS2.ParseID("164.308(a)(1)")
	assert.ErrorIs(t, err, ismskit.ErrInvalidID)
	_, err = NIS2.ParseID("RTS 5(1)")
	assert.ErrorIs(t, err, ismskit.ErrInvalidID, "only DORA has an RTS")
	_, err = Regulation(0).ParseID("Art. 32")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = GDPR.ParseID(strings.Repeat("1", 90))
	assert.ErrorIs(t, err, ismskit.ErrInvalidID)
}

func TestIDZero(t *testing.T) {
	var id ID
	assert.False(t, id.IsValid())
	assert.Equal(t, "", id.String())
	assert.Equal(t, "", id.Local())
	assert.Equal(t, "", id.Citation())
	assert.Equal(t, Regulation(0), id.Regulation())
	text, err := id.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
	x := MustParseID("GDPR Art. 1")
	require.NoError(t, x.UnmarshalText(nil))
	assert.Equal(t, ID{}, x)
	assert.Error(t, x.UnmarshalText([]byte("GDPR Art.")))
	var nilID *ID
	assert.Error(t, nilID.UnmarshalText([]byte("GDPR Art. 1")))
	assert.False(t, id.Contains(id))
}

func TestCompare(t *testing.T) {
	want := []string{
		"GDPR Art. 4", "GDPR Art. 4(12)", "GDPR Art. 5", "GDPR Art. 5(1)", "GDPR Art. 5(1)(f)", "GDPR Art. 5(2)", "GDPR Art. 10",
		"45 CFR 164.308(a)(1)", "45 CFR 164.308(a)(1)(ii)(A)", "45 CFR 164.308(a)(1)(ii)(B)", "45 CFR 164.308(a)(2)", "45 CFR 164.308(b)(1)", "45 CFR 164.310(a)(1)",
		"NIS2 Art. 21(2)(a)", "NIS2 Art. 21(2)(j)", "NIS2 Art. 23(4)", "NIS2 Art. 23(4)(a)", "NIS2 Art. 23(4)(e)", "NIS2 Art. 23(4) second subparagraph", "NIS2 Art. 23(5)",
		"DORA Art. 19(4)(c)", "DORA RTS Art. 5(1)(a)",
	}
	var ids []ID
	for _, s := range want {
		ids = append(ids, MustParseID(s))
	}
	shuffled := slices.Clone(ids)
	slices.Reverse(shuffled)
	slices.SortFunc(shuffled, ID.Compare)
	assert.Equal(t, ids, shuffled)
	assert.Equal(t, -1, ID{}.Compare(ids[0]))
	assert.Equal(t, 0, ids[3].Compare(MustParseID("GDPR Art. 5(1)")))
}

func TestContains(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"GDPR Art. 33", "GDPR Art. 33(1)", true},
		{"GDPR Art. 33", "GDPR Art. 33", true},
		{"GDPR Art. 33(1)", "GDPR Art. 33", false},
		{"GDPR Art. 33", "GDPR Art. 34", false},
		{"GDPR Art. 33", "NIS2 Art. 33", false},
		{"NIS2 Art. 23(4)", "NIS2 Art. 23(4)(a)", true},
		{"NIS2 Art. 23(4)", "NIS2 Art. 23(4) second subparagraph", true},
		{"NIS2 Art. 23(4) second subparagraph", "NIS2 Art. 23(4)(a)", false},
		{"NIS2 Art. 23(4)(a)", "NIS2 Art. 23(4) second subparagraph", false},
		{"NIS2 Art. 21(2)", "NIS2 Art. 21(2)(j)", true},
		{"DORA Art. 5", "DORA RTS Art. 5(1)", false},
		{"45 CFR 164.308(a)(1)", "45 CFR 164.308(a)(1)(ii)(A)", true},
		{"45 CFR 164.308(a)(1)", "45 CFR 164.308(a)(2)", false},
	} {
		assert.Equal(t, tt.want, MustParseID(tt.a).Contains(MustParseID(tt.b)), "%s contains %s", tt.a, tt.b)
	}
}
