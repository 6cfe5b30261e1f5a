// Formula (CSV) injection guard, after OWASP "CSV Injection".
//
// A spreadsheet program may run a cell that starts with `=`, `+`, `-` or `@` as a formula (and
// `=cmd|'/C calc'!A0`-style DDE payloads), and a leading TAB or CR can hide such a prefix. Every
// exported *string* cell that starts with one of those characters gets a single quote `'` in front,
// which makes Excel, WPS and LibreOffice treat the cell as text. We apply it in CSV *and* XLSX:
// an XLSX string cell (type `s`) cannot execute, but the same text may be copied into a CSV later,
// and one rule for both files is simpler to explain ("cells that begin with = + - @ get a ' in
// front").
//
// Numbers are not guarded: a value the table passes as a `number` is written as a number, so a
// negative cost stays numeric. A *string* that looks numeric ("-5") is guarded like any other
// string ("'-5"): the table decides what is a number, the guard never guesses.
//
// The guard is reversible, so a re-imported correction sheet gets back exactly what was exported:
// a string that already starts with quotes followed by a trigger (`'=x`) gets one more quote
// (`''=x`), and `unguardFormula` removes exactly one quote from any cell of the form `'…'<trigger>…`.
// A cell starting with a quote but no trigger after the quotes (`'abc`) is left alone both ways.

const needsGuard = /^'*[=+\-@\t\r]/;
const isGuarded = /^'+[=+\-@\t\r]/;

/** The cell text to export: `'` + cell when it could be read as a formula, else the cell. */
export function guardFormula(cell: string): string {
  return needsGuard.test(cell) ? `'${cell}` : cell;
}

/** The inverse of `guardFormula`, for reading back a sheet Genvid exported. */
export function unguardFormula(cell: string): string {
  return isGuarded.test(cell) ? cell.slice(1) : cell;
}
