import type { ProviderId } from '../../shared/catalog/schema.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import { inspectSheet, type SheetInspection } from './inspectSheet.ts';
import { findHeaderRow, uniqueHeaders } from './map/findHeader.ts';
import { headerSignature, type ColumnMapping } from './map/mapColumns.ts';
import { readSheet } from './read/readSheet.ts';
import type { SheetLimits, SheetReadError, TextEncoding } from './sheetTypes.ts';

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

export type InspectFileResult = { ok: true; inspection: SheetInspection; templateUsed: boolean } | { ok: false; error: SheetReadError };

/** A file's bytes → its rows read, mapped (the user's mapping, else a saved template) and checked. */
export function inspectFile(options: InspectFileOptions): InspectFileResult {
  const read = readSheet(options.bytes, options.fileName, { encoding: options.encoding, sheet: options.sheet, limits: options.limits });
  if (!read.ok) return read;
  let mapping = options.mapping;
  let templateUsed = false;
  if (!mapping) {
    const headerIndex = findHeaderRow(read.grid.cells);
    const width = read.grid.cells.reduce((max, row) => Math.max(max, row.length), 0);
    const template = headerIndex >= 0 ? options.templates[headerSignature(uniqueHeaders(read.grid.cells[headerIndex]!, width))] : undefined;
    if (template) {
      mapping = template;
      templateUsed = true;
    }
  }
  const inspected = inspectSheet(read.grid, { catalog: options.catalog, provider: options.provider, defaultModel: options.defaultModel, mapping, nameTemplate: options.nameTemplate });
  return inspected.ok ? { ok: true, inspection: inspected.inspection, templateUsed } : inspected;
}
