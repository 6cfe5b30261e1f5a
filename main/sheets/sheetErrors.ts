import type { MessageKey } from '../../shared/i18n/en.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { translate } from '../../shared/i18n/translate.ts';
import type { SheetReadError } from './sheetTypes.ts';

/** Why a file could not be read, in the creator's language. */
export function sheetReadErrorText(error: SheetReadError, locale: Locale): string {
  return translate(locale, `sheet.error.${error.code}` as MessageKey, error.params);
}
