package regulation

import (
	"strings"

	"github.com/ismskit/ismskit/internal/enum"
	"github.com/ismskit/ismskit/soa"
)

// Regulation is one of the built-in regulations. The zero value is
// unset and invalid. In JSON a regulation is its lower-case code
// ("gdpr"); String gives its short name ("GDPR").
type Regulation uint8

// The built-in regulations.
const (
	// GDPR is Regulation (EU) 2016/679, the General Data Protection
	// Regulation: its 99 articles.
	GDPR Regulation = iota + 1
	// HIPAA is the HIPAA Security Rule (45 CFR 164.308-164.316: 22
	// standards and 43 implementation specifications) and Breach
	// Notification Rule (45 CFR 164.400-164.414).
	HIPAA
	// NIS2 is Directive (EU) 2022/2555: the risk-management measures of
	// Art. 21(2)(a)-(j) and the reporting obligations of Art. 23.
	NIS2
	// DORA is Regulation (EU) 2022/2554: the incident reporting of
	// Art. 19, with the time limits of Delegated Regulation (EU) 2025/301
	// Art. 5.
	DORA
)

var regulations = &enum.Set[Regulation]{Type: "Regulation", What: "regulation",
	Codes:  []string{"", "gdpr", "hipaa", "nis2", "dora"},
	Labels: []string{"", "GDPR", "HIPAA", "NIS2", "DORA"}}

// Regulations returns the built-in regulations in order: GDPR, HIPAA,
// NIS2, DORA.
func Regulations() []Regulation { return regulations.All() }

// ParseRegulation parses a regulation's code ("gdpr", "hipaa", "nis2",
// "dora"), in any case. Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func ParseRegulation(s string) (Regulation, error) {
	return regulations.Parse(strings.ToLower(s))
}

// IsValid reports whether r is one of the built-in regulations.
func (r Regulation) IsValid() bool { return regulations.Valid(r) }

// String returns the short name ("GDPR"), "" for the zero value.
func (r Regulation) String() string { return regulations.Label(r) }

// MarshalText returns the lower-case code ("gdpr"), "" for the zero
// value; a value out of range is an error wrapping
// ismskit.ErrUnknownValue.
func (r Regulation) MarshalText() ([]byte, error) { return regulations.Marshal(r) }

// UnmarshalText reads what ParseRegulation reads; empty text is the zero
// value.
func (r *Regulation) UnmarshalText(text []byte) error {
	if len(text) > 0 && r != nil {
		v, err := ParseRegulation(string(text))
		if err == nil {
			*r = v
		}
		return err
	}
	return regulations.Unmarshal(r, text)
}

// Title returns the regulation's full name: "Regulation (EU) 2016/679
// (General Data Protection Regulation)".
func (r Regulation) Title() string {
	switch r {
	case GDPR:
		return "Regulation (EU) 2016/679 (General Data Protection Regulation)"
	case HIPAA:
		return "HIPAA Security Rule and Breach Notification Rule (45 CFR Part 164, Subparts C and D)"
	case NIS2:
		return "Directive (EU) 2022/2555 (NIS2 Directive)"
	case DORA:
		return "Regulation (EU) 2022/2554 (Digital Operational Resilience Act) and Delegated Regulation (EU) 2025/301"
	}
	return ""
}

// act is the act a citation names before the article.
func (r Regulation) act() string {
	switch r {
	case GDPR:
		return "Regulation (EU) 2016/679"
	case NIS2:
		return "Directive (EU) 2022/2555"
	case DORA:
		return "Regulation (EU) 2022/2554"
	}
	return "45 CFR"
}

// ReasonKind returns the kind of SoA reason the regulation's obligations
// give: soa.Legal for the GDPR and NIS2 (statutes: an EU regulation on
// data protection, and a directive that national law transposes),
// soa.Regulatory for HIPAA (a federal agency's rule) and DORA (a
// financial supervision regulation enforced by competent authorities).
// It returns 0 for an invalid r.
func (r Regulation) ReasonKind() soa.ReasonKind {
	switch r {
	case GDPR, NIS2:
		return soa.Legal
	case HIPAA, DORA:
		return soa.Regulatory
	}
	return 0
}

// Source is a publication the built-in data of a regulation comes from,
// with its licence. The zero value is no source.
type Source struct {
	// Title of the publication.
	Title string `json:"title"`
	// Who publishes it.
	Publisher string `json:"publisher"`
	// The version or date used.
	Version string `json:"version,omitempty"`
	// Where to get it.
	URL string `json:"url,omitempty"`
	// The terms it is reused under, with the attribution they ask for.
	Licence string `json:"licence"`
	// What ismskit takes from it, and what it changed.
	Use string `json:"use"`
}

const (
	euLicence      = "© European Union, https://eur-lex.europa.eu; reuse authorised under Commission Decision 2011/833/EU"
	usLicence      = "a work of the US Government, not subject to copyright in the United States (17 U.S.C. 105)"
	ismskitLicence = "written for ismskit, under ismskit's licence"
)

var sources = map[Regulation][]Source{
	GDPR: {
		{Title: "Regulation (EU) 2016/679 (General Data Protection Regulation)", Publisher: "European Union, Official Journal (EUR-Lex)",
			Version: "OJ L 119, 4.5.2016, p. 1", URL: "https://eur-lex.europa.eu/eli/reg/2016/679/oj", Licence: euLicence,
			Use: "article numbers, official titles, chapters and sections; no article text"},
		{Title: "ismskit's editorial mapping of GDPR articles to ISO/IEC 27001:2022 Annex A", Publisher: "ismskit", Licence: ismskitLicence,
			Use: "every GDPR mapping pair with its rationale (no public GDPR to Annex A mapping exists), the security-relevant marking and the summaries"},
	},
	HIPAA: {
		{Title: "45 CFR Part 164, Subpart C (Security Rule) and Subpart D (Breach Notification Rule)", Publisher: "US Department of Health and Human Services (eCFR)",
			Version: "as amended by 78 FR 5566 (25 January 2013)", URL: "https://www.ecfr.gov/current/title-45/part-164", Licence: usLicence,
			Use: "citations, headings, structure and the Required/Addressable designations; summaries are ismskit's"},
		{Title: "NIST SP 800-66 Rev. 2, Implementing the HIPAA Security Rule: A Cybersecurity Resource Guide", Publisher: "NIST (Cybersecurity and Privacy Reference Tool, SP800_66_2_0_0)",
			Version: "February 2024", URL: "https://csrc.nist.gov/pubs/sp/800/66/r2/final", Licence: usLicence,
			Use: "the crosswalk of the Security Rule to SP 800-53 Rev. 5 (277 pairs), given per CFR citation"},
		{Title: "NIST SP 800-53 Rev. 5 to ISO/IEC 27001:2022 crosswalk (OLIR)", Publisher: "NIST",
			Version: "2023-10-12", URL: "https://csrc.nist.gov/projects/olir", Licence: usLicence,
			Use: "joined with the SP 800-66r2 crosswalk to derive the Annex A controls (package iso27002/nist holds it)"},
		{Title: "ismskit's editorial pairs for HIPAA", Publisher: "ismskit", Licence: ismskitLicence,
			Use: "the Breach Notification Rule and the two Security Rule specifications the derivation does not reach, each with its rationale; four derived pairs found wrong are left out"},
	},
	NIS2: {
		{Title: "Directive (EU) 2022/2555 (NIS2 Directive)", Publisher: "European Union, Official Journal (EUR-Lex)",
			Version: "OJ L 333, 27.12.2022, p. 80", URL: "https://eur-lex.europa.eu/eli/dir/2022/2555/oj", Licence: euLicence,
			Use: "references and structure of Art. 21(2) and Art. 23; titles and summaries are ismskit's"},
		{Title: "Technical Implementation Guidance on Cybersecurity Risk Management Measures (NIS2), mapping table of the Annex to Commission Implementing Regulation (EU) 2024/2690 to ISO/IEC 27001:2022",
			Publisher: "European Union Agency for Cybersecurity (ENISA)", Version: "June 2025, version 1.0",
			Licence: "© ENISA, 2025; reused under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/) with attribution to ENISA",
			Use: "its pairs to Annex A controls, grouped by the Art. 21(2) point that each annex section cites. Changes: pairs to clauses 4-10 left out, " +
				"three pairs judged wrong left out, rows normalised and sorted, the grouping by Art. 21(2) point added"},
		{Title: "Commission Implementing Regulation (EU) 2024/2690 of 17 October 2024, Annex", Publisher: "European Union, Official Journal (EUR-Lex)",
			URL: "https://eur-lex.europa.eu/eli/reg_impl/2024/2690/oj", Licence: euLicence,
			Use: "which Art. 21(2) point each annex section heading cites"},
		{Title: "ismskit's editorial pairs for NIS2", Publisher: "ismskit", Licence: ismskitLicence,
			Use: "Art. 21(2)(f), which the ENISA mapping does not reach, and Art. 23, each pair with its rationale"},
	},
	DORA: {
		{Title: "Regulation (EU) 2022/2554 (Digital Operational Resilience Act)", Publisher: "European Union, Official Journal (EUR-Lex)",
			Version: "OJ L 333, 27.12.2022, p. 1", URL: "https://eur-lex.europa.eu/eli/reg/2022/2554/oj", Licence: euLicence,
			Use: "references and structure of Art. 19; titles and summaries are ismskit's"},
		{Title: "Commission Delegated Regulation (EU) 2025/301 of 23 October 2024 (content and time limits of reports on major ICT-related incidents)",
			Publisher: "European Union, Official Journal (EUR-Lex)", URL: "https://eur-lex.europa.eu/eli/reg_del/2025/301/oj", Licence: euLicence,
			Use: "references and structure of Art. 5 and its time limits; summaries are ismskit's"},
		{Title: "ismskit's editorial mapping of DORA incident reporting to ISO/IEC 27001:2022 Annex A", Publisher: "ismskit", Licence: ismskitLicence,
			Use: "every DORA mapping pair with its rationale (no public mapping to Annex A exists)"},
	},
}

// Sources returns the publications the built-in data of r comes from,
// with their licences and what ismskit takes from each, in a fresh slice;
// nil for an invalid r.
func (r Regulation) Sources() []Source {
	s := sources[r]
	if s == nil {
		return nil
	}
	return append([]Source(nil), s...)
}
