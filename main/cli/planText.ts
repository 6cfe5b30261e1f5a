import type { BatchPlan } from '../engine/preflight.ts';
import { duration, money } from './formatting.ts';

/** The preflight plan as the command line prints it before asking to start. */
export function planText(plan: BatchPlan, options: { timeScale: number }): string {
  const lines = [`${plan.rows} rows → ${plan.videos} videos`];
  for (const c of plan.byClass) lines.push(`  ${c.model} ${c.resolution}${c.durationS ? ` ${c.durationS} s` : ''}: ${c.videos} video${c.videos === 1 ? '' : 's'}, ${money(c.micros, c.unit)}`);
  lines.push(`Estimated cost: ${plan.estimate.map((e) => money(e.micros, e.unit)).join(' + ') || 'nothing'}`);
  lines.push(`Balance: ${plan.balance ? `${plan.balance.amount} ${plan.balance.unit}` : 'not reported by this provider'}`);
  const unit = plan.estimate[0]?.unit ?? 'credits';
  const caps = [
    plan.caps.batchMicros !== null ? `batch ${money(plan.caps.batchMicros, unit)}` : null,
    plan.caps.dayMicros !== null ? `day ${money(plan.caps.dayMicros, unit)} (spent today ${money(plan.caps.spentTodayMicros, unit)})` : null,
  ].filter((cap) => cap !== null);
  lines.push(`Caps: ${caps.length > 0 ? caps.join(', ') : 'none'}`);
  if (!plan.affordable) lines.push('Warning: the estimate is over the balance or a cap; submission stops before a cap would be crossed.');
  if (plan.duplicates.length > 0) lines.push(`Duplicates: ${plan.duplicates.map((d) => `row ${d.rowNumber} = row ${d.sameAsRow}`).join(', ')} (they run again)`);
  if (plan.invalid.length > 0) {
    lines.push(`${plan.invalid.length} row(s) cannot run and will be marked failed:`);
    for (const row of plan.invalid.slice(0, 10)) lines.push(`  row ${row.rowNumber}: ${row.message}`);
    if (plan.invalid.length > 10) lines.push(`  … and ${plan.invalid.length - 10} more (genvid check shows them all)`);
  }
  lines.push(`Estimated time: about ${duration(plan.etaS / options.timeScale)}`);
  return lines.join('\n');
}
