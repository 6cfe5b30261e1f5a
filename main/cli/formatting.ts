// Small text helpers for the command line's output.

/** "1 h 05 min", "4 min 10 s", "12 s". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.round((s % 3600) / 60)).padStart(2, '0')} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}

/** Micro-units of a provider's unit as a readable amount: "12.5 credits", "$0.35". */
export function money(micros: number, unit: 'credits' | 'usd'): string {
  const amount = Math.round(micros / 10_000) / 100;
  return unit === 'usd' ? `$${amount.toFixed(2)}` : `${amount} credits`;
}

/** A bar of `width` cells, filled in proportion. */
export function bar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}
