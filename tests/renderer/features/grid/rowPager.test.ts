import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RowsPage } from '../../../../shared/contract/calls.ts';
import type { RowView } from '../../../../shared/domain/batch.ts';
import { PAGE_SIZE, RowPager, type RowQuery } from '../../../../renderer/features/grid/rowPager.ts';
import { buildGridRows } from '../../../../renderer/features/grid/buildGridRows.ts';
import { isPlaceholder, type PlaceholderRow } from '../../../../renderer/features/grid/gridRow.ts';

const row = (id: number, extra: Partial<RowView> = {}): RowView => ({
  id, batchId: 1, rowNumber: id, status: 'queued', prompt: `p${id}`, model: 'kling-3.0', resolution: '720p',
  durationS: 5, aspect: '16:9', imageUrl: null, name: null, takes: 1, priority: 0, attemptCount: 0,
  progress: null, costMicros: null, errorCode: null, errorMessage: null, outputPath: null, outputAttemptId: null, issues: [], updatedAt: 1,
  ...extra,
});

/** A batch of `count` rows served the way getRowsPage serves them, with every call recorded. */
function fakeBatch(count: number) {
  const rows = Array.from({ length: count }, (_, i) => row(i + 1));
  const calls: { offset: number; query: RowQuery }[] = [];
  const store = new Map<number, RowView>();
  const evicted: number[] = [];
  const pager = new RowPager({
    fetchPage: async (query, offset, limit): Promise<RowsPage> => {
      calls.push({ offset, query });
      const matching = rows.filter((r) => !query.statuses || query.statuses.includes(r.status));
      return { batchId: 1, offset, total: matching.length, rows: matching.slice(offset, offset + limit) };
    },
    upsertRows: (loaded) => loaded.forEach((r) => store.set(r.id, r)),
    evictRows: (ids) => {
      for (const id of ids) {
        store.delete(id);
        evicted.push(id);
      }
    },
    loadedRow: (id) => store.get(id),
  });
  return { rows, calls, store, evicted, pager };
}

const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('the grid row pager', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks for page 0 first, then only the pages the viewport needs', async () => {
    const { calls, pager } = fakeBatch(100_000);
    pager.setQuery({ batchId: 1 });
    await settle();
    expect(pager.getSnapshot().total).toBe(100_000);
    expect(calls.map((c) => c.offset)).toEqual([0]);

    pager.setVisibleRange(50_000, 50_020);
    pager.setVisibleRange(60_000, 60_020); // a fling: only where it stops is fetched
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.offset)).toEqual([0, 59_800, 60_000]);
    expect(pager.idAt(60_005)).toBe(60_006);
    expect(pager.idAt(50_000)).toBeUndefined();
  });

  it('builds a full-length row list with stable placeholders where pages are missing', async () => {
    const { pager, store } = fakeBatch(1000);
    pager.setQuery({ batchId: 1 });
    await settle();
    const byId = Object.fromEntries(store);
    const placeholders: PlaceholderRow[] = [];
    const first = buildGridRows(1000, pager.loadedPages(), byId, placeholders);
    expect(first).toHaveLength(1000);
    expect(first[0]).toBe(store.get(1));
    expect(isPlaceholder(first[500]!)).toBe(true);
    const second = buildGridRows(1000, pager.loadedPages(), byId, placeholders);
    expect(second[500]).toBe(first[500]);
  });

  it('keeps a bounded number of pages, forgetting the rows of pages far away', async () => {
    const { pager, store, evicted } = fakeBatch(100_000);
    pager.setQuery({ batchId: 1 });
    await settle();
    for (let at = 0; at < 40; at += 1) {
      pager.setVisibleRange(at * 2000, at * 2000 + 20);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(pager.loadedPages().size).toBeLessThanOrEqual(30);
    expect(store.size).toBeLessThanOrEqual(30 * PAGE_SIZE);
    expect(evicted).toContain(1);
  });

  it('refreshes a filtered view once, a while after patches may have moved rows', async () => {
    const batch = fakeBatch(5000);
    const { pager, calls, rows } = batch;
    pager.setQuery({ batchId: 1, statuses: ['queued'] });
    await settle();
    expect(pager.getSnapshot().total).toBe(5000);
    calls.length = 0;

    // A loaded row staying queued moves nothing; one leaving the filter does.
    pager.notePatches([{ id: 3, batchId: 1, status: 'queued', progress: 1 }]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(0);

    rows[0]!.status = 'generating';
    for (let i = 0; i < 5; i += 1) pager.notePatches([{ id: 1, batchId: 1, status: 'generating' }]);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.map((c) => c.offset)).toEqual([0]);
    expect(pager.getSnapshot().total).toBe(4999);
    expect(pager.idAt(0)).toBe(2);

    // Patches of another batch, or without a status, never refresh a status filter.
    calls.length = 0;
    pager.notePatches([{ id: 1, batchId: 2, status: 'failed' }, { id: 9, batchId: 1, progress: 50 }]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(0);
  });

  it('drops answers for a filter that has since changed', async () => {
    const { pager } = fakeBatch(3000);
    pager.setQuery({ batchId: 1 });
    pager.setQuery({ batchId: 1, statuses: ['failed'] });
    await settle();
    expect(pager.getSnapshot().total).toBe(0);
  });

  it('finds the ids of a block of rows, fetching the pages it spans', async () => {
    const { pager, calls } = fakeBatch(3000);
    pager.setQuery({ batchId: 1 });
    await settle();
    const ids = await pager.idsFor(150, 300);
    expect(ids).toEqual(Array.from({ length: 300 }, (_, i) => 151 + i));
    expect(calls.map((c) => c.offset)).toContain(400);
    expect(await pager.idsFor(2990, 50)).toHaveLength(10);
  });
});
