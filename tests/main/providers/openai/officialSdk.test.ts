import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { sampleVideoFor } from '../../../../main/simulator/media.ts';
import { gatewayCatalog } from '../../../helpers/gatewayCatalog.ts';
import { PAST_ANY_GENERATION_MS, SIM_KEY, testSimulator } from '../../../helpers/simulator.ts';

/** The official `openai` package, a real client, checks the simulator's `/v1/videos` fidelity. */
describe('the official openai SDK against the simulator', () => {
  it('creates (multipart), retrieves and downloads a video', async () => {
    const sim = await testSimulator({ catalog: gatewayCatalog() });
    // maxRetries 0: the SDK would otherwise retry a create, which can pay twice.
    const client = new OpenAI({ apiKey: SIM_KEY, baseURL: `${sim.baseUrls.openai}/v1`, maxRetries: 0 });
    const created = await client.videos.create({ model: 'sora-2-pro', prompt: 'a lantern festival', seconds: '12', size: '1280x720' });
    expect(created).toMatchObject({ object: 'video', model: 'sora-2-pro', status: 'queued', progress: 0, seconds: '12', size: '1280x720' });
    expect(sim.world.task(created.id)!.request).toMatchObject({ durationS: 12, resolution: '720p', aspectRatio: '16:9' });

    sim.clock.advance(PAST_ANY_GENERATION_MS);
    const done = await client.videos.retrieve(created.id);
    expect(done).toMatchObject({ id: created.id, status: 'completed', progress: 100, error: null });
    expect(done.expires_at).toBe(done.completed_at! + 3600);

    const content = await client.videos.downloadContent(created.id);
    expect(Buffer.from(await content.arrayBuffer()).equals(sampleVideoFor('16:9').bytes)).toBe(true);
    expect(sim.world.stats().requests[SIM_KEY]).toEqual({ 'openai.create': 1, 'openai.retrieve': 1, 'openai.content': 1 });
  });

  it('gets OpenAI-shaped errors the SDK understands', async () => {
    const sim = await testSimulator({ catalog: gatewayCatalog() });
    const client = new OpenAI({ apiKey: SIM_KEY, baseURL: `${sim.baseUrls.openai}/v1`, maxRetries: 0 });
    const error = await client.videos.create({ model: 'sora-2', prompt: 'x', size: '1792x1024' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('size');
    const missing = await client.videos.retrieve('video_missing').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    const wrongKey = new OpenAI({ apiKey: 'sk-nope', baseURL: `${sim.baseUrls.openai}/v1`, maxRetries: 0 });
    expect(await wrongKey.videos.retrieve('video_x').catch((e: unknown) => e)).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('lists videos page by page', async () => {
    const sim = await testSimulator({ catalog: gatewayCatalog() });
    const client = new OpenAI({ apiKey: SIM_KEY, baseURL: `${sim.baseUrls.openai}/v1`, maxRetries: 0 });
    for (let i = 0; i < 3; i++) await client.videos.create({ model: 'sora-2', prompt: `clip ${i}`, size: '720x1280' });
    const ids: string[] = [];
    for await (const video of client.videos.list({ limit: 2, order: 'asc' })) ids.push(video.prompt ?? '');
    expect(ids).toEqual(['clip 0', 'clip 1', 'clip 2']);
  });
});
