// Package certification computes the dates of the ISO/IEC 27001
// certification cycle that ISO/IEC 27006 (with ISO/IEC 17021-1) sets for
// certification bodies, from the dates on a certificate.
//
// The cycle, as modelled here:
//
//   - Initial certification: a stage 1 audit (readiness and documentation
//     review), then a stage 2 audit (implementation and effectiveness),
//     then the certification decision, which starts a three-year
//     certificate.
//   - Surveillance: the first surveillance audit no later than 12 months
//     after the certification decision, the second no later than 24 months
//     after it (at least once a calendar year in between).
//   - Recertification: the recertification audit, and its decision, before
//     the certificate expires.
//   - Transition: certificates against ISO/IEC 27001:2013 had to move to
//     the 2022 edition by 31 October 2025 (IAF MD 26); an untransitioned
//     2013 certificate is not valid after that day, whatever its expiry
//     date says.
//
// Schedule lists the events of a certificate's cycle with their due dates;
// Next returns those still open as of a date. Certification bodies may
// plan earlier; these are the latest dates the rules allow. Anniversaries
// follow the month-end rule of ismskit.Date.AddDate (a decision on 29
// February has its anniversaries on 28 February), and a decision so late
// that its cycle would run past the year 9999 is an error
// (ismskit.ErrOutOfRange), never a date that cannot be read back. Every
// problem of a certificate is an *ismskit.Error at its JSON key.
//
// An Event's Kind prints as a label ("First surveillance audit") and
// encodes as a code ("surveillance1").
//
// Everything here is a pure function of its arguments (no clock: pass the
// date) and safe for concurrent use.
package certification
