// Package monitor is monitoring, measurement, analysis and evaluation
// under ISO/IEC 27001:2022 clause 9.1, and the measurement of the
// information security objectives of clause 6.2.
//
// # Metrics (9.1 a to f)
//
// A Metric carries what 9.1 asks an organisation to decide: what is
// measured (Title), the Method, when it is measured (Frequency) and by
// whom (MeasuredBy), when the results are analysed (AnalysisFrequency)
// and by whom (AnalysedBy); with a Target (a direction, a target value
// and a threshold that bounds a warning band, and a tolerance for what
// counts as stable), its Unit, the Annex A controls whose effectiveness
// it shows and the objectives (iso27001.Objective IDs) it measures.
// Records holds the metrics and their results over time (Measurement:
// the documented information 9.1 asks to keep) as one JSON document,
// read strictly by DecodeRecords and described by JSONSchema.
//
// Builtin is a set of common ISMS metrics written for ismskit (MFA
// coverage, credentials unused past a limit, fixable high and critical
// vulnerabilities, staff trained in the last year, access reviews on
// time, restore tests passed, suppliers assessed, incidents closed within
// target), each computed from a built-in check of package audit/checks:
// FromChecks turns check results into measurements.
//
// # Evaluation (9.1, 6.2)
//
// Evaluate judges a metric as of a day: its latest value, whether the
// target is met (Status: met, warning, missed, or no data), the trend
// from the result before (improving, stable, worsening), and whether a
// measurement is overdue (no result as recent as the frequency asks).
// EvaluateObjectives judges the objectives of clause 6.2 by their
// metrics: on track, at risk, missed, or not measured. Package
// audit/review puts both in front of the management review (9.3.2 d 2
// and d 4).
//
// # Enumerations, JSON and problems
//
// Unit, Direction, Measure, Status, Trend and ObjectiveStatus share one
// method set: String in words, the lower-case code in JSON (MarshalText,
// UnmarshalText; "" for the zero value), ParseX and IsValid. Every
// exported type marshals with encoding/json, its zero value included.
// Records.Validate reports every problem as an *ismskit.Error with its
// path and the metric's ID.
//
// # Concurrency and determinism
//
// Every function is pure and safe for concurrent use: nothing reads the
// clock (the day is passed in), arguments are never modified, and the
// same input gives the same output.
package monitor
