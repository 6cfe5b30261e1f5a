import type { ProviderId } from '../../shared/catalog/schema.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import { inspectSheet, type InspectResult } from './inspectSheet.ts';
import type { ColumnMapping } from './map/mapColumns.ts';
import { readSheet } from './read/readSheet.ts';
import type { SheetLimits, TextEncoding } from './sheetTypes.ts';

export interface InspectFileOptions {
  bytes: Uint8Array;
  fileName: string;
  encoding?: TextEncoding | undefined;
  sheet?: string | undefined;
  limits?: Partial<SheetLimits> | undefined;
  catalog: Catalog;
  provider: ProviderId;
  defaultModel?: string | undefined;
  mapping?: ColumnMapping | undefined;
  /** Saved mapping templates by header signature. */
  templates: Record<string, ColumnMapping>;
  nameTemplate?: string | undefined;
}

/** A file's bytes → its rows read, mapped (the user's mapping, else a saved template) and checked. */
export function inspectFile(options: InspectFileOptions): InspectResult {
  const read = readSheet(options.bytes, options.fileName, { encoding: options.encoding, sheet: options.sheet, limits: options.limits });
  return read.ok ? inspectSheet(read.grid, options) : read;
}
