import type { Locale } from '../../../shared/i18n/locale.ts';
import { dateTimeFormat } from '../../i18n/formats.ts';

export function formatDateTime(locale: Locale, ms: number): string {
  return dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(ms);
}

/** "2:05" for a generation that took 125 s; hours only when needed. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
