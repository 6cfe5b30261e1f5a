import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/clock/clock.ts';
import { SlidingWindowLimiter } from '../../../main/engine/rateLimiter.ts';

describe('the sliding-window limiter', () => {
  it('never lets more than the limit through in any window, however many wait', async () => {
    const clock = new ManualClock(0);
    const limiter = new SlidingWindowLimiter(clock, 20, 10_000);
    const sentAt: number[] = [];
    const all = Array.from({ length: 65 }, () => limiter.acquire().then(() => sentAt.push(clock.now())));
    await clock.advanceAndRun(40_000);
    await Promise.all(all);
    expect(sentAt).toHaveLength(65);
    for (let i = 0; i + 20 < sentAt.length; i++) expect(sentAt[i + 20]! - sentAt[i]!).toBeGreaterThanOrEqual(10_000);
    // And it does not wait longer than it must: 65 requests need three full windows.
    expect(sentAt.at(-1)).toBeLessThanOrEqual(30_003);
  });

  it('serves the highest priority first', async () => {
    const clock = new ManualClock(0);
    const limiter = new SlidingWindowLimiter(clock, 1, 1_000);
    const order: string[] = [];
    await limiter.acquire();
    const waits = [
      limiter.acquire(1).then(() => order.push('slow 1')),
      limiter.acquire(5).then(() => order.push('fast')),
      limiter.acquire(1).then(() => order.push('slow 2')),
    ];
    await clock.advanceAndRun(5_000);
    await Promise.all(waits);
    expect(order).toEqual(['fast', 'slow 1', 'slow 2']);
  });

  it('drops a waiter whose signal aborts, without using its slot', async () => {
    const clock = new ManualClock(0);
    const limiter = new SlidingWindowLimiter(clock, 1, 1_000);
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(0, controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('row cancelled'));
    await expect(aborted).rejects.toThrow('row cancelled');
    await clock.advanceAndRun(1_001);
    await expect(next).resolves.toBeUndefined();
    expect(limiter.waiting).toBe(0);
  });
});
