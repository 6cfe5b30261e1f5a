/**
 * Waits before retry number `retry` (1, 2, 3…): 2 s, 4 s, 8 s with ±25 % jitter so retries from many
 * rows do not arrive together (product §3.3). A provider's Retry-After wins when it asks for longer.
 */
export function retryDelayMs(retry: number, random: () => number, retryAfterMs?: number): number {
  const base = 2_000 * 2 ** Math.max(0, retry - 1);
  const jittered = base * (0.75 + random() * 0.5);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/** Attempts per take per run (product §3.3). */
export const MAX_ATTEMPTS_PER_RUN = 3;
