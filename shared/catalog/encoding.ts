import { conditionHolds, type ResolvedRequest } from './request.ts';
import type { Encoding, ModelEntry, Resolution, Variant, VideoRequest } from './schema.ts';

/** The variant (wire model and encoding) a request goes to: the first whose condition holds. */
export function selectVariant(entry: ModelEntry, request: ResolvedRequest): Variant {
  const variant = entry.variants.find((candidate) => conditionHolds(candidate.when, request));
  if (!variant) throw new Error(`${entry.provider}/${entry.id} has no variant for this request.`);
  return variant;
}

/** Writes a resolved request the way this variant's API expects it. */
export function encodeInput(variant: Variant, request: ResolvedRequest): Record<string, unknown> {
  const e = variant.encode;
  const input: Record<string, unknown> = { ...variant.fixed, [e.prompt.field]: request.prompt };
  if (e.durationS && request.durationS !== undefined) input[e.durationS.field] = encodeDuration(e.durationS.as, request.durationS);
  if (e.resolution) input[e.resolution.field] = e.resolution.map?.[request.resolution] ?? request.resolution;
  if (e.aspectRatio && request.aspectRatio !== undefined) {
    input[e.aspectRatio.field] = e.aspectRatio.map?.[request.aspectRatio] ?? request.aspectRatio;
  }
  if (e.resolutionAndAspect) {
    const size = e.resolutionAndAspect.map[`${request.resolution} ${request.aspectRatio}`];
    if (size !== undefined) input[e.resolutionAndAspect.field] = size;
  }
  if (e.images && request.images.length > 0) {
    if (e.images.as === 'array') input[e.images.field] = request.images;
    else {
      input[e.images.field] = request.images[0];
      if (e.images.lastField && request.images[1] !== undefined) input[e.images.lastField] = request.images[1];
    }
  }
  if (e.audio && request.audio !== undefined) input[e.audio.field] = request.audio;
  if (e.seed && request.seed !== undefined) input[e.seed.field] = request.seed;
  if (e.negativePrompt && request.negativePrompt !== undefined) input[e.negativePrompt.field] = request.negativePrompt;
  return input;
}

function encodeDuration(as: NonNullable<Encoding['durationS']>['as'], seconds: number): string | number {
  if (as === 'integer') return seconds;
  if (as === 'suffix-s') return `${seconds}s`;
  return String(seconds);
}

export interface DecodeProblem {
  field: string;
  message: string;
}

/**
 * Reads a wire input back into canonical terms, as a provider would parse it: a value of the wrong
 * JSON type (an integer where the API wants "10") is a problem, as at the real provider.
 */
export function decodeInput(variant: Variant, input: Record<string, unknown>): { request: VideoRequest; problems: DecodeProblem[] } {
  const e = variant.encode;
  const problems: DecodeProblem[] = [];
  const request: VideoRequest = { prompt: '' };
  const prompt = input[e.prompt.field];
  if (typeof prompt === 'string') request.prompt = prompt;
  else problems.push({ field: e.prompt.field, message: `${e.prompt.field} is required and must be a string` });

  if (e.durationS && input[e.durationS.field] !== undefined) {
    const { field, as } = e.durationS;
    const raw = input[field];
    const parsed =
      as === 'integer'
        ? typeof raw === 'number' && Number.isInteger(raw) ? raw : undefined
        : as === 'suffix-s'
          ? typeof raw === 'string' && /^\d+s$/.test(raw) ? Number(raw.slice(0, -1)) : undefined
          : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
    if (parsed === undefined) problems.push({ field, message: `${field} must be ${durationForm(as)}, got ${JSON.stringify(raw)}` });
    else request.durationS = parsed;
  }
  if (e.resolution && input[e.resolution.field] !== undefined) {
    const value = unmap(e.resolution.map, input[e.resolution.field]);
    if (value === undefined) problems.push({ field: e.resolution.field, message: `${e.resolution.field} has an unsupported value ${JSON.stringify(input[e.resolution.field])}` });
    else request.resolution = value as Resolution;
  }
  if (e.aspectRatio && input[e.aspectRatio.field] !== undefined) {
    const value = unmap(e.aspectRatio.map, input[e.aspectRatio.field]);
    if (value === undefined) problems.push({ field: e.aspectRatio.field, message: `${e.aspectRatio.field} has an unsupported value ${JSON.stringify(input[e.aspectRatio.field])}` });
    else request.aspectRatio = value;
  }
  if (e.resolutionAndAspect && input[e.resolutionAndAspect.field] !== undefined) {
    const key = unmap(e.resolutionAndAspect.map, input[e.resolutionAndAspect.field]);
    if (key === undefined) problems.push({ field: e.resolutionAndAspect.field, message: `${e.resolutionAndAspect.field} has an unsupported value ${JSON.stringify(input[e.resolutionAndAspect.field])}` });
    else {
      const [resolution, aspect] = key.split(' ');
      request.resolution = resolution as Resolution;
      request.aspectRatio = aspect;
    }
  }
  if (e.images) {
    const images = decodeImages(e.images, input, problems);
    if (images.length > 0) request.images = images;
  }
  if (e.audio && input[e.audio.field] !== undefined) {
    if (typeof input[e.audio.field] === 'boolean') request.audio = input[e.audio.field] as boolean;
    else problems.push({ field: e.audio.field, message: `${e.audio.field} must be true or false` });
  }
  if (e.seed && input[e.seed.field] !== undefined) {
    const seed = input[e.seed.field];
    if (typeof seed === 'number' && Number.isInteger(seed)) request.seed = seed;
    else problems.push({ field: e.seed.field, message: `${e.seed.field} must be an integer` });
  }
  if (e.negativePrompt && input[e.negativePrompt.field] !== undefined) {
    if (typeof input[e.negativePrompt.field] === 'string') request.negativePrompt = input[e.negativePrompt.field] as string;
    else problems.push({ field: e.negativePrompt.field, message: `${e.negativePrompt.field} must be a string` });
  }
  for (const [field, expected] of Object.entries(variant.fixed ?? {})) {
    if (input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(expected)) {
      problems.push({ field, message: `${field} must be ${JSON.stringify(expected)} for this model` });
    }
  }
  return { request, problems };
}

function decodeImages(images: NonNullable<Encoding['images']>, input: Record<string, unknown>, problems: DecodeProblem[]): string[] {
  if (images.as === 'array') {
    const value = input[images.field];
    if (value === undefined) return [];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    problems.push({ field: images.field, message: `${images.field} must be an array of URLs` });
    return [];
  }
  const found: string[] = [];
  for (const field of [images.field, images.lastField]) {
    if (!field || input[field] === undefined) continue;
    if (typeof input[field] === 'string') found.push(input[field]);
    else problems.push({ field, message: `${field} must be a URL string` });
  }
  return found;
}

function unmap(map: Record<string, string> | undefined, wire: unknown): string | undefined {
  if (typeof wire !== 'string') return undefined;
  if (!map) return wire;
  return Object.entries(map).find(([, value]) => value === wire)?.[0];
}

function durationForm(as: string): string {
  return as === 'integer' ? 'an integer number of seconds' : as === 'suffix-s' ? 'a string like "8s"' : 'a string like "10"';
}
