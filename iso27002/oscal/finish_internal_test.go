package oscal

import (
	"os"
	"testing"

	"github.com/ismskit/ismskit/internal/oscalmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFinish holds finish to oscalmodel.EncodeDocument: the same UUID and
// the same bytes, whatever the size it is given.
func TestFinish(t *testing.T) {
	data, err := os.ReadFile("testdata/iso27002-2022.json")
	require.NoError(t, err)
	cat, err := ImportCatalog(data, ImportOptions{})
	require.NoError(t, err)
	doc := *cat.doc
	want, err := oscalmodel.EncodeDocument(&catalogDoc{Catalog: &doc}, "catalog", &doc.UUID)
	require.NoError(t, err)
	wantUUID := doc.UUID
	assert.Equal(t, string(data), string(want), "an export, encoded again")
	for _, size := range []int{0, 1, len(want) - 1, len(want), 10 << 20} {
		doc.UUID = "x"
		got, err := finish(&catalogDoc{Catalog: &doc}, "catalog", &doc.UUID, size)
		require.NoError(t, err)
		assert.Equal(t, wantUUID, doc.UUID, "size %d", size)
		assert.Equal(t, string(want), string(got), "size %d", size)
	}
	// Another kind, another UUID, as EncodeDocument gives.
	_, err = oscalmodel.EncodeDocument(&catalogDoc{Catalog: &doc}, "resolved-catalog", &doc.UUID)
	require.NoError(t, err)
	other := doc.UUID
	_, err = finish(&catalogDoc{Catalog: &doc}, "resolved-catalog", &doc.UUID, 0)
	require.NoError(t, err)
	assert.Equal(t, other, doc.UUID)
	assert.NotEqual(t, wantUUID, other)
}
