import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinEntries, loadCatalog } from '../../../../main/providers/catalog/loadCatalog.ts';
import { tempDir } from '../../../helpers/tempDir.ts';

function userCatalog(content: unknown): string {
  const file = join(tempDir(), 'catalog.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('the built-in catalog', () => {
  const entries = builtinEntries();
  const ids = entries.map((entry) => `${entry.provider}/${entry.id}`);

  it('has every model the product needs', () => {
    for (const id of [
      'kie/sora-2', 'kie/sora-2-pro', 'kie/veo-3.1', 'kie/veo-3.1-fast', 'kie/veo-3.1-lite', 'kie/kling-3.0', 'kie/kling-2.6',
      'kie/seedance-2', 'kie/seedance-2-fast', 'kie/wan-2.6', 'kie/wan-2.7', 'kie/hailuo-2.3-pro', 'kie/grok-imagine',
      'fal/kling-3.0', 'fal/veo-3.1', 'fal/seedance-2', 'openai/sora-2', 'openai/sora-2-pro',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps Sora 2 as retired on 2026-09-24 with the original price table and a successor', () => {
    const sora = entries.find((entry) => entry.provider === 'kie' && entry.id === 'sora-2')!;
    expect(sora.status).toMatchObject({ state: 'retired', retiredOn: '2026-09-24', successor: 'veo-3.1-fast' });
    expect(sora.pricing).toMatchObject({ unit: 'credits' });
    const pro = entries.find((entry) => entry.provider === 'kie' && entry.id === 'sora-2-pro')!;
    const perVideo = pro.pricing.rules.map((rule) => [rule.when?.resolution?.[0], rule.when?.durationS?.[0], rule.perVideo]);
    expect(perVideo).toEqual(expect.arrayContaining([['720p', 10, 45], ['720p', 15, 60], ['1080p', 10, 100], ['1080p', 15, 130]]));
  });

  it('dates and sources every price', () => {
    for (const entry of entries) {
      expect(entry.pricing.asOf, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.pricing.source.length, entry.id).toBeGreaterThan(10);
    }
  });
});

describe('a user catalog file', () => {
  it('overrides part of a built-in entry, such as its price', () => {
    const file = userCatalog({
      catalogVersion: 'mine',
      models: [{ provider: 'kie', id: 'kling-3.0', pricing: { asOf: '2026-11-20', source: 'my invoice', rules: [{ perSecond: 11 }] } }],
    });
    const { catalog, problems } = loadCatalog(file);
    expect(problems).toEqual([]);
    const kling = catalog.get('kie', 'kling-3.0')!;
    expect(kling.pricing).toMatchObject({ unit: 'credits', asOf: '2026-11-20', source: 'my invoice', rules: [{ perSecond: 11, perVideo: 0 }] });
    expect(kling.variants).toEqual(builtinEntries().find((e) => e.provider === 'kie' && e.id === 'kling-3.0')!.variants);
  });

  it('adds a new model', () => {
    const base = builtinEntries().find((entry) => entry.provider === 'kie' && entry.id === 'kling-3.0')!;
    const file = userCatalog({ catalogVersion: 'mine', models: [{ ...base, id: 'kling-3.0-beta', displayName: 'Kling 3.0 beta', aliases: [] }] });
    const { catalog, problems } = loadCatalog(file);
    expect(problems).toEqual([]);
    expect(catalog.get('kie', 'kling-3.0-beta')?.displayName).toBe('Kling 3.0 beta');
  });

  it('that is not JSON is ignored with a clear message, and the built-in catalog keeps working', () => {
    const file = userCatalog('{ "models": [ oops');
    const { catalog, problems } = loadCatalog(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/catalog\.json is not valid JSON .*; it was ignored\./);
    expect(catalog.entries).toHaveLength(builtinEntries().length);
  });

  it('skips only the entries that are wrong, saying which field and why', () => {
    const file = userCatalog({
      catalogVersion: 'mine',
      models: [
        { provider: 'kie', id: 'kling-3.0', pricing: { unit: 'euros' } },
        { provider: 'kie', id: 'veo-3.1', params: { durationS: { values: [4, 6, 8], default: 5 } } },
        { provider: 'fal', id: 'veo-3.1', displayName: 'Veo 3.1 (my gateway)' },
      ],
    });
    const { catalog, problems } = loadCatalog(file);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/model kie\/kling-3\.0 was ignored: pricing\.unit: /);
    expect(problems[1]).toMatch(/model kie\/veo-3\.1 was ignored: .*default durationS 5 is not one of its values/);
    expect(catalog.get('kie', 'kling-3.0')!.pricing.unit).toBe('credits');
    expect(catalog.get('fal', 'veo-3.1')!.displayName).toBe('Veo 3.1 (my gateway)');
  });

  it('without a models list is ignored', () => {
    expect(loadCatalog(userCatalog({ catalogVersion: 'x' })).problems[0]).toMatch(/has no "models" list/);
  });
});

describe('finding a model', () => {
  const { catalog } = loadCatalog();
  it('accepts its id, display name and aliases in any case and spacing', () => {
    expect(catalog.find('kie', 'Kling 3.0')?.id).toBe('kling-3.0');
    expect(catalog.find('kie', 'KLING-3.0')?.id).toBe('kling-3.0');
    expect(catalog.find('kie', '可灵3.0')?.id).toBe('kling-3.0');
    expect(catalog.find('kie', 'Veo 3.1 Fast')?.id).toBe('veo-3.1-fast');
    expect(catalog.find('kie', 'no such model')).toBeUndefined();
  });

  it('maps a provider wire id back to its model and variant', () => {
    expect(catalog.byWireModel('kie-jobs', 'kling-2.6/image-to-video')?.entry.id).toBe('kling-2.6');
    expect(catalog.byWireModel('fal-queue', 'bytedance/seedance-2.0/fast/image-to-video')?.entry.id).toBe('seedance-2-fast');
  });
});
