package oscal

import (
	"time"

	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// The editions' own dates: the date printed on the cover of each
// edition, for the last-modified of the built-in catalogs' exports when
// Options.LastModified is zero. Editions since 2020 print only the month;
// their date is the first of that month.
var (
	// ISO/IEC 27002:2013 and ISO/IEC 27001:2013, second editions: 2013-10-01.
	edition2013 = time.Date(2013, 10, 1, 0, 0, 0, 0, time.UTC)
	// ISO/IEC 27002:2022, third edition: 2022-02.
	edition27002of2022 = time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC)
	// ISO/IEC 27001:2022, third edition: 2022-10.
	edition27001of2022 = time.Date(2022, 10, 1, 0, 0, 0, 0, time.UTC)
	// ISO/IEC 27001:2022/Amd 1:2024: 2024-02.
	amendment1of2024 = time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
)

// catalogDate returns the own date of a built-in catalog, or the zero time
// for any other catalog.
func catalogDate(c *iso27002.Catalog) time.Time {
	switch c {
	case iso27002.Catalog2022():
		return edition27002of2022
	case iso27002.Catalog2013():
		return edition2013
	}
	return time.Time{}
}

// clausesDate returns the own date of an edition of ISO/IEC 27001, with
// its amendments.
func clausesDate(s *iso27001.Standard) time.Time {
	switch {
	case s.Edition() == iso27001.Edition2013:
		return edition2013
	case s.Has(iso27001.Amd1of2024):
		return amendment1of2024
	}
	return edition27001of2022
}

// withDate returns o with LastModified set to own if it is zero.
func (o Options) withDate(own time.Time) Options {
	if o.LastModified.IsZero() {
		o.LastModified = own
	}
	return o
}
