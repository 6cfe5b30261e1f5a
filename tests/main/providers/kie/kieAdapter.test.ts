import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../../shared/catalog/request.ts';
import type { VideoRequest } from '../../../../shared/catalog/schema.ts';
import { loadCatalog } from '../../../../main/providers/catalog/loadCatalog.ts';
import { KieAdapter } from '../../../../main/providers/kie/kieAdapter.ts';
import { sampleVideoFor } from '../../../../main/simulator/media.ts';
import { KIE_MEDIA_RETENTION_MS } from '../../../../main/simulator/world.ts';
import { providerFailure } from '../../../helpers/providerErrors.ts';
import { looksLikeMp4, PAST_ANY_GENERATION_MS, readStream, SIM_KEY, testSimulator } from '../../../helpers/simulator.ts';

const { catalog } = loadCatalog();
const kling = catalog.get('kie', 'kling-3.0')!;
const veo = catalog.get('kie', 'veo-3.1-fast')!;
const ask = (overrides: Partial<VideoRequest> = {}, entry = kling) => resolveRequest(entry, { prompt: 'a paper boat on a rainy street', ...overrides });

async function kie(options: Parameters<typeof testSimulator>[0] = {}, key = SIM_KEY, timeouts?: { createMs?: number; readMs?: number }) {
  const sim = await testSimulator(options);
  const adapter = new KieAdapter({ baseUrl: sim.baseUrls.kie, apiKey: key, ...(timeouts ? { timeouts } : {}) });
  return { sim, adapter };
}

describe('the KIE adapter against the simulator', () => {
  it('submits a jobs-API task, follows it to success, reports its cost and downloads a real MP4', async () => {
    const { sim, adapter } = await kie();
    const task = await adapter.submit(kling, ask({ resolution: '720p', durationS: 10 }));
    expect(task).toMatchObject({ provider: 'kie', protocol: 'kie-jobs', wireModel: 'kling-3.0/video' });
    expect(await adapter.poll(task)).toMatchObject({ state: 'pending' });
    sim.clock.advance(5_000 + 30_000);
    const running = await adapter.poll(task);
    expect(running.state).toBe('running');
    expect(running.state === 'running' && running.progress).toBeGreaterThanOrEqual(0);
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    const done = await adapter.poll(task);
    expect(done).toEqual({ state: 'succeeded', resultUrls: [expect.stringMatching(/\/files\/\w+\.mp4$/)], cost: { amount: 140, unit: 'credits' }, generationMs: expect.any(Number) });
    const download = await adapter.openDownload(task, done.state === 'succeeded' ? done.resultUrls[0]! : '');
    const bytes = await readStream(download.body);
    expect(looksLikeMp4(bytes)).toBe(true);
    expect(bytes.equals(sampleVideoFor('16:9').bytes)).toBe(true);
    expect(download.totalBytes).toBe(bytes.length);
    expect(sim.world.stats().requests[SIM_KEY]).toMatchObject({ 'kie.createTask': 1 });
  });

  it('speaks the dedicated Veo 3.1 API', async () => {
    const { sim, adapter } = await kie();
    const task = await adapter.submit(veo, ask({ aspectRatio: '9:16' }, veo));
    expect(task.protocol).toBe('kie-veo');
    expect(sim.world.task(task.taskId)!.input).toMatchObject({ generationType: 'TEXT_2_VIDEO', duration: 8, aspectRatio: '9:16' });
    expect((await adapter.poll(task)).state).toBe('running');
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    const done = await adapter.poll(task);
    expect(done.state).toBe('succeeded');
    const bytes = await readStream((await adapter.openDownload(task, done.state === 'succeeded' ? done.resultUrls[0]! : '')).body);
    expect(bytes.equals(sampleVideoFor('9:16').bytes)).toBe(true);
    expect(sim.world.stats().requests[SIM_KEY]).toMatchObject({ 'kie.veoGenerate': 1, 'kie.veoRecordInfo': 2 });
  });

  it('reads the balance, which holds a running task and refunds a failed one', async () => {
    const { sim, adapter } = await kie({ balance: { credits: 1000, usd: 0 }, faults: [{ kind: 'task-fail-transient', count: 1 }] });
    expect(await adapter.balance()).toEqual({ amount: 1000, unit: 'credits' });
    await adapter.submit(kling, ask({ resolution: '720p', durationS: 5 }));
    expect(await adapter.balance()).toEqual({ amount: 930, unit: 'credits' });
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    expect(await adapter.balance()).toEqual({ amount: 1000, unit: 'credits' });
  });

  describe('classifies', () => {
    it('a wrong key as auth, on every call', async () => {
      const { adapter } = await kie({}, 'wrong-key');
      const calls = [() => adapter.submit(kling, ask()), () => adapter.balance(), () => adapter.poll({ provider: 'kie', protocol: 'kie-jobs', wireModel: 'x', taskId: 't' })];
      for (const call of calls) {
        const error = await providerFailure(call());
        expect(error).toMatchObject({ kind: 'auth', retryable: false, providerCode: '401' });
      }
    });

    it('no credits as insufficient_funds, also when they run out in the middle of a batch', async () => {
      const { adapter } = await kie({ faults: [{ kind: 'credits-402', afterCreates: 2 }] });
      await adapter.submit(kling, ask());
      await adapter.submit(kling, ask());
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'insufficient_funds', retryable: false, providerCode: '402' });
    });

    it('a key revoked in the middle of a batch as auth', async () => {
      const { adapter } = await kie({ faults: [{ kind: 'auth-401', afterCreates: 1 }] });
      const task = await adapter.submit(kling, ask());
      expect(await providerFailure(adapter.poll(task))).toMatchObject({ kind: 'auth' });
    });

    it('parameters KIE refuses as validation, with its message', async () => {
      const { adapter } = await kie();
      const error = await providerFailure(adapter.submit(kling, { ...ask(), resolution: '480p' }));
      expect(error).toMatchObject({ kind: 'validation', retryable: false, providerCode: '422' });
      expect(error.detail).toMatch(/mode has an unsupported value/);
    });

    it('a retired model as model_unavailable', async () => {
      const { adapter } = await kie();
      const sora = catalog.get('kie', 'sora-2')!;
      expect(await providerFailure(adapter.submit(sora, resolveRequest(sora, { prompt: 'a cat' })))).toMatchObject({ kind: 'model_unavailable', providerCode: '505' });
    });

    it('a content-policy failure as moderation, not retryable', async () => {
      const { sim, adapter } = await kie({ faults: [{ kind: 'task-fail-moderation' }] });
      const task = await adapter.submit(kling, ask());
      sim.clock.advance(PAST_ANY_GENERATION_MS);
      const result = await adapter.poll(task);
      expect(result.state === 'failed' && result.error).toMatchObject({ kind: 'moderation', retryable: false, providerCode: '422' });
    });

    it('a transient task failure as provider_failed that a retry may fix', async () => {
      const { sim, adapter } = await kie({ faults: [{ kind: 'task-fail-transient' }] });
      const task = await adapter.submit(veo, ask({}, veo));
      sim.clock.advance(PAST_ANY_GENERATION_MS);
      const result = await adapter.poll(task);
      expect(result.state === 'failed' && result.error).toMatchObject({ kind: 'provider_failed', retryable: true });
    });

    it('the 21st create in 10 seconds as rate_limited, and lets it through once the window moves', async () => {
      const { sim, adapter } = await kie();
      for (let i = 0; i < 20; i++) await adapter.submit(kling, ask());
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'rate_limited', retryable: true, providerCode: '429' });
      sim.clock.advance(10_001);
      await expect(adapter.submit(kling, ask())).resolves.toMatchObject({ provider: 'kie' });
      expect(sim.world.stats().tasksCreated[SIM_KEY]).toBe(21);
    });

    it('the 11th status query in a second as rate_limited', async () => {
      const { adapter } = await kie();
      const task = await adapter.submit(kling, ask());
      for (let i = 0; i < 10; i++) await adapter.poll(task);
      expect(await providerFailure(adapter.poll(task))).toMatchObject({ kind: 'rate_limited' });
    });

    it.each([
      ['create-5xx', '500'],
      ['create-455', '455'],
    ] as const)('a %s answer to a create as transient, retryable', async (kind, code) => {
      const { sim, adapter } = await kie({ faults: [{ kind, count: 1 }] });
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'transient', retryable: true, providerCode: code });
      expect(sim.world.stats().tasksCreated[SIM_KEY]).toBe(0);
    });

    it('an HTML error page as transient, quoting its title', async () => {
      const { adapter } = await kie({ faults: [{ kind: 'html-error-page', count: 1 }] });
      const error = await providerFailure(adapter.submit(kling, ask()));
      expect(error).toMatchObject({ kind: 'transient', providerCode: '502' });
      expect(error.detail).toContain('502 Bad Gateway');
    });

    it('a create whose answer is lost as unknown_outcome, sent exactly once', async () => {
      const { sim, adapter } = await kie({ faults: [{ kind: 'lost-create-response', count: 1 }] });
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'unknown_outcome', retryable: false });
      // The provider made (and will bill) the task; nothing was sent twice.
      expect(sim.world.stats().tasksCreated[SIM_KEY]).toBe(1);
      expect(sim.world.stats().requests[SIM_KEY]).toEqual({ 'kie.createTask': 1 });
    });

    it('a create that hangs as unknown_outcome, and a status query that hangs as transient', async () => {
      const { adapter } = await kie({ faults: [{ kind: 'hang', on: 'create', count: 1 }, { kind: 'hang', on: 'status', count: 1 }] }, SIM_KEY, { createMs: 150, readMs: 150 });
      expect(await providerFailure(adapter.submit(kling, ask()))).toMatchObject({ kind: 'unknown_outcome' });
      const task = await adapter.submit(kling, ask());
      expect(await providerFailure(adapter.poll(task))).toMatchObject({ kind: 'transient', retryable: true });
    });

    it('an unknown task as validation (KIE has no record of it)', async () => {
      const { adapter } = await kie();
      expect(await providerFailure(adapter.poll({ provider: 'kie', protocol: 'kie-jobs', wireModel: 'kling-3.0/video', taskId: 'nope' }))).toMatchObject({ providerCode: '404' });
    });
  });

  describe('downloads', () => {
    async function finished(options: Parameters<typeof testSimulator>[0] = {}) {
      const { sim, adapter } = await kie(options);
      const task = await adapter.submit(kling, ask());
      sim.clock.advance(PAST_ANY_GENERATION_MS);
      const done = await adapter.poll(task);
      if (done.state !== 'succeeded') throw new Error('expected success');
      return { sim, adapter, task, url: done.resultUrls[0]! };
    }

    it('renew an expired link through download-url, as KIE documents', async () => {
      const { sim, adapter, task, url } = await finished({ faults: [{ kind: 'expired-url', count: 1 }] });
      const bytes = await readStream((await adapter.openDownload(task, url)).body);
      expect(looksLikeMp4(bytes)).toBe(true);
      expect(sim.world.stats().requests[SIM_KEY]).toMatchObject({ 'kie.downloadUrl': 1 });
    });

    it('report expired once KIE has deleted the media', async () => {
      const { sim, adapter, task, url } = await finished();
      sim.clock.advance(KIE_MEDIA_RETENTION_MS + 1);
      expect(await providerFailure(adapter.openDownload(task, url))).toMatchObject({ kind: 'expired', retryable: false });
    });

    it('resume a truncated download from where it stopped, byte-identical', async () => {
      const { adapter, task, url } = await finished({ faults: [{ kind: 'truncated-download', count: 1 }] });
      const first = await adapter.openDownload(task, url);
      const received: Uint8Array[] = [];
      await expect(
        (async () => {
          for await (const chunk of first.body) received.push(chunk);
        })(),
      ).rejects.toThrow();
      const head = Buffer.concat(received);
      expect(head.length).toBeGreaterThan(0);
      expect(head.length).toBeLessThan(first.totalBytes!);
      const rest = await adapter.openDownload(task, url, { offset: head.length, etag: first.etag! });
      expect(rest.status).toBe(206);
      expect(rest.totalBytes).toBe(first.totalBytes);
      const whole = Buffer.concat([head, await readStream(rest.body)]);
      expect(whole.equals(sampleVideoFor('16:9').bytes)).toBe(true);
    });

    it('start over when the file changed (If-Range mismatch)', async () => {
      const { adapter, task, url } = await finished();
      const again = await adapter.openDownload(task, url, { offset: 100, etag: '"stale"' });
      expect(again.status).toBe(200);
      expect((await readStream(again.body)).equals(sampleVideoFor('16:9').bytes)).toBe(true);
    });
  });
});
