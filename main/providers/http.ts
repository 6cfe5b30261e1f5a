import type { ProviderId } from '../../shared/catalog/schema.ts';
import { ProviderError } from './errors.ts';
import type { FetchLike } from './types.ts';

/**
 * `create`: a request that spends money, where a failure after the request left means the outcome
 * is unknown. `read`: anything safe to repeat.
 */
export type RequestPhase = 'create' | 'read';

export interface HttpCall {
  provider: ProviderId;
  phase: RequestPhase;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | FormData;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

// Failures that happen before a single byte of the request is sent: always safe to retry. All but
// a malformed address mean the provider cannot be reached from here right now.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const NOT_SENT_CODES = new Set([...UNREACHABLE_CODES, 'ERR_INVALID_URL']);

/** Sends a request and reads the whole body, turning transport failures into ProviderErrors. */
export async function callProvider(fetchImpl: FetchLike, call: HttpCall): Promise<HttpReply> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  try {
    const response = await fetchImpl(call.url, { method: call.method, headers: call.headers, body: call.body, signal });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: parseJson(text) };
  } catch (error) {
    if (call.signal?.aborted) throw error;
    throw transportError(call, error, timeout.aborted);
  }
}

/**
 * Whether anything answers at `url`: any HTTP status counts, since only the connection is in
 * question. Throws the ProviderError of a connection that cannot be made.
 */
export async function probeAddress(fetchImpl: FetchLike, provider: ProviderId, url: string): Promise<void> {
  await callProvider(fetchImpl, { provider, phase: 'read', method: 'GET', url, timeoutMs: 10_000 });
}

/** Opens a streaming GET (a download). The timeout covers only the wait for the headers. */
export async function openStream(fetchImpl: FetchLike, call: Omit<HttpCall, 'phase' | 'method' | 'body'>): Promise<Response> {
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(call.signal?.reason);
  call.signal?.addEventListener('abort', forwardAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, call.timeoutMs);
  try {
    return await fetchImpl(call.url, { method: 'GET', headers: call.headers, signal: controller.signal });
  } catch (error) {
    if (call.signal?.aborted) throw error;
    throw transportError({ ...call, phase: 'read', method: 'GET' }, error, timedOut);
  } finally {
    // The caller's signal keeps forwarding after the headers, so aborting also stops the body.
    clearTimeout(timer);
  }
}

function transportError(call: HttpCall, error: unknown, timedOut: boolean): ProviderError {
  const code = errorCode(error);
  const what = `${call.method} ${redactUrl(call.url)}`;
  if (!timedOut && code !== undefined && NOT_SENT_CODES.has(code)) {
    return new ProviderError({ kind: UNREACHABLE_CODES.has(code) ? 'unreachable' : 'transient', provider: call.provider, detail: `could not connect (${code}) for ${what}`, cause: error });
  }
  const reason = timedOut ? `no answer within ${Math.round(call.timeoutMs / 1000)} s` : `the connection failed (${code ?? describe(error)})`;
  if (call.phase === 'create') {
    return new ProviderError({
      kind: 'unknown_outcome',
      provider: call.provider,
      detail: `${reason} after the request was sent: ${what}`,
      cause: error,
    });
  }
  return new ProviderError({ kind: 'transient', provider: call.provider, detail: `${reason}: ${what}`, cause: error });
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The start of a non-JSON body, for messages: an HTML error page says more in its <title>. */
export function describeNonJson(reply: HttpReply): string {
  const title = /<title>([^<]*)<\/title>/i.exec(reply.text)?.[1]?.trim();
  if (title) return `HTTP ${reply.status} with an HTML page "${title}"`;
  const snippet = reply.text.replace(/\s+/g, ' ').trim().slice(0, 120);
  return `HTTP ${reply.status} with a non-JSON body${snippet ? ` "${snippet}"` : ''}`;
}

/** Query strings can carry signed tokens; messages show the path only. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}

/** Retry-After (seconds or a date) or retry-after-ms, in milliseconds. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const after = headers.get('retry-after');
  if (!after) return undefined;
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
