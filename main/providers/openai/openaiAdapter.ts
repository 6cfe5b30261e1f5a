import type { ModelEntry } from '../../../shared/catalog/schema.ts';
import { encodeInput, selectVariant } from '../../../shared/catalog/encoding.ts';
import type { ResolvedRequest } from '../../../shared/catalog/request.ts';
import { ProviderError } from '../errors.ts';
import { describeNonJson, retryAfterMs, type HttpCall, type HttpReply } from '../http.ts';
import { isModeration } from '../kie/kieEnvelope.ts';
import { ProviderClient } from '../providerClient.ts';
import type { DownloadOptions, DownloadStream, PollResult, ProviderAdapter, ProviderConnection, TaskRef } from '../types.ts';

/**
 * The OpenAI-compatible `/v1/videos` shape. OpenAI's own Sora API shut down on 2026-09-24;
 * gateways still speak it, so the base URL is the gateway's (including its `/v1` prefix or not:
 * the paths below add `/v1`).
 */
export class OpenAiVideosAdapter implements ProviderAdapter {
  readonly provider = 'openai' as const;
  private readonly client: ProviderClient;

  constructor(connection: ProviderConnection) {
    this.client = new ProviderClient('openai', connection, 'Bearer');
  }

  async submit(entry: ModelEntry, request: ResolvedRequest): Promise<TaskRef> {
    const variant = selectVariant(entry, request);
    const body = { model: variant.wireModel, ...encodeInput(variant, request) };
    const video = okVideo(await this.client.send('create', 'POST', this.client.url('/v1/videos'), JSON.stringify(body)), 'create');
    if (typeof video.id !== 'string' || video.id.length === 0) {
      throw new ProviderError({ kind: 'unknown_outcome', provider: 'openai', detail: 'the gateway accepted the request but returned no video id' });
    }
    return { provider: 'openai', protocol: 'openai-videos', wireModel: variant.wireModel, taskId: video.id };
  }

  async poll(task: TaskRef): Promise<PollResult> {
    const reply = await this.client.send('read', 'GET', this.client.url(`/v1/videos/${encodeURIComponent(task.taskId)}`));
    const video = okVideo(reply, 'read');
    const pollAfter = Number(reply.headers.get('openai-poll-after-ms'));
    const hint = Number.isFinite(pollAfter) && pollAfter > 0 ? { pollAfterMs: pollAfter } : {};
    const progress = typeof video.progress === 'number' ? { progress: Math.max(0, Math.min(100, video.progress)) } : {};
    switch (video.status) {
      case 'queued':
        return { state: 'pending', ...progress, ...hint };
      case 'in_progress':
        return { state: 'running', ...progress, ...hint };
      case 'completed': {
        const took = typeof video.created_at === 'number' && typeof video.completed_at === 'number' ? (video.completed_at - video.created_at) * 1000 : 0;
        return {
          state: 'succeeded',
          resultUrls: [this.client.url(`/v1/videos/${encodeURIComponent(task.taskId)}/content`)],
          ...(took > 0 ? { generationMs: took } : {}),
        };
      }
      case 'failed': {
        const error = (video.error ?? {}) as { code?: unknown; message?: unknown };
        const code = typeof error.code === 'string' ? error.code : undefined;
        const message = typeof error.message === 'string' ? error.message : 'generation failed';
        const detail = code ? `${message} (${code})` : message;
        if (isModeration(`${code ?? ''} ${message}`)) return { state: 'failed', error: new ProviderError({ kind: 'moderation', provider: 'openai', providerCode: code, detail }) };
        const retryable = /internal|server|timeout|temporar/i.test(`${code ?? ''} ${message}`);
        return { state: 'failed', error: new ProviderError({ kind: 'provider_failed', provider: 'openai', providerCode: code, detail, retryable }) };
      }
      default:
        throw new ProviderError({ kind: 'transient', provider: 'openai', detail: `unknown video status ${JSON.stringify(video.status)}` });
    }
  }

  openDownload(_task: TaskRef, resultUrl: string, options: DownloadOptions = {}): Promise<DownloadStream> {
    // The content endpoint needs the key, unlike other providers' public file links.
    return this.client.download(resultUrl, options, true);
  }
}

function okVideo(reply: HttpReply, phase: HttpCall['phase']): Record<string, unknown> {
  const body = reply.json as Record<string, unknown> | undefined;
  if (reply.status >= 200 && reply.status < 300 && typeof body === 'object' && body !== null) return body;
  if (reply.status >= 200 && reply.status < 300) {
    throw new ProviderError({ kind: phase === 'create' ? 'unknown_outcome' : 'transient', provider: 'openai', detail: describeNonJson(reply) });
  }
  throw openAiHttpError(reply);
}

/** OpenAI errors: HTTP status plus `{error: {message, type, param, code}}`. */
function openAiHttpError(reply: HttpReply): ProviderError {
  const error = ((reply.json as { error?: unknown } | undefined)?.error ?? {}) as { message?: unknown; code?: unknown; param?: unknown; type?: unknown };
  const code = typeof error.code === 'string' ? error.code : undefined;
  const message = typeof error.message === 'string' ? error.message : reply.json === undefined ? describeNonJson(reply) : `HTTP ${reply.status}`;
  const param = typeof error.param === 'string' ? ` (${error.param})` : '';
  const detail = `${message}${param}`;
  const make = (kind: ProviderError['kind'], extra: { retryAfterMs?: number } = {}) =>
    new ProviderError({ kind, provider: 'openai', providerCode: code ?? String(reply.status), detail, ...extra });
  if (reply.status === 401 || reply.status === 403) return make('auth');
  if (reply.status === 429) {
    if (code === 'insufficient_quota') return make('insufficient_funds');
    const wait = retryAfterMs(reply.headers);
    return make('rate_limited', wait === undefined ? {} : { retryAfterMs: wait });
  }
  if (reply.status === 402) return make('insufficient_funds');
  if (reply.status === 404 || code === 'model_not_found') return make('model_unavailable');
  if (reply.status >= 500) return make('transient');
  if (code === 'moderation_blocked' || isModeration(message)) return make('moderation');
  return make('validation');
}
