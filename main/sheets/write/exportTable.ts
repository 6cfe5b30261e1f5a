// The shape every export writer takes: a header row and data rows of plain values.
//
// A cell is a string (always written as text, formula-guarded: see formulaGuard.ts), a number
// (written as a number; a non-finite number is written as an empty cell) or null (an empty cell).
// Rows shorter than the header are padded with empty cells; cells beyond the header are dropped.

export type ExportCell = string | number | null;

export interface ExportTable {
  headers: string[];
  rows: ExportCell[][];
}
