package strictjson

import "github.com/ismskit/ismskit"

// anyValue decodes the value at d.pos into the Go value encoding/json
// gives an empty interface: map[string]any, []any, float64, string, bool
// or nil. It recurses once per level, which d.maxDepth bounds.
func (d *decoder) anyValue() any {
	switch c := d.peek(); c {
	case '{':
		return d.anyObject()
	case '[':
		return d.anyArray()
	case '"':
		return d.str()
	case 't':
		d.literal("true")
		return true
	case 'f':
		d.literal("false")
		return false
	case 'n':
		d.literal("null")
		return nil
	default:
		if c != '-' && (c < '0' || c > '9') {
			d.syntax("looking for beginning of value")
			return nil
		}
		start, end, _ := d.scanNumber()
		if d.stopped {
			return nil
		}
		f, ok := parseFloat(d.data[start:end], 64)
		if !ok {
			d.reportf(ismskit.ErrType, "%s does not fit float64", d.data[start:end])
			return nil
		}
		return f
	}
}

func (d *decoder) anyObject() any {
	if !d.enter() {
		return nil
	}
	m := make(map[string]any)
	d.pushKey()
	c := d.peek()
	if c == '}' {
		d.pos++
	} else {
		for {
			if c != '"' {
				d.syntax("looking for beginning of object key string")
				return nil
			}
			off := d.pos
			k := d.str()
			if d.stopped {
				return nil
			}
			if d.peek() != ':' {
				d.syntax("after object key")
				return nil
			}
			d.pos++
			d.setKey(off)
			if _, dup := m[k]; dup {
				d.reportKind(ismskit.ErrDuplicateField)
				d.skip(false)
			} else {
				m[k] = d.anyValue()
			}
			if d.stopped {
				return nil
			}
			c = d.peek()
			if c == ',' {
				d.pos++
				c = d.peek()
				continue
			}
			if c == '}' {
				d.pos++
				break
			}
			d.syntax("after object key:value pair")
			return nil
		}
	}
	d.pop()
	d.leave()
	return m
}

func (d *decoder) anyArray() any {
	if !d.enter() {
		return nil
	}
	a := make([]any, 0)
	d.pushIndex()
	c := d.peek()
	if c == ']' {
		d.pos++
	} else {
		for {
			d.setIndex(len(a))
			a = append(a, d.anyValue())
			if d.stopped {
				return nil
			}
			c = d.peek()
			if c == ',' {
				d.pos++
				continue
			}
			if c == ']' {
				d.pos++
				break
			}
			d.syntax("after array element")
			return nil
		}
	}
	d.pop()
	d.leave()
	return a
}
