import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SheetLimits, SheetReadError } from '../sheets/sheetTypes.ts';

/**
 * A sheet file's bytes, or why not: missing, or over the size limit (checked before reading, so a
 * huge file is never loaded just to be refused).
 */
export function readSheetFile(file: string, limits: SheetLimits): { ok: true; bytes: Buffer } | { ok: false; error: SheetReadError } {
  if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, error: { code: 'missing_file', params: { file } } };
  const size = statSync(file).size;
  if (size > limits.maxBytes) {
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return { ok: false, error: { code: 'too_large', params: { file: basename(file), sizeMb: mb(size), limitMb: mb(limits.maxBytes) } } };
  }
  return { ok: true, bytes: readFileSync(file) };
}
