package cvssdata

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadBuiltIn(t *testing.T) {
	d, err := Load(CVSS4)
	require.NoError(t, err)
	assert.Len(t, d.Lookup, 270)
	assert.Equal(t, Macro{Line: d.Lookup[0].Line, Vector: "000000", Tenths: 100}, d.Lookup[0])
	assert.Len(t, d.Highest, 26)
	assert.Len(t, d.MaxSeverity, 16)
	src, err := Generate(CVSS4)
	require.NoError(t, err)
	assert.Contains(t, string(src), "DO NOT EDIT")
}

func TestLoadErrors(t *testing.T) {
	base := string(CVSS4)
	for name, tt := range map[string]struct{ old, new, msg string }{
		"bad macro":       {"lookup\t000000\t10\n", "lookup\t300000\t10\n", "is not six valid EQ levels"},
		"impossible":      {"lookup\t000000\t10\n", "lookup\t002000\t10\n", "cannot exist"},
		"twice":           {"lookup\t000001\t9.9\n", "lookup\t000000\t9.9\n", "given twice"},
		"bad score":       {"lookup\t000000\t10\n", "lookup\t000000\t10.01\n", "is not 0.0 to 10.0"},
		"above ten":       {"lookup\t000000\t10\n", "lookup\t000000\t10.1\n", "is not 0.0 to 10.0"},
		"fields":          {"lookup\t000000\t10\n", "lookup\t000000\n", "want 3 fields"},
		"unknown record":  {"lookup\t000000\t10\n", "lookups\t000000\t10\n", "unknown record"},
		"bad metrics":     {"highest\teq1\t0\tAV:N/PR:N/UI:N\n", "highest\teq1\t0\tAV:N/UI:N/PR:N\n", "component 1 is not PR"},
		"bad level":       {"highest\teq1\t0\tAV:N/PR:N/UI:N\n", "highest\teq1\t3\tAV:N/PR:N/UI:N\n", "is not a level"},
		"missing highest": {"highest\teq2\t0\tAC:L/AT:N\n", "", "no highest severity vector for eq2 0"},
		"bad divisor":     {"maxseverity\teq1\t0\t1\n", "maxseverity\teq1\t0\t0\n", "divisor \"0\""},
		"divisor twice":   {"maxseverity\teq1\t0\t1\n", "maxseverity\teq1\t1\t1\n", "given twice"},
		"bad eq3eq6":      {"maxseverity\teq3eq6\t00\t7\n", "maxseverity\teq3eq6\t20\t7\n", "is not a level"},
		"short":           {"maxseverity\teq1\t0\t1\n", "maxseverity\teq1\t0\n", "want 4 fields"},
	} {
		in := strings.Replace(base, tt.old, tt.new, 1)
		require.NotEqual(t, base, in, name)
		_, err := Load([]byte(in))
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), tt.msg, name)
		_, err = Generate([]byte(in))
		assert.Error(t, err, name)
	}
	_, err := Load([]byte("lookup\t000000\t10\n"))
	assert.ErrorContains(t, err, "1 MacroVectors, want 270")
}
