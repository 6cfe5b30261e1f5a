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
  message: string;
}

const list = (values: readonly (string | number)[]) => values.join(', ');

/**
 * Everything wrong with a request for this model, checked before anything is spent. An empty list
 * means the provider should accept it.
 */
export function validateRequest(entry: ModelEntry, request: VideoRequest): RequestIssue[] {
  const issues: RequestIssue[] = [];
  const { params, status } = entry;
  if (status.state === 'retired') {
    const move = status.successor ? `; move these rows to ${status.successor}` : '';
    issues.push({ field: 'model', code: 'model_retired', message: `${entry.displayName} was retired on ${status.retiredOn}${move}.` });
  }
  const resolved = resolveRequest(entry, request);
  const promptLength = [...request.prompt.trim()].length;
  if (promptLength < Math.max(1, params.prompt.minLength)) {
    issues.push({ field: 'prompt', code: 'prompt_empty', message: promptLength === 0 ? 'The prompt is empty.' : `The prompt needs at least ${params.prompt.minLength} characters.` });
  } else if (promptLength > params.prompt.maxLength) {
    issues.push({ field: 'prompt', code: 'prompt_too_long', message: `The prompt has ${promptLength} characters; ${entry.displayName} takes at most ${params.prompt.maxLength}.` });
  }
  const choice = <T extends string | number>(field: RequestField, label: string, given: T | undefined, allowed: { values: readonly T[] } | undefined) => {
    if (given === undefined) return;
    if (!allowed) issues.push({ field, code: 'not_supported', message: `${entry.displayName} has no ${label} setting.` });
    else if (!allowed.values.includes(given)) {
      issues.push({ field, code: 'unsupported_value', message: `${entry.displayName} does not offer ${label} ${given}; choose ${list(allowed.values)}.` });
    }
  };
  choice('durationS', 'duration', request.durationS, params.durationS);
  choice('resolution', 'resolution', request.resolution, params.resolution);
  choice('aspectRatio', 'aspect ratio', request.aspectRatio, params.aspectRatio);
  if (request.audio !== undefined && !params.audio) {
    issues.push({ field: 'audio', code: 'not_supported', message: `${entry.displayName} has no audio switch.` });
  }
  if (request.negativePrompt !== undefined && !params.negativePrompt) {
    issues.push({ field: 'negativePrompt', code: 'not_supported', message: `${entry.displayName} takes no negative prompt.` });
  } else if (request.negativePrompt !== undefined && params.negativePrompt && request.negativePrompt.length > params.negativePrompt.maxLength) {
    issues.push({ field: 'negativePrompt', code: 'prompt_too_long', message: `The negative prompt is longer than ${params.negativePrompt.maxLength} characters.` });
  }
  if (request.seed !== undefined) {
    if (!params.seed) issues.push({ field: 'seed', code: 'not_supported', message: `${entry.displayName} takes no seed.` });
    else if (request.seed < params.seed.min || request.seed > params.seed.max) {
      issues.push({ field: 'seed', code: 'out_of_range', message: `The seed must be from ${params.seed.min} to ${params.seed.max}.` });
    }
  }
  const images = resolved.images;
  if (images.length < params.images.min) {
    issues.push({ field: 'images', code: 'too_few_images', message: `${entry.displayName} makes videos from an image: give an image URL.` });
  } else if (images.length > params.images.max) {
    issues.push({
      field: 'images',
      code: 'too_many_images',
      message: params.images.max === 0 ? `${entry.displayName} takes no input image.` : `${entry.displayName} takes at most ${params.images.max} image(s).`,
    });
  }
  for (const url of images) {
    if (!isPublicHttpUrl(url)) issues.push({ field: 'images', code: 'invalid_image_url', message: `"${url}" is not an http(s) address the provider can fetch.` });
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
      issues.push({ field, code: 'unsupported_combination', message: constraint.reason });
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
