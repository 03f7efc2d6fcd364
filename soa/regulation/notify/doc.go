// Package notify computes the notifications that breach and incident
// reporting laws require, and when each is due, as a pure function of the
// incident's facts: when it was detected and when the organisation became
// aware of it, when DORA's classification as major was made, how many
// individuals are affected and where, and the organisation's role (GDPR
// processor, HIPAA business associate, NIS2 trust service provider).
//
// Deadlines returns, for each regime that applies, every notification
// with its recipient, its legal basis (a regulation.ID such as "GDPR
// Art. 33(1)") and its due time; Overdue and Notification.OverdueAt say
// which are late at a given instant. The rules, with their articles:
//
//   - GDPR, Regulation (EU) 2016/679: Art. 33(1), the supervisory
//     authority within 72 hours of becoming aware; Art. 34(1), the data
//     subjects without undue delay when the risk is high; Art. 33(2), a
//     processor's notice to its controller without undue delay.
//   - NIS2, Directive (EU) 2022/2555, Art. 23(4): early warning within 24
//     hours, incident notification within 72 hours (24 for trust service
//     providers), final report one month after the incident notification,
//     or a progress report then and the final report one month after the
//     handling ends (point (e)).
//   - HIPAA, 45 CFR 164.404 to 164.410: individuals, the media (more than
//     500 residents of a State) and the Secretary of HHS (500 or more
//     individuals) within 60 calendar days of discovery, or the yearly
//     report of smaller breaches within 60 days of the end of the calendar
//     year; a business associate's notice to the covered entity within 60
//     calendar days.
//   - DORA, Regulation (EU) 2022/2554 Art. 19 with Delegated Regulation
//     (EU) 2025/301 Art. 5: the initial notification within 4 hours of the
//     classification as major and no later than 24 hours after becoming
//     aware, the intermediate report 72 hours after it, the final report
//     one month after the latest intermediate report; a time limit on a
//     weekend or bank holiday moves to noon of the next working day,
//     except where Art. 5(5) and (6) say it does not.
//
// # Time
//
// Instants are time.Time values with their zone, and results keep the
// zone of Incident.Aware. Hours are elapsed time, so a daylight saving
// change shifts the clock reading of a deadline, not its instant. One
// month runs to the same clock time on the same day of the next month,
// or its last day (31 January to 28 or 29 February); a clock time that
// the start of summer time skips is reached when the clocks jump past
// it. HIPAA counts
// calendar days, so its due times are days (Due.IsDay). Where the rules of
// Regulation (EEC, Euratom) No 1182/71 on periods could end a period
// later, ismskit gives the earlier instant. Nothing reads the clock: the
// caller passes every time in, bank holidays included.
//
// Deadlines is a pure function; the package keeps no state, and every
// exported function and method is safe for concurrent use.
package notify
