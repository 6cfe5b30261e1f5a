import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RowPatchCoalescer } from '../../../main/api/rowPatchCoalescer.ts';
import type { RowPatch } from '../../../shared/domain/batch.ts';

describe('row patches', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reach the renderer at most ten times a second however fast they come', () => {
    const sentAt: number[] = [];
    const sizes: number[] = [];
    const coalescer = new RowPatchCoalescer((patches) => {
      sentAt.push(Date.now());
      sizes.push(patches.length);
    });
    // 500 rows changing every millisecond for two seconds: a million changes.
    for (let ms = 0; ms < 2_000; ms++) {
      for (let id = 1; id <= 500; id++) coalescer.push({ id, batchId: 1, progress: (ms % 100) + 0.5 });
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(100);
    expect(sentAt.length).toBeGreaterThanOrEqual(19);
    expect(sentAt.length).toBeLessThanOrEqual(21);
    // Any eleven consecutive messages span at least a second.
    for (let i = 0; i + 10 < sentAt.length; i++) expect(sentAt[i + 10]! - sentAt[i]!).toBeGreaterThanOrEqual(1_000);
    // Each message carries every changed row once.
    expect(sizes.every((size) => size === 500)).toBe(true);
  });

  it('keep the newest value of each field and merge fields changed at different times', () => {
    const sent: RowPatch[][] = [];
    const coalescer = new RowPatchCoalescer((patches) => sent.push(patches));
    coalescer.push({ id: 7, batchId: 1, status: 'submitting' });
    coalescer.push({ id: 7, batchId: 1, status: 'generating', progress: 10 });
    coalescer.push({ id: 8, batchId: 1, status: 'failed', errorCode: 'moderation' });
    coalescer.push({ id: 7, batchId: 1, progress: 40 });
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([
      [
        { id: 7, batchId: 1, status: 'generating', progress: 40 },
        { id: 8, batchId: 1, status: 'failed', errorCode: 'moderation' },
      ],
    ]);
  });

  it('send the first change after a quiet spell at once, and nothing when nothing changed', () => {
    const send = vi.fn();
    const coalescer = new RowPatchCoalescer(send);
    vi.advanceTimersByTime(5_000);
    expect(send).not.toHaveBeenCalled();
    coalescer.push({ id: 1, batchId: 1, status: 'done' });
    vi.advanceTimersByTime(0);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('flush on demand, so shutdown loses nothing', () => {
    const send = vi.fn();
    const coalescer = new RowPatchCoalescer(send);
    coalescer.push({ id: 1, batchId: 1, status: 'done' });
    coalescer.flush();
    expect(send).toHaveBeenCalledWith([{ id: 1, batchId: 1, status: 'done' }]);
    vi.advanceTimersByTime(1_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
