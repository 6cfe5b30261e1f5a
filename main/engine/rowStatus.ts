import type { RowStatus } from '../../shared/domain/status.ts';

/** Where one take of a row stands. */
export type TakeState = 'queued' | 'submitting' | 'generating' | 'stale' | 'downloading' | 'done' | 'failed' | 'unknown' | 'cancelled' | 'paused';

// What the row shows while takes differ: the most active state first, then the worst final one.
const ORDER: readonly TakeState[] = ['downloading', 'generating', 'submitting', 'stale', 'queued', 'paused', 'unknown', 'failed', 'cancelled', 'done'];

/** A row's status from its takes': done only when every take is done. */
export function rowStatusFromTakes(takes: readonly TakeState[]): RowStatus {
  if (takes.length > 0 && takes.every((take) => take === 'done')) return 'done';
  const shown = ORDER.find((state) => state !== 'done' && takes.includes(state));
  return shown ?? 'queued';
}
