// Package stanza reads the plain-text data files from which ismskit
// generates its built-in tables.
//
// A file is a sequence of stanzas separated by blank lines. A stanza is a
// run of "key: value" lines. Lines whose first non-space character is '#'
// are comments and are skipped wherever they stand. Keys are ASCII
// letters, digits and '-'; the value is the rest of the line with
// surrounding white space removed, and may be empty.
//
//	control: 5.1
//	title: Policies for information security
//
//	control: 5.2
//	title: Information security roles and responsibilities
//
// The package is used by the generators and by tests; nothing parses data
// at program start-up. It is safe for concurrent use.
package stanza

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Field is one "key: value" line of a stanza.
type Field struct {
	Key   string
	Value string
	Line  int // 1-based line number in the input
}

// Stanza is a block of fields, in the order they appear.
type Stanza struct {
	Line   int // 1-based line number of the first field
	Fields []Field
}

// Get returns the value of the first field with the given key.
func (s Stanza) Get(key string) (string, bool) {
	for _, f := range s.Fields {
		if f.Key == key {
			return f.Value, true
		}
	}
	return "", false
}

// All returns the values of every field with the given key, in order.
func (s Stanza) All(key string) []string {
	var out []string
	for _, f := range s.Fields {
		if f.Key == key {
			out = append(out, f.Value)
		}
	}
	return out
}

// Kind returns the key of the stanza's first field, which by convention
// names what the stanza describes ("control", "clause", ...).
func (s Stanza) Kind() string {
	if len(s.Fields) == 0 {
		return ""
	}
	return s.Fields[0].Key
}

// Error is a problem at a line of the input.
type Error struct {
	Line int
	Msg  string
}

// Error returns "line N: message".
func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse splits data into stanzas. A line that is neither blank, a comment
// nor a well-formed "key: value" line is an *Error naming its line.
func Parse(data []byte) ([]Stanza, error) {
	var (
		out  []Stanza
		cur  Stanza
		line int
	)
	flush := func() {
		if len(cur.Fields) > 0 {
			out = append(out, cur)
		}
		cur = Stanza{}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		switch {
		case text == "":
			flush()
			continue
		case text[0] == '#':
			continue
		}
		key, value, ok := strings.Cut(text, ":")
		if !ok || !validKey(key) {
			return nil, &Error{Line: line, Msg: fmt.Sprintf("want \"key: value\", got %q", text)}
		}
		if len(cur.Fields) == 0 {
			cur.Line = line
		}
		cur.Fields = append(cur.Fields, Field{Key: key, Value: strings.TrimSpace(value), Line: line})
	}
	if err := sc.Err(); err != nil {
		return nil, &Error{Line: line + 1, Msg: err.Error()}
	}
	flush()
	return out, nil
}

func validKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
