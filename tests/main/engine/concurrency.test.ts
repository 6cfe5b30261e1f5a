import { describe, expect, it } from 'vitest';
import { classConcurrency, ConcurrencyGovernor } from '../../../main/engine/concurrency.ts';

const cls = (modelWeight: number, resolution: string, durationS: number) => ({ key: 'k', modelWeight, resolution, durationS });

describe('class concurrency', () => {
  it('reproduces the original design’s worked examples (product §3.1)', () => {
    // Sora 2 (weight 1), Sora 2 Pro (weight 0.75).
    expect(classConcurrency({ profile: 'pro' }, cls(1, '720p', 10))).toBe(5); // 4-5
    expect(classConcurrency({ profile: 'pro' }, cls(1, '720p', 15))).toBe(4);
    expect(classConcurrency({ profile: 'pro' }, cls(0.75, '1080p', 10))).toBe(3); // 2-3
    expect(classConcurrency({ profile: 'pro' }, cls(0.75, '1080p', 15))).toBe(2);
    expect(classConcurrency({ profile: 'pro+' }, cls(1, '720p', 10))).toBe(9); // 7-9
    expect(classConcurrency({ profile: 'pro+' }, cls(1, '720p', 15))).toBe(7);
    expect(classConcurrency({ profile: 'pro+' }, cls(0.75, '1080p', 10))).toBe(4); // 4-5
    expect(classConcurrency({ profile: 'pro+' }, cls(0.75, '1080p', 15))).toBe(3);
  });

  it('is one for Free, the given number for Custom, and never below one', () => {
    expect(classConcurrency({ profile: 'free' }, cls(1, '720p', 5))).toBe(1);
    expect(classConcurrency({ profile: 'custom', custom: 500 }, cls(1, '1080p', 15))).toBe(500);
    expect(classConcurrency({ profile: 'pro' }, cls(0.1, '2160p', 15))).toBe(1);
  });
});

describe('the concurrency governor', () => {
  it('cuts by 40 % when more than 30 % of the last 10 finished jobs failed, never below one', () => {
    const lines: string[] = [];
    const governor = new ConcurrencyGovernor(0, (line) => lines.push(line));
    for (let i = 0; i < 6; i++) governor.recordFinished(true, i);
    for (let i = 0; i < 4; i++) governor.recordFinished(false, 10 + i);
    expect(governor.limit(10)).toBe(6);
    expect(lines).toEqual(['failure rate 40 %, concurrency ×1.00 → ×0.60']);
    for (let n = 0; n < 20; n++) governor.recordRateLimited(100);
    expect(governor.limit(10)).toBe(1);
  });

  it('does not cut at exactly 30 %, or before ten jobs have finished', () => {
    const governor = new ConcurrencyGovernor(0, () => {});
    for (let i = 0; i < 3; i++) governor.recordFinished(false, i);
    expect(governor.limit(10)).toBe(10);
    for (let i = 0; i < 7; i++) governor.recordFinished(true, 10 + i);
    expect(governor.limit(10)).toBe(10);
  });

  it('climbs back one step per healthy minute, never above the configured value', () => {
    const governor = new ConcurrencyGovernor(0, () => {});
    governor.recordRateLimited(0);
    expect(governor.limit(10)).toBe(6);
    governor.maybeRecover(30_000);
    expect(governor.limit(10)).toBe(6);
    governor.maybeRecover(60_000);
    expect(governor.limit(10)).toBe(7);
    for (let minute = 2; minute < 10; minute++) governor.maybeRecover(minute * 60_000);
    expect(governor.limit(10)).toBe(10);
    expect(governor.scale).toBe(1);
  });
});
