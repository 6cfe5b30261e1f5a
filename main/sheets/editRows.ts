import type { ProviderId } from '../../shared/catalog/schema.ts';
import type { RowEditFields } from '../../shared/contract/reviewSchemas.ts';
import type { RowView } from '../../shared/domain/batch.ts';
import type { Store } from '../db/store.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import { applyCorrections } from './importRows.ts';
import { inspectSheet } from './inspectSheet.ts';
import type { SheetField } from './map/sheetFields.ts';

// Only rows no run holds: a queued or paused row is already in a run's memory, and a stale or
// unknown one may still be made by the provider.
const EDITABLE = new Set(['draft', 'failed', 'cancelled']);
const ROW_ID_HEADER = 'genvid_row_id';

const EDITABLE_FIELDS = ['prompt', 'model', 'resolution', 'duration', 'aspect', 'image', 'name', 'takes', 'priority'] as const satisfies readonly SheetField[];

function currentCells(row: RowView | undefined): Record<(typeof EDITABLE_FIELDS)[number], string> {
  const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    prompt: text(row?.prompt), model: text(row?.model), resolution: text(row?.resolution), duration: text(row?.durationS), aspect: text(row?.aspect),
    image: text(row?.imageUrl), name: text(row?.name), takes: text(row?.takes), priority: text(row?.priority),
  };
}

function nonEmpty(cells: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(cells).filter(([, value]) => value !== ''));
}

export interface EditOutcome {
  updated: number[];
  refused: { rowId: number; reason: 'running_or_done' | 'not_in_batch' }[];
}

/**
 * Edits rows as the creator typed them in the grid. The edited cells are written into each row's
 * sheet cells and the rows are read again exactly as an import reads them (same parsing of `10秒`
 * or `竖屏`, same checks against the catalog), then saved like a correction sheet's rows.
 */
export function editRows(args: { store: Store; catalog: Catalog; provider: ProviderId; batchId: number; edits: readonly { rowId: number; fields: RowEditFields }[] }): EditOutcome {
  const { store, batchId, edits } = args;
  const refused: EditOutcome['refused'] = [];
  const owners = store.sheets.rowsById(edits.map((edit) => edit.rowId));
  const editable = edits.filter(({ rowId }) => {
    const owner = owners.get(rowId);
    if (!owner || owner.batchId !== batchId) refused.push({ rowId, reason: 'not_in_batch' });
    else if (!EDITABLE.has(owner.status)) refused.push({ rowId, reason: 'running_or_done' });
    else return true;
    return false;
  });
  if (editable.length === 0) return { updated: [], refused };

  const source = store.sheets.batchSource(batchId) ?? { headers: [], mapping: {} };
  const mapping: Record<string, string | null> = { ...source.mapping, rowId: ROW_ID_HEADER };
  const headers = [...source.headers];
  // Every field gets a column: one the sheet had no column for is named after the field.
  for (const field of EDITABLE_FIELDS) {
    if (!mapping[field]) {
      mapping[field] = headers.includes(field) ? `${field} (genvid)` : field;
      headers.push(mapping[field]);
    }
  }
  const sources = store.sheets.rowSources(batchId, editable.map((edit) => edit.rowId));
  const cells = [[...headers, ROW_ID_HEADER]];
  for (const { rowId, fields } of editable) {
    // The sheet's own cells where it had them (a prompt may be a {{column}} template), else the
    // row's current values, then the creator's edits on top.
    const current = currentCells(store.rows.view(rowId));
    const cellsOf: Record<string, string> = {};
    for (const field of EDITABLE_FIELDS) cellsOf[mapping[field]!] = current[field];
    Object.assign(cellsOf, nonEmpty(sources.get(rowId) ?? {}));
    for (const [field, value] of Object.entries(fields)) cellsOf[mapping[field as SheetField]!] = value;
    cells.push([...headers.map((header) => cellsOf[header] ?? ''), String(rowId)]);
  }
  const grid = { format: 'csv' as const, encoding: null, encodingCandidates: [], delimiter: null, sheets: [], sheet: null, cells };
  const inspected = inspectSheet(grid, { catalog: args.catalog, provider: args.provider, mapping });
  if (!inspected.ok) throw new Error(`edited rows could not be read back: ${inspected.error.code}`);
  const summary = applyCorrections(store, inspected.inspection);
  for (const skipped of summary.skipped) if (skipped.rowId !== null) refused.push({ rowId: skipped.rowId, reason: 'running_or_done' });
  return { updated: summary.updated, refused };
}
