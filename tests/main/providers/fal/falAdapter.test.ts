import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../../shared/catalog/request.ts';
import type { VideoRequest } from '../../../../shared/catalog/schema.ts';
import { loadCatalog } from '../../../../main/providers/catalog/loadCatalog.ts';
import { FalAdapter } from '../../../../main/providers/fal/falAdapter.ts';
import { sampleVideoFor } from '../../../../main/simulator/media.ts';
import { providerFailure } from '../../../helpers/providerErrors.ts';
import { PAST_ANY_GENERATION_MS, readStream, SIM_KEY, testSimulator } from '../../../helpers/simulator.ts';

const { catalog } = loadCatalog();
const kling = catalog.get('fal', 'kling-3.0')!;
const seedance = catalog.get('fal', 'seedance-2')!;
const ask = (overrides: Partial<VideoRequest> = {}, entry = kling) => resolveRequest(entry, { prompt: 'a hummingbird over a flower', ...overrides });

async function fal(options: Parameters<typeof testSimulator>[0] = {}, key = SIM_KEY) {
  const sim = await testSimulator(options);
  return { sim, adapter: new FalAdapter({ baseUrl: sim.baseUrls.fal, apiKey: key }) };
}

describe('the fal adapter against the simulator', () => {
  it('submits to the endpoint for the tier and mode, then follows the returned status and result URLs', async () => {
    const { sim, adapter } = await fal();
    const task = await adapter.submit(kling, ask({ resolution: '720p', images: ['https://example.com/a.png'] }));
    expect(task.wireModel).toBe('fal-ai/kling-video/v3/standard/image-to-video');
    // For an endpoint with sub-paths, status lives under the base model id.
    expect(task.statusUrl).toBe(`${sim.baseUrls.fal}/fal-ai/kling-video/requests/${task.taskId}/status`);
    expect(sim.world.task(task.taskId)!.input).toMatchObject({ start_image_url: 'https://example.com/a.png', duration: '5' });
    const queued = await adapter.poll(task);
    expect(queued).toMatchObject({ state: 'pending', queuePosition: 0 });
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    const done = await adapter.poll(task);
    expect(done).toEqual({ state: 'succeeded', resultUrls: [expect.stringContaining(`/files/${task.taskId}.mp4`)] });
    const bytes = await readStream((await adapter.openDownload(task, done.state === 'succeeded' ? done.resultUrls[0]! : '')).body);
    expect(bytes.equals(sampleVideoFor('16:9').bytes)).toBe(true);
    expect(sim.world.stats().requests[SIM_KEY]).toEqual({ 'fal.submit': 1, 'fal.status': 2, 'fal.result': 1 });
  });

  it('finds a task stored without its URLs by fal’s documented URL shape', async () => {
    const { sim, adapter } = await fal();
    const { statusUrl: _s, responseUrl: _r, cancelUrl: _c, ...bare } = await adapter.submit(seedance, ask({}, seedance));
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    expect((await adapter.poll(bare)).state).toBe('succeeded');
  });

  it('cancels a queued request', async () => {
    const { sim, adapter } = await fal();
    const task = await adapter.submit(kling, ask());
    await adapter.cancel(task);
    expect(sim.world.view(sim.world.task(task.taskId)!).state).toBe('cancelled');
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    // Already finished: fal answers 400 ALREADY_COMPLETED, which is not an error for us.
    await expect(adapter.cancel(task)).resolves.toBeUndefined();
  });

  describe('classifies', () => {
    it('a wrong key as auth', async () => {
      const { adapter } = await fal({}, 'wrong');
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'auth', providerCode: '401' });
    });

    it('refused parameters as validation, naming the field', async () => {
      const { adapter } = await fal();
      const error = await providerFailure(adapter.submit(kling, { ...ask(), durationS: 99 }));
      expect(error).toMatchObject({ kind: 'validation', providerCode: '422' });
      expect(error.detail).toMatch(/body\.durationS: .*duration 99/);
    });

    it('an unknown endpoint as model_unavailable', async () => {
      const { adapter } = await fal();
      const gone = { ...kling, variants: kling.variants.map((variant) => ({ ...variant, wireModel: 'fal-ai/discontinued/model' })) };
      expect(await providerFailure(adapter.submit(gone, ask()))).toMatchObject({ kind: 'model_unavailable', providerCode: '404' });
    });

    it('a balance that ran out as insufficient_funds', async () => {
      const { adapter } = await fal({ balance: { credits: 0, usd: 0.01 } });
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'insufficient_funds', providerCode: '402' });
    });

    it('a 429 as rate_limited, with its Retry-After', async () => {
      const { adapter } = await fal({ faults: [{ kind: 'rate-limit-429', count: 1 }] });
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
    });

    it('server errors and HTML pages as transient', async () => {
      const { adapter } = await fal({ faults: [{ kind: 'create-5xx', count: 1 }, { kind: 'html-error-page', on: 'status', count: 1 }] });
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'transient', providerCode: '500' });
      const task = await adapter.submit(kling, ask());
      expect(await providerFailure(adapter.poll(task))).toMatchObject({ kind: 'transient', providerCode: '502' });
    });

    it('a lost create answer as unknown_outcome', async () => {
      const { sim, adapter } = await fal({ faults: [{ kind: 'lost-create-response', count: 1 }] });
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'unknown_outcome' });
      expect(sim.world.stats().tasksCreated[SIM_KEY]).toBe(1);
    });

    it('a model error in the result as moderation or a retryable provider failure', async () => {
      const { sim, adapter } = await fal({ faults: [{ kind: 'task-fail-moderation', count: 1 }, { kind: 'task-fail-transient', count: 1 }] });
      const blocked = await adapter.submit(kling, ask());
      const broken = await adapter.submit(kling, ask());
      sim.clock.advance(PAST_ANY_GENERATION_MS);
      const first = await adapter.poll(blocked);
      const second = await adapter.poll(broken);
      expect(first.state === 'failed' && first.error).toMatchObject({ kind: 'moderation', retryable: false });
      expect(second.state === 'failed' && second.error).toMatchObject({ kind: 'provider_failed', retryable: true });
    });

    it('an expired result link as expired', async () => {
      const { sim, adapter } = await fal();
      const task = await adapter.submit(kling, ask());
      sim.clock.advance(PAST_ANY_GENERATION_MS);
      const done = await adapter.poll(task);
      sim.clock.advance(8 * 24 * 3_600_000);
      expect(await providerFailure(adapter.openDownload(task, done.state === 'succeeded' ? done.resultUrls[0]! : ''))).toMatchObject({ kind: 'expired' });
    });
  });
});
