import { describe, expect, it, vi } from 'vitest';
import { resolveRequest } from '../../../shared/catalog/request.ts';
import { callOk, testCore } from '../../helpers/core.ts';
import { looksLikeMp4, readStream } from '../../helpers/simulator.ts';

describe('the Sandbox provider', () => {
  it('is offered first, needs no key and is marked simulated', async () => {
    const { providers } = await callOk(testCore(), 'listProviders', undefined);
    expect(providers).toEqual([
      { id: 'sandbox', catalogProvider: 'kie', needsKey: false, simulated: true, defaultBaseUrl: null, baseUrl: null, key: { present: false, source: null, hint: null } },
      expect.objectContaining({ id: 'kie', needsKey: true, simulated: false }),
      expect.objectContaining({ id: 'fal', needsKey: true }),
      expect.objectContaining({ id: 'openai', needsKey: true }),
    ]);
  });

  it('runs the simulator inside the app and makes a real, playable video with no key', async () => {
    const core = testCore({ sandboxSpeed: 20_000 });
    const adapter = await core.sandbox.adapter();
    const kling = core.catalog.get('kie', 'kling-3.0')!;
    const task = await adapter.submit(kling, resolveRequest(kling, { prompt: 'a first video', resolution: '720p' }));
    const done = await vi.waitFor(
      async () => {
        const result = await adapter.poll(task);
        if (result.state !== 'succeeded') throw new Error(`still ${result.state}`);
        return result;
      },
      { timeout: 10_000, interval: 20 },
    );
    const bytes = await readStream((await adapter.openDownload(task, done.resultUrls[0]!)).body);
    expect(looksLikeMp4(bytes)).toBe(true);
  });

  it('is stopped with the core', async () => {
    const core = testCore({ sandboxSpeed: 20_000 });
    const adapter = await core.sandbox.adapter();
    await core.close();
    const kling = core.catalog.get('kie', 'kling-3.0')!;
    await expect(adapter.submit(kling, resolveRequest(kling, { prompt: 'x' }))).rejects.toMatchObject({ kind: 'unreachable' });
  });
});
