import { describe, expect, it } from 'vitest';
import { FalAdapter } from '../../../main/providers/fal/falAdapter.ts';
import { KieAdapter } from '../../../main/providers/kie/kieAdapter.ts';
import { OpenAiVideosAdapter } from '../../../main/providers/openai/openaiAdapter.ts';
import type { TaskRef } from '../../../main/providers/types.ts';
import type { ResolvedRequest } from '../../../shared/catalog/request.ts';
import { providerFailure } from '../../helpers/providerErrors.ts';

/**
 * The providers' own example payloads, as quoted in docs/research/provider-apis.md and
 * model-catalog.md, answered by a stand-in fetch: our adapters must read each one right.
 */
function answering(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): typeof fetch {
  return (async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status: init.status ?? 200,
      headers: { 'content-type': 'application/json', ...init.headers },
    })) as typeof fetch;
}

const kieTask: TaskRef = { provider: 'kie', protocol: 'kie-jobs', wireModel: 'sora-2-pro-text-to-video', taskId: '281e5b0f39b9' };
const kie = (fetchImpl: typeof fetch) => new KieAdapter({ baseUrl: 'https://api.kie.ai', apiKey: 'k', fetch: fetchImpl });

describe('KIE documented payloads', () => {
  it('get-task-detail success: resultJson is a JSON string, creditsConsumed is the cost', async () => {
    const adapter = kie(
      answering({
        code: 200,
        msg: 'success',
        data: {
          taskId: '281e5b0f39b9',
          model: 'sora-2-pro-text-to-video',
          state: 'success',
          param: '{"model":"sora-2-pro-text-to-video","callBackUrl":"https://example.com/cb","input":{"prompt":"x"}}',
          resultJson: '{"resultUrls":["https://file.aiquickdraw.com/v/abc.mp4"]}',
          failCode: '',
          failMsg: '',
          costTime: 15000,
          completeTime: 1698765432000,
          createTime: 1698765400000,
          updateTime: 1698765432000,
          progress: 100,
          creditsConsumed: 50,
        },
      }),
    );
    expect(await adapter.poll(kieTask)).toEqual({ state: 'succeeded', resultUrls: ['https://file.aiquickdraw.com/v/abc.mp4'], cost: { amount: 50, unit: 'credits' }, generationMs: 15000 });
  });

  it('a task in each pending state, with "message" in place of "msg"', async () => {
    for (const state of ['waiting', 'queuing']) {
      expect(await kie(answering({ code: 200, message: 'success', data: { taskId: 't', state, resultJson: '', failCode: null } })).poll(kieTask)).toEqual({ state: 'pending' });
    }
    expect(await kie(answering({ code: 200, msg: 'success', data: { taskId: 't', state: 'generating', progress: 42 } })).poll(kieTask)).toEqual({ state: 'running', progress: 42 });
  });

  it('resultJson as an object, or with result_urls, as some clients have seen', async () => {
    for (const resultJson of [{ resultUrls: ['https://tempfile.redpandaai.co/a.mp4'] }, '{"result_urls":["https://tempfile.redpandaai.co/a.mp4"]}']) {
      const result = await kie(answering({ code: 200, msg: 'success', data: { state: 'success', resultJson } })).poll(kieTask);
      expect(result).toEqual({ state: 'succeeded', resultUrls: ['https://tempfile.redpandaai.co/a.mp4'] });
    }
  });

  it('a failed task with failCode "500" and "Internal server error"', async () => {
    const result = await kie(answering({ code: 200, msg: 'success', data: { state: 'fail', failCode: '500', failMsg: 'Internal server error', resultJson: null } })).poll(kieTask);
    expect(result.state === 'failed' && result.error).toMatchObject({ kind: 'provider_failed', retryable: true, providerCode: '500' });
  });

  it('a failed task for content policy', async () => {
    const result = await kie(answering({ code: 200, msg: 'success', data: { state: 'fail', failCode: '422', failMsg: 'content policy' } })).poll(kieTask);
    expect(result.state === 'failed' && result.error).toMatchObject({ kind: 'moderation', retryable: false });
  });

  it('create: data.taskId, and the errors that arrive with HTTP 200', async () => {
    const sora = { provider: 'kie', protocol: 'kie-jobs', variants: [{ wireModel: 'sora-2-text-to-video', encode: { prompt: { field: 'prompt' } } }] } as never;
    const request: ResolvedRequest = { prompt: 'x', durationS: undefined, resolution: '720p', aspectRatio: undefined, images: [], audio: undefined, seed: undefined, negativePrompt: undefined };
    expect(await kie(answering({ code: 200, msg: 'success', data: { taskId: '281e5b0f39b9' } })).submit(sora, request)).toMatchObject({ taskId: '281e5b0f39b9' });
    const cases = [
      [{ code: 401, msg: 'You do not have access permissions' }, 'auth'],
      [{ code: 402, msg: 'Insufficient credits' }, 'insufficient_funds'],
      [{ code: 422, msg: 'n_frames must be "10" or "15"' }, 'validation'],
      [{ code: 429, msg: 'Rate limited' }, 'rate_limited'],
      [{ code: 433, msg: 'Sub-key usage limit exceeded' }, 'insufficient_funds'],
      [{ code: 455, msg: 'Service unavailable' }, 'transient'],
      [{ code: 500, msg: 'Server error' }, 'transient'],
      [{ code: 505, msg: 'Feature disabled' }, 'model_unavailable'],
    ] as const;
    for (const [body, kind] of cases) {
      expect(await providerFailure(kie(answering(body)).submit(sora, request)), JSON.stringify(body)).toMatchObject({ kind, providerCode: String(body.code) });
    }
  });

  it('credits: data is the remaining balance, possibly fractional', async () => {
    expect(await kie(answering({ code: 200, msg: 'success', data: 100 })).balance()).toEqual({ amount: 100, unit: 'credits' });
    expect(await kie(answering({ code: 200, msg: 'success', data: 50.5 })).balance()).toEqual({ amount: 50.5, unit: 'credits' });
  });

  it('Veo record-info: numeric successFlag and response.resultUrls', async () => {
    const veoTask: TaskRef = { ...kieTask, protocol: 'kie-veo', wireModel: 'veo3_fast' };
    const success = {
      code: 200,
      msg: 'success',
      data: {
        taskId: 'veo_task_abcdef123456',
        paramJson: '{"prompt":"x","model":"veo3_fast"}',
        successFlag: 1,
        response: { taskId: 'veo_task_abcdef123456', resultUrls: ['https://tempfile.aiquickdraw.com/p/abc.mp4'], originUrls: [], resolution: '1080p' },
        errorCode: null,
        errorMessage: '',
        createTime: 1738033200000,
        completeTime: 1738033500000,
        fallbackFlag: false,
      },
    };
    expect(await kie(answering(success)).poll(veoTask)).toEqual({ state: 'succeeded', resultUrls: ['https://tempfile.aiquickdraw.com/p/abc.mp4'], generationMs: 300_000 });
    expect(await kie(answering({ code: 200, msg: 'success', data: { successFlag: 0 } })).poll(veoTask)).toEqual({ state: 'running' });
    const failed = await kie(answering({ code: 200, msg: 'success', data: { successFlag: 3, errorCode: 500, errorMessage: 'generation failed' } })).poll(veoTask);
    expect(failed.state === 'failed' && failed.error.kind).toBe('provider_failed');
  });

  it('an unauthenticated probe: HTTP 200 with body code 401', async () => {
    expect(await providerFailure(kie(answering({ code: 401, msg: 'You do not have access permissions' })).balance())).toMatchObject({ kind: 'auth' });
  });
});

describe('fal documented payloads', () => {
  const falTask: TaskRef = {
    provider: 'fal',
    protocol: 'fal-queue',
    wireModel: 'fal-ai/kling-video/v3/pro/text-to-video',
    taskId: '764cabcf-b745-4b3e-ae38-1200304cf45b',
    statusUrl: 'https://queue.fal.run/fal-ai/kling-video/requests/764cabcf-b745-4b3e-ae38-1200304cf45b/status',
    responseUrl: 'https://queue.fal.run/fal-ai/kling-video/requests/764cabcf-b745-4b3e-ae38-1200304cf45b',
  };
  const byUrl = (routes: Record<string, [unknown, number]>): typeof fetch =>
    (async (input: string | URL | Request) => {
      const [body, status] = routes[String(input)] ?? [{ detail: 'Not found' }, 404];
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;

  it('IN_QUEUE with queue_position, IN_PROGRESS, then COMPLETED and the video object', async () => {
    const queued = new FalAdapter({ baseUrl: 'https://queue.fal.run', apiKey: 'k', fetch: byUrl({ [falTask.statusUrl!]: [{ status: 'IN_QUEUE', queue_position: 3, response_url: falTask.responseUrl }, 202] }) });
    expect(await queued.poll(falTask)).toEqual({ state: 'pending', queuePosition: 3 });
    const progressing = new FalAdapter({ baseUrl: 'https://queue.fal.run', apiKey: 'k', fetch: byUrl({ [falTask.statusUrl!]: [{ status: 'IN_PROGRESS', logs: [] }, 202] }) });
    expect(await progressing.poll(falTask)).toEqual({ state: 'running' });
    const done = new FalAdapter({
      baseUrl: 'https://queue.fal.run',
      apiKey: 'k',
      fetch: byUrl({
        [falTask.statusUrl!]: [{ status: 'COMPLETED', logs: [] }, 200],
        [falTask.responseUrl!]: [{ video: { url: 'https://v3.fal.media/files/kangaroo/out.mp4', content_type: 'video/mp4', file_name: 'out.mp4', file_size: 3149129 } }, 200],
      }),
    });
    expect(await done.poll(falTask)).toEqual({ state: 'succeeded', resultUrls: ['https://v3.fal.media/files/kangaroo/out.mp4'] });
  });
});

describe('OpenAI documented payloads', () => {
  const task: TaskRef = { provider: 'openai', protocol: 'openai-videos', wireModel: 'sora-2-pro', taskId: 'video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5' };
  const videoObject = {
    id: task.taskId,
    object: 'video',
    model: 'sora-2-pro',
    status: 'queued',
    progress: 0,
    created_at: 1758941485,
    completed_at: null,
    expires_at: null,
    prompt: 'x',
    size: '1280x720',
    seconds: '8',
    quality: 'standard',
    remixed_from_video_id: null,
    error: null,
  };
  const adapter = (fetchImpl: typeof fetch) => new OpenAiVideosAdapter({ baseUrl: 'https://api.openai.com', apiKey: 'sk', fetch: fetchImpl });

  it('the video object in each status, with the poll hint header', async () => {
    expect(await adapter(answering(videoObject, { headers: { 'openai-poll-after-ms': '5000' } })).poll(task)).toEqual({ state: 'pending', progress: 0, pollAfterMs: 5000 });
    expect(await adapter(answering({ ...videoObject, status: 'in_progress', progress: 33 })).poll(task)).toEqual({ state: 'running', progress: 33 });
    expect(await adapter(answering({ ...videoObject, status: 'completed', progress: 100 })).poll(task)).toEqual({
      state: 'succeeded',
      resultUrls: [`https://api.openai.com/v1/videos/${task.taskId}/content`],
    });
    const failed = await adapter(answering({ ...videoObject, status: 'failed', error: { code: 'moderation_blocked', message: 'blocked' } })).poll(task);
    expect(failed.state === 'failed' && failed.error.kind).toBe('moderation');
  });

  it('the standard error shape', async () => {
    const body = { error: { message: 'Invalid size', type: 'invalid_request_error', param: 'size', code: null } };
    const error = await providerFailure(adapter(answering(body, { status: 400 })).poll(task));
    expect(error).toMatchObject({ kind: 'validation' });
    expect(error.detail).toBe('Invalid size (size)');
    const limited = await providerFailure(adapter(answering({ error: { message: 'slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' } }, { status: 429, headers: { 'retry-after': '7' } })).poll(task));
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
  });
});
