import { guessField, normaliseHeader, sheetFields, type SheetField } from './sheetFields.ts';

/** Which column (by header) feeds each field; a field with no column is absent. */
export type ColumnMapping = Partial<Record<SheetField, string | null>>;

export interface MappedColumn {
  header: string;
  field: SheetField | null;
  /** How sure the automatic mapping is (1 known name, 0.7 a name containing one, 0 unmapped); 1 when a template or the user chose it. */
  confidence: number;
}

/**
 * Maps headers to fields by name: each field takes the column that names it most clearly (the first
 * one on a tie), and each column feeds at most one field.
 */
export function mapColumns(headers: readonly string[]): MappedColumn[] {
  const guesses = headers.map((header) => guessField(header));
  const taken = new Set<SheetField>();
  const result: MappedColumn[] = headers.map((header) => ({ header, field: null, confidence: 0 }));
  for (const confidence of [1, 0.7]) {
    guesses.forEach((guess, index) => {
      if (!guess || guess.confidence !== confidence || taken.has(guess.field)) return;
      taken.add(guess.field);
      result[index] = { header: headers[index]!, field: guess.field, confidence };
    });
  }
  return result;
}

export function mappingOf(columns: readonly MappedColumn[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const column of columns) if (column.field) mapping[column.field] = column.header;
  return mapping;
}

/**
 * Applies a saved or user-edited mapping over the automatic one. Fields it names take their column
 * (confidence 1); a column it moves to another field no longer feeds its guessed one.
 */
export function applyMapping(headers: readonly string[], chosen: ColumnMapping): MappedColumn[] {
  const auto = mapColumns(headers);
  const chosenFields = new Set(Object.keys(chosen));
  const byHeader = new Map<string, SheetField>();
  for (const field of sheetFields) {
    const wanted = chosen[field];
    if (typeof wanted !== 'string') continue;
    // A template saved from "Idea" still fits a sheet headed "idea": same normalised name.
    const header = headers.includes(wanted) ? wanted : headers.find((candidate) => normaliseHeader(candidate) === normaliseHeader(wanted));
    if (header !== undefined) byHeader.set(header, field);
  }
  return auto.map((column) => {
    const field = byHeader.get(column.header);
    if (field) return { header: column.header, field, confidence: 1 };
    if (column.field && chosenFields.has(column.field)) return { header: column.header, field: null, confidence: 0 };
    return column;
  });
}

/** The key a mapping template is saved under: the sheet's headers, normalised, in order. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('\u001f');
}
