import { ApiCallError } from '../../../shared/contract/errors.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import type { MessageParams } from '../../../shared/i18n/translate.ts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A failed call in the creator's words: the error code's message, with main's English detail. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiCallError) return t(`error.${error.code}`, { details: error.message });
  return t('error.internal');
}
