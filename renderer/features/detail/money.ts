import type { Locale } from '../../../shared/i18n/locale.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import type { MessageParams } from '../../../shared/i18n/translate.ts';
import { numberFormat } from '../../i18n/formats.ts';

export type MoneyUnit = 'credits' | 'usd';
type Translate = (key: MessageKey, params?: MessageParams) => string;

/** An amount in the provider's unit: "80 credits" / "80 积分", or "$0.40". */
export function formatAmount(locale: Locale, t: Translate, amount: number, unit: MoneyUnit): string {
  if (unit === 'usd') {
    // Up to four decimals: per-second video prices are often fractions of a cent.
    return numberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(amount);
  }
  return t('review.money.credits', { amount: numberFormat(locale, { maximumFractionDigits: 2 }).format(amount) });
}

/** The ledger and the contract count money in integer micro-units, so sums stay exact. */
export function formatMicros(locale: Locale, t: Translate, micros: number, unit: MoneyUnit): string {
  return formatAmount(locale, t, micros / 1_000_000, unit);
}
