import type { Store } from '../../main/db/store.ts';
import type { NewRow } from '../../main/db/rowsRepo.ts';

/** Creates a batch with `count` simple rows and returns its id. */
export function seedBatch(store: Store, name: string, count: number, extra: Partial<NewRow> = {}): number {
  const batchId = store.batches.create({ name, sourceFile: `${name}.xlsx`, provider: 'sandbox' });
  const rows: NewRow[] = Array.from({ length: count }, (_, i) => ({
    rowNumber: i + 1,
    prompt: `prompt ${i + 1}`,
    model: 'kling-3.0',
    ...extra,
  }));
  store.rows.insertMany(batchId, rows);
  return batchId;
}
