import type { Locale } from '../../shared/i18n/locale.ts';
import { translate } from '../../shared/i18n/translate.ts';
import type { BatchPlan } from '../engine/preflight.ts';
import { duration, money } from './formatting.ts';

/** The preflight plan as the command line prints it before asking to start. */
export function planText(plan: BatchPlan, options: { timeScale: number; locale: Locale }): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(options.locale, key, params);
  const lines = [t('cli.plan.rows', { rows: plan.rows, videos: plan.videos })];
  for (const c of plan.byClass) {
    lines.push(t('cli.plan.class', { model: c.model, settings: `${c.resolution}${c.durationS ? ` ${c.durationS} s` : ''}`, videos: c.videos, cost: money(c.micros, c.unit) }));
  }
  lines.push(t('cli.plan.cost', { cost: plan.estimate.map((e) => money(e.micros, e.unit)).join(' + ') || t('cli.plan.nothing') }));
  lines.push(plan.balance ? t('cli.plan.balance', { balance: `${plan.balance.amount} ${plan.balance.unit}` }) : t('cli.plan.noBalance'));
  const unit = plan.estimate[0]?.unit ?? 'credits';
  const caps = [
    plan.caps.batchMicros !== null ? t('cli.plan.capBatch', { amount: money(plan.caps.batchMicros, unit) }) : null,
    plan.caps.dayMicros !== null ? t('cli.plan.capDay', { amount: money(plan.caps.dayMicros, unit), spent: money(plan.caps.spentTodayMicros, unit) }) : null,
  ].filter((cap) => cap !== null);
  lines.push(caps.length > 0 ? t('cli.plan.caps', { caps: caps.join(', ') }) : t('cli.plan.noCaps'));
  if (!plan.affordable) lines.push(t('cli.plan.overBudget'));
  if (plan.duplicates.length > 0) lines.push(t('cli.plan.duplicates', { list: plan.duplicates.map((d) => `${d.rowNumber} = ${d.sameAsRow}`).join(', ') }));
  if (plan.invalid.length > 0) {
    lines.push(t('cli.plan.invalid', { count: plan.invalid.length }));
    for (const row of plan.invalid.slice(0, 10)) lines.push(`  ${row.rowNumber}: ${row.message}`);
    if (plan.invalid.length > 10) lines.push(t('cli.plan.moreInvalid', { count: plan.invalid.length - 10 }));
  }
  lines.push(t('cli.plan.eta', { eta: duration(plan.etaS / options.timeScale) }));
  return lines.join('\n');
}
