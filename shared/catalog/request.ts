import type { MessageKey } from '../i18n/en.ts';
import type { Locale } from '../i18n/locale.ts';
import { translate, type MessageParams } from '../i18n/translate.ts';
import type { Condition, ModelEntry, Resolution, VideoRequest } from './schema.ts';

/** A request with every parameter the model takes filled in (defaults where the row left it blank). */
export interface ResolvedRequest {
  prompt: string;
  durationS: number | undefined;
  resolution: Resolution;
  aspectRatio: string | undefined;
  images: string[];
  audio: boolean | undefined;
  seed: number | undefined;
  negativePrompt: string | undefined;
}

export function resolveRequest(entry: ModelEntry, request: VideoRequest): ResolvedRequest {
  const { params } = entry;
  return {
    prompt: request.prompt,
    durationS: params.durationS ? (request.durationS ?? params.durationS.default) : undefined,
    resolution: request.resolution ?? params.resolution.default,
    aspectRatio: params.aspectRatio ? (request.aspectRatio ?? params.aspectRatio.default) : undefined,
    images: request.images ?? [],
    audio: params.audio ? (request.audio ?? params.audio.default) : undefined,
    seed: params.seed ? request.seed : undefined,
    negativePrompt: params.negativePrompt ? request.negativePrompt : undefined,
  };
}

/** Whether every key the condition names matches the request. */
export function conditionHolds(condition: Condition | undefined, request: ResolvedRequest): boolean {
  if (!condition) return true;
  if (condition.resolution && !condition.resolution.includes(request.resolution)) return false;
  if (condition.durationS && (request.durationS === undefined || !condition.durationS.includes(request.durationS))) return false;
  if (condition.aspectRatio && (request.aspectRatio === undefined || !condition.aspectRatio.includes(request.aspectRatio))) return false;
  if (condition.images && (condition.images === 'none') !== (request.images.length === 0)) return false;
  if (condition.audio !== undefined && request.audio !== condition.audio) return false;
  return true;
}

export type RequestField = keyof VideoRequest | 'model';

export interface RequestIssue {
  field: RequestField;
  code:
    | 'model_retired'
    | 'prompt_empty'
    | 'prompt_too_long'
    | 'unsupported_value'
    | 'not_supported'
    | 'too_few_images'
    | 'too_many_images'
    | 'invalid_image_url'
    | 'out_of_range'
    | 'unsupported_combination';
  /** The message in English; `messageKey` + `params` give it in any language (`requestIssueText`). */
  message: string;
  messageKey: MessageKey;
  params: MessageParams;
}

const list = (values: readonly (string | number)[]) => values.join(', ');

/** The issue's message in the given language. */
export function requestIssueText(issue: Pick<RequestIssue, 'messageKey' | 'params'>, locale: Locale): string {
  return translate(locale, issue.messageKey, issue.params);
}

/**
 * Everything wrong with a request for this model, checked before anything is spent. An empty list
 * means the provider should accept it.
 */
export function validateRequest(entry: ModelEntry, request: VideoRequest): RequestIssue[] {
  const issues: RequestIssue[] = [];
  const model = entry.displayName;
  const add = (field: RequestField, code: RequestIssue['code'], messageKey: MessageKey, params: MessageParams = {}) => {
    const all = { model, ...params };
    issues.push({ field, code, message: translate('en', messageKey, all), messageKey, params: all });
  };
  const { params, status } = entry;
  if (status.state === 'retired') {
    if (status.successor) add('model', 'model_retired', 'request.model_retired_successor', { retiredOn: status.retiredOn, successor: status.successor });
    else add('model', 'model_retired', 'request.model_retired', { retiredOn: status.retiredOn });
  }
  const resolved = resolveRequest(entry, request);
  const promptLength = [...request.prompt.trim()].length;
  if (promptLength === 0) add('prompt', 'prompt_empty', 'request.prompt_empty');
  else if (promptLength < params.prompt.minLength) add('prompt', 'prompt_empty', 'request.prompt_too_short', { min: params.prompt.minLength });
  else if (promptLength > params.prompt.maxLength) add('prompt', 'prompt_too_long', 'request.prompt_too_long', { length: promptLength, max: params.prompt.maxLength });
  const choice = <T extends string | number>(field: 'durationS' | 'resolution' | 'aspectRatio', given: T | undefined, allowed: { values: readonly T[] } | undefined) => {
    if (given === undefined) return;
    if (!allowed) add(field, 'not_supported', `request.not_supported.${field}`);
    else if (!allowed.values.includes(given)) add(field, 'unsupported_value', `request.unsupported_value.${field}`, { given, allowed: list(allowed.values) });
  };
  choice('durationS', request.durationS, params.durationS);
  choice('resolution', request.resolution, params.resolution);
  choice('aspectRatio', request.aspectRatio, params.aspectRatio);
  if (request.audio !== undefined && !params.audio) add('audio', 'not_supported', 'request.not_supported.audio');
  if (request.negativePrompt !== undefined && !params.negativePrompt) {
    add('negativePrompt', 'not_supported', 'request.not_supported.negativePrompt');
  } else if (request.negativePrompt !== undefined && params.negativePrompt && request.negativePrompt.length > params.negativePrompt.maxLength) {
    add('negativePrompt', 'prompt_too_long', 'request.negative_prompt_too_long', { max: params.negativePrompt.maxLength });
  }
  if (request.seed !== undefined) {
    if (!params.seed) add('seed', 'not_supported', 'request.not_supported.seed');
    else if (request.seed < params.seed.min || request.seed > params.seed.max) add('seed', 'out_of_range', 'request.seed_out_of_range', { min: params.seed.min, max: params.seed.max });
  }
  const images = resolved.images;
  if (images.length < params.images.min) add('images', 'too_few_images', 'request.too_few_images');
  else if (images.length > params.images.max) {
    if (params.images.max === 0) add('images', 'too_many_images', 'request.no_images');
    else add('images', 'too_many_images', 'request.too_many_images', { max: params.images.max });
  }
  for (const url of images) {
    if (!isPublicHttpUrl(url)) add('images', 'invalid_image_url', 'request.invalid_image_url', { url });
  }
  for (const constraint of entry.constraints) {
    if (!conditionHolds(constraint.when, resolved)) continue;
    const { allow } = constraint;
    const broken =
      (allow.durationS && (resolved.durationS === undefined || !allow.durationS.includes(resolved.durationS))) ||
      (allow.resolution && !allow.resolution.includes(resolved.resolution)) ||
      (allow.aspectRatio && (resolved.aspectRatio === undefined || !allow.aspectRatio.includes(resolved.aspectRatio)));
    if (broken) {
      const field: RequestField = allow.durationS ? 'durationS' : allow.resolution ? 'resolution' : 'aspectRatio';
      add(field, 'unsupported_combination', 'request.unsupported_combination', { reason: constraint.reason });
    }
  }
  return issues;
}

function isPublicHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
