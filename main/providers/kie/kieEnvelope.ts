import { ProviderError } from '../errors.ts';
import { describeNonJson, retryAfterMs, type HttpReply, type RequestPhase } from '../http.ts';

/** KIE answers `{code, msg | message, data}`, usually with HTTP 200 even for errors. */
export interface KieEnvelope {
  code: number;
  message: string;
  data: unknown;
}

/**
 * Reads a KIE reply: the body's code is checked as well as the HTTP status. Returns `data` when
 * both say success, else throws the classified error.
 */
export function readKieReply(reply: HttpReply, phase: RequestPhase): unknown {
  const body = reply.json as { code?: unknown; msg?: unknown; message?: unknown; data?: unknown } | undefined;
  if (typeof body !== 'object' || body === null || typeof body.code !== 'number') {
    throw nonEnvelopeError(reply, phase);
  }
  const message = typeof body.msg === 'string' ? body.msg : typeof body.message === 'string' ? body.message : '';
  if (reply.status === 200 && body.code === 200) return body.data;
  // The body's code is the more precise of the two; a real HTTP error status stands in when it is 200.
  const code = body.code !== 200 ? body.code : reply.status;
  throw kieCodeError(code, message, retryAfterMs(reply.headers));
}

function nonEnvelopeError(reply: HttpReply, phase: RequestPhase): ProviderError {
  const detail = describeNonJson(reply);
  if (reply.status === 401 || reply.status === 403) return new ProviderError({ kind: 'auth', provider: 'kie', providerCode: String(reply.status), detail });
  if (reply.status === 429) return new ProviderError({ kind: 'rate_limited', provider: 'kie', providerCode: '429', detail, retryAfterMs: retryAfterMs(reply.headers) });
  if (reply.status === 404) return new ProviderError({ kind: 'model_unavailable', provider: 'kie', providerCode: '404', detail: `${detail}: the endpoint was not found; check the base URL` });
  if (reply.status >= 500) return new ProviderError({ kind: 'transient', provider: 'kie', providerCode: String(reply.status), detail });
  // A success status with a body we cannot read: for a create, we cannot tell whether a task exists.
  if (phase === 'create') return new ProviderError({ kind: 'unknown_outcome', provider: 'kie', providerCode: String(reply.status), detail });
  return new ProviderError({ kind: 'transient', provider: 'kie', providerCode: String(reply.status), detail });
}

/** KIE's codes (docs.kie.ai common-api), shared by the envelope and by task failCodes. */
export function kieCodeError(code: number, message: string, retryAfter?: number): ProviderError {
  const providerCode = String(code);
  const detail = message ? `${message} (KIE code ${code})` : `KIE code ${code}`;
  const make = (kind: ProviderError['kind'], extra: { retryable?: boolean; retryAfterMs?: number } = {}) =>
    new ProviderError({ kind, provider: 'kie', providerCode, detail, ...extra });
  switch (code) {
    case 401:
      return make('auth');
    case 402:
      return make('insufficient_funds');
    case 433:
      // A sub-key's usage cap: like running out of credits, it needs the user.
      return make('insufficient_funds');
    case 422:
    case 400:
      return isModeration(message) ? make('moderation') : make('validation');
    case 404:
      return make('validation');
    case 429:
      return make('rate_limited', retryAfter === undefined ? {} : { retryAfterMs: retryAfter });
    case 455:
    case 500:
    case 502:
    case 503:
    case 504:
      return make('transient');
    case 501:
      return make('provider_failed');
    case 505:
      return make('model_unavailable');
    default:
      return code >= 500 ? make('transient') : make('validation');
  }
}

const MODERATION = /content[\s_-]*polic|moderat|sensitive|nsfw|violat|safety|prohibited|inappropriate|审核|违规|敏感/i;
const TRANSIENT = /try again|timeout|timed out|busy|overload|internal|temporar|unavailable|upstream/i;

export function isModeration(message: string): boolean {
  return MODERATION.test(message);
}

/** A failed task: its failCode and failMsg say whether a retry could help. */
export function kieTaskFailure(failCode: unknown, failMsg: unknown): ProviderError {
  const message = typeof failMsg === 'string' ? failMsg : '';
  const code = typeof failCode === 'string' || typeof failCode === 'number' ? String(failCode) : '';
  const detail = [message || 'generation failed', code && `(failCode ${code})`].filter(Boolean).join(' ');
  if (isModeration(message)) return new ProviderError({ kind: 'moderation', provider: 'kie', providerCode: code || undefined, detail });
  const transient = /^5\d\d$/.test(code) || code === '408' || TRANSIENT.test(message);
  return new ProviderError({ kind: 'provider_failed', provider: 'kie', providerCode: code || undefined, detail, retryable: transient });
}
