import type { ModelEntry } from '../../../shared/catalog/schema.ts';
import { encodeInput, selectVariant } from '../../../shared/catalog/encoding.ts';
import type { ResolvedRequest } from '../../../shared/catalog/request.ts';
import { ProviderError } from '../errors.ts';
import type { HttpCall } from '../http.ts';
import { ProviderClient } from '../providerClient.ts';
import type { DownloadOptions, DownloadStream, PollResult, ProviderAdapter, ProviderConnection, ReportedCost, TaskRef } from '../types.ts';
import { kieCodeError, kieTaskFailure, readKieReply } from './kieEnvelope.ts';

/**
 * KIE: the Market jobs API (`/api/v1/jobs/*`, most models) and the dedicated Veo 3.1 API
 * (`/api/v1/veo/*`), both behind one adapter.
 */
export class KieAdapter implements ProviderAdapter {
  readonly provider = 'kie' as const;
  private readonly client: ProviderClient;

  constructor(connection: ProviderConnection) {
    this.client = new ProviderClient('kie', connection, 'Bearer');
  }

  async submit(entry: ModelEntry, request: ResolvedRequest): Promise<TaskRef> {
    const variant = selectVariant(entry, request);
    const input = encodeInput(variant, request);
    const veo = entry.protocol === 'kie-veo';
    const body = veo ? { ...input, model: variant.wireModel } : { model: variant.wireModel, input };
    const data = await this.send('create', 'POST', veo ? '/api/v1/veo/generate' : '/api/v1/jobs/createTask', JSON.stringify(body));
    const taskId = (data as { taskId?: unknown } | null)?.taskId;
    if (typeof taskId !== 'string' || taskId.length === 0) {
      // KIE said success but gave no id: a task may exist that we can never find again.
      throw new ProviderError({ kind: 'unknown_outcome', provider: 'kie', detail: 'KIE accepted the request but returned no taskId' });
    }
    return { provider: 'kie', protocol: entry.protocol, wireModel: variant.wireModel, taskId };
  }

  async poll(task: TaskRef): Promise<PollResult> {
    const veo = task.protocol === 'kie-veo';
    const path = `${veo ? '/api/v1/veo/record-info' : '/api/v1/jobs/recordInfo'}?taskId=${encodeURIComponent(task.taskId)}`;
    const data = (await this.send('read', 'GET', path)) as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') {
      throw new ProviderError({ kind: 'transient', provider: 'kie', detail: `KIE returned no record for task ${task.taskId}` });
    }
    return veo ? readVeoRecord(data) : readJobsRecord(data);
  }

  async openDownload(_task: TaskRef, resultUrl: string, options: DownloadOptions = {}): Promise<DownloadStream> {
    try {
      // Result files are public links: no key is sent to the file host.
      return await this.client.download(resultUrl, options, false);
    } catch (error) {
      if (!(error instanceof ProviderError) || error.kind !== 'expired') throw error;
      // KIE's documented fallback: a fresh 20-minute link for a result whose own link stopped working.
      const fresh = await this.send('read', 'POST', '/api/v1/common/download-url', JSON.stringify({ url: resultUrl })).catch((fallbackError: unknown) => {
        throw fallbackError instanceof ProviderError && fallbackError.kind === 'validation'
          ? new ProviderError({ kind: 'expired', provider: 'kie', detail: `${error.detail}; KIE could not renew it: ${fallbackError.detail}` })
          : fallbackError;
      });
      if (typeof fresh !== 'string') throw error;
      return this.client.download(fresh, options, false);
    }
  }

  async balance(): Promise<ReportedCost> {
    const data = await this.send('read', 'GET', '/api/v1/chat/credit');
    if (typeof data !== 'number' || !Number.isFinite(data)) {
      throw new ProviderError({ kind: 'transient', provider: 'kie', detail: `KIE returned an unreadable balance ${JSON.stringify(data)}` });
    }
    return { amount: data, unit: 'credits' };
  }

  private async send(phase: HttpCall['phase'], method: HttpCall['method'], path: string, body?: string): Promise<unknown> {
    return readKieReply(await this.client.send(phase, method, this.client.url(path), body), phase);
  }
}

const pendingStates = new Set(['waiting', 'queuing', 'queueing', 'wait']);

function readJobsRecord(data: Record<string, unknown>): PollResult {
  const state = String(data.state ?? '').toLowerCase();
  if (state === 'success') {
    const resultUrls = parseResultUrls(data.resultJson);
    if (resultUrls.length === 0) {
      return { state: 'failed', error: new ProviderError({ kind: 'provider_failed', provider: 'kie', detail: 'KIE reported success but no result URL', retryable: true }) };
    }
    return { state: 'succeeded', resultUrls, ...cost(data.creditsConsumed ?? data.consumeCredits), ...took(data.costTime, data.createTime, data.completeTime) };
  }
  if (state === 'fail') return { state: 'failed', error: kieTaskFailure(data.failCode, data.failMsg) };
  const progress = typeof data.progress === 'number' ? clampProgress(data.progress) : undefined;
  return { state: pendingStates.has(state) ? 'pending' : 'running', ...(progress === undefined ? {} : { progress }) };
}

function readVeoRecord(data: Record<string, unknown>): PollResult {
  const flag = Number(data.successFlag);
  if (flag === 1) {
    const response = data.response as { resultUrls?: unknown } | undefined;
    const resultUrls = Array.isArray(response?.resultUrls) ? response.resultUrls.filter((u): u is string => typeof u === 'string') : [];
    if (resultUrls.length === 0) {
      return { state: 'failed', error: new ProviderError({ kind: 'provider_failed', provider: 'kie', detail: 'KIE Veo reported success but no result URL', retryable: true }) };
    }
    return { state: 'succeeded', resultUrls, ...cost(data.creditsConsumed), ...took(undefined, data.createTime, data.completeTime) };
  }
  if (flag === 2 || flag === 3) {
    const code = Number(data.errorCode);
    const message = typeof data.errorMessage === 'string' ? data.errorMessage : '';
    const error = Number.isFinite(code) && code >= 400 && code !== 500 && code !== 501 ? kieCodeError(code, message) : kieTaskFailure(data.errorCode, message);
    return { state: 'failed', error };
  }
  return { state: 'running' };
}

/** `resultJson` is a JSON string holding `resultUrls`; some clients have seen an object or `result_urls`. */
export function parseResultUrls(resultJson: unknown): string[] {
  let value: unknown = resultJson;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  const record = value as { resultUrls?: unknown; result_urls?: unknown } | null;
  const urls = record?.resultUrls ?? record?.result_urls;
  return Array.isArray(urls) ? urls.filter((url): url is string => typeof url === 'string' && url.length > 0) : [];
}

function cost(value: unknown): { cost?: ReportedCost } {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? { cost: { amount: value, unit: 'credits' } } : {};
}

/** KIE's own timing: costTime, else completeTime − createTime (ms). */
function took(costTime: unknown, createTime: unknown, completeTime: unknown): { generationMs?: number } {
  if (typeof costTime === 'number' && costTime > 0) return { generationMs: costTime };
  if (typeof createTime === 'number' && typeof completeTime === 'number' && completeTime > createTime) return { generationMs: completeTime - createTime };
  return {};
}

function clampProgress(value: number): number {
  return Math.max(0, Math.min(100, value));
}
