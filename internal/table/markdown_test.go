package table

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMarkdownText(t *testing.T) {
	tests := []struct{ in, out string }{
		{"plain text", "plain text"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"Ops & Security", "Ops &amp; Security"},
		{"[click](javascript:alert(1))", `\[click\](javascript:alert(1))`},
		{"![x](http://evil.example/x.png)", `!\[x\](http://evil.example/x.png)`},
		{"*bold* _it_ `code` ~~del~~ # h", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~del\\~\\~ \\# h"},
		{`back\slash`, `back\\slash`},
		{"a\nb", "a\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.out, MarkdownText(tt.in))
		})
	}
}
