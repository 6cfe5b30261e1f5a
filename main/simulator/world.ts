import type { ModelEntry, ProviderId, Protocol, Variant } from '../../shared/catalog/schema.ts';
import { decodeInput } from '../../shared/catalog/encoding.ts';
import { estimatePrice, expectedGenerationS, type PriceEstimate } from '../../shared/catalog/pricing.ts';
import { resolveRequest, validateRequest, type ResolvedRequest } from '../../shared/catalog/request.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import type { Clock } from '../clock/clock.ts';
import { FaultBook, type FaultKind, type FaultPoint, type FaultSpec } from './faults.ts';
import { hexId } from './random.ts';

export type TaskState = 'waiting' | 'queuing' | 'generating' | 'success' | 'fail' | 'cancelled';

export interface SimTask {
  id: string;
  provider: ProviderId;
  protocol: Protocol;
  key: string;
  entry: ModelEntry;
  variant: Variant;
  request: ResolvedRequest;
  /** The create body's input, as sent. */
  input: Record<string, unknown>;
  price: PriceEstimate;
  createdAt: number;
  queuedAt: number;
  startedAt: number;
  endsAt: number;
  outcome: { kind: 'success' } | { kind: 'fail'; failCode: string; failMsg: string; cause: 'transient' | 'moderation' };
  cancelledAt: number | undefined;
  /** Status queries answered for this task, and when one first saw it finished (for benchmarks). */
  statusQueries: number;
  seenFinishedAt: number | undefined;
}

export interface TaskView {
  state: TaskState;
  /** 0–100 while generating, 100 once done. */
  progress: number;
  /** When the task finished (success, fail or cancel), in virtual ms. */
  finishedAt: number | undefined;
}

export type CreateOutcome =
  | { ok: true; task: SimTask }
  | { ok: false; reason: 'unknown_model'; message: string }
  | { ok: false; reason: 'retired'; message: string }
  | { ok: false; reason: 'invalid'; message: string; field: string }
  | { ok: false; reason: 'insufficient_credits'; message: string }
  | { ok: false; reason: 'rate_limited'; message: string };

export interface WorldOptions {
  catalog: Catalog;
  clock: Clock;
  /** Keys accepted on every provider's auth scheme. */
  keys: readonly string[];
  /** Each key's starting balance, in credits (KIE) and US dollars (fal, OpenAI). */
  balance?: { credits: number; usd: number };
  /** Whether KIE and OpenAI report progress while generating. */
  reportProgress?: boolean;
  /** KIE's documented limits: creates per 10 s and status queries per second, per key. */
  kieLimits?: { createsPer10s: number; statusPerSecond: number };
  /** How long result links work (virtual ms): KIE ~24 h, fal 7 days, OpenAI 1 h. */
  linkTtlMs?: Partial<Record<ProviderId, number>>;
  faults?: readonly FaultSpec[];
  /** A prompt containing this is refused by the simulated content policy (the Sandbox's way to try failures). */
  moderationMarker?: string;
  random: () => number;
}

interface Account {
  createCount: number;
  createTimes: number[];
  statusTimes: number[];
  initial: { credits: number; usd: number };
}

const HOUR = 3_600_000;
const DEFAULT_LINK_TTL: Record<ProviderId, number> = { kie: 24 * HOUR, fal: 7 * 24 * HOUR, openai: HOUR };
/** KIE deletes generated media after 14 days; renewing the link stops working then. */
export const KIE_MEDIA_RETENTION_MS = 14 * 24 * HOUR;

/** The simulator's state: accounts, tasks, faults, request counts. Time-driven, with no timers. */
export class SimWorld {
  readonly catalog: Catalog;
  readonly clock: Clock;
  readonly faults: FaultBook;
  readonly reportProgress: boolean;
  readonly kieLimits: { createsPer10s: number; statusPerSecond: number };
  readonly linkTtlMs: Record<ProviderId, number>;
  private readonly moderationMarker: string | undefined;
  private readonly random: () => number;
  private readonly accounts = new Map<string, Account>();
  private readonly tasks = new Map<string, SimTask>();
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly defaultBalance: { credits: number; usd: number };
  private rateLimited = 0;

  constructor(options: WorldOptions) {
    this.catalog = options.catalog;
    this.clock = options.clock;
    this.random = options.random;
    this.faults = new FaultBook(options.random, options.faults);
    this.reportProgress = options.reportProgress ?? true;
    this.kieLimits = options.kieLimits ?? { createsPer10s: 20, statusPerSecond: 10 };
    this.linkTtlMs = { ...DEFAULT_LINK_TTL, ...options.linkTtlMs };
    this.moderationMarker = options.moderationMarker;
    this.defaultBalance = options.balance ?? { credits: 1_000_000, usd: 10_000 };
    for (const key of options.keys) this.addKey(key);
  }

  addKey(key: string, balance = this.defaultBalance): void {
    this.accounts.set(key, { createCount: 0, createTimes: [], statusTimes: [], initial: { ...balance } });
  }

  isKnownKey(key: string | undefined): key is string {
    return key !== undefined && this.accounts.has(key);
  }

  createsBy(key: string | undefined): number {
    return (key && this.accounts.get(key)?.createCount) || 0;
  }

  /** Counts one request, by key and endpoint, for the admin endpoint. */
  count(key: string | undefined, endpoint: string): void {
    const forKey = this.counts.get(key ?? '(no key)') ?? new Map<string, number>();
    forKey.set(endpoint, (forKey.get(endpoint) ?? 0) + 1);
    this.counts.set(key ?? '(no key)', forKey);
  }

  strikes(kind: FaultKind, provider: ProviderId | undefined, key: string | undefined, point: FaultPoint): boolean {
    return this.faults.take(kind, { provider, key, point, createsSoFar: this.createsBy(key) });
  }

  /** KIE's status-query limit: true when this query is one too many. */
  statusQueryLimited(key: string): boolean {
    const account = this.accounts.get(key)!;
    const now = this.clock.now();
    account.statusTimes = account.statusTimes.filter((at) => at > now - 1000);
    if (account.statusTimes.length >= this.kieLimits.statusPerSecond) {
      this.rateLimited += 1;
      return true;
    }
    account.statusTimes.push(now);
    return false;
  }

  /**
   * A create: decode the wire input with the model's catalog encoding and validate it as the
   * provider would, check rate and credits, then start the task's life.
   */
  createTask(args: { provider: ProviderId; protocol: Protocol; key: string; wireModel: string; input: Record<string, unknown> }): CreateOutcome {
    const found = this.catalog.byWireModel(args.protocol, args.wireModel, args.input);
    if (!found) return { ok: false, reason: 'unknown_model', message: `The model ${args.wireModel} is not supported.` };
    const { entry, variant } = found;
    if (entry.status.state === 'retired') {
      return { ok: false, reason: 'retired', message: `The model ${args.wireModel} was shut down on ${entry.status.retiredOn}.` };
    }
    const decoded = decodeInput(variant, args.input);
    if (decoded.problems.length > 0) {
      const [first] = decoded.problems;
      return { ok: false, reason: 'invalid', field: first!.field, message: decoded.problems.map((p) => p.message).join('; ') };
    }
    const issues = validateRequest(entry, decoded.request);
    if (issues.length > 0) {
      return { ok: false, reason: 'invalid', field: issues[0]!.field, message: issues.map((issue) => issue.message).join(' ') };
    }
    const request = resolveRequest(entry, decoded.request);
    const account = this.accounts.get(args.key)!;
    const now = this.clock.now();
    if (args.provider === 'kie') {
      account.createTimes = account.createTimes.filter((at) => at > now - 10_000);
      if (account.createTimes.length >= this.kieLimits.createsPer10s) {
        this.rateLimited += 1;
        return { ok: false, reason: 'rate_limited', message: `Rate limit: at most ${this.kieLimits.createsPer10s} new tasks per 10 seconds.` };
      }
    }
    const price = estimatePrice(entry, request);
    if (this.balanceMicros(args.key, price.unit) < price.micros || this.strikes('credits-402', args.provider, args.key, 'create')) {
      return { ok: false, reason: 'insufficient_credits', message: 'Insufficient credits for this task.' };
    }

    const timing = expectedGenerationS(entry, request);
    const generationMs = (timing.minS + this.random() * (timing.maxS - timing.minS)) * 1000;
    const queuedAt = now + 500 + this.random() * 1500;
    const startedAt = queuedAt + this.random() * 2000;
    const flagged = this.moderationMarker !== undefined && request.prompt.includes(this.moderationMarker);
    const moderation = flagged || this.strikes('task-fail-moderation', args.provider, args.key, 'create');
    const transient = !moderation && this.strikes('task-fail-transient', args.provider, args.key, 'create');
    const failing = moderation || transient;
    const task: SimTask = {
      id: args.provider === 'openai' ? `video_${hexId(this.random, 48)}` : hexId(this.random, 32),
      provider: args.provider,
      protocol: args.protocol,
      key: args.key,
      entry,
      variant,
      request,
      input: args.input,
      price,
      createdAt: now,
      queuedAt,
      startedAt,
      // A failing task stops part-way through generation.
      endsAt: startedAt + generationMs * (failing ? 0.3 + this.random() * 0.5 : 1),
      outcome: moderation
        ? { kind: 'fail', failCode: '422', failMsg: 'Your prompt was flagged by the content policy.', cause: 'moderation' }
        : transient
          ? { kind: 'fail', failCode: '500', failMsg: 'Internal server error, please try again later.', cause: 'transient' }
          : { kind: 'success' },
      cancelledAt: undefined,
      statusQueries: 0,
      seenFinishedAt: undefined,
    };
    account.createCount += 1;
    account.createTimes.push(now);
    this.tasks.set(task.id, task);
    return { ok: true, task };
  }

  task(id: string): SimTask | undefined {
    return this.tasks.get(id);
  }

  allTasks(): SimTask[] {
    return [...this.tasks.values()];
  }

  /** A status query answered for this task: counted, and the first one to see it finished noted. */
  noteStatusQuery(task: SimTask): TaskView {
    const view = this.view(task);
    task.statusQueries += 1;
    if (view.finishedAt !== undefined && task.seenFinishedAt === undefined) task.seenFinishedAt = this.clock.now();
    return view;
  }

  view(task: SimTask, now = this.clock.now()): TaskView {
    if (task.cancelledAt !== undefined && task.cancelledAt <= now) return { state: 'cancelled', progress: 0, finishedAt: task.cancelledAt };
    if (now < task.queuedAt) return { state: 'waiting', progress: 0, finishedAt: undefined };
    if (now < task.startedAt) return { state: 'queuing', progress: 0, finishedAt: undefined };
    if (now < task.endsAt) {
      const fraction = (now - task.startedAt) / Math.max(1, task.endsAt - task.startedAt);
      const progress = task.outcome.kind === 'success' ? Math.min(99, Math.floor(fraction * 100)) : Math.floor(fraction * 60);
      return { state: 'generating', progress, finishedAt: undefined };
    }
    return task.outcome.kind === 'success'
      ? { state: 'success', progress: 100, finishedAt: task.endsAt }
      : { state: 'fail', progress: 0, finishedAt: task.endsAt };
  }

  /** Stops a task that has not finished; it is not charged. */
  cancel(task: SimTask): 'cancelled' | 'already_completed' {
    const view = this.view(task);
    if (view.finishedAt !== undefined) return 'already_completed';
    task.cancelledAt = this.clock.now();
    return 'cancelled';
  }

  /**
   * What is left on a key: its starting balance less every task that has not failed or been
   * cancelled (held from create, refunded when a task fails, as KIE documents).
   */
  balanceMicros(key: string, unit: 'credits' | 'usd', now = this.clock.now()): number {
    const account = this.accounts.get(key);
    if (!account) return 0;
    let spent = 0;
    for (const task of this.tasks.values()) {
      if (task.key !== key || task.price.unit !== unit) continue;
      const state = this.view(task, now).state;
      if (state !== 'fail' && state !== 'cancelled') spent += task.price.micros;
    }
    return Math.round(account.initial[unit] * 1_000_000) - spent;
  }

  /** When a finished task's direct result link stops working. */
  linkExpiresAt(task: SimTask): number {
    return task.endsAt + this.linkTtlMs[task.provider];
  }

  stats(): { requests: Record<string, Record<string, number>>; tasksCreated: Record<string, number>; rateLimited: number } {
    const requests: Record<string, Record<string, number>> = {};
    for (const [key, endpoints] of this.counts) requests[key] = Object.fromEntries(endpoints);
    const tasksCreated: Record<string, number> = {};
    for (const [key, account] of this.accounts) tasksCreated[key] = account.createCount;
    return { requests, tasksCreated, rateLimited: this.rateLimited };
  }

  /** Forgets tasks, counts and faults; keys keep their starting balances. */
  reset(): void {
    this.tasks.clear();
    this.counts.clear();
    this.faults.clear();
    this.rateLimited = 0;
    for (const account of this.accounts.values()) {
      account.createCount = 0;
      account.createTimes = [];
      account.statusTimes = [];
    }
  }
}
