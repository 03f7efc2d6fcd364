package checks

import (
	"bytes"
	"fmt"
)

// csvReader reads RFC 4180 CSV records from a byte slice without copying:
// a record's fields are sub-slices of the input, except quoted fields with
// doubled quotes, which are unquoted into new memory. Records end at LF or
// CRLF; blank lines are skipped; a leading UTF-8 byte order mark is
// skipped. It is the one CSV reader of the package, fast enough for a
// credential report of 100,000 users well within the benchmark's budget.
type csvReader struct {
	data   []byte
	pos    int
	line   int // line of the record last read, 1-based
	next   int // line at pos
	fields [][]byte
}

func newCSVReader(data []byte) *csvReader {
	return &csvReader{data: bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), next: 1}
}

// read reads the next record into r.fields. It returns false at the end
// of the input, and an error (whose text names the line) for a quoted
// field that is not closed or has text after its closing quote, or a
// quote inside an unquoted field.
func (r *csvReader) read() (bool, error) {
	r.fields = r.fields[:0]
	for r.pos < len(r.data) {
		// Skip blank lines.
		switch {
		case r.data[r.pos] == '\n':
			r.pos++
			r.next++
			continue
		case r.data[r.pos] == '\r' && r.pos+1 < len(r.data) && r.data[r.pos+1] == '\n':
			r.pos += 2
			r.next++
			continue
		}
		break
	}
	if r.pos >= len(r.data) {
		return false, nil
	}
	r.line = r.next
	rest := r.data[r.pos:]
	end := bytes.IndexByte(rest, '\n')
	line := rest
	if end >= 0 {
		line = rest[:end]
	}
	if bytes.IndexByte(line, '"') < 0 {
		// Fast path: no quotes, so the record is this line.
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		for {
			i := bytes.IndexByte(line, ',')
			if i < 0 {
				r.fields = append(r.fields, line)
				break
			}
			r.fields = append(r.fields, line[:i])
			line = line[i+1:]
		}
		if end >= 0 {
			r.pos += end + 1
		} else {
			r.pos = len(r.data)
		}
		r.next++
		return true, nil
	}
	return true, r.readQuoted()
}

// readQuoted reads a record that has quotes, byte by byte.
func (r *csvReader) readQuoted() error {
	d := r.data
	i := r.pos
	for {
		if i < len(d) && d[i] == '"' {
			start := i + 1
			var field []byte
			copied := false
			j := start
			for {
				if j >= len(d) {
					return fmt.Errorf("line %d: quoted field not closed", r.line)
				}
				c := d[j]
				if c == '"' {
					if j+1 < len(d) && d[j+1] == '"' {
						if !copied {
							field = append([]byte(nil), d[start:j]...)
							copied = true
						}
						field = append(field, '"')
						j += 2
						continue
					}
					break
				}
				if c == '\n' {
					r.next++
				}
				if copied {
					field = append(field, c)
				}
				j++
			}
			if !copied {
				field = d[start:j]
			}
			r.fields = append(r.fields, field)
			i = j + 1
		} else {
			start := i
			for i < len(d) && d[i] != ',' && d[i] != '\n' && !(d[i] == '\r' && i+1 < len(d) && d[i+1] == '\n') {
				if d[i] == '"' {
					return fmt.Errorf("line %d: a quote inside an unquoted field", r.next)
				}
				i++
			}
			r.fields = append(r.fields, d[start:i])
		}
		switch {
		case i >= len(d):
			r.pos = i
			r.next++
			return nil
		case d[i] == ',':
			i++
			if i == len(d) {
				r.fields = append(r.fields, nil)
				r.pos = i
				r.next++
				return nil
			}
		case d[i] == '\n':
			r.pos = i + 1
			r.next++
			return nil
		case d[i] == '\r' && i+1 < len(d) && d[i+1] == '\n':
			r.pos = i + 2
			r.next++
			return nil
		default:
			return fmt.Errorf("line %d: text after a quoted field", r.next)
		}
	}
}
