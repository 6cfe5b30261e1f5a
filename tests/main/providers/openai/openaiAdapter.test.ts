import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../../shared/catalog/request.ts';
import { loadCatalog } from '../../../../main/providers/catalog/loadCatalog.ts';
import { OpenAiVideosAdapter } from '../../../../main/providers/openai/openaiAdapter.ts';
import { sampleVideoFor } from '../../../../main/simulator/media.ts';
import { gatewayCatalog } from '../../../helpers/gatewayCatalog.ts';
import { providerFailure } from '../../../helpers/providerErrors.ts';
import { PAST_ANY_GENERATION_MS, readStream, SIM_KEY, testSimulator } from '../../../helpers/simulator.ts';

const catalog = gatewayCatalog();
const sora = catalog.get('openai', 'sora-2')!;
const ask = (overrides = {}) => resolveRequest(sora, { prompt: 'a dog surfing at sunset', durationS: 8, aspectRatio: '9:16', ...overrides });

async function gateway(options: Parameters<typeof testSimulator>[0] = {}, key = SIM_KEY) {
  const sim = await testSimulator({ catalog, ...options });
  return { sim, adapter: new OpenAiVideosAdapter({ baseUrl: sim.baseUrls.openai, apiKey: key }) };
}

describe('the OpenAI-compatible adapter against the simulator', () => {
  it('creates a video, reads progress and the poll hint, and downloads the content with the key', async () => {
    const { sim, adapter } = await gateway();
    const task = await adapter.submit(sora, ask());
    expect(task.taskId).toMatch(/^video_[0-9a-f]{48}$/);
    expect(sim.world.task(task.taskId)!.input).toEqual({ prompt: 'a dog surfing at sunset', seconds: '8', size: '720x1280' });
    sim.clock.advance(5_000 + 60_000);
    const running = await adapter.poll(task);
    expect(running).toMatchObject({ state: 'running', progress: expect.any(Number), pollAfterMs: expect.any(Number) });
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    const done = await adapter.poll(task);
    expect(done).toEqual({ state: 'succeeded', resultUrls: [`${sim.baseUrls.openai}/v1/videos/${task.taskId}/content`], generationMs: expect.any(Number) });
    const bytes = await readStream((await adapter.openDownload(task, done.state === 'succeeded' ? done.resultUrls[0]! : '')).body);
    expect(bytes.equals(sampleVideoFor('9:16').bytes)).toBe(true);
  });

  it('cannot download content after its hour, and says it expired', async () => {
    const { sim, adapter } = await gateway();
    const task = await adapter.submit(sora, ask());
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    const done = await adapter.poll(task);
    sim.clock.advance(3_600_001);
    expect(await providerFailure(adapter.openDownload(task, done.state === 'succeeded' ? done.resultUrls[0]! : ''))).toMatchObject({ kind: 'expired' });
  });

  describe('classifies', () => {
    it('the real retired Sora as model_unavailable', async () => {
      const sim = await testSimulator();
      const adapter = new OpenAiVideosAdapter({ baseUrl: sim.baseUrls.openai, apiKey: SIM_KEY });
      const retired = loadCatalog().catalog.get('openai', 'sora-2')!;
      const error = await providerFailure(adapter.submit(retired, resolveRequest(retired, { prompt: 'x' })));
      expect(error).toMatchObject({ kind: 'model_unavailable', providerCode: 'model_not_found' });
      expect(error.detail).toMatch(/shut down on 2026-09-24/);
    });

    it('a bad key as auth', async () => {
      const { adapter } = await gateway({}, 'sk-wrong');
      expect(await providerFailure(adapter.submit(sora, ask()))).toMatchObject({ kind: 'auth', providerCode: 'invalid_api_key' });
    });

    it('a 429 as rate_limited with retry-after-ms, and an exhausted quota as insufficient_funds', async () => {
      const { adapter } = await gateway({ faults: [{ kind: 'rate-limit-429', count: 1 }, { kind: 'credits-402', afterCreates: 0 }] });
      expect(await providerFailure(adapter.submit(sora, ask()))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
      expect(await providerFailure(adapter.submit(sora, ask()))).toMatchObject({ kind: 'insufficient_funds', providerCode: 'insufficient_quota' });
    });

    it('refused parameters as validation, naming the parameter', async () => {
      const { adapter } = await gateway();
      const error = await providerFailure(adapter.submit(sora, { ...ask(), durationS: 5 }));
      expect(error).toMatchObject({ kind: 'validation' });
      expect(error.detail).toMatch(/seconds must be a string|does not offer duration 5/);
    });

    it('moderation and internal failures of a video', async () => {
      const { sim, adapter } = await gateway({ faults: [{ kind: 'task-fail-moderation', count: 1 }, { kind: 'task-fail-transient', count: 1 }] });
      const blocked = await adapter.submit(sora, ask());
      const broken = await adapter.submit(sora, ask());
      sim.clock.advance(PAST_ANY_GENERATION_MS);
      const first = await adapter.poll(blocked);
      const second = await adapter.poll(broken);
      expect(first.state === 'failed' && first.error).toMatchObject({ kind: 'moderation', providerCode: 'moderation_blocked' });
      expect(second.state === 'failed' && second.error).toMatchObject({ kind: 'provider_failed', retryable: true });
    });

    it('a create that is lost as unknown_outcome, and a 5xx as transient', async () => {
      const { sim, adapter } = await gateway({ faults: [{ kind: 'lost-create-response', count: 1 }] });
      expect(await providerFailure(adapter.submit(sora, ask()))).toMatchObject({ kind: 'unknown_outcome' });
      sim.world.faults.arm({ kind: 'create-5xx', count: 1 });
      expect(await providerFailure(adapter.submit(sora, ask()))).toMatchObject({ kind: 'transient', retryable: true });
    });
  });
});
