import { en, type MessageKey, type Messages } from './en.ts';
import { zhCN } from './zh-CN.ts';
import type { Locale } from './locale.ts';

const catalogues: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills its `{name}` placeholders. Unknown placeholders are left visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
