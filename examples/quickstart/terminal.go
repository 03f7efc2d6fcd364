package main

// The terminal report: 100 columns at most, and its notation explained
// once.

import (
	"bytes"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// width is the widest line the report prints.
const width = 100

// legend explains the notation of the report once, before step 1.
func (q *quickstart) legend() error {
	q.printf("\nHow to read this report:\n")
	q.tab(
		"L2 I5\ta risk's likelihood 2 and impact 5 on the 1 to 5 scales of the risk criteria\n",
		q.register.Criteria.Ref().String()+"\tthe risk criteria in use: their ID, then @ and their version\n",
		"5.18, 8.8\tcontrols of ISO/IEC 27002:2022 (Annex A); nimbus:... are the company's own\n",
		"9.1.p1, 9.2.2.c\trequirement items of ISO/IEC 27001: clause 9.1, numbered point 1; clause 9.2.2, lettered item c\n",
		"P90, P99\tthe yearly loss that 90% (99%) of the simulated years stay below\n",
		"ROSI\treturn on security investment: (loss avoided per year - cost per year) / cost per year\n",
	)
	return nil
}

// tab prints rows as an aligned table indented by two spaces; cells are
// separated by tabs and rows end with a newline. A table wider than the
// report wraps its widest column onto continuation lines.
func (q *quickstart) tab(rows ...string) {
	var cells [][]string
	for _, r := range rows {
		cells = append(cells, strings.Split(strings.TrimSuffix(r, "\n"), "\t"))
	}
	const indent, gap = 2, 2
	var widths []int
	for _, r := range cells {
		for j, c := range r {
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], utf8.RuneCountInString(c))
		}
	}
	total := indent
	wide := 0
	for j, w := range widths {
		total += w
		if j < len(widths)-1 {
			total += gap
		}
		if w > widths[wide] {
			wide = j
		}
	}
	if over := total - width; over > 0 && widths[wide]-over >= 16 {
		limit := widths[wide] - over
		var out [][]string
		for _, r := range cells {
			if wide >= len(r) {
				out = append(out, r)
				continue
			}
			lines := wrap(r[wide], limit)
			first := append([]string(nil), r...)
			first[wide] = lines[0]
			out = append(out, first)
			for _, l := range lines[1:] {
				more := make([]string, len(r))
				more[wide] = l
				out = append(out, more)
			}
		}
		cells = out
	}
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, gap, ' ', 0)
	for _, r := range cells {
		io.WriteString(tw, strings.Repeat(" ", indent)+strings.Join(r, "\t")+"\n")
	}
	tw.Flush()
	for _, l := range strings.SplitAfter(b.String(), "\n") {
		io.WriteString(q.w, strings.TrimRight(l, " \n")+strings.Repeat("\n", strings.Count(l, "\n")))
	}
}

// wrap splits text at spaces into lines of at most n characters (a word
// longer than n is a line of its own).
func wrap(text string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= n:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return append(lines, line)
}

// wrapWriter wraps every line longer than the report at spaces, the
// continuation indented two more than the line.
type wrapWriter struct {
	w   io.Writer
	buf []byte
}

func (ww *wrapWriter) Write(p []byte) (int, error) {
	ww.buf = append(ww.buf, p...)
	for {
		i := bytes.IndexByte(ww.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		if err := ww.line(string(ww.buf[:i])); err != nil {
			return 0, err
		}
		ww.buf = ww.buf[i+1:]
	}
}

// Flush writes what is left without a newline.
func (ww *wrapWriter) Flush() error {
	if len(ww.buf) == 0 {
		return nil
	}
	_, err := ww.w.Write(ww.buf)
	ww.buf = nil
	return err
}

func (ww *wrapWriter) line(s string) error {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	pre := ""
	var b strings.Builder
	for utf8.RuneCountInString(pre+s) > width {
		// Break at the last space that keeps the line within the width,
		// past the indentation; keep the spacing of the text.
		r := []rune(s)
		cut := -1
		for k := width - utf8.RuneCountInString(pre); k > lead; k-- {
			if k < len(r) && r[k] == ' ' {
				cut = k
				break
			}
		}
		if cut < 0 {
			break
		}
		b.WriteString(pre + strings.TrimRight(string(r[:cut]), " ") + "\n")
		s = strings.TrimLeft(string(r[cut:]), " ")
		pre = strings.Repeat(" ", lead+2)
		lead = 0
	}
	b.WriteString(pre + s + "\n")
	_, err := io.WriteString(ww.w, b.String())
	return err
}
