import type { ConcurrencySetting, Profile } from '../../shared/domain/concurrency.ts';

/**
 * Per-model base for a model of weight 1, by profile (original design: Pro sora-2 4, Pro+ 7,
 * Enterprise 12; Free runs one at a time). A catalog entry's concurrencyWeight scales it.
 */
const PROFILE_BASE: Record<Exclude<Profile, 'custom'>, number> = { free: 1, pro: 4, 'pro+': 7, enterprise: 12 };

/** The original design's resolution weight: 1080p and up are slower, so fewer run at once. */
function resolutionWeight(resolution: string, profile: Profile): number {
  const height = Number.parseInt(resolution, 10);
  if (!(height > 800)) return 1;
  if (height >= 2000) return profile === 'enterprise' ? 0.45 : 0.4;
  return profile === 'enterprise' ? 0.7 : 0.65;
}

/** The original design's duration weight: short clips (≤ 10 s) 1.3, longer 1.0. */
function durationWeight(durationS: number | undefined): number {
  return durationS !== undefined && durationS <= 10 ? 1.3 : 1;
}

export interface JobClass {
  /** `provider/model|resolution|duration`: jobs of one class share a concurrency limit. */
  key: string;
  modelWeight: number;
  resolution: string;
  durationS: number | undefined;
}

/**
 * Effective concurrency of a class (product §3.1): base × resolution weight × duration weight,
 * rounded, at least 1. The Free profile is one at a time whatever the class.
 */
export function classConcurrency(setting: ConcurrencySetting, jobClass: JobClass): number {
  if (setting.profile === 'custom') return setting.custom!;
  if (setting.profile === 'free') return 1;
  const raw = PROFILE_BASE[setting.profile] * jobClass.modelWeight * resolutionWeight(jobClass.resolution, setting.profile) * durationWeight(jobClass.durationS);
  return Math.max(1, Math.round(raw));
}

export interface GovernorOptions {
  /** Failures over this share of the last `window` finished jobs cut concurrency. */
  failureRate?: number;
  window?: number;
  /** How long without trouble before concurrency climbs one step. */
  healthyMs?: number;
}

/**
 * Cuts concurrency when things go wrong and restores it slowly (AIMD, product §3.4): a 429, or a
 * failure rate above 30 % over at least 10 finished jobs, multiplies it by 0.6 (never below 1);
 * after a healthy spell it climbs back one step at a time, never above the configured value.
 */
export class ConcurrencyGovernor {
  private factor = 1;
  private readonly outcomes: boolean[] = [];
  private lastTroubleAt: number;
  private lastStepAt: number;
  private readonly failureRate: number;
  private readonly window: number;
  private readonly healthyMs: number;
  /** Called with a readable line whenever the factor changes, for the log. */
  private readonly onChange: (line: string) => void;

  constructor(now: number, onChange: (line: string) => void, options: GovernorOptions = {}) {
    this.failureRate = options.failureRate ?? 0.3;
    this.window = options.window ?? 10;
    this.healthyMs = options.healthyMs ?? 60_000;
    this.lastTroubleAt = now;
    this.lastStepAt = now;
    this.onChange = onChange;
  }

  /** The limit now in force for a class whose configured limit is `configured`. */
  limit(configured: number): number {
    return Math.max(1, Math.min(configured, Math.round(configured * this.factor)));
  }

  recordFinished(succeeded: boolean, now: number): void {
    this.outcomes.push(succeeded);
    if (this.outcomes.length > this.window) this.outcomes.shift();
    const failures = this.outcomes.filter((ok) => !ok).length;
    if (this.outcomes.length >= this.window && failures / this.outcomes.length > this.failureRate) {
      this.cut(now, `failure rate ${Math.round((100 * failures) / this.outcomes.length)} %`);
      this.outcomes.length = 0;
    } else {
      this.maybeRecover(now);
    }
  }

  recordRateLimited(now: number): void {
    this.cut(now, 'the provider answered 429');
  }

  /** Called on a timer or after events: climbs one step after a healthy spell. */
  maybeRecover(now: number): void {
    if (this.factor >= 1 || now - this.lastTroubleAt < this.healthyMs || now - this.lastStepAt < this.healthyMs) return;
    const before = this.factor;
    // One step: enough to add one slot to a class of ten, whatever its size.
    this.factor = Math.min(1, this.factor + 0.1);
    this.lastStepAt = now;
    this.onChange(`healthy for ${Math.round(this.healthyMs / 1000)} s, concurrency ×${before.toFixed(2)} → ×${this.factor.toFixed(2)}`);
  }

  get scale(): number {
    return this.factor;
  }

  private cut(now: number, why: string): void {
    const before = this.factor;
    this.factor = Math.max(0.01, this.factor * 0.6);
    this.lastTroubleAt = now;
    this.lastStepAt = now;
    this.onChange(`${why}, concurrency ×${before.toFixed(2)} → ×${this.factor.toFixed(2)}`);
  }
}
