import type { ModelEntry } from '../../../shared/catalog/schema.ts';
import { encodeInput, selectVariant } from '../../../shared/catalog/encoding.ts';
import type { ResolvedRequest } from '../../../shared/catalog/request.ts';
import { ProviderError } from '../errors.ts';
import { describeNonJson, retryAfterMs, type HttpCall, type HttpReply } from '../http.ts';
import { isModeration } from '../kie/kieEnvelope.ts';
import { ProviderClient } from '../providerClient.ts';
import type { DownloadOptions, DownloadStream, PollResult, ProviderAdapter, ProviderConnection, TaskRef } from '../types.ts';

/**
 * fal's queue API. The submit answer carries the status, result and cancel URLs to use: for
 * endpoints with sub-paths they differ from the submit path, so they are kept in the TaskRef.
 */
export class FalAdapter implements ProviderAdapter {
  readonly provider = 'fal' as const;
  private readonly client: ProviderClient;

  constructor(connection: ProviderConnection) {
    this.client = new ProviderClient('fal', connection, 'Key');
  }

  async submit(entry: ModelEntry, request: ResolvedRequest): Promise<TaskRef> {
    const variant = selectVariant(entry, request);
    // fal's REST body is the input object itself, with no wrapper.
    const reply = await this.client.send('create', 'POST', this.client.url(variant.wireModel), JSON.stringify(encodeInput(variant, request)));
    const body = okJson(reply, 'create') as Record<string, unknown>;
    const { request_id: taskId, status_url: statusUrl, response_url: responseUrl, cancel_url: cancelUrl } = body;
    if (typeof taskId !== 'string' || typeof statusUrl !== 'string' || typeof responseUrl !== 'string') {
      throw new ProviderError({ kind: 'unknown_outcome', provider: 'fal', detail: 'fal accepted the request but its answer lacks request_id, status_url or response_url' });
    }
    return {
      provider: 'fal',
      protocol: 'fal-queue',
      wireModel: variant.wireModel,
      taskId,
      statusUrl,
      responseUrl,
      ...(typeof cancelUrl === 'string' ? { cancelUrl } : {}),
    };
  }

  async poll(task: TaskRef): Promise<PollResult> {
    const statusReply = await this.client.send('read', 'GET', task.statusUrl ?? this.derived(task, '/status'));
    const status = okJson(statusReply, 'read') as { status?: unknown; queue_position?: unknown };
    if (status.status === 'IN_QUEUE') {
      return { state: 'pending', ...(typeof status.queue_position === 'number' ? { queuePosition: status.queue_position } : {}) };
    }
    if (status.status === 'IN_PROGRESS') return { state: 'running' };
    if (status.status !== 'COMPLETED') {
      throw new ProviderError({ kind: 'transient', provider: 'fal', detail: `fal reported an unknown status ${JSON.stringify(status.status)}` });
    }
    // The result's own HTTP status says whether the model succeeded.
    const result = await this.client.send('read', 'GET', task.responseUrl ?? this.derived(task, ''));
    if (result.status >= 200 && result.status < 300) {
      const url = (result.json as { video?: { url?: unknown } } | undefined)?.video?.url;
      if (typeof url === 'string' && url.length > 0) return { state: 'succeeded', resultUrls: [url] };
      return { state: 'failed', error: new ProviderError({ kind: 'provider_failed', provider: 'fal', detail: 'fal completed the request but returned no video URL', retryable: true }) };
    }
    return { state: 'failed', error: resultError(result) };
  }

  openDownload(_task: TaskRef, resultUrl: string, options: DownloadOptions = {}): Promise<DownloadStream> {
    return this.client.download(resultUrl, options, false);
  }

  async cancel(task: TaskRef): Promise<void> {
    const reply = await this.client.send('read', 'PUT', task.cancelUrl ?? this.derived(task, '/cancel'));
    // 400 ALREADY_COMPLETED: nothing left to stop.
    if (reply.status !== 202 && reply.status !== 200 && reply.status !== 400) okJson(reply, 'read');
  }

  /** fal's documented URL shape, for a TaskRef stored without URLs: the base model id, no sub-path. */
  private derived(task: TaskRef, suffix: string): string {
    const [owner, name] = task.wireModel.split('/');
    return this.client.url(`${owner}/${name}/requests/${encodeURIComponent(task.taskId)}${suffix}`);
  }
}

/** A 2xx JSON body, or the classified error. */
function okJson(reply: HttpReply, phase: HttpCall['phase']): unknown {
  if (reply.status >= 200 && reply.status < 300 && typeof reply.json === 'object' && reply.json !== null) return reply.json;
  if (reply.status >= 200 && reply.status < 300) {
    const detail = describeNonJson(reply);
    throw new ProviderError({ kind: phase === 'create' ? 'unknown_outcome' : 'transient', provider: 'fal', detail });
  }
  throw httpError(reply);
}

function httpError(reply: HttpReply): ProviderError {
  const detail = falDetail(reply);
  const providerCode = String(reply.status);
  const make = (kind: ProviderError['kind'], extra: { retryAfterMs?: number } = {}) => new ProviderError({ kind, provider: 'fal', providerCode, detail, ...extra });
  if (reply.status === 401 || reply.status === 403) return make('auth');
  if (reply.status === 402) return make('insufficient_funds');
  if (reply.status === 404) return make('model_unavailable');
  if (reply.status === 429) {
    const wait = retryAfterMs(reply.headers);
    return make('rate_limited', wait === undefined ? {} : { retryAfterMs: wait });
  }
  if (reply.status >= 500) return make('transient');
  return isModeration(detail) ? make('moderation') : make('validation');
}

function resultError(reply: HttpReply): ProviderError {
  if (reply.status >= 500) {
    return new ProviderError({ kind: 'provider_failed', provider: 'fal', providerCode: String(reply.status), detail: falDetail(reply), retryable: true });
  }
  return httpError(reply);
}

/** fal errors carry `detail` as a string or a list of `{loc, msg}`. */
function falDetail(reply: HttpReply): string {
  const detail = (reply.json as { detail?: unknown } | undefined)?.detail;
  if (typeof detail === 'string') return `${detail} (HTTP ${reply.status})`;
  if (Array.isArray(detail)) {
    const parts = detail.map((item: { loc?: unknown; msg?: unknown; type?: unknown }) => {
      const text = [Array.isArray(item.loc) ? item.loc.join('.') : '', typeof item.msg === 'string' ? item.msg : ''].filter(Boolean).join(': ');
      return typeof item.type === 'string' ? `${text} (${item.type})` : text;
    });
    return `${parts.join('; ')} (HTTP ${reply.status})`;
  }
  return reply.json === undefined ? describeNonJson(reply) : `HTTP ${reply.status}`;
}
