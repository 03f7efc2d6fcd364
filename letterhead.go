package ismskit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ismskit/ismskit/internal/colour"
)

// Letterhead is what every document for people that ismskit renders
// carries besides its content: the classification marking printed on
// every page, and the organisation's logo and colour. The documents are
// the Statement of Applicability (package soa, soa/xlsx, soa/pdf), the
// audit report and the readiness verdict (package audit, audit/pdf) and
// the gap analysis (package iso27001), in HTML, Markdown, PDF and XLSX;
// they take the organisation, version and date from the document itself.
//
// The zero value marks documents DefaultClassification, shows no logo
// and uses DefaultColour. A Letterhead is a plain value, safe for
// concurrent use.
type Letterhead struct {
	// Classification is the marking printed at the top of every page,
	// in the organisation's own scheme ("Internal", "Confidential",
	// "TLP:AMBER"). Empty means DefaultClassification.
	Classification string `json:"classification,omitempty"`
	// Logo is the organisation's logo, a PNG or JPEG image of at most
	// MaxLogoBytes, shown at the top of the first page of HTML and PDF
	// documents. Empty means none.
	Logo []byte `json:"logo,omitempty"`
	// Colour is the accent colour of titles, table headings and rules,
	// as "#RRGGBB". Empty means DefaultColour.
	Colour string `json:"colour,omitempty"`
}

// The defaults of a zero Letterhead, and the limits Validate enforces.
const (
	// DefaultClassification is the marking of a document whose
	// Letterhead gives none: documents of an ISMS are internal unless
	// the organisation says otherwise.
	DefaultClassification = "Internal"
	// DefaultColour is the accent colour of a document whose Letterhead
	// gives none: a dark blue that keeps white text readable on it
	// (contrast above 8:1).
	DefaultColour = "#1F4E79"
	// MaxLogoBytes is the largest logo a Letterhead holds (512 KiB).
	MaxLogoBytes = 512 << 10
	// MaxClassification is the longest classification marking, in
	// characters.
	MaxClassification = 80
)

// Marking returns the classification marking: Classification, or
// DefaultClassification when it is empty or only white space.
func (l Letterhead) Marking() string {
	if s := strings.TrimSpace(l.Classification); s != "" {
		return s
	}
	return DefaultClassification
}

// AccentColour returns the accent colour as "#RRGGBB" in upper case:
// Colour, or DefaultColour when it is empty or not of that form.
func (l Letterhead) AccentColour() string {
	if _, ok := colour.Parse(l.Colour); ok {
		return strings.ToUpper(l.Colour)
	}
	return DefaultColour
}

// RGB returns the red, green and blue parts of AccentColour.
func (l Letterhead) RGB() (r, g, b uint8) {
	c, _ := colour.Parse(l.AccentColour())
	return uint8(c >> 16), uint8(c >> 8), uint8(c)
}

// LogoType returns the media type of Logo: "image/png", "image/jpeg", or
// "" when there is no logo or it is neither.
func (l Letterhead) LogoType() string {
	switch {
	case bytes.HasPrefix(l.Logo, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(l.Logo, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	}
	return ""
}

// Validate reports every problem of l, joined, each an *Error with its
// path: a classification that is not valid UTF-8, holds control
// characters or is longer than MaxClassification characters
// (ErrNotEncodable or ErrTooLarge at "classification"); a logo that is
// neither PNG nor JPEG (ErrUnknownValue) or larger than MaxLogoBytes
// (ErrTooLarge) at "logo"; a colour not of the form "#RRGGBB" (ErrSyntax
// at "colour"). The zero Letterhead is valid.
func (l Letterhead) Validate() error {
	var errs []error
	add := func(path string, kind *Kind, format string, args ...any) {
		errs = append(errs, &Error{Path: path, Err: fmt.Errorf("%w: "+format, append([]any{kind}, args...)...)})
	}
	c := l.Classification
	switch {
	case !utf8.ValidString(c):
		add("classification", ErrNotEncodable, "not valid UTF-8")
	case strings.IndexFunc(c, unicode.IsControl) >= 0:
		add("classification", ErrNotEncodable, "a control character")
	case utf8.RuneCountInString(c) > MaxClassification:
		add("classification", ErrTooLarge, "%d characters, at most %d", utf8.RuneCountInString(c), MaxClassification)
	}
	switch {
	case len(l.Logo) == 0:
	case len(l.Logo) > MaxLogoBytes:
		add("logo", ErrTooLarge, "%d bytes, at most %d", len(l.Logo), MaxLogoBytes)
	case l.LogoType() == "":
		add("logo", ErrUnknownValue, "not a PNG or JPEG image")
	}
	if _, ok := colour.Parse(l.Colour); !ok && l.Colour != "" {
		add("colour", ErrSyntax, "%q: want #RRGGBB", clip(l.Colour))
	}
	return errors.Join(errs...)
}
