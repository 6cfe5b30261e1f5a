import { describe, expect, it } from 'vitest';
import { requestIssueText } from '../../../../shared/catalog/request.ts';
import { loadCatalog } from '../../../../main/providers/catalog/loadCatalog.ts';
import { interpretRow } from '../../../../main/sheets/validate/interpretRow.ts';
import { cellIssueText } from '../../../../main/sheets/validate/sheetIssues.ts';

const { catalog } = loadCatalog();
const context = { catalog, provider: 'kie' as const };
const codes = (raw: Parameters<typeof interpretRow>[0]) => interpretRow(raw, context).issues.map((issue) => `${issue.field}:${issue.code}`);

describe('checking a row against the catalog', () => {
  it('accepts a good row and reads it into a request', () => {
    const row = interpretRow({ prompt: ' 一只橘猫在雪地里奔跑 ', model: '可灵3.0', resolution: '1080P', duration: '10秒', aspect: '竖屏', takes: '2' }, context);
    expect(row.issues).toEqual([]);
    expect(row.model).toBe('kling-3.0');
    expect(row.request).toEqual({ prompt: '一只橘猫在雪地里奔跑', resolution: '1080p', durationS: 10, aspectRatio: '9:16' });
    expect(row.takes).toBe(2);
    expect(row.duplicateKey).not.toBeNull();
  });

  it('suggests models for a mistyped one', () => {
    const [issue] = interpretRow({ prompt: 'a fox', model: 'klingg-3.0' }, context).issues;
    expect(issue!.code).toBe('unknown_model_suggest');
    expect(issue!.params.suggestions).toContain('kling-3.0');
    expect(cellIssueText(issue!, 'en')).toContain('Did you mean kling-3.0');
    expect(cellIssueText(issue!, 'zh-CN')).toContain('您是否想用');
  });

  it('names the successor of a retired model', () => {
    const [issue] = interpretRow({ prompt: 'a fox', model: 'sora-2' }, context).issues;
    expect(issue!.code).toBe('model_retired');
    expect(requestIssueText(issue!, 'en')).toContain('move these rows to veo-3.1-fast');
    expect(requestIssueText(issue!, 'zh-CN')).toContain('veo-3.1-fast');
  });

  it('flags settings the model does not offer, on their own cells', () => {
    expect(codes({ prompt: 'a fox', model: 'kling-2.6', resolution: '720p', duration: '7' })).toEqual(['duration:unsupported_value', 'resolution:unsupported_value']);
    expect(codes({ prompt: 'a fox', model: 'wan-2.6', aspect: '16:9' })).toEqual(['aspect:not_supported']);
  });

  it('flags an over-long prompt, a malformed image URL, a missing image and bad takes', () => {
    expect(codes({ prompt: 'x'.repeat(1001), model: 'kling-2.6' })).toEqual(['prompt:prompt_too_long']);
    expect(codes({ prompt: 'a fox', model: 'kling-3.0', image: 'www.example.com/cat.png' })).toEqual(['image:invalid_image_url']);
    expect(codes({ prompt: 'a fox', model: 'hailuo-2.3-pro' })).toEqual(['image:too_few_images']);
    expect(codes({ prompt: 'a fox', model: 'kling-3.0', takes: '0' })).toEqual(['takes:bad_takes']);
  });

  it('flags unreadable values and a missing model or prompt', () => {
    expect(codes({ prompt: 'a fox', model: 'kling-3.0', resolution: 'best', duration: 'long', aspect: 'wide' })).toEqual([
      'resolution:bad_resolution', 'duration:bad_duration', 'aspect:bad_aspect',
    ]);
    expect(codes({ prompt: '' })).toEqual(['model:no_model', 'prompt:prompt_empty']);
    expect(interpretRow({ prompt: 'a fox' }, { ...context, defaultModel: 'kling-3.0' }).issues).toEqual([]);
  });

  it('gives the same duplicate key to rows asking for the same video, defaults filled in', () => {
    const a = interpretRow({ prompt: 'a fox', model: 'kling-3.0' }, context);
    const b = interpretRow({ prompt: 'a fox ', model: 'Kling 3', resolution: '1080p' }, context);
    const c = interpretRow({ prompt: 'a fox', model: 'kling-3.0', resolution: '720p' }, context);
    expect(a.duplicateKey).toBe(b.duplicateKey);
    expect(a.duplicateKey).not.toBe(c.duplicateKey);
  });
});
