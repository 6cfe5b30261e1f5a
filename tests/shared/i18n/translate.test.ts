import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en.ts';
import { resolveLocale } from '../../../shared/i18n/locale.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('exist in 简体中文 for every English message, with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
      expect(zhCN[key].trim(), key).not.toBe('');
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('en', 'batches.rowCount', { count: 12 })).toBe('12 rows');
    expect(translate('zh-CN', 'batches.rowCount', { count: 12 })).toBe('12 行');
    expect(translate('en', 'batches.rowCount')).toBe('{count} rows');
  });

  it('pick 简体中文 for any Chinese language tag and English otherwise', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'ZH-tw'].map(resolveLocale)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en-US', 'de', '', undefined].map(resolveLocale)).toEqual(['en', 'en', 'en', 'en']);
  });
});
