import { describe, expect, it } from 'vitest';
import { balanceLanes } from '../../../main/engine/laneBalancer.ts';

const lane = (key: string, running: number, waiting: number, expectedMs: number) => ({ key, running, waiting, expectedMs });

describe('sharing a concurrency limit between classes', () => {
  it('gives the free slots to the shortest jobs first', () => {
    const shares = balanceLanes([lane('short', 0, 100, 150_000), lane('medium', 0, 100, 200_000)], 20);
    expect(shares.get('short')).toBe(20);
    expect(shares.get('medium')).toBe(0);
  });

  it('keeps short jobs back for the tail while long jobs still wait', () => {
    // Half the longest duration per slot: 0.5 × 20 × 600 s = 6000 s, or 40 jobs of 150 s.
    const shares = balanceLanes([lane('720p', 0, 50, 150_000), lane('1080p', 0, 67, 600_000)], 20);
    expect(shares.get('720p')).toBe(10);
    expect(shares.get('1080p')).toBe(10);
  });

  it('lets the reserve run once the long jobs have all started', () => {
    const shares = balanceLanes([lane('720p', 5, 40, 150_000), lane('1080p', 15, 0, 600_000)], 20);
    expect(shares.get('720p')).toBe(5);
    const later = balanceLanes([lane('720p', 0, 40, 150_000), lane('1080p', 12, 0, 600_000)], 20);
    expect(later.get('720p')).toBe(8);
  });

  it('never exceeds the limit and never takes a slot from a running job', () => {
    const shares = balanceLanes([lane('a', 15, 10, 1_000), lane('b', 3, 50, 100_000)], 20);
    expect(shares.get('a')).toBe(15);
    expect(shares.get('b')).toBe(5);
    expect([...shares.values()].reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(20);
  });

  it('holds a lane with nothing to run', () => {
    expect(balanceLanes([lane('idle', 0, 0, 1_000)], 5).get('idle')).toBe(0);
  });

  it('under a create-rate limit, gives short jobs only the slots they can keep busy', () => {
    // 2 creates/s: 2.5-minute jobs alone keep about 300 of 500 slots busy; with the 10-minute jobs
    // taking the rest, 213 short + 287 long need 213/150 + 287/600 ≈ 1.9 creates/s.
    const lanes = [lane('720p', 0, 6_000, 150_000), lane('1080p', 0, 3_000, 600_000)];
    const shares = balanceLanes(lanes, 500, 2 / 1000);
    const short = shares.get('720p')!;
    const long = shares.get('1080p')!;
    expect(short + long).toBe(500);
    expect(short).toBeGreaterThan(150);
    expect(short / 150_000 + long / 600_000).toBeLessThanOrEqual(2 / 1000);
    // Without the limit the short jobs would take every slot.
    expect(balanceLanes(lanes, 500).get('720p')).toBe(500);
  });

  it('changes nothing when the create rate is ample for the limit', () => {
    const lanes = [lane('720p', 0, 50, 150_000), lane('1080p', 0, 67, 600_000)];
    expect(balanceLanes(lanes, 20, 2 / 1000)).toEqual(balanceLanes(lanes, 20));
  });
});
