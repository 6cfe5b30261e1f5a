import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ModelEntry, ProviderId } from '../../shared/catalog/schema.ts';
import { inspectInWorker, type InspectInWorkerResult } from './inspectInWorker.ts';
import type { ColumnMapping } from './map/mapColumns.ts';
import { tooLarge } from './read/readErrors.ts';
import type { SheetLimits, TextEncoding } from './sheetTypes.ts';

export interface InspectSheetFileOptions {
  encoding: TextEncoding | undefined;
  sheet: string | undefined;
  limits: SheetLimits;
  provider: ProviderId;
  defaultModel: string | undefined;
  mapping?: ColumnMapping | undefined;
  templates: Record<string, ColumnMapping>;
  catalogEntries: ModelEntry[];
}

/**
 * A sheet file read, mapped and checked in the worker. A missing file or one over the size limit
 * is refused before it is read, so a huge file is never loaded just to be refused. Errors name the
 * file as the user gave it.
 */
export async function inspectSheetFile(
  file: string,
  options: InspectSheetFileOptions,
): Promise<InspectInWorkerResult> {
  if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, error: { code: 'missing_file', params: { file } } };
  const oversized = tooLarge(statSync(file).size, basename(file), options.limits.maxBytes);
  if (oversized) return oversized;
  return inspectSheetBytes(readFileSync(file), basename(file), options);
}

/** The same for bytes already in memory (a file dropped in browser mode); they are handed to the worker. */
export async function inspectSheetBytes(bytes: Uint8Array, fileName: string, options: InspectSheetFileOptions): Promise<InspectInWorkerResult> {
  const oversized = tooLarge(bytes.byteLength, fileName, options.limits.maxBytes);
  if (oversized) return oversized;
  const result = await inspectInWorker({ bytes, fileName, ...options });
  return result.ok ? result : { ok: false, error: { ...result.error, params: { file: fileName, ...result.error.params } } };
}
