import { describe, expect, it } from 'vitest';
import { originalPolicy, predictivePolicy, type PollContext, type PollPolicy } from '../../../main/engine/pollPolicy.ts';
import { seededRandom } from '../../../main/simulator/random.ts';

/**
 * Simulates polling one job that finishes at `doneAt` (generation starting 2 s after submit, with
 * linear progress when reported): returns how many queries it took and how late completion was seen.
 */
function simulate(policy: PollPolicy, doneAt: number, range: { minMs: number; maxMs: number }, reportsProgress: boolean) {
  const startedAt = 2_000;
  const context: PollContext = { now: 0, submittedAt: 0, resolution: range.maxMs > 400_000 ? '1080p' : '720p', expected: range, progress: [], lastPollAt: undefined, pollAfterMs: undefined };
  let queries = 0;
  let at = policy.nextPollAt(context);
  for (;;) {
    queries++;
    if (at >= doneAt) return { queries, latencyMs: at - doneAt };
    const percent = Math.floor((100 * Math.max(0, at - startedAt)) / (doneAt - startedAt));
    const progress = reportsProgress ? [...context.progress, { at, percent }] : context.progress;
    Object.assign(context, { now: at, lastPollAt: at, progress });
    at = policy.nextPollAt(context);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function compare(range: { minMs: number; maxMs: number }, reportsProgress: boolean) {
  const random = seededRandom(42);
  const runs = Array.from({ length: 400 }, () => range.minMs + random() * (range.maxMs - range.minMs));
  const stats = (policy: PollPolicy) => {
    const results = runs.map((doneAt) => simulate(policy, doneAt, range, reportsProgress));
    return { queries: percentile(results.map((r) => r.queries), 0.5), latencyP95: percentile(results.map((r) => r.latencyMs), 0.95) };
  };
  return { original: stats(originalPolicy), predictive: stats(predictivePolicy) };
}

describe('polling policies on the original design’s generation times', () => {
  const sd = { minMs: 120_000, maxMs: 180_000 };
  const hd = { minMs: 420_000, maxMs: 780_000 };

  it('reproduce the original schedule’s figures (about 43 and 98 queries)', () => {
    expect(compare(sd, false).original.queries).toBeGreaterThanOrEqual(40);
    expect(compare(sd, false).original.queries).toBeLessThanOrEqual(46);
    expect(compare(hd, false).original.queries).toBeGreaterThanOrEqual(90);
    expect(compare(hd, false).original.queries).toBeLessThanOrEqual(104);
  });

  it.each([
    ['720p', sd],
    ['1080p', hd],
  ] as const)('without progress, %s: at most 40 %% of the queries, noticing completion no later at p95', (_label, range) => {
    const { original, predictive } = compare(range, false);
    expect(predictive.queries).toBeLessThanOrEqual(0.4 * original.queries);
    expect(predictive.latencyP95).toBeLessThanOrEqual(original.latencyP95);
  });

  it.each([
    ['720p', sd],
    ['1080p', hd],
  ] as const)('with progress, %s: at most 15 %% of the queries, noticing completion no later at p95', (_label, range) => {
    const { original, predictive } = compare(range, true);
    expect(predictive.queries).toBeLessThanOrEqual(0.15 * original.queries);
    expect(predictive.latencyP95).toBeLessThanOrEqual(original.latencyP95);
  });

  it('honour the provider’s poll-after hint', () => {
    const context: PollContext = { now: 200_000, submittedAt: 0, resolution: '720p', expected: sd, progress: [], lastPollAt: 200_000, pollAfterMs: 30_000 };
    expect(predictivePolicy.nextPollAt(context)).toBe(230_000);
  });

  it('make a job stale no sooner than the original timeouts', () => {
    expect(originalPolicy.staleAfterMs({ resolution: '720p', expected: sd })).toBe(300_000);
    expect(predictivePolicy.staleAfterMs({ resolution: '1080p', expected: hd })).toBe(1_560_000);
  });
});
