import { describe, expect, it, vi } from 'vitest';
import type { GenvidApi } from '../../../../shared/contract/api.ts';
import type { RowView } from '../../../../shared/domain/batch.ts';
import { errorText, isAvailable, latestTaskId, runAction } from '../../../../renderer/features/grid/rowActions.ts';

const row = (id: number, extra: Partial<RowView> = {}): RowView => ({
  id, batchId: 4, rowNumber: id, status: 'failed', prompt: `p${id}`, model: 'kling-3.0', resolution: '720p',
  durationS: 5, aspect: '16:9', imageUrl: null, name: null, takes: 1, priority: 0, attemptCount: 1,
  progress: null, costMicros: null, errorCode: null, errorMessage: null, outputPath: null, outputAttemptId: null, issues: [], updatedAt: 1,
  ...extra,
});

describe('the rows context menu actions', () => {
  it('offers re-run and cancel only for rows they apply to', () => {
    const failed = row(1);
    const queued = row(2, { status: 'queued' });
    const done = row(3, { status: 'done', outputAttemptId: 9 });
    expect(isAvailable('rerun', { primary: failed, rows: [failed, queued] })).toBe(true);
    expect(isAvailable('cancel', { primary: failed, rows: [failed] })).toBe(false);
    expect(isAvailable('cancel', { primary: failed, rows: [failed, queued] })).toBe(true);
    expect(isAvailable('openVideo', { primary: done, rows: [done] })).toBe(true);
    expect(isAvailable('reveal', { primary: failed, rows: [failed] })).toBe(false);
    expect(isAvailable('copyError', { primary: failed, rows: [failed] })).toBe(false);
  });

  it('re-runs only the re-runnable rows of the selection', async () => {
    const rerunRows = vi.fn(async ({ rowIds }: { rowIds: number[] }) => ({ rowIds }));
    const api = { rerunRows } as unknown as GenvidApi;
    const outcome = await runAction('rerun', { primary: row(1), rows: [row(1), row(2, { status: 'done' }), row(3, { status: 'stale' })] }, { api, copy: async () => {}, problemOf: () => null });
    expect(rerunRows).toHaveBeenCalledWith({ batchId: 4, rowIds: [1, 3] });
    expect(outcome).toEqual({ kind: 'done', messageKey: 'grid.toast.rerun', count: 2 });
  });

  it('copies the newest task id, and errors as text a sheet takes', async () => {
    expect(latestTaskId([
      { taskId: 'old', createdAt: 1, attemptId: 1 },
      { taskId: null, createdAt: 9, attemptId: 3 },
      { taskId: 'new', createdAt: 5, attemptId: 2 },
    ])).toBe('new');
    expect(latestTaskId([])).toBeNull();
    const problemOf = (r: RowView) => r.errorMessage;
    expect(errorText([row(1, { errorMessage: 'Blocked' })], problemOf)).toBe('Blocked');
    expect(errorText([row(1, { errorMessage: 'A' }), row(2), row(3, { errorMessage: 'B' })], problemOf)).toBe('1\tA\n3\tB');

    const copy = vi.fn(async () => {});
    const detailApi = { getRowDetail: async () => ({ attempts: [{ taskId: 'task-7', createdAt: 1, attemptId: 1 }] }) } as unknown as GenvidApi;
    await runAction('copyTaskId', { primary: row(1), rows: [row(1)] }, { api: detailApi, copy, problemOf: () => null });
    expect(copy).toHaveBeenCalledWith('task-7');
  });
});
