import { guessField } from './sheetFields.ts';

/** How far down title rows, notes and blank rows may push the header. */
const SEARCH_ROWS = 30;

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/**
 * The index of the header row: the row among the first ones that names the most known fields
 * (title rows above it name none). When no row names a field, the first row with at least two
 * filled cells, so a sheet with unusual headers can still be mapped by hand. -1 if there is none.
 */
export function findHeaderRow(cells: readonly (readonly string[])[]): number {
  let best = -1;
  let bestScore = 0;
  let firstWide = -1;
  const limit = Math.min(cells.length, SEARCH_ROWS);
  for (let index = 0; index < limit; index += 1) {
    const row = cells[index]!;
    if (isBlank(row)) continue;
    const filled = row.filter((cell) => cell.trim() !== '').length;
    if (firstWide < 0 && filled >= 2) firstWide = index;
    const fields = new Set(row.map((cell) => guessField(cell)?.field).filter((field) => field !== undefined));
    if (fields.size > bestScore) {
      best = index;
      bestScore = fields.size;
    }
  }
  if (best >= 0) return best;
  if (firstWide >= 0) return firstWide;
  // A one-column sheet of prompts with a header such as "Ideas".
  return cells.findIndex((row) => !isBlank(row));
}

/** Headers made usable as keys: trimmed, blanks named after their column letter, repeats numbered. */
export function uniqueHeaders(row: readonly string[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, index) => {
    const base = (row[index] ?? '').trim().replace(/\s+/g, ' ') || `Column ${columnLetter(index)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** Excel's column name: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
