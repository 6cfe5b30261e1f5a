import type { RowPatch } from '../../shared/domain/batch.ts';

/** The shortest gap between two messages: at most ten a second, however busy the engine is. */
export const ROW_PATCH_INTERVAL_MS = 100;

/**
 * Collects row changes and sends them as one message at most every 100 ms. Changes to the same row
 * in between are merged, the newest value of each field winning, so the renderer sees every row's
 * latest state without being flooded.
 */
export class RowPatchCoalescer {
  private pending = new Map<number, RowPatch>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private readonly send: (patches: RowPatch[]) => void;
  private readonly intervalMs: number;

  constructor(send: (patches: RowPatch[]) => void, intervalMs = ROW_PATCH_INTERVAL_MS) {
    this.send = send;
    this.intervalMs = intervalMs;
  }

  push(patch: RowPatch): void {
    const existing = this.pending.get(patch.id);
    this.pending.set(patch.id, existing ? { ...existing, ...patch } : patch);
    if (this.timer === undefined) {
      const wait = Math.max(0, this.lastFlushAt + this.intervalMs - Date.now());
      this.timer = setTimeout(() => this.flush(), wait);
    }
  }

  /** Sends what is pending now (also used on shutdown so the last changes are not lost). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const patches = [...this.pending.values()];
    this.pending = new Map();
    this.lastFlushAt = Date.now();
    this.send(patches);
  }
}
