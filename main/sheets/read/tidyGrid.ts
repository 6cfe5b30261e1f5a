// Shaping the cells a parser read into the grid the importer works on.

/**
 * Drops trailing rows and trailing columns that are empty everywhere (Excel and LibreOffice often
 * export a formatted-but-empty area as ",,,,"), and pads every row to the same width, so
 * `cells[r][c]` exists for every row r and column c. Leading blank rows and columns are kept: the
 * grid's row numbers are the sheet's row numbers.
 */
export function tidyGrid(rows: string[][]): string[][] {
  let lastRow = rows.length - 1;
  while (lastRow >= 0 && isBlankRow(rows[lastRow] as string[])) lastRow--;
  const kept = rows.slice(0, lastRow + 1);
  let width = 0;
  for (const row of kept) {
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c] !== '') {
        width = c + 1;
        break;
      }
    }
  }
  return kept.map((row) => {
    if (row.length === width) return row;
    if (row.length > width) return row.slice(0, width);
    const padded = row.slice();
    while (padded.length < width) padded.push('');
    return padded;
  });
}

export function isBlankRow(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** Rows with at least one non-blank cell. */
export function countNonBlankRows(rows: readonly (readonly string[])[]): number {
  let count = 0;
  for (const row of rows) if (!isBlankRow(row)) count++;
  return count;
}
