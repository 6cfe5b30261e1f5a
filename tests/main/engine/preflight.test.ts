import { describe, expect, it } from 'vitest';
import { planBatch } from '../../../main/engine/preflight.ts';
import { loadCatalog } from '../../../main/providers/catalog/loadCatalog.ts';
import { ENGINE_KEY, engineHarness, seedRows } from '../../helpers/engineHarness.ts';
import { providerAt } from '../../../main/providers/connections.ts';

describe('the batch plan before Start', () => {
  it('prices every video, checks the balance and caps, and flags duplicates and rows that cannot run', async () => {
    const h = await engineHarness({ balance: { credits: 500, usd: 0 } });
    const batchId = seedRows(h.store, [
      { prompt: 'a fox' },
      { prompt: 'a fox' },
      { prompt: 'a hare', takes: 3 },
      { prompt: 'an owl', resolution: '1080p', durationS: 10 },
      { prompt: 'old', model: 'sora-2' },
    ]);
    const handle = providerAt('kie', h.sim.baseUrls.kie, ENGINE_KEY, h.clock);
    const plan = await planBatch({ store: h.store, catalog: loadCatalog().catalog, handle, batchId, options: { concurrency: { profile: 'pro' }, caps: { batchMicros: 1_000_000_000 } }, now: h.clock.now() });
    expect(plan.rows).toBe(5);
    expect(plan.videos).toBe(6);
    expect(plan.invalid).toEqual([{ rowNumber: 5, message: expect.stringMatching(/retired on 2026-09-24/) }]);
    expect(plan.duplicates).toEqual([{ rowNumber: 2, sameAsRow: 1 }]);
    // kling-3.0: 720p 5 s = 70 credits (×5 videos), 1080p 10 s = 180 credits.
    expect(plan.estimate).toEqual([{ unit: 'credits', micros: 530_000_000 }]);
    expect(plan.byClass).toEqual(expect.arrayContaining([expect.objectContaining({ model: 'kling-3.0', resolution: '720p', durationS: 5, videos: 5, micros: 350_000_000 })]));
    expect(plan.balance).toEqual({ amount: 500, unit: 'credits' });
    // 530 credits do not fit a 500-credit balance.
    expect(plan.affordable).toBe(false);
    expect(plan.etaS).toBeGreaterThan(0);
  });
});
