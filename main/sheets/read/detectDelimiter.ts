// Which of comma, tab and semicolon separates the fields of a delimited text.
//
// Counts each candidate outside quotes in every record of the first 64 KB (a quoted field may hold
// delimiters and line breaks). The delimiter whose count is the same in most records wins; a tie
// goes to the one with more fields per record, then to the file type's usual one. Title rows and
// blank rows only lower every candidate's consistency a little, so they do not mislead it; an
// unquoted comma inside a prompt of a semicolon file makes commas inconsistent, not semicolons.

import type { Delimiter } from '../sheetTypes.ts';

const candidates: readonly Delimiter[] = [',', '\t', ';'];
const sampleChars = 65_536;
const maxRecords = 200;

export function detectDelimiter(text: string, fallback: Delimiter): Delimiter {
  const counts = countPerRecord(text.slice(0, sampleChars));
  let best: Delimiter = fallback;
  let bestConsistency = 0;
  let bestFields = 0;
  for (const delimiter of [fallback, ...candidates.filter((d) => d !== fallback)]) {
    const perRecord = counts.map((c) => c[delimiter]);
    const mode = modeOfNonZero(perRecord);
    if (mode === 0) continue;
    const consistency = perRecord.filter((n) => n === mode).length / perRecord.length;
    if (consistency > bestConsistency || (consistency === bestConsistency && mode > bestFields)) {
      [best, bestConsistency, bestFields] = [delimiter, consistency, mode];
    }
  }
  return best;
}

type Counts = Record<Delimiter, number>;

/** Delimiters outside quotes in each non-blank record. */
function countPerRecord(text: string): Counts[] {
  const records: Counts[] = [];
  let current: Counts = { ',': 0, '\t': 0, ';': 0 };
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes; // a doubled "" inside quotes toggles twice: still inside
      blank = false;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      if (!blank) records.push(current);
      current = { ',': 0, '\t': 0, ';': 0 };
      blank = true;
    } else if (ch === ',' || ch === '\t' || ch === ';') {
      current[ch]++;
    } else if (ch !== ' ') {
      blank = false;
    }
  }
  // The last record counts only when the sample holds it whole.
  if (!blank && text.length < sampleChars) records.push(current);
  return records;
}

/** The most frequent non-zero value (the larger on a tie), or 0 when every value is 0. */
function modeOfNonZero(values: number[]): number {
  const frequency = new Map<number, number>();
  for (const v of values) if (v > 0) frequency.set(v, (frequency.get(v) ?? 0) + 1);
  let mode = 0;
  let seen = 0;
  for (const [value, times] of frequency) {
    if (times > seen || (times === seen && value > mode)) [mode, seen] = [value, times];
  }
  return mode;
}
