package oscal

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/ismskit/ismskit/internal/oscalmodel"
	"github.com/ismskit/ismskit/iso27002"
)

// ControlToken returns the OSCAL id this package gives a control. OSCAL
// ids are tokens (XML NCNames: a letter or '_' first, then letters,
// digits, '.', '-' and '_'), so an ISO ID, which starts with a digit,
// cannot be used as it is. The scheme:
//
//   - a 2022 control "5.1" is "a.5.1" (its Annex A number, lower case);
//   - a 2013 control "A.5.1.1" is "a.5.1.1";
//   - a custom control "acme:ORG-1" is "acme.ORG-1": the ':' becomes '.',
//     any other character a token may not hold becomes '_', and a '_' is
//     put first if the ID does not start with a letter.
//
// The two ISO forms never clash (2022 IDs have two numbers, 2013 IDs
// three). A custom ID can clash with another after this rewriting; an
// export then appends "-2", "-3", ... to the later ones in natural order.
// Every exported control also carries its exact ismskit ID in a
// "control-id" property of Namespace, so the import restores it.
// ControlToken returns "" for the zero ID.
func ControlToken(id iso27002.ControlID) string {
	if !id.IsValid() {
		return ""
	}
	s := id.String()
	switch id.Edition() {
	case iso27002.Edition2022:
		return "a." + s
	case iso27002.Edition2013:
		return "a" + strings.TrimPrefix(s, "A")
	}
	return sanitizeToken(strings.Replace(s, ":", ".", 1))
}

// ParseControlToken is the inverse of ControlToken for ISO controls: it
// returns the 2022 control of "a.5.1" and the 2013 control of "a.5.1.1"
// (upper case "A.5.1" is accepted too). It reports false for any other
// token.
func ParseControlToken(token string) (iso27002.ControlID, bool) {
	if len(token) < 3 || (token[0] != 'a' && token[0] != 'A') || token[1] != '.' {
		return iso27002.ControlID{}, false
	}
	rest := token[2:]
	switch strings.Count(rest, ".") {
	case 1:
		id, err := iso27002.Parse(rest)
		return id, err == nil && id.Edition() == iso27002.Edition2022
	case 2:
		id, err := iso27002.Parse("A." + rest)
		return id, err == nil && id.Edition() == iso27002.Edition2013
	}
	return iso27002.ControlID{}, false
}

// groupToken returns the OSCAL id of a catalog group: "a.5" for the 2022
// theme "5", "a.9" and "a.9.4" for the 2013 clause "A.9" and objective
// "A.9.4", and the sanitised ID for any other group.
func groupToken(id string, ed iso27002.Edition) string {
	switch {
	case ed == iso27002.Edition2022 && len(id) == 1 && id[0] >= '5' && id[0] <= '8':
		return "a." + id
	case ed == iso27002.Edition2013 && strings.HasPrefix(id, "A."):
		return "a" + id[1:]
	}
	return sanitizeToken(id)
}

// sanitizeToken rewrites s into a valid token.
func sanitizeToken(s string) string {
	var b strings.Builder
	for i, r := range s {
		ok := unicode.IsLetter(r) || r == '_' || (i > 0 && (unicode.IsNumber(r) || r == '.' || r == '-'))
		switch {
		case ok:
			b.WriteRune(r)
		case i == 0 && (unicode.IsNumber(r) || r == '.' || r == '-'):
			b.WriteByte('_')
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

func isToken(s string) bool       { return oscalmodel.IsToken(s) }
func isMarkupLine(s string) bool  { return oscalmodel.IsLine(s) }
func isStringValue(s string) bool { return s != "" && strings.TrimSpace(s) == s }

// tokenSet hands out unique tokens in a document.
type tokenSet map[string]bool

// unique returns t, or t with the smallest suffix "-2", "-3", ... that is
// not yet taken, and records it.
func (ts tokenSet) unique(t string) string {
	u := t
	for n := 2; ts[u]; n++ {
		u = t + "-" + strconv.Itoa(n)
	}
	ts[u] = true
	return u
}
