// Building the typed errors of the reading layer, with the params their messages
// (`sheet.error.<code>` in shared/i18n) use.

import type { SheetReadError, SheetReadErrorCode, TextEncoding } from '../sheetTypes.ts';

/** What a step of reading gives back: a value, or the error to show the user. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: SheetReadError };

export function fail(code: SheetReadErrorCode, params: SheetReadError['params']): { ok: false; error: SheetReadError } {
  return { ok: false, error: { code, params } };
}

/** Megabytes with at most one decimal, as people read them ("50", "51.2", "0.1"). */
export function megabytes(bytes: number): number {
  return Math.max(0.1, Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** `too_large` when a file is over the size limit: checked first, before anything is parsed (or even read). */
export function tooLarge(byteLength: number, file: string, maxBytes: number): { ok: false; error: SheetReadError } | undefined {
  return byteLength > maxBytes ? fail('too_large', { file, sizeMb: megabytes(byteLength), limitMb: megabytes(maxBytes) }) : undefined;
}

/** The name of an encoding as Excel and text editors show it. */
export const encodingLabels: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 (GBK)',
  big5: 'Big5',
};

/** A library's error as a one-line detail for `damaged_workbook`. */
export function errorDetail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0]?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line || 'unknown error';
}
