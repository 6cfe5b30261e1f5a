/**
 * How much short work is kept for the tail, in slots × the longest expected duration. A trade-off
 * measured with `npm run bench:engine` on the original design's mix (200 rows, 20 slots): 0.5 gave
 * makespan ÷ bound 1.07 with mean time to a video 1,524 s (original policy: 1.19 and 1,749 s);
 * 1.2 gave 1.04 but 2,016 s, later than the original. Creators see results sooner with 0.5.
 */
export const TAIL_RESERVE = 0.5;

export interface LaneLoad {
  key: string;
  /** Jobs of this lane holding a slot now. */
  running: number;
  /** Jobs waiting for a slot. */
  waiting: number;
  /** How long one job of this lane is expected to take, in ms. */
  expectedMs: number;
}

/**
 * Divides one concurrency limit between classes of jobs (lanes), shortest first so creators see
 * videos early, with one correction for the end of the batch: taking every short job first leaves
 * the long ones running alone at the end while most slots sit idle. So while longer jobs still
 * wait, the shortest lanes keep a reserve — about half the longest job's duration per slot — to
 * fill the slots freed during that tail. Never takes a slot from a running job and never lets the
 * lanes together exceed the limit. Returns each lane's concurrency (0: hold).
 */
export function balanceLanes(lanes: readonly LaneLoad[], limit: number, createsPerMs?: number): Map<string, number> {
  const result = new Map<string, number>(lanes.map((lane) => [lane.key, lane.running]));
  let free = Math.max(0, limit - lanes.reduce((sum, lane) => sum + lane.running, 0));
  const caps = createsPerMs === undefined ? undefined : rateCaps(lanes, limit, createsPerMs);
  const waiting = lanes.filter((lane) => lane.waiting > 0).sort((a, b) => a.expectedMs - b.expectedMs);
  if (waiting.length === 0) return result;
  const longest = waiting.at(-1)!.expectedMs;
  let reserveMs = TAIL_RESERVE * limit * longest;
  const reserves = new Map<string, number>();
  for (const lane of waiting) {
    // Only jobs much shorter than the longest waiting ones are worth keeping for the tail.
    const keep = lane.expectedMs * 2 <= longest ? Math.min(lane.waiting, Math.floor(reserveMs / lane.expectedMs)) : 0;
    reserves.set(lane.key, keep);
    reserveMs -= keep * lane.expectedMs;
  }
  const give = (lane: LaneLoad, count: number) => {
    const room = caps ? caps.get(lane.key)! - result.get(lane.key)! : Infinity;
    const n = Math.max(0, Math.min(count, free, room));
    result.set(lane.key, result.get(lane.key)! + n);
    free -= n;
  };
  for (const lane of waiting) give(lane, lane.waiting - reserves.get(lane.key)!);
  // Slots nobody else can use go to the reserve after all.
  for (const lane of waiting) give(lane, reserves.get(lane.key)!);
  return result;
}

/**
 * The most slots each lane can keep busy when creates are rate-limited (KIE: 20 per 10 s). A slot
 * running jobs of d ms needs a create every d ms, so short jobs alone cannot fill many slots: at
 * 2 creates/s, 2–3 minute jobs keep only about 300 busy, and giving them 500 leaves the rest
 * waiting for a create while longer jobs could use them. Shortest first, each lane may take as
 * many slots as still leaves enough create rate for the longest waiting jobs to fill the remainder.
 */
function rateCaps(lanes: readonly LaneLoad[], limit: number, createsPerMs: number): Map<string, number> {
  const sorted = [...lanes].sort((a, b) => a.expectedMs - b.expectedMs);
  const caps = new Map<string, number>();
  let rate = createsPerMs;
  let slots = limit;
  sorted.forEach((lane, index) => {
    const longer = sorted.slice(index + 1).filter((other) => other.waiting + other.running > 0).at(-1);
    let cap = lane.running + lane.waiting;
    if (longer && longer.expectedMs > lane.expectedMs) {
      // Rate left over if the longest lane filled every remaining slot; each of this lane's slots
      // costs the difference in create rate.
      const spare = rate - slots / longer.expectedMs;
      const perSlot = 1 / lane.expectedMs - 1 / longer.expectedMs;
      cap = Math.min(cap, Math.max(lane.running, Math.floor(spare / perSlot)));
    }
    caps.set(lane.key, cap);
    // What this lane will actually hold, for the lanes after it.
    const held = Math.min(cap, Math.max(lane.running, slots));
    rate -= held / lane.expectedMs;
    slots -= held;
  });
  return caps;
}
