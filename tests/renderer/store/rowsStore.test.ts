import { beforeEach, describe, expect, it } from 'vitest';
import { useRowsStore } from '../../../renderer/store/rowsStore.ts';
import type { RowView } from '../../../shared/domain/batch.ts';

const row = (id: number): RowView => ({
  id, batchId: 1, rowNumber: id, status: 'queued', prompt: `p${id}`, model: 'kling-3.0', resolution: '720p',
  durationS: 5, aspect: '16:9', imageUrl: null, name: null, takes: 1, priority: 0, attemptCount: 0,
  progress: null, costMicros: null, errorCode: null, errorMessage: null, outputPath: null, outputAttemptId: null, issues: [], updatedAt: 1,
});

describe('the rows store', () => {
  beforeEach(() => useRowsStore.setState({ byId: {} }));

  it('merges patches into loaded rows and leaves the others untouched, same object', () => {
    useRowsStore.getState().upsertRows([row(1), row(2)]);
    const untouched = useRowsStore.getState().byId[2];
    useRowsStore.getState().applyPatches([{ id: 1, batchId: 1, status: 'generating', progress: 35 }]);
    expect(useRowsStore.getState().byId[1]).toMatchObject({ status: 'generating', progress: 35, prompt: 'p1' });
    expect(useRowsStore.getState().byId[2]).toBe(untouched);
  });

  it('ignores patches for rows not loaded, without changing state', () => {
    useRowsStore.getState().upsertRows([row(1)]);
    const before = useRowsStore.getState().byId;
    useRowsStore.getState().applyPatches([{ id: 99, batchId: 1, status: 'done' }]);
    expect(useRowsStore.getState().byId).toBe(before);
  });

  it('keeps a row a patch made newer when an older page arrives after it', () => {
    useRowsStore.getState().upsertRows([row(1)]);
    useRowsStore.getState().applyPatches([{ id: 1, batchId: 1, status: 'done', updatedAt: 5 }]);
    useRowsStore.getState().upsertRows([{ ...row(1), updatedAt: 2 }]);
    expect(useRowsStore.getState().byId[1]?.status).toBe('done');
  });

  it('keeps the same object when a refetched page brings a row unchanged', () => {
    useRowsStore.getState().upsertRows([row(1)]);
    const before = useRowsStore.getState().byId;
    useRowsStore.getState().upsertRows([row(1)]);
    expect(useRowsStore.getState().byId).toBe(before);
  });

  it('forgets evicted rows, and then ignores their patches', () => {
    useRowsStore.getState().upsertRows([row(1), row(2)]);
    useRowsStore.getState().evictRows([1, 7]);
    useRowsStore.getState().applyPatches([{ id: 1, batchId: 1, status: 'done' }]);
    expect(Object.keys(useRowsStore.getState().byId)).toEqual(['2']);
  });
});
