// Package iso27001 models the requirements of ISO/IEC 27001, clauses 4 to
// 10 (the ISMS itself; Annex A is in package iso27002), and the records an
// ISMS keeps, so that GRC software can check an organisation against them.
//
// # Clauses and requirement items
//
// A Standard is one edition, with or without its amendments:
//
//   - Latest() is ISO/IEC 27001:2022 with Amd 1:2024 (climate action
//     changes to 4.1 and 4.2);
//   - New(Edition2022) is the 2022 text without the amendment, and
//     New(Edition2013) the withdrawn 2013 edition, for organisations in
//     transition.
//
// Each edition has its clauses and subclauses (4, 4.1, ..., 6.1.3, ...,
// 10.2), each with its ID (ClauseID), its title exactly as the standard
// words it, its parent and a summary in our own words, and its
// requirement items (ItemID): the lettered items of the standard
// ("6.1.3.d"), their numbered points ("6.1.2.c.1"), the unlettered
// requirements numbered by ismskit ("8.1.p2") and notes ("4.2.n2"). Item
// texts are auditor's checklist lines written for ismskit; they never
// reproduce the standard's sentences. Items that ask for documented
// information say whether it is maintained (a document) or retained (a
// record); DocumentedInformation lists them, which is the edition's list
// of mandatory documented information (7.5.1 a).
//
// Clause.Change, Clause.ChangeNote and Clause.Counterpart record the
// differences between the editions (new 6.3, split 9.2 and 9.3, swapped
// 10.1 and 10.2, changed 4.2, 4.4, 6.2, 7.4, 8.1, 9.1), and
// Item.Counterpart maps each item to its counterpart in the other edition
// (2013 6.2.f is 2022 6.2.h). To2022 uses it to carry an organisation's
// 2013 records over to the 2022 edition.
//
// The tables are generated Go code (zclauses_2022.go, zclauses_2013.go)
// made by go generate from one data file per edition in
// internal/clausedata; nothing is parsed at start-up.
//
// # ISMS records and the gap analysis
//
// Records is the organisation's own documentation as one JSON document:
// scope (4.3), issues (4.1, climate included), interested parties and their
// requirements (4.2), roles (5.3), objectives (6.2), competence (7.2), the
// register of documented information (7.5) and management reviews (9.3).
// DecodeRecords decodes it strictly; Validate checks it and reports every
// problem with its path as a *ismskit.Error wrapping a sentinel error
// (ErrNotMeasurable, ismskit.ErrDateOrder, ErrUnknownItem, ...).
// JSONSchema returns its JSON Schema, and ClausesSchema that of the clause
// tree (Standard.Tree).
//
// Analyze compares the records with the edition as of a given date: per
// clause, which items have evidence, which mandatory documents are missing,
// expired or unapproved, and a readiness percentage per clause and overall.
//
// The certification cycle of ISO/IEC 27006 (stage 1 and 2, surveillance,
// recertification, the 2013 to 2022 transition) is in the sub-package
// iso27001/certification.
//
// # Concurrency and determinism
//
// Every function and method is safe for concurrent use: a *Standard is
// immutable, and results are fresh values the caller owns. Nothing reads
// the clock (dates are passed in), the network or the file system, and the
// same input always gives the same output.
package iso27001
