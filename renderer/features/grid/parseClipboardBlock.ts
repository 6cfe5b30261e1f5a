/**
 * Reads a block copied from Excel, Numbers, Google Sheets or WPS: cells separated by tabs, rows by
 * newlines (CRLF or LF), and a cell that holds a tab, newline or quote written in double quotes
 * with inner quotes doubled. A cell that merely starts with a quote but is not closed as a quoted
 * cell is kept literally, as Excel does when pasting text like `"Hello" world`.
 */
export function parseClipboardBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  const length = text.length;

  while (at <= length) {
    let cell: string;
    if (text[at] === '"') {
      const quoted = readQuoted(text, at);
      if (quoted) {
        cell = quoted.value;
        at = quoted.end;
      } else {
        ({ cell, at } = readPlain(text, at));
      }
    } else {
      ({ cell, at } = readPlain(text, at));
    }
    row.push(cell);

    const separator = text[at];
    if (separator === '\t') {
      at += 1;
      continue;
    }
    rows.push(row);
    row = [];
    if (separator === undefined) break;
    at += separator === '\r' && text[at + 1] === '\n' ? 2 : 1;
    if (at >= length) break; // the newline Excel puts after the last row
  }
  return rows;
}

function readPlain(text: string, start: number): { cell: string; at: number } {
  let at = start;
  while (at < text.length && text[at] !== '\t' && text[at] !== '\n' && text[at] !== '\r') at += 1;
  return { cell: text.slice(start, at), at };
}

/** A quoted cell, or null when the closing quote is not followed by the end of the cell. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    if (char === '"') {
      if (text[at + 1] === '"') {
        value += '"';
        at += 2;
        continue;
      }
      const next = text[at + 1];
      if (next === undefined || next === '\t' || next === '\n' || next === '\r') return { value, end: at + 1 };
      return null;
    }
    value += char;
    at += 1;
  }
  return null;
}
