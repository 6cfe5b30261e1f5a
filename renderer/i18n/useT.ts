import { useCallback } from 'react';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { resolveLocale, type Locale } from '../../shared/i18n/locale.ts';
import { translate, type MessageParams } from '../../shared/i18n/translate.ts';
import { useAppStore } from '../store/appStore.ts';

/** The language in use: the setting once loaded, the browser's language before that. */
export function useLocale(): Locale {
  return useAppStore((state) => state.settings?.language) ?? resolveLocale(navigator.language);
}

export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useLocale();
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
