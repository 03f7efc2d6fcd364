package nistdata

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadShipped(t *testing.T) {
	sp, err := Load80053(Data80053)
	require.NoError(t, err)
	assert.Len(t, sp, 643)
	csf, err := LoadCSF(DataCSF)
	require.NoError(t, err)
	assert.Len(t, csf, 415)
	src, err := Generate(Data80053, DataCSF)
	require.NoError(t, err)
	assert.Contains(t, string(src), "DO NOT EDIT")
}

const spHeader = "sp800_53r5_control\tsp800_53r5_control_raw\tbaseline_column\tiso27001_2022_ref\tiso_ref_kind\talso_in_ciso_assistant\n"
const csfHeader = "csf2_element\tcsf2_level\tiso_kind\tiso27001_2022_ref\tlist_item\tnote\traw_informative_reference_line\n"

func TestLoad80053Errors(t *testing.T) {
	good := "AC-2(1)\tAC-02(01)\tLow\tA.5.15\tannexA\tyes\n"
	_, err := Load80053([]byte(spHeader + good))
	require.NoError(t, err)
	for name, line := range map[string]string{
		"control":    "AC-2x\tAC-02\tLow\tA.5.15\tannexA\tyes\n",
		"raw":        "AC-2\tAC-03\tLow\tA.5.15\tannexA\tyes\n",
		"baseline":   "AC-2\tAC-02\tlow\tA.5.15\tannexA\tyes\n",
		"kind":       "AC-2\tAC-02\tLow\tA.5.15\tannex\tyes\n",
		"not annexA": "AC-2\tAC-02\tLow\t5.2\tannexA\tyes\n",
		"not clause": "AC-2\tAC-02\tLow\tA.5.2\tclause\tyes\n",
		"fields":     "AC-2\tAC-02\tLow\n",
		"duplicate":  good,
	} {
		_, err := Load80053([]byte(spHeader + good + line))
		assert.Error(t, err, name)
	}
	_, err = Load80053([]byte("bad header\n"))
	assert.Error(t, err)
	_, err = Generate([]byte("x"), DataCSF)
	assert.Error(t, err)
}

func TestLoadCSFErrors(t *testing.T) {
	good := "GV.OC-03\tsubcategory\tMandatory Clause\t4.2\ta\t\tISO/IEC 27001:2022: Mandatory Clause: 4.2(a)\n"
	_, err := LoadCSF([]byte(csfHeader + good))
	require.NoError(t, err)
	for name, line := range map[string]string{
		"level":     "GV.OC-03\tcategory\tMandatory Clause\t4.2\t\t\tISO/IEC 27001:2022: Mandatory Clause: 4.2\n",
		"element":   "XX\tfunction\tMandatory Clause\t4.2\t\t\tISO/IEC 27001:2022: Mandatory Clause: 4.2\n",
		"kind":      "GV\tfunction\tClause\t4.2\t\t\tISO/IEC 27001:2022: Clause: 4.2\n",
		"no ref":    "GV\tfunction\tAnnex A Controls\t\t\t\tISO/IEC 27001:2022: Annex A Controls: None\n",
		"bad ref":   "GV\tfunction\tAnnex A Controls\t5.1\t\t\tISO/IEC 27001:2022: Annex A Controls: 5.1\n",
		"item":      "GV\tfunction\tAnnex A Controls\tA.5.1\ta\t\tISO/IEC 27001:2022: Annex A Controls: A.5.1\n",
		"raw":       "GV\tfunction\tAnnex A Controls\tA.5.1\t\t\tISO/IEC 27001:2022: Mandatory Clause: A.5.1\n",
		"duplicate": good,
	} {
		_, err := LoadCSF([]byte(csfHeader + good + line))
		assert.Error(t, err, name)
	}
	_, err = Generate(Data80053, []byte(strings.Replace(csfHeader, "note", "notes", 1)))
	assert.Error(t, err)
}

func TestNormalize(t *testing.T) {
	assert.Equal(t, "AC-2", normalize("AC-02"))
	assert.Equal(t, "AC-2(12)", normalize("AC-02(12)"))
}
