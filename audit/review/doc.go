// Package review prepares and records the management review of ISO/IEC
// 27001:2022 clause 9.3 and keeps the improvement register of clause
// 10.1.
//
// # The review pack (9.3.2)
//
// Prepare takes the documents ismskit already holds (Inputs: the ISMS
// records of package iso27001 with their earlier reviews, objectives,
// issues and interested parties; the risk register of package risk; the
// audit records of package audit with their nonconformities and
// corrective actions; the measurement records of package audit/monitor;
// the results of the checks of package audit/checks; feedback from
// interested parties; the improvement register) and returns a Pack with
// one Input per input the standard asks the review to consider: 9.3.2 a
// (actions from earlier reviews), b (changes in issues), c (changes in
// interested parties' needs), d 1 to d 4 (nonconformities and corrective
// actions, monitoring and measurement results, audit results, objectives,
// each with its trend), e (feedback), f (risk assessment and treatment
// plan) and g (opportunities for improvement). Each has a summary in
// words and the data behind it. Records of the 2013 edition get its
// inputs (9.3 a to f). The pack also proposes decisions: taking up open
// improvements, revising missed objectives, assessing new issues and
// requirements, treating or accepting risks above the criteria.
//
// # The outputs (9.3.3) and the record
//
// Pack.Conclude records the meeting (Meeting: date, chair, attendees,
// and the Decisions, each an action with an owner and a due date, as
// 9.3.3 asks). Pack.Record writes the review into iso27001.Records, so
// that iso27001.Analyze finds the review held, every input considered and
// its decisions taken, and adds the minutes to the register of
// documented information. The pack renders as Markdown (every value of
// the user's escaped), one printable HTML page (escaped by html/template)
// and JSON (EncodePack; PackSchema).
//
// # Continual improvement (10.1)
//
// Register is the improvement register: each Improvement with its source
// (a review decision, an audit's opportunity for improvement, a metric
// that missed its target, a failing check, or other), reference, owner,
// status and dates. Register.Feed raises the items those sources call
// for, once while an item is open; DecodeRegister reads the register
// strictly and JSONSchema describes it.
//
// # Enumerations, JSON and problems
//
// Source, Status, DecisionKind and Change share one method set: String
// in words, the lower-case code in JSON (MarshalText, UnmarshalText; ""
// for the zero value), ParseX and IsValid. Every exported type marshals
// with encoding/json, its zero value included. Problems are
// *ismskit.Error values with their path, all reported, joined.
//
// # Concurrency and determinism
//
// Every function and method is safe for concurrent use: nothing reads the
// clock (the day is passed in), arguments are never modified, and the
// same input gives byte-identical output.
package review
