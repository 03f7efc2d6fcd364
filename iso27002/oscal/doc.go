// Package oscal reads and writes NIST's Open Security Controls Assessment
// Language (OSCAL, version 1.2.1, JSON) for catalogs: ismskit's own (the
// controls of ISO/IEC 27002, Annex A of ISO/IEC 27001; the requirements
// of ISO/IEC 27001 clauses 4 to 10; the 2013 to 2022 correspondence) and
// any other framework's, such as NIST SP 800-53, which pass through
// unchanged.
//
// # Import: what it keeps
//
// ImportCatalog reads any OSCAL 1.x catalog (1.0.0 to 1.2.1) into a
// *Catalog that keeps the whole document, every field of NIST's schema
// typed, and gives its controls to the rest of ismskit as an
// *iso27002.Catalog (Catalog.ISO27002), which risk registers and
// Statements of Applicability use like the built-in catalogs:
//
//   - every control, at any depth, with the custom ID "namespace:id"
//     ("nist-800-53r5:ac-2"), its title, its group, its statement (items
//     with their labels, parameters resolved) as Text.Control, its
//     guidance as Text.Guidance and its overview as Summary, so that
//     Search finds them;
//   - parameters with their labels, values, selections (how many, the
//     choices), constraints, guidelines and aggregated parameters (Param,
//     Params); Statement renders a control's statement with the
//     "{{ insert: param, ... }}" placeholders resolved from the values a
//     profile sets (Selection.Values) or the user's, the catalog's own,
//     or as SP 800-53 prints open parameters ("[Assignment: ...]",
//     "[Selection (one or more): ...]");
//   - withdrawn controls ("status" withdrawn) marked Withdrawn, with
//     MovedTo naming the controls their "moved-to" and
//     "incorporated-into" links lead to: iso27002's Select, Search and
//     Count leave them out unless asked for (iso27002.IncludeWithdrawn),
//     and an SoA reports one (iso27002.ErrWithdrawn);
//   - enhancement nesting (AC-2(1) under AC-2), labels, sort ids, classes
//     and groups (Info);
//   - verbatim, for the export: statement item structure, guidance,
//     assessment objectives and methods (SP 800-53 5.1), links, props of
//     any namespace, catalog and group parameters and parts, back-matter
//     resources, and the metadata with its version, last-modified,
//     revisions, document ids, roles, parties, locations, responsible
//     parties, actions and remarks.
//
// A catalog that ExportCatalog wrote comes back as it went out: ISO IDs,
// themes, attributes, summaries, titles, groups and licensed text.
//
// # Export: what it gives back
//
// EncodeCatalog writes an imported catalog back as OSCAL 1.2.1 with
// everything import kept: control ids ("ac-2" stays "ac-2"), labels,
// version ("5.0.1"), last-modified, UUID, parties, roles, links,
// parameters, parts and back matter, in the schema's order; only its
// oscal-version becomes 1.2.1, and nothing of ismskit's or ISO's is
// added. NIST's SP 800-53 rev 5 catalog passes through field for field
// (the tests compare them), and NIST's LOW, MODERATE, HIGH and PRIVACY
// baselines resolve against the export to NIST's own resolved catalogs.
//
// ExportCatalog writes an iso27002.Catalog (the 2022 and 2013 editions,
// one extended with an organisation's controls, or the iso27002 view of
// an imported one): themes, clauses and control objectives as groups,
// controls with token ids ("a.5.1", see ControlToken) and the ISO ID as
// their "label", the ISO/IEC 27002:2022 clause 4.2 attributes as
// properties in ismskit's Namespace, ismskit's summaries as parts, and
// withdrawn controls with their "status" and "moved-to" links.
// ExportClauses writes clauses 4 to 10 of ISO/IEC 27001 as a second
// catalog; ExportCorrespondence the correspondence of ISO/IEC 27002:2022
// Annex B as an OSCAL mapping collection; ExportProfile a control
// selection as a profile.
//
// # Profiles
//
// ImportProfile reads a profile into a Selection: its imports (include
// and exclude by id, pattern, with child controls), its merge directive
// and its set-parameters. Selection.ResolveCatalog resolves it against an
// imported catalog as OSCAL's profile resolution does, with the base
// controls of selected enhancements carried as NIST's 5.1.1 resolution
// carries them; Selection.Resolve gives the same controls as IDs of an
// iso27002.Catalog. Alterations (modify/alters) are accepted and not
// applied.
//
// # Dates and determinism
//
// Nothing reads the clock and no date is invented: an imported catalog
// keeps its own last-modified; the built-in catalogs, the clauses and the
// correspondence are dated by their edition (ISO/IEC 27002:2022 by
// 2022-02, the month its cover gives); any other document needs
// Options.LastModified (the date of the SoA it goes with), and is an
// ismskit.ErrMissing error without it. UUIDs of ismskit's documents are
// version 5 UUIDs of stable names, and a document's own UUID is derived
// from its content, so the same input gives byte-identical output. The
// tests validate every export against NIST's JSON schema of its model.
//
// # Errors and limits
//
// Decoding is strict and single-pass: a key that the OSCAL schema does
// not define (ismskit.ErrUnknownField), a key given twice
// (ErrDuplicateField), a value of the wrong type (ErrType), trailing data
// (ErrTrailingData) or malformed JSON (ErrSyntax) is an error, as are the
// schema's rules that matter: a missing value (ErrMissing), an id or name
// that is not a token (ErrInvalidID), an id given twice (ErrDuplicateID),
// a title over several lines or a UUID that is not one (ErrInvalid).
// Every problem is an *ismskit.Error with its JSON path
// ("catalog.groups[1].controls[4].id"), up to the limit of problems, all
// joined. The size, nesting and number of problems are bounded by the
// ismskit.DecodeOption limits given to the importers, as for every
// decoder of ismskit (ismskit.DefaultMaxBytes, DefaultMaxDepth), and
// nesting never beyond 10,000 levels; ImportCatalogContext and
// ImportProfileContext stop when their context is done. The importers are
// fuzzed and never panic. An export reports every value OSCAL cannot hold
// (ismskit.ErrNotEncodable), each with its path.
//
// The system security plan of a Statement of Applicability is in package
// soa/oscal; the assessment plan, assessment results and plan of action
// and milestones of an audit are in package audit/oscal.
//
// # Copyright
//
// The exports of ISO material carry IDs, titles, structure, attribute
// values and ismskit's own summaries, never the text of the standards.
// Licensed text that a user attached with an iso27002.Overlay is exported
// as "statement" and "guidance" parts, for the user's own use.
//
// # Concurrency
//
// Every function is pure and safe for concurrent use. A *Catalog is
// immutable; Selection values are not modified by Resolve or
// ResolveCatalog.
package oscal
