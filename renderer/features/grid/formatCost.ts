import { numberFormat } from '../../i18n/formats.ts';
/** Money in micro-units of the provider's unit, as the grid's cost column shows it. */
export function formatCost(micros: number, unit: 'credits' | 'usd' | null, locale: string): string {
  const amount = micros / 1_000_000;
  if (unit === 'usd') return numberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 3 }).format(amount);
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
}
