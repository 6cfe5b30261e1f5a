import { numberFormat } from '../../i18n/formats.ts';
/**
 * Time left from the pace so far: rows finished since the batch (re)started, per second, applied to
 * the rows still to finish. Before anything finished the plan's estimate is all there is.
 */
export function etaSeconds(args: { startedAt: number | null; finishedSinceStart: number; remaining: number; now: number; planEtaS: number | null }): number | null {
  const { startedAt, finishedSinceStart, remaining, now, planEtaS } = args;
  if (remaining === 0) return 0;
  if (startedAt === null || finishedSinceStart < 3) return planEtaS;
  const perSecond = finishedSinceStart / Math.max(1, (now - startedAt) / 1000);
  return Math.round(remaining / perSecond);
}

export function formatDuration(seconds: number, locale: string): string {
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['hour', 3600], ['minute', 60], ['second', 1]];
  const format = (value: number, unit: Intl.RelativeTimeFormatUnit) => numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${format(hours, units[0]![0])} ${format(minutes, 'minute')}`;
  if (minutes > 0) return format(minutes, 'minute');
  return format(Math.max(1, Math.round(seconds)), 'second');
}
