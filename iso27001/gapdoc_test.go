package iso27001

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"
)

func testGapDocument(t *testing.T) GapDocument {
	data, err := os.ReadFile("../examples/internal/sample/records.json")
	require.NoError(t, err)
	r, err := DecodeRecords(data)
	require.NoError(t, err)
	gap, err := Analyze(r, ismskit.NewDate(2026, 11, 28))
	require.NoError(t, err)
	return GapDocument{Report: *gap, Organization: "Nimbus <Ledger>", Version: "1.0", Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
}

func TestGapDocument(t *testing.T) {
	d := testGapDocument(t)
	h, err := d.HTML()
	require.NoError(t, err)
	goldenfile.Check(t, "testdata/gap.golden.html", h)
	md := d.Markdown()
	goldenfile.Check(t, "testdata/gap.golden.md", md)
	again, err := d.HTML()
	require.NoError(t, err)
	assert.Equal(t, h, again)

	text := string(h)
	for _, want := range []string{"<h1>Gap analysis</h1>", "Nimbus &lt;Ledger&gt;", "<b>91.7%</b>", "143 of 156",
		"9.1.p1", "Record to retain", "Not approved", "MON-01", "Clause 6 Planning", "What the percentage means",
		"Here it is 91.7%: 143 of 156 items are evidenced.", "<svg"} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, text, "Nimbus <Ledger>")
	mdText := string(md)
	assert.Contains(t, mdText, "**Nimbus &lt;Ledger&gt;**")
	assert.Contains(t, mdText, "| 9.1.p1 | Monitoring and measurement results are kept as documented information. | Record to retain | Not approved | MON-01 |")
	assert.Contains(t, mdText, "| **All** |  | **143** | **156** | **91.7%** |")
}

func TestGapDocumentZero(t *testing.T) {
	h, err := GapDocument{}.HTML()
	require.NoError(t, err)
	assert.Contains(t, string(h), "Every item that asks for documented information has a current, approved document.")
	assert.Contains(t, string(GapDocument{}.Markdown()), "Every requirement item is evidenced.")
	_, err = GapDocument{Letterhead: ismskit.Letterhead{Colour: "x"}}.HTML()
	assert.ErrorIs(t, err, ismskit.ErrSyntax)

	d := testGapDocument(t)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	var back GapDocument
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d, back)
	for _, z := range []GapDocument{{}} {
		b, err := json.Marshal(z)
		require.NoError(t, err)
		var back GapDocument
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, z, back)
	}
	assert.Equal(t, "Not analysed", statusWords(0))
	assert.Equal(t, "Document to maintain", docKindWords(Maintained))
	assert.Equal(t, Latest().Name(), standardOf("no such edition").Name())
}
