import type { RowView } from '../../../shared/domain/batch.ts';
import { placeholderRow, type GridRow, type PlaceholderRow } from './gridRow.ts';
import { PAGE_SIZE } from './rowPager.ts';

/**
 * The grid's full-length row list: loaded rows from the store where their page has arrived,
 * placeholders elsewhere. Unchanged rows and placeholders keep their object identity between
 * builds (`placeholders` is the caller's cache), so the table re-renders only rows that changed.
 * A linear pass over `total` entries: about a millisecond for 100,000 rows.
 */
export function buildGridRows(
  total: number,
  pages: ReadonlyMap<number, { readonly ids: readonly number[] }>,
  byId: Readonly<Record<number, RowView>>,
  placeholders: PlaceholderRow[],
): GridRow[] {
  const rows = new Array<GridRow>(total);
  for (let index = 0; index < total; index += 1) {
    const page = pages.get(Math.floor(index / PAGE_SIZE));
    const id = page?.ids[index % PAGE_SIZE];
    const row = id === undefined ? undefined : byId[id];
    rows[index] = row ?? (placeholders[index] ??= placeholderRow(index));
  }
  return rows;
}
