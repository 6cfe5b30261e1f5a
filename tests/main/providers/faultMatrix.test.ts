import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../shared/catalog/schema.ts';
import { resolveRequest } from '../../../shared/catalog/request.ts';
import { providerErrorMessage } from '../../../shared/providers/errorMessage.ts';
import { createAdapter } from '../../../main/providers/registry.ts';
import type { FaultSpec } from '../../../main/simulator/faults.ts';
import { sampleVideoFor } from '../../../main/simulator/media.ts';
import { gatewayCatalog } from '../../helpers/gatewayCatalog.ts';
import { providerFailure } from '../../helpers/providerErrors.ts';
import { PAST_ANY_GENERATION_MS, readStream, SIM_KEY, testSimulator } from '../../helpers/simulator.ts';

/** Every fault switch, against every adapter: each ends in the class the engine expects. */
const catalog = gatewayCatalog();
const models: Record<ProviderId, string> = { kie: 'kling-3.0', fal: 'veo-3.1-fast', openai: 'sora-2' };
const providers: ProviderId[] = ['kie', 'fal', 'openai'];

async function setup(provider: ProviderId, faults: FaultSpec[]) {
  const sim = await testSimulator({ catalog, faults });
  const adapter = createAdapter(provider, { baseUrl: sim.baseUrls[provider], apiKey: SIM_KEY, timeouts: { createMs: 200, readMs: 200 } });
  const entry = catalog.get(provider, models[provider])!;
  const request = resolveRequest(entry, { prompt: 'a windmill in a storm' });
  return { sim, adapter, submit: () => adapter.submit(entry, request) };
}

describe.each(providers)('fault switches against the %s adapter', (provider) => {
  it.each([
    ['create-5xx', 'transient', true],
    ['create-455', 'transient', true],
    ['rate-limit-429', 'rate_limited', true],
    ['html-error-page', 'transient', true],
    ['lost-create-response', 'unknown_outcome', false],
    ['credits-402', 'insufficient_funds', false],
    ['auth-401', 'auth', false],
  ] as const)('%s on a create → %s (retryable: %s), and nothing is created twice', async (kind, expected, retryable) => {
    const { sim, submit } = await setup(provider, [{ kind, count: 1 }]);
    expect(await providerFailure(submit())).toMatchObject({ kind: expected, retryable });
    expect(sim.world.stats().tasksCreated[SIM_KEY]).toBe(kind === 'lost-create-response' ? 1 : 0);
    await expect(submit()).resolves.toMatchObject({ provider });
  });

  it('a hanging create → unknown_outcome; a hanging status query → transient', async () => {
    const { adapter, submit } = await setup(provider, [{ kind: 'hang', on: 'create', count: 1 }, { kind: 'hang', on: 'status', count: 1 }]);
    expect(await providerFailure(submit())).toMatchObject({ kind: 'unknown_outcome' });
    const task = await submit();
    expect(await providerFailure(adapter.poll(task))).toMatchObject({ kind: 'transient', retryable: true });
  });

  it('a key revoked after two creates → auth on what follows', async () => {
    const { adapter, submit } = await setup(provider, [{ kind: 'auth-401', afterCreates: 2 }]);
    await submit();
    const second = await submit();
    expect(await providerFailure(adapter.poll(second))).toMatchObject({ kind: 'auth' });
  });

  it('task failures → moderation (final) or provider_failed (retryable)', async () => {
    const { sim, adapter, submit } = await setup(provider, [{ kind: 'task-fail-moderation', count: 1 }, { kind: 'task-fail-transient', count: 1 }]);
    const [blocked, broken] = [await submit(), await submit()];
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    const first = await adapter.poll(blocked);
    const second = await adapter.poll(broken);
    expect(first.state === 'failed' && [first.error.kind, first.error.retryable]).toEqual(['moderation', false]);
    expect(second.state === 'failed' && [second.error.kind, second.error.retryable]).toEqual(['provider_failed', true]);
  });

  it('a truncated download resumes to the identical file; an expired link is renewed (KIE) or reported expired', async () => {
    const { sim, adapter, submit } = await setup(provider, [{ kind: 'truncated-download', count: 1 }]);
    const task = await submit();
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    const done = await adapter.poll(task);
    if (done.state !== 'succeeded') throw new Error(`expected success, got ${done.state}`);
    const url = done.resultUrls[0]!;
    const first = await adapter.openDownload(task, url);
    const head: Uint8Array[] = [];
    await expect((async () => { for await (const chunk of first.body) head.push(chunk); })()).rejects.toThrow();
    const got = Buffer.concat(head);
    const rest = await adapter.openDownload(task, url, { offset: got.length, etag: first.etag! });
    const whole = Buffer.concat([got, await readStream(rest.body)]);
    expect(whole.equals(sampleVideoFor(sim.world.task(task.taskId)!.request.aspectRatio).bytes)).toBe(true);

    sim.world.faults.arm({ kind: 'expired-url', count: 1 });
    if (provider === 'kie') await expect(adapter.openDownload(task, url)).resolves.toMatchObject({ status: 200 });
    else expect(await providerFailure(adapter.openDownload(task, url))).toMatchObject({ kind: 'expired' });
  });
});

describe('provider error messages', () => {
  it('read in English and 简体中文 with the provider’s own words', () => {
    expect(providerErrorMessage('en', 'insufficient_funds', 'Insufficient credits (KIE code 402)')).toBe(
      'Not enough credits with the provider. Top up, then resume. (Insufficient credits (KIE code 402))',
    );
    expect(providerErrorMessage('zh-CN', 'unknown_outcome', 'no answer within 60 s')).toBe(
      '无法确定请求是否已送达服务商，Genvid 不会自动重新提交。重新运行前请先查看服务商的任务记录。（no answer within 60 s）',
    );
  });
});
