import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import type { ProviderErrorKind } from './errorKinds.ts';

/** What a creator reads for a provider error, in their language, with the provider's own words. */
export function providerErrorMessage(locale: Locale, kind: ProviderErrorKind, detail: string): string {
  return translate(locale, `providerError.${kind}`, { detail });
}
