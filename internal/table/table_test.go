package table

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sample() *Table {
	t := &Table{Header: []string{"id", "title"}}
	t.Append("5.1", "Policies, \"quoted\"")
	t.Append("5.2", "a | b\nnext\r\nand\rlone")
	t.Append("5.3")
	t.Append(" padded ", "")
	return t
}

func TestCSVRoundTrip(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, sample().WriteCSV(&b))
	assert.Equal(t, "id,title\r\n5.1,\"Policies, \"\"quoted\"\"\"\r\n5.2,\"a | b\nnext\r\nand\rlone\"\r\n5.3,\r\n\" padded \",\r\n", b.String())
	rows, err := ReadCSV(b.Bytes())
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"id", "title"}, {"5.1", "Policies, \"quoted\""}, {"5.2", "a | b\nnext\r\nand\rlone"}, {"5.3", ""}, {" padded ", ""}}, rows)
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		in   string
		want [][]string
		line int
	}{
		{in: "\xef\xbb\xbfa,b\nc,d", want: [][]string{{"a", "b"}, {"c", "d"}}},
		{in: "a,\n", want: [][]string{{"a", ""}}},
		{in: "a,", want: [][]string{{"a", ""}}},
		{in: "", want: nil},
		{in: "a\r\nb,c\r\n", want: [][]string{{"a"}, {"b", "c"}}},
		{in: "a\rb", want: [][]string{{"a\rb"}}},
		{in: "\"x\ny\"\n\"unclosed", line: 3},
		{in: "a\"b", line: 1},
		{in: "\"a\"b", line: 1},
	}
	for _, tt := range tests {
		got, err := ReadCSV([]byte(tt.in))
		if tt.line > 0 {
			var ce *CSVError
			require.ErrorAs(t, err, &ce, tt.in)
			assert.Equal(t, tt.line, ce.Line, tt.in)
			assert.Contains(t, ce.Error(), "line ")
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestWriteMarkdown(t *testing.T) {
	var b bytes.Buffer
	tb := &Table{Header: []string{"id", "title"}, Rows: [][]string{{"5.1", "a | b\nnext"}, {"5.3"}}}
	require.NoError(t, tb.WriteMarkdown(&b))
	assert.Equal(t, "| id | title |\n| --- | --- |\n| 5.1 | a \\| b<br>next |\n| 5.3 |  |\n", b.String())
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	assert.Error(t, sample().WriteCSV(failWriter{}))
	assert.Error(t, sample().WriteMarkdown(failWriter{}))
}

func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("a", "b\r\nc", "\"")
	f.Add(" ", "", ",")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		tb := &Table{Header: []string{"h1", "h2", "h3"}, Rows: [][]string{{a, b, c}}}
		var buf bytes.Buffer
		require.NoError(t, tb.WriteCSV(&buf))
		got, err := ReadCSV(buf.Bytes())
		require.NoError(t, err)
		require.Equal(t, [][]string{tb.Header, {a, b, c}}, got)
	})
}

func TestWriteMarkdownText(t *testing.T) {
	tb := Table{Header: []string{"A", "B"}, Rows: [][]string{{"<script>", "a|b\nc"}, {"*x*"}}}
	var b strings.Builder
	require.NoError(t, tb.WriteMarkdownText(&b))
	assert.Equal(t, "| A | B |\n| --- | --- |\n| &lt;script&gt; | a\\|b<br>c |\n| \\*x\\* |  |\n", b.String())
	assert.Equal(t, "<script>", tb.Rows[0][0], "the table is not changed")
}
