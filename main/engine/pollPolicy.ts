/** What a policy knows about one job when it decides the next status query. */
export interface PollContext {
  now: number;
  submittedAt: number;
  resolution: string;
  /** Expected time from submit to completion for this job's class (learned, or the catalog's). */
  expected: { minMs: number; maxMs: number };
  /** Progress readings so far (only those where the provider reported progress). */
  progress: readonly { at: number; percent: number }[];
  lastPollAt: number | undefined;
  /** The provider's own hint from the last answer (openai-poll-after-ms). */
  pollAfterMs: number | undefined;
}

export interface PollPolicy {
  readonly name: 'original' | 'predictive';
  /** When to query next (clock time). */
  nextPollAt(context: PollContext): number;
  /** After this long from submit the job is `stale`: checked slowly, never re-submitted. */
  staleAfterMs(context: Pick<PollContext, 'resolution' | 'expected'>): number;
}

/** A stale job is re-checked at this pace (product §3.6). */
export const STALE_RECHECK_MS = 60_000;

const isHighRes = (resolution: string) => Number.parseInt(resolution, 10) > 800;

/**
 * The original design's fixed schedule (product §3.5): 720p every 3 s for 1.5 min, 5 s until
 * 3 min, then 8 s; 1080p every 5 s for 5 min, 8 s until 10 min, then 12 s. Timeouts 5 and 15 min.
 */
export const originalPolicy: PollPolicy = {
  name: 'original',
  nextPollAt({ now, submittedAt, resolution }) {
    const elapsed = now - submittedAt;
    const every = isHighRes(resolution)
      ? elapsed < 300_000 ? 5_000 : elapsed < 600_000 ? 8_000 : 12_000
      : elapsed < 90_000 ? 3_000 : elapsed < 180_000 ? 5_000 : 8_000;
    return now + every;
  },
  staleAfterMs: ({ resolution }) => (isHighRes(resolution) ? 900_000 : 300_000),
};

/**
 * Genvid's default: poll around when the job is expected to finish instead of all along.
 * - Without progress: one early look (half the shortest expected time), then from the shortest
 *   expected time a query every δ = 2.5 % of the longest (2–10 s), which bounds the delay in
 *   noticing completion by δ; past twice the longest, every 2δ.
 * - With progress: two readings give the rate, and the next query lands just after the projected
 *   end; a single reading projects from the expected duration and reads again closer in.
 * A provider's poll-after hint is always honoured as the earliest next query.
 */
export const predictivePolicy: PollPolicy = {
  name: 'predictive',
  nextPollAt(context) {
    const { now, submittedAt, expected, progress, lastPollAt, pollAfterMs } = context;
    const step = pollStep(expected.maxMs);
    const elapsed = now - submittedAt;
    let next: number;
    const projected = projectedEnd(progress, expected);
    if (projected !== undefined) {
      const last = progress.at(-1)!;
      next = progress.length >= 2 || projected - now < step
        ? Math.max(projected + 1_000, now + 1_000)
        // One reading: look again most of the way there, where the rate can be measured well.
        : last.at + Math.max(step, 0.6 * (projected - last.at));
      next = Math.min(next, now + 6 * step);
    } else if (elapsed < expected.minMs / 2) {
      next = submittedAt + expected.minMs / 2;
    } else if (elapsed < expected.minMs) {
      next = submittedAt + expected.minMs;
    } else {
      next = now + (elapsed > 2 * expected.maxMs ? 2 * step : step);
    }
    if (pollAfterMs !== undefined && lastPollAt !== undefined) next = Math.max(next, lastPollAt + pollAfterMs);
    return Math.max(next, now + 1_000);
  },
  staleAfterMs: (context) => Math.max(originalPolicy.staleAfterMs(context), 2 * context.expected.maxMs),
};

export function pollStep(maxMs: number): number {
  return Math.min(10_000, Math.max(2_000, 0.025 * maxMs));
}

/** When progress says the job will finish, or undefined when there is nothing to go on. */
function projectedEnd(progress: PollContext['progress'], expected: PollContext['expected']): number | undefined {
  const moving = progress.filter((sample) => sample.percent > 0 && sample.percent < 100);
  const last = moving.at(-1);
  if (!last) return undefined;
  const first = moving[0]!;
  if (moving.length >= 2 && last.percent > first.percent && last.at > first.at) {
    const perMs = (last.percent - first.percent) / (last.at - first.at);
    return last.at + (100 - last.percent) / perMs;
  }
  // One reading: assume the typical duration for the part still to go.
  return last.at + ((100 - last.percent) / 100) * ((expected.minMs + expected.maxMs) / 2);
}

export function policyByName(name: 'original' | 'predictive'): PollPolicy {
  return name === 'original' ? originalPolicy : predictivePolicy;
}
