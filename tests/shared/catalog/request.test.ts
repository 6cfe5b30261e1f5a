import { describe, expect, it } from 'vitest';
import { decodeInput, encodeInput, selectVariant } from '../../../shared/catalog/encoding.ts';
import { estimatePrice, expectedGenerationS } from '../../../shared/catalog/pricing.ts';
import { resolveRequest, validateRequest } from '../../../shared/catalog/request.ts';
import type { ModelEntry, VideoRequest } from '../../../shared/catalog/schema.ts';
import { loadCatalog } from '../../../main/providers/catalog/loadCatalog.ts';

const { catalog } = loadCatalog();
const model = (provider: 'kie' | 'fal' | 'openai', id: string) => catalog.get(provider, id)!;
const IMAGE = 'https://example.com/first.png';
const codes = (entry: ModelEntry, request: VideoRequest) => validateRequest(entry, request).map((issue) => `${issue.field}:${issue.code}`);

describe('request validation', () => {
  it('accepts a plain prompt with the model defaults', () => {
    expect(validateRequest(model('kie', 'kling-3.0'), { prompt: 'a red fox in snow' })).toEqual([]);
  });

  it('says a retired model was retired and names the model to move to', () => {
    const [issue] = validateRequest(model('kie', 'sora-2'), { prompt: 'a cat' });
    expect(issue).toMatchObject({ field: 'model', code: 'model_retired' });
    expect(issue!.message).toBe('Sora 2 was retired on 2026-09-24; move these rows to veo-3.1-fast.');
  });

  it('refuses a resolution the model does not offer, listing what it does', () => {
    const [issue] = validateRequest(model('kie', 'seedance-2-fast'), { prompt: 'a red fox', resolution: '1080p' });
    expect(issue).toMatchObject({ field: 'resolution', code: 'unsupported_value' });
    expect(issue!.message).toMatch(/does not offer resolution 1080p; choose 480p, 720p/);
  });

  it('refuses a combination the model does not support (Hailuo: 1080p only at 6 s)', () => {
    const hailuo = model('kie', 'hailuo-2.3-pro');
    expect(codes(hailuo, { prompt: 'x', images: [IMAGE], resolution: '1080p', durationS: 10 })).toEqual(['durationS:unsupported_combination']);
    expect(codes(hailuo, { prompt: 'x', images: [IMAGE], resolution: '1080p', durationS: 6 })).toEqual([]);
  });

  it('checks prompts, images and settings the model lacks', () => {
    const kling = model('kie', 'kling-2.6');
    expect(codes(kling, { prompt: '   ' })).toEqual(['prompt:prompt_empty']);
    expect(codes(kling, { prompt: 'x'.repeat(kling.params.prompt.maxLength + 1) })).toEqual(['prompt:prompt_too_long']);
    expect(codes(kling, { prompt: 'x', images: [IMAGE, IMAGE] })).toEqual(['images:too_many_images']);
    expect(codes(kling, { prompt: 'x', images: ['C:\\photos\\cat.png'] })).toEqual(['images:invalid_image_url']);
    expect(codes(kling, { prompt: 'x', seed: 7 })).toEqual(['seed:not_supported']);
    expect(codes(model('kie', 'hailuo-2.3-pro'), { prompt: 'x' })).toEqual(['images:too_few_images']);
  });
});

describe('prices and timing', () => {
  it('multiply per-second prices by the duration, in the provider unit', () => {
    const kling = model('kie', 'kling-3.0');
    const request = resolveRequest(kling, { prompt: 'x', resolution: '720p', durationS: 10, audio: false });
    expect(estimatePrice(kling, request)).toEqual({ micros: 140_000_000, unit: 'credits' });
  });

  it('use the original price table for retired Sora 2 Pro', () => {
    const pro = model('kie', 'sora-2-pro');
    expect(estimatePrice(pro, resolveRequest(pro, { prompt: 'x', resolution: '1080p', durationS: 15 }))).toEqual({ micros: 130_000_000, unit: 'credits' });
  });

  it('give the expected generation time of the original design for Sora 2 at 720p', () => {
    const sora = model('kie', 'sora-2');
    expect(expectedGenerationS(sora, resolveRequest(sora, { prompt: 'x' }))).toEqual({ minS: 120, maxS: 180, meanS: 150 });
  });
});

/** Every allowed value combination of a model: duration × resolution × aspect × image count. */
function* combinations(entry: ModelEntry): Generator<VideoRequest> {
  const { params } = entry;
  const imageCounts = [...new Set([params.images.min, Math.min(1, params.images.max), params.images.max])];
  for (const durationS of params.durationS?.values ?? [undefined]) {
    for (const resolution of params.resolution.values) {
      for (const aspectRatio of params.aspectRatio?.values ?? [undefined]) {
        for (const count of imageCounts) {
          const request: VideoRequest = { prompt: 'a lighthouse at dusk, slow dolly in', resolution };
          if (durationS !== undefined) request.durationS = durationS;
          if (aspectRatio !== undefined) request.aspectRatio = aspectRatio;
          if (count > 0) request.images = [IMAGE, 'https://example.com/last.png'].slice(0, count);
          if (params.audio) request.audio = !params.audio.default;
          if (params.seed) request.seed = params.seed.min;
          if (params.negativePrompt) request.negativePrompt = 'blur';
          yield request;
        }
      }
    }
  }
}

describe('every catalog model, for every valid combination of settings', () => {
  it.each(catalog.entries.filter((entry) => entry.status.state === 'active').map((entry) => [`${entry.provider}/${entry.id}`, entry] as const))(
    '%s encodes to the wire and decodes back to the same request, with a price and a time',
    (_name, entry) => {
      let checked = 0;
      for (const request of combinations(entry)) {
        if (validateRequest(entry, request).length > 0) continue;
        const resolved = resolveRequest(entry, request);
        const variant = selectVariant(entry, resolved);
        const wire = encodeInput(variant, resolved);
        // The provider (and the simulator) can tell which variant a wire request is.
        expect(catalog.byWireModel(entry.protocol, variant.wireModel, wire)?.variant).toBe(variant);
        const { request: decoded, problems } = decodeInput(variant, wire);
        expect(problems).toEqual([]);
        expect(validateRequest(entry, decoded)).toEqual([]);
        const back = resolveRequest(entry, decoded);
        // Fields the variant does not send come back as the model default; the rest must survive.
        if (variant.encode.durationS) expect(back.durationS).toBe(resolved.durationS);
        if (variant.encode.resolution || variant.encode.resolutionAndAspect) expect(back.resolution).toBe(resolved.resolution);
        if (variant.encode.aspectRatio || variant.encode.resolutionAndAspect) expect(back.aspectRatio).toBe(resolved.aspectRatio);
        if (variant.encode.images) expect(back.images).toEqual(resolved.images);
        if (variant.encode.audio) expect(back.audio).toBe(resolved.audio);
        expect(back.prompt).toBe(resolved.prompt);
        expect(estimatePrice(entry, resolved).micros).toBeGreaterThan(0);
        expect(expectedGenerationS(entry, resolved).maxS).toBeGreaterThan(0);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    },
  );
});
