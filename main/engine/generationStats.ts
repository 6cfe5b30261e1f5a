/**
 * What the engine has learned about how long each class of job (model, resolution, duration)
 * takes, from its own history in SQLite. Until a class has enough history, the catalog's range
 * stands in.
 */
export class GenerationStats {
  private readonly samples = new Map<string, number[]>();
  private readonly minSamples: number;
  private readonly keep: number;

  constructor(options: { minSamples?: number; keep?: number } = {}) {
    this.minSamples = options.minSamples ?? 8;
    this.keep = options.keep ?? 500;
  }

  /** Loads history for a class (newest first, as stored). */
  load(classKey: string, history: readonly number[]): void {
    if (!this.samples.has(classKey)) this.samples.set(classKey, history.slice(0, this.keep).reverse());
  }

  add(classKey: string, generationMs: number): void {
    const list = this.samples.get(classKey) ?? [];
    list.push(generationMs);
    if (list.length > this.keep) list.shift();
    this.samples.set(classKey, list);
  }

  /**
   * The window in which a job of this class usually finishes, measured from submit: the 2nd to
   * 98th percentile of history, or the catalog's range (plus a little queueing) without enough.
   */
  expected(classKey: string, catalogRange: { minS: number; maxS: number }): { minMs: number; maxMs: number } {
    const list = this.samples.get(classKey);
    if (!list || list.length < this.minSamples) {
      return { minMs: catalogRange.minS * 1000, maxMs: catalogRange.maxS * 1000 + 5_000 };
    }
    const sorted = [...list].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
    return { minMs: at(0.02), maxMs: Math.max(at(0.98), at(0.02) + 1_000) };
  }
}
