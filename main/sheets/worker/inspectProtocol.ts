import type { ModelEntry, ProviderId } from '../../../shared/catalog/schema.ts';
import type { SheetInspection } from '../inspectSheet.ts';
import type { ColumnMapping } from '../map/mapColumns.ts';
import type { SheetLimits, SheetReadError, TextEncoding } from '../sheetTypes.ts';

/** What the inspect worker is given. */
export interface InspectJob {
  bytes: Uint8Array;
  fileName: string;
  encoding?: TextEncoding | undefined;
  sheet?: string | undefined;
  limits?: Partial<SheetLimits> | undefined;
  provider: ProviderId;
  defaultModel?: string | undefined;
  /** The user's mapping; without one, a saved template for the same headers, else the automatic one. */
  mapping?: ColumnMapping | undefined;
  templates: Record<string, ColumnMapping>;
  nameTemplate?: string | undefined;
  catalogEntries: ModelEntry[];
}

/**
 * Rows travel in chunks, a few at a time: the worker sends another only when the receiver has
 * taken one (`'next'`), so the receiving thread never has a backlog to decode in one go.
 */
export const ROWS_PER_MESSAGE = 500;
export const CHUNKS_IN_FLIGHT = 3;

export type InspectMessage =
  | { type: 'inspection'; inspection: Omit<SheetInspection, 'rows'>; rowCount: number }
  /** A chunk of rows as JSON: one string is far cheaper for the receiver than many objects. */
  | { type: 'rows'; json: string }
  | { type: 'done' }
  | { type: 'failed'; error: SheetReadError };
