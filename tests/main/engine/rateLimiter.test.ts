import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/clock/clock.ts';
import { SlidingWindowLimiter } from '../../../main/engine/rateLimiter.ts';
import { seededRandom } from '../../../main/simulator/random.ts';

describe('the rate limiter', () => {
  it('keeps any provider window within the limit whatever the network delay', async () => {
    const clock = new ManualClock(0);
    const limiter = new SlidingWindowLimiter(clock, 20, 10_000);
    const random = seededRandom(9);
    const arrivals: number[] = [];
    const requests = Array.from({ length: 120 }, () =>
      limiter.run(async () => {
        // The provider counts the request when it arrives: anywhere up to 3 s after we send it.
        const delay = random() * 3_000;
        arrivals.push(clock.now() + delay);
        await new Promise<void>((resolve) => clock.setTimer(resolve, delay + random() * 1_000));
      }),
    );
    await clock.advanceAndRun(200_000);
    await Promise.all(requests);
    expect(arrivals).toHaveLength(120);
    arrivals.sort((a, b) => a - b);
    for (let i = 0; i + 20 < arrivals.length; i++) expect(arrivals[i + 20]! - arrivals[i]!).toBeGreaterThan(10_000);
  });

  it('does not wait longer than it must when answers are instant', async () => {
    const clock = new ManualClock(0);
    const limiter = new SlidingWindowLimiter(clock, 20, 10_000);
    const sentAt: number[] = [];
    const all = Array.from({ length: 60 }, () => limiter.run(async () => void sentAt.push(clock.now())));
    await clock.advanceAndRun(40_000);
    await Promise.all(all);
    expect(sentAt.at(-1)).toBeLessThanOrEqual(20_002);
  });

  it('serves the highest priority first', async () => {
    const clock = new ManualClock(0);
    const limiter = new SlidingWindowLimiter(clock, 1, 1_000);
    const order: string[] = [];
    const first = await limiter.acquire();
    const waits = [
      limiter.run(async () => void order.push('slow 1'), 1),
      limiter.run(async () => void order.push('fast'), 5),
      limiter.run(async () => void order.push('slow 2'), 1),
    ];
    first();
    await clock.advanceAndRun(5_000);
    await Promise.all(waits);
    expect(order).toEqual(['fast', 'slow 1', 'slow 2']);
  });

  it('drops a waiter whose signal aborts, without using its place', async () => {
    const clock = new ManualClock(0);
    const limiter = new SlidingWindowLimiter(clock, 1, 1_000);
    const first = await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(0, controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('row cancelled'));
    await expect(aborted).rejects.toThrow('row cancelled');
    first();
    await clock.advanceAndRun(1_001);
    await expect(next).resolves.toBeTypeOf('function');
    expect(limiter.waiting).toBe(0);
  });
});
