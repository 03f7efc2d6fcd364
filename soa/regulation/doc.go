// Package regulation turns laws into the obligations of a Statement of
// Applicability. It holds four regulations as built-in requirement
// catalogs, maps each requirement to the ISO/IEC 27001:2022 Annex A
// controls that address it, gives soa.Generate the legal and regulatory
// reasons that cite the article, and tells how far an SoA covers each
// regulation. Package regulation/notify computes the breach and incident
// notification deadlines of the same regimes.
//
// # The regulations
//
//   - GDPR, Regulation (EU) 2016/679: the 99 articles with their official
//     titles, chapters and sections. Twelve are marked security-relevant
//     (ismskit's editorial marking): Art. 5, for point (1)(f) integrity
//     and confidentiality, 24, 25, 28, 30, 32 to 35 (security of
//     processing, breach notification and communication, impact
//     assessment) and 37 to 39 (data protection officer).
//   - HIPAA, 45 CFR Part 164: the Security Rule's 22 standards and 43
//     implementation specifications (164.308 to 164.316) with their CFR
//     citation, heading and Required/Addressable designation, and the
//     Breach Notification Rule (164.400 to 164.414).
//   - NIS2, Directive (EU) 2022/2555: the risk-management measures of
//     Art. 21(2)(a) to (j) and the reporting obligations of Art. 23.
//   - DORA, Regulation (EU) 2022/2554: the reporting of major ICT-related
//     incidents of Art. 19, with the time limits of Art. 5 of Delegated
//     Regulation (EU) 2025/301.
//
// A Requirement has an ID, a title (official where the act gives one, in
// ismskit's words where it does not), its kind and place in the act, and
// a summary in ismskit's words: the catalogs never hold the legal text.
// IDs are small comparable values in the style of net/netip that parse as
// the acts cite them ("GDPR Art. 32", "NIS2 21(2)(d)", "45 CFR
// 164.308(a)(1)(ii)(A)", "DORA RTS Art. 5(1)(a)"); Regulation.ParseID
// reads the form used inside one regulation ("Art. 32", "21(2)(d)").
//
// # The mapping to Annex A
//
// Each pair of a requirement and an Annex A 2022 control (Mapping) says
// where it comes from, so that every pair can be traced:
//
//   - Derived pairs join published ones. HIPAA: NIST SP 800-66r2 maps the
//     Security Rule to SP 800-53 Rev. 5 controls (SP80053 gives them), and
//     NIST's OLIR crosswalk maps those to ISO/IEC 27001:2022 (package
//     iso27002/nist); Via names the SP 800-53 controls of each pair, and
//     a pair reached only through a "-1" policy control (AC-1, RA-1, ...)
//     is marked Weak and left out unless asked for. NIS2 Art. 21(2): ENISA
//     maps the annex of Implementing Regulation (EU) 2024/2690 to ISO/IEC
//     27001:2022, and each annex section cites the Art. 21(2) point it
//     implements; Via names the annex points.
//   - Editorial pairs are ismskit's own, each with a one-line Rationale:
//     the GDPR article by article (no public GDPR mapping exists), NIS2
//     Art. 21(2)(f) and 23, DORA, the Breach Notification Rule and the two
//     Security Rule specifications the derivation does not reach.
//
// Pairs that a spot check found wrong are not shipped. Controls2013 gives
// the 2013 controls through the correspondence of the editions, and
// RequirementsFor the requirements a control serves.
//
// # Obligations for the SoA
//
// A Tailoring says which regulations, or single requirements, apply to
// the organisation (ISO/IEC 27001:2022 clause 4.2 c), which requirements
// do not, and which controls it adds to or drops from a requirement,
// each change with its reason. Tailoring.Obligations turns it into
// soa.Obligations: soa.Generate then gives every mapped control a legal
// (GDPR, NIS2) or regulatory (HIPAA, DORA) reason whose reference cites
// the article, and the notes keep the dropped controls and added ones
// with their reasons. A Tailoring is a JSON document (DecodeTailoring is
// strict); Validate reports every problem with its path.
//
// # Coverage
//
// CoverageOf judges each requirement of a regulation by the SoA's entries
// for its controls, and optionally by open audit nonconformities (package
// audit): Covered, Partial, NotCovered, Unmapped or NotApplicable, with
// the implemented, in-progress, missing and excluded controls named. The
// result renders as Markdown (Coverage.Markdown, every text escaped) and
// JSON (EncodeCoverage).
//
// # Sources and licences
//
// The tables are generated Go code (zdata.go), written by go generate
// from the TSV files of internal/regdata, whose header lines and README
// give every source with its date and licence; Regulation.Sources gives
// them too. EU legal texts: © European Union, https://eur-lex.europa.eu,
// reused under Commission Decision 2011/833/EU (titles, references and
// structure only). 45 CFR Part 164 and the NIST publications (SP
// 800-66r2, the OLIR crosswalk of SP 800-53 Rev. 5) are works of the US
// Government, not subject to copyright in the United States. ENISA's
// mapping of the 2024/2690 annex: © ENISA, 2025, reused under CC BY 4.0
// with these changes: pairs to clauses 4 to 10 left out, three pairs
// judged wrong left out, rows normalised and grouped by Art. 21(2) point.
// The summaries, short titles, security-relevant marking and editorial
// pairs are ismskit's. The HIPAA data is the text as amended in 2013; the
// proposed rule of January 2025 (90 FR 898), which would end the
// Required/Addressable distinction, was not final when the data was
// added.
//
// # Purity and concurrency
//
// The tables are parsed once, on first use, and never modified; nothing
// can fail at start-up. The package does no I/O beyond the readers and
// writers it is given, reads no clock and keeps no mutable state: every
// exported function and method is safe for concurrent use, none modifies
// its arguments, and results share no memory with them or with the
// tables.
package regulation
