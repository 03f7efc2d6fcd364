package table

import (
	"bytes"
	"encoding/csv"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sample() *Table {
	t := &Table{Header: []string{"id", "title"}}
	t.Append("5.1", "Policies, \"quoted\"")
	t.Append("5.2", "a | b\nnext")
	t.Append("5.3")
	return t
}

func TestWriteCSVRoundTrip(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, sample().WriteCSV(&b))
	assert.Equal(t, "id,title\r\n5.1,\"Policies, \"\"quoted\"\"\"\r\n5.2,\"a | b\r\nnext\"\r\n5.3,\r\n", b.String())
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"id", "title"}, {"5.1", "Policies, \"quoted\""}, {"5.2", "a | b\nnext"}, {"5.3", ""}}, rows)
}

func TestWriteMarkdown(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, sample().WriteMarkdown(&b))
	assert.Equal(t, "| id | title |\n| --- | --- |\n| 5.1 | Policies, \"quoted\" |\n| 5.2 | a \\| b<br>next |\n| 5.3 |  |\n", b.String())
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	assert.Error(t, sample().WriteCSV(failWriter{}))
	assert.Error(t, sample().WriteMarkdown(failWriter{}))
}
