import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type PQueue from 'p-queue';
import { estimatePrice, expectedGenerationS } from '../../shared/catalog/pricing.ts';
import { resolveRequest, validateRequest, type ResolvedRequest } from '../../shared/catalog/request.ts';
import type { ModelEntry } from '../../shared/catalog/schema.ts';
import type { BatchRunOptions } from '../../shared/domain/batchOptions.ts';
import { sleep } from '../clock/clock.ts';
import { videoRequestOf, type AttemptError, type JobRow } from '../db/jobsRepo.ts';
import type { LogLevel, LogType } from '../db/logsRepo.ts';
import { ProviderError } from '../providers/errors.ts';
import type { PollResult, TaskRef } from '../providers/types.ts';
import { MAX_ATTEMPTS_PER_RUN, retryDelayMs } from './backoff.ts';
import { classConcurrency, ConcurrencyGovernor } from './concurrency.ts';
import { Lanes } from './lanes.ts';
import { DownloadError, downloadVideo } from './download/downloadVideo.ts';
import { outputFileName } from './download/fileNames.ts';
import type { EngineDeps, PauseReason, ProviderHandle } from './engineDeps.ts';
import type { GenerationStats } from './generationStats.ts';
import { policyByName, STALE_RECHECK_MS, type PollPolicy } from './pollPolicy.ts';
import type { PollScheduler } from './pollScheduler.ts';
import type { Reachability } from './reachability.ts';
import { rowStatusFromTakes, type TakeState } from './rowStatus.ts';

/** One video to make: a take of a row. */
interface Job {
  id: string;
  row: JobRow;
  take: number;
  entry: ModelEntry;
  request: ResolvedRequest;
  classKey: string;
  expectedMs: number;
  state: TakeState;
  attemptsInRun: number;
  enqueuedAt: number;
  /**
   * Aborted when the job is no longer wanted before it was sent (cancelled, or replaced by a
   * re-run's job): a wait for the provider or for the rate budget ends at once, and nothing is sent.
   */
  withdrawn: AbortController;
}

/** Shared by every run of an engine: one poll scheduler, one download queue, one history. */
export interface SharedMachinery {
  scheduler: PollScheduler;
  downloads: PQueue;
  stats: GenerationStats;
  /** One per provider handle: every batch on a provider waits out the same outage. */
  reachabilityOf(handle: ProviderHandle, choice: BatchRunOptions['provider']): Reachability;
}

/** Failures that are not the row's: they do not count against its attempts. */
const BATCH_LEVEL = new Set(['auth', 'insufficient_funds', 'rate_limited', 'unreachable']);
const AGEING_EVERY_MS = 60_000;

/**
 * Runs one batch: every take of every queued row goes through a p-queue lane (one per class of
 * job, or one for all under a custom concurrency) so a free slot starts the next job at once, with
 * submission paced by the key's rate budget, watched by the shared poll scheduler, downloaded, and
 * recorded transition by transition.
 */
export class BatchRun {
  readonly batchId: number;
  private readonly deps: EngineDeps;
  private readonly shared: SharedMachinery;
  private options: BatchRunOptions;
  private handle!: ProviderHandle;
  private reachability!: Reachability;
  private stopWatchingReachability: (() => void) | undefined;
  /** This run saw the outage start, so it also says in its log when it ends. */
  private noticedOutage = false;
  private policy: PollPolicy;
  private readonly jobs = new Map<string, Job>();
  private readonly takesByRow = new Map<number, Job[]>();
  private readonly doneTakes = new Map<number, number>();
  private readonly governor: ConcurrencyGovernor;
  private readonly lanes: Lanes;
  private readonly stopping = new AbortController();
  private cancelAgeing: (() => void) | undefined;
  private paused = false;
  private cancelled = false;
  private finished = false;
  private busy = 0;
  private onSettled: (() => void) | undefined;

  constructor(deps: EngineDeps, shared: SharedMachinery, batchId: number, options: BatchRunOptions) {
    this.deps = deps;
    this.shared = shared;
    this.batchId = batchId;
    this.options = options;
    this.policy = policyByName(options.polling);
    // "At least ten finished jobs" (product §3.4); with hundreds in flight, ten is a coin toss
    // (at a 10 % fault rate, four failures in ten happen every few hundred jobs), so the window
    // grows with the limit.
    const window = Math.max(10, options.concurrency.profile === 'custom' ? options.concurrency.custom! : 10);
    this.governor = new ConcurrencyGovernor(
      deps.clock.now(),
      (line) => {
        this.log('warn', 'system', 'concurrency.changed', line);
        this.lanes.apply();
      },
      { window },
    );
    // The sustained create rate a little under the key's limit: each create also holds its place
    // in the window while its answer travels (see SlidingWindowLimiter).
    const createsPerMs = () => {
      const creates = this.handle?.budget.creates;
      return creates && (0.9 * creates.limit) / creates.windowMs;
    };
    this.lanes = new Lanes(() => this.options, this.governor, () => this.paused, createsPerMs);
  }

  /** Picks up where the batch stands: unfinished attempts are resumed, queued takes are run. */
  async start(): Promise<void> {
    this.handle = await this.deps.provider(this.options.provider, this.options.baseUrl);
    this.reachability = this.shared.reachabilityOf(this.handle, this.options.provider);
    this.stopWatchingReachability = this.reachability.subscribe((outage) => {
      if (outage || !this.noticedOutage) return;
      this.noticedOutage = false;
      this.log('info', 'system', 'provider.reachable', 'the provider answers again; waiting work goes on');
    });
    const store = this.deps.store;
    this.buildJobs();
    await this.resumeUnfinishedAttempts();
    const status = store.jobs.batch(this.batchId)?.status;
    if (status === 'paused' || status === 'cancelled' || status === 'completed') {
      this.paused = status === 'paused';
      this.cancelled = status === 'cancelled';
      this.checkFinished();
      return;
    }
    store.jobs.setBatchStatus(this.batchId, 'running');
    this.enqueueAll();
    this.scheduleAgeing();
    this.checkFinished();
  }

  /** Stops submitting; in-flight jobs go on and are collected. */
  pause(reason: PauseReason | null = null): void {
    if (this.paused || this.cancelled) return;
    this.paused = true;
    this.lanes.pause();
    this.deps.store.jobs.setBatchStatus(this.batchId, 'paused', reason?.detail ?? null);
    for (const job of this.jobs.values()) if (job.state === 'queued') this.setTake(job, 'paused');
    this.log(reason ? 'warn' : 'info', 'business', 'batch.paused', reason ? `paused: ${reason.detail}` : 'paused');
    this.deps.onBatchAttention?.(this.batchId, 'paused', reason);
  }

  resume(): void {
    if (!this.paused || this.cancelled) return;
    this.paused = false;
    this.finished = false;
    this.deps.store.jobs.setBatchStatus(this.batchId, 'running');
    for (const job of this.jobs.values()) if (job.state === 'paused') this.setTake(job, 'queued');
    this.lanes.start();
    this.log('info', 'business', 'batch.resumed', 'resumed');
    this.checkFinished();
  }

  /** Stops submitting for good; queued takes are cancelled, in-flight ones still collected (they are paid for). */
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.lanes.clear();
    for (const job of this.jobs.values()) if (job.state === 'queued' || job.state === 'paused') this.withdraw(job);
    this.deps.store.jobs.setBatchStatus(this.batchId, 'cancelled');
    this.log('info', 'business', 'batch.cancelled', 'cancelled; jobs already submitted are still collected');
    this.checkFinished();
  }

  /** Cancels takes of these rows that have not been submitted yet. */
  cancelRows(rowIds: readonly number[]): void {
    for (const rowId of rowIds) {
      for (const job of this.takesByRow.get(rowId) ?? []) if (job.state === 'queued' || job.state === 'paused') this.withdraw(job);
    }
    this.checkFinished();
  }

  /** Adds rows that were re-queued (re-run in place) to this run. */
  addRows(rowIds: readonly number[]): void {
    const wanted = new Set(rowIds);
    const rows = this.deps.store.jobs.rowsOf(this.batchId).filter((row) => wanted.has(row.rowId));
    for (const row of rows) this.addRow(row);
    if (!this.paused && !this.cancelled) {
      this.finished = false;
      for (const row of rows) for (const job of this.takesByRow.get(row.rowId) ?? []) if (job.state === 'queued') this.enqueue(job);
    }
    this.checkFinished();
  }

  setConcurrency(setting: BatchRunOptions['concurrency']): void {
    this.options = { ...this.options, concurrency: setting };
    this.lanes.reconfigure((laneKey) => {
      const job = [...this.jobs.values()].find((j) => this.lanes.keyOf(j.classKey) === laneKey);
      return job && this.configuredLimit(job);
    });
    this.log('info', 'business', 'concurrency.set', `concurrency set to ${setting.profile === 'custom' ? setting.custom : setting.profile}`);
  }

  /** Resolves once nothing is queued, submitting, generating or downloading (stale jobs may remain). */
  settled(): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => {
      const previous = this.onSettled;
      this.onSettled = () => {
        previous?.();
        resolve();
      };
    });
  }

  /** Stops timers and watchers (app shutdown); durable state stays as it is for the next start. */
  stop(): void {
    this.stopping.abort(new Error('the engine is stopping'));
    this.stopWatchingReachability?.();
    this.cancelAgeing?.();
    this.lanes.pause();
    this.lanes.clear();
  }

  // ---- building the work ----

  private buildJobs(): void {
    for (const row of this.deps.store.jobs.rowsOf(this.batchId)) this.addRow(row);
  }

  private addRow(row: JobRow): void {
    const entry = row.model ? this.deps.catalog.find(this.handle.catalogProvider, row.model) : undefined;
    const request = videoRequestOf(row);
    const attempts = this.deps.store.jobs.attemptsOfRow(row.rowId);
    const states: TakeState[] = [];
    const jobs: Job[] = [];
    for (let take = 1; take <= row.takes; take++) {
      const ofTake = attempts.filter((a) => a.take === take);
      const inRun = ofTake.filter((a) => a.run === row.run);
      const latest = inRun.at(-1);
      let state: TakeState;
      if (ofTake.some((a) => a.status === 'succeeded')) state = 'done';
      else if (latest && ['submitting', 'generating', 'stale', 'downloading'].includes(latest.status)) state = latest.status as TakeState;
      else if (latest?.status === 'unknown') state = 'unknown';
      else if (latest?.status === 'cancelled' || row.status === 'cancelled') state = 'cancelled';
      else if (latest?.status === 'failed' && (!latest.retryable || countable(inRun) >= MAX_ATTEMPTS_PER_RUN) && !BATCH_LEVEL.has(latest.errorClass ?? '')) state = 'failed';
      else state = 'queued';
      states.push(state);
      if (!entry) continue;
      const resolved = resolveRequest(entry, request);
      const job: Job = {
        id: `${row.rowId}:${take}`,
        row,
        take,
        entry,
        request: resolved,
        classKey: `${entry.provider}/${entry.id}|${resolved.resolution}|${resolved.durationS ?? '-'}`,
        expectedMs: (expectedGenerationS(entry, resolved).meanS * 1000) / (this.handle.timeScale ?? 1),
        state,
        attemptsInRun: countable(inRun),
        enqueuedAt: this.deps.clock.now(),
        withdrawn: new AbortController(),
      };
      this.shared.stats.load(job.classKey, this.deps.store.jobs.generationSamples(job.classKey));
      jobs.push(job);
      // A re-run replaces the take's job: the old one, if still waiting to be sent, must never be.
      this.jobs.get(job.id)?.withdrawn.abort();
      this.jobs.set(job.id, job);
    }
    this.takesByRow.set(row.rowId, jobs);
    this.doneTakes.set(row.rowId, states.filter((s) => s === 'done').length);

    // A row that cannot succeed is stopped before anything is spent.
    const problem = row.importProblem
      ? row.importProblem
      : !row.model
      ? 'The row names no model.'
      : !entry
        ? `The model "${row.model}" is not in the catalog for this provider.`
        : validateRequest(entry, request).map((issue) => issue.message).join(' ');
    if (problem && states.some((s) => s === 'queued')) {
      for (const job of jobs) if (job.state === 'queued') job.state = 'failed';
      this.deps.store.jobs.setRowStatus(row.rowId, 'failed', { code: 'validation', message: problem });
      this.deps.onRowChanged(row.rowId);
      this.log('warn', 'business', 'row.invalid', `row ${row.rowNumber}: ${problem}`, row.rowId);
      if (!entry) this.takesByRow.set(row.rowId, []);
    }
  }

  private enqueueAll(): void {
    const queued = [...this.jobs.values()].filter((job) => job.state === 'queued' || job.state === 'paused');
    for (const job of queued) job.state = 'queued';
    if (this.options.scheduling === 'waves') {
      void this.runWaves(queued);
      return;
    }
    for (const job of queued) this.enqueue(job);
    if (queued.length > 0) {
      const lanes = new Set(queued.map((job) => this.lanes.keyOf(job.classKey)));
      this.log('info', 'business', 'batch.started', `batch ${this.batchId}: ${queued.length} videos in ${lanes.size} lane(s), polling ${this.policy.name}`);
    }
  }

  /** The original design, kept as the benchmark's baseline: fixed waves with a barrier between them. */
  private async runWaves(jobs: Job[]): Promise<void> {
    const isSlow = (job: Job) => Number.parseInt(job.request.resolution, 10) > 800 && (job.request.durationS ?? 0) > 10;
    const ordered = [...jobs].sort((a, b) => Number(isSlow(a)) - Number(isSlow(b)) || (a.request.durationS ?? 0) - (b.request.durationS ?? 0));
    const size = this.options.rowsPerWave ?? 15;
    this.log('info', 'business', 'batch.started', `batch ${this.batchId}: ${jobs.length} videos in waves of ${size}, fast lane ${ordered.filter((j) => !isSlow(j)).length}, slow lane ${ordered.filter(isSlow).length}`);
    for (let start = 0; start < ordered.length && !this.cancelled && !this.stopping.signal.aborted; start += size) {
      const wave = ordered.slice(start, start + size);
      const done = wave.map((job) => this.enqueue(job));
      await Promise.all(done);
      await this.waitUntil(() => wave.every((job) => !['queued', 'submitting', 'generating', 'downloading', 'paused'].includes(job.state)));
    }
  }

  private waitUntil(condition: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (condition() || this.stopping.signal.aborted ? resolve() : this.deps.clock.setTimer(check, 1_000));
      check();
    });
  }

  // ---- lanes and slots ----

  private configuredLimit(job: Job): number {
    return classConcurrency(this.options.concurrency, {
      key: job.classKey,
      modelWeight: job.entry.concurrencyWeight,
      resolution: job.request.resolution,
      durationS: job.request.durationS,
    });
  }

  private lane(job: Job): PQueue {
    return this.lanes.queueFor(job.classKey, job.expectedMs, this.configuredLimit(job));
  }

  /** Higher runs sooner: the user's priority first, then the shortest expected job, then age. */
  private priorityOf(job: Job): number {
    const waitedMinutes = Math.max(0, this.deps.clock.now() - job.enqueuedAt) / 60_000;
    return job.row.priority * 1_000_000 - job.expectedMs / 1000 + waitedMinutes * 60;
  }

  /** Ageing: every minute, waiting jobs move up so that no row waits forever behind shorter ones. */
  private scheduleAgeing(): void {
    this.cancelAgeing = this.deps.clock.setTimer(() => {
      for (const job of this.jobs.values()) {
        if (job.state !== 'queued') continue;
        try {
          this.lane(job).setPriority(job.id, this.priorityOf(job));
        } catch {
          // Not waiting in the queue (running, or waiting for a retry timer): nothing to age.
        }
      }
      this.governor.maybeRecover(this.deps.clock.now());
      if (!this.stopping.signal.aborted) this.scheduleAgeing();
    }, AGEING_EVERY_MS);
  }

  private enqueue(job: Job): Promise<void> {
    job.state = this.paused ? 'paused' : 'queued';
    // Only a running job counts as busy: one waiting in a paused lane must not keep the batch open.
    const task = async () => {
      this.busy++;
      try {
        await this.runJob(job);
      } finally {
        this.busy--;
      }
    };
    return this.lane(job)
      .add(task, { priority: this.priorityOf(job), id: job.id })
      .catch((error: unknown) => {
        // clear() on cancel or stop rejects waiting jobs: they simply never started.
        if (!(error instanceof Error && error.name === 'AbortError')) this.log('error', 'system', 'engine.bug', `row ${job.row.rowNumber}: ${String(error)}`, job.row.rowId);
      })
      .finally(() => this.checkFinished());
  }

  // ---- one job: submit, watch, then hand over to downloads ----

  /** Holds a slot from submit until generation ends (or the job goes stale). */
  private async runJob(job: Job): Promise<void> {
    if ((job.state !== 'queued' && job.state !== 'paused') || this.cancelled || this.stopping.signal.aborted) return;
    if (this.paused) return this.putBack(job, 0);
    let createDone: () => void = () => {};
    const waiting = AbortSignal.any([this.stopping.signal, job.withdrawn.signal]);
    try {
      // While the provider cannot be reached, the job waits here in its slot, spending nothing.
      await this.reachability.whenReachable(waiting);
      createDone = (await this.handle.budget.creates?.acquire(this.priorityOf(job), waiting)) ?? createDone;
    } catch {
      return;
    }
    if (job.withdrawn.signal.aborted) {
      createDone();
      return;
    }
    if (this.paused || this.cancelled || (job.state as TakeState) !== 'queued') {
      createDone();
      return this.putBack(job, 0);
    }
    // Checked right before the reservation, with no await between, so parallel slots cannot
    // together overshoot the budget.
    const estimate = estimatePrice(job.entry, job.request);
    const cap = this.capReached(estimate.micros, estimate.unit);
    if (cap) {
      createDone();
      this.pause({ kind: 'cap', detail: cap });
      return this.putBack(job, 0);
    }

    const { store } = this.deps;
    const attemptId = store.jobs.beginAttempt({
      rowId: job.row.rowId,
      batchId: this.batchId,
      take: job.take,
      run: job.row.run,
      provider: this.handle.catalogProvider,
      model: job.entry.id,
      classKey: job.classKey,
      request: job.request,
      estimate,
    });
    job.attemptsInRun++;
    this.setTake(job, 'submitting', false);
    let task: TaskRef;
    try {
      task = await this.handle.adapter.submit(job.entry, job.request);
    } catch (error) {
      // Stopped meanwhile: the store is closing; recovery treats the attempt as interrupted.
      if (!this.stopped) this.createFailed(job, attemptId, asProviderError(error, this.handle.catalogProvider));
      return;
    } finally {
      createDone();
    }
    if (this.stopped) return;
    this.reachability.reportReachable();
    store.jobs.markSubmitted(attemptId, task, job.row.rowId);
    this.setTake(job, 'generating', false);
    this.log('info', 'system', 'attempt.submitted', `row ${job.row.rowNumber} attempt ${job.attemptsInRun}/${MAX_ATTEMPTS_PER_RUN} submitted (${task.taskId})`, job.row.rowId);
    await this.watch(job, attemptId, task, this.deps.clock.now());
  }

  private createFailed(job: Job, attemptId: number, error: ProviderError): void {
    const { store } = this.deps;
    const attemptError = toAttemptError(error);
    if (error.kind === 'unknown_outcome') {
      store.jobs.markUnknown(attemptId, attemptError, job.row.rowId);
      this.setTake(job, 'unknown', false);
      this.log('error', 'business', 'attempt.unknown', `row ${job.row.rowNumber}: the outcome of the create is unknown (${error.detail}); it will not be sent again automatically`, job.row.rowId);
      this.afterFinished(false);
      return;
    }
    if (BATCH_LEVEL.has(error.kind)) {
      // Not the row's fault: the attempt does not count against its three.
      job.attemptsInRun--;
      store.jobs.failBeforeGeneration(attemptId, attemptError, { rowId: job.row.rowId, status: 'queued', showError: false });
      if (error.kind === 'unreachable') {
        // Nothing left this machine: the job goes back and waits for the provider to answer.
        this.noteUnreachable(error, job);
        this.putBack(job, 0);
        return;
      }
      if (error.kind === 'rate_limited') {
        this.governor.recordRateLimited(this.deps.clock.now());
        this.log('warn', 'system', 'provider.rate_limited', `row ${job.row.rowNumber}: rate limited by the provider (${error.detail})`, job.row.rowId);
        this.putBack(job, retryDelayMs(1, this.deps.random, error.retryAfterMs));
        return;
      }
      this.putBack(job, 0);
      this.pause(error.kind === 'auth' ? { kind: 'auth', detail: `the provider refused the API key: ${error.detail}` } : { kind: 'funds', detail: `not enough credits: ${error.detail}` });
      return;
    }
    this.retryOrFail(job, attemptId, error, 'create');
  }

  private retryOrFail(job: Job, attemptId: number, error: ProviderError, phase: 'create' | 'generation'): void {
    const { store } = this.deps;
    const attemptError = toAttemptError(error);
    const canRetry = error.retryable && job.attemptsInRun < MAX_ATTEMPTS_PER_RUN && !this.cancelled;
    const record = phase === 'create' ? store.jobs.failBeforeGeneration.bind(store.jobs) : store.jobs.failGeneration.bind(store.jobs);
    if (canRetry) {
      const delay = retryDelayMs(job.attemptsInRun, this.deps.random, error.retryAfterMs);
      record(attemptId, attemptError, { rowId: job.row.rowId, status: 'queued', showError: true });
      this.log('warn', 'system', 'attempt.retry', `row ${job.row.rowNumber} attempt ${job.attemptsInRun}/${MAX_ATTEMPTS_PER_RUN} failed: ${error.providerCode ?? error.kind}, retrying in ${Math.round(delay / 1000)} s`, job.row.rowId);
      this.afterFinished(false);
      this.putBack(job, delay);
      return;
    }
    record(attemptId, attemptError, { rowId: job.row.rowId, status: 'failed', showError: true });
    this.setTake(job, 'failed', false);
    this.log('error', 'business', 'row.failed', `row ${job.row.rowNumber} failed: ${error.kind}: ${error.detail}`, job.row.rowId);
    this.afterFinished(false);
  }

  /** Returns a job to its lane, now or after a delay (a retry's backoff), releasing its slot. */
  private putBack(job: Job, delayMs: number): void {
    if (job.withdrawn.signal.aborted) return;
    if (this.cancelled) {
      this.setTake(job, 'cancelled');
      return;
    }
    this.setTake(job, this.paused ? 'paused' : 'queued');
    this.busy++;
    const requeue = () => {
      this.busy--;
      if ((job.state === 'queued' || job.state === 'paused') && !job.withdrawn.signal.aborted) void this.enqueue(job);
      else this.checkFinished();
    };
    if (delayMs <= 0) queueMicrotask(requeue);
    else this.deps.clock.setTimer(requeue, delayMs);
  }

  /**
   * Watches a submitted job through the shared scheduler until generation ends, or until it is
   * stale (then the slot is released and the job is re-checked slowly, never re-submitted).
   */
  private watch(job: Job, attemptId: number, task: TaskRef, submittedAt: number, startStale = false): Promise<void> {
    const { clock, store } = this.deps;
    const expected = this.shared.stats.expected(job.classKey, this.catalogTiming(job));
    const staleAt = submittedAt + this.policy.staleAfterMs({ resolution: job.request.resolution, expected });
    const progress: { at: number; percent: number }[] = [];
    let lastPollAt: number | undefined;
    let pollAfterMs: number | undefined;
    let polls = store.jobs.attempt(attemptId)?.pollCount ?? 0;
    let stale = startStale;
    this.busy++;

    return new Promise<void>((release) => {
      let released = false;
      const releaseSlot = () => {
        if (!released) {
          released = true;
          release();
        }
      };
      const finish = () => {
        this.shared.scheduler.cancel(attemptId);
        this.busy--;
        releaseSlot();
        this.checkFinished();
      };
      const plan = (at?: number) => {
        if (this.stopping.signal.aborted) return finish();
        const now = clock.now();
        const next = at ?? (stale ? now + STALE_RECHECK_MS : this.policy.nextPollAt({ now, submittedAt, resolution: job.request.resolution, expected, progress, lastPollAt, pollAfterMs }));
        this.shared.scheduler.schedule(attemptId, next, () => {
          pollOnce().catch((error: unknown) => {
            // A bug or a failing disk must not lose the job: log it and look again shortly.
            this.log('error', 'system', 'engine.error', `row ${job.row.rowNumber}: ${error instanceof Error ? error.message : String(error)}`, job.row.rowId);
            plan(clock.now() + 5_000);
          });
        });
      };
      const pollOnce = async () => {
        let queryDone: () => void = () => {};
        try {
          // When the key's status budget is the bottleneck, ask first about the jobs most likely done:
          // those furthest through their expected time.
          const likelihood = Math.round((1000 * (clock.now() - submittedAt)) / expected.maxMs);
          await this.reachability.whenReachable(this.stopping.signal);
          queryDone = (await this.handle.budget.statusQueries?.acquire(likelihood, this.stopping.signal)) ?? queryDone;
        } catch {
          return finish();
        }
        let result: PollResult;
        try {
          result = await this.handle.adapter.poll(task).finally(queryDone);
          this.reachability.reportReachable();
        } catch (error) {
          if (this.stopped) return finish();
          const failure = asProviderError(error, this.handle.catalogProvider);
          if (failure.kind === 'unreachable') {
            // Asked again once the provider answers (pollOnce waits for that), at the soonest in 2 s
            // so that a flapping connection is not hammered.
            this.noteUnreachable(failure, job);
            return plan(clock.now() + 2_000);
          }
          if (failure.kind === 'rate_limited') this.governor.recordRateLimited(clock.now());
          if (failure.kind === 'auth') this.pause({ kind: 'auth', detail: `the provider refused the API key: ${failure.detail}` });
          this.log('warn', 'system', 'poll.failed', `row ${job.row.rowNumber}: status query failed (${failure.kind}: ${failure.detail}); will check again`, job.row.rowId);
          return plan(clock.now() + Math.max(failure.retryAfterMs ?? 0, failure.kind === 'auth' ? STALE_RECHECK_MS : 5_000));
        }
        if (this.stopped) return finish();
        const now = clock.now();
        polls++;
        lastPollAt = now;
        if (result.state === 'pending' || result.state === 'running') {
          pollAfterMs = result.pollAfterMs;
          if (result.progress !== undefined) progress.push({ at: now, percent: result.progress });
          store.jobs.recordProgress(attemptId, job.row.rowId, result.progress ?? null, polls);
          if (result.progress !== undefined) this.deps.onRowChanged(job.row.rowId);
          if (!stale && now >= staleAt) {
            stale = true;
            store.jobs.markStale(attemptId, job.row.rowId);
            this.setTake(job, 'stale', false);
            this.log('warn', 'business', 'attempt.stale', `row ${job.row.rowNumber}: no result after ${Math.round((now - submittedAt) / 60_000)} min; still checking, never re-submitted`, job.row.rowId);
            releaseSlot();
          }
          return plan();
        }
        store.jobs.recordProgress(attemptId, job.row.rowId, result.state === 'succeeded' ? 100 : null, polls);
        if (result.state === 'succeeded') {
          const generationMs = result.generationMs ?? now - submittedAt;
          this.shared.stats.add(job.classKey, generationMs);
          store.jobs.markGenerated(attemptId, job.row.rowId, {
            resultUrls: result.resultUrls,
            cost: result.cost && { micros: Math.round(result.cost.amount * 1_000_000), unit: result.cost.unit },
            generationMs,
            detectedAt: now,
          });
          this.setTake(job, 'downloading', false);
          this.afterFinished(true);
          void this.download(job, attemptId, task, result.resultUrls[0]!);
        } else if (result.state === 'failed') {
          this.retryOrFail(job, attemptId, result.error, 'generation');
        }
        finish();
      };
      if (stale) releaseSlot();
      plan();
    });
  }

  private async download(job: Job, attemptId: number, task: TaskRef, url: string): Promise<void> {
    const { store } = this.deps;
    const outputDir = this.options.outputDir;
    this.busy++;
    try {
      // Waited out before taking one of the shared download slots, which other providers' videos need.
      await this.reachability.whenReachable(this.stopping.signal);
      await this.shared.downloads.add(async () => {
        try {
          const file = await downloadVideo({
            open: async (offset, etag, signal) => {
              // A try after a failure waits out an outage the provider's API is known to have. A
              // failing video host is not reported as one: it is often another host (a CDN).
              await this.reachability.whenReachable(signal);
              return this.handle.adapter.openDownload(task, url, { offset, ...(etag ? { etag } : {}), signal });
            },
            partPath: this.partPath(attemptId),
            outputDir,
            fileName: outputFileName({ rowNumber: job.row.rowNumber, name: job.row.name, prompt: job.row.prompt, take: job.take, takes: job.row.takes }),
            signal: this.stopping.signal,
            sleep: (ms, signal) => sleep(this.deps.clock, ms, signal),
            beforePublish: (video) => store.jobs.markPublishing(attemptId, video),
          });
          if (this.stopped) return;
          job.state = 'done';
          store.jobs.markDownloaded(attemptId, file, { rowId: job.row.rowId, status: this.rowStatus(job.row.rowId) });
          this.deps.onRowChanged(job.row.rowId);
          if (this.rowStatus(job.row.rowId) === 'done') this.log('info', 'business', 'row.done', `row ${job.row.rowNumber} done: ${file.path}`, job.row.rowId);
        } catch (error) {
          if (this.stopped) return;
          if (error instanceof DownloadError && error.kind === 'disk_full') {
            this.pause({ kind: 'disk', detail: error.message });
            return;
          }
          const message = error instanceof Error ? error.message : String(error);
          const kind = error instanceof DownloadError ? error.kind : 'failed';
          job.state = 'failed';
          store.jobs.failDownload(attemptId, { errorClass: kind === 'expired' ? 'expired' : 'download_failed', message, retryable: false }, { rowId: job.row.rowId, status: this.rowStatus(job.row.rowId) });
          this.deps.onRowChanged(job.row.rowId);
          this.log('error', 'business', 'download.failed', `row ${job.row.rowNumber}: the video was made (and paid for) but could not be downloaded: ${message}`, job.row.rowId);
        }
      });
    } catch (error) {
      // Closing the engine clears the download queue: a download still waiting there stays
      // `downloading` in the database and is picked up at the next start.
      if (!this.stopped) throw error;
    } finally {
      this.busy--;
      this.checkFinished();
    }
  }

  /** After a crash or restart: every attempt left mid-way is reconciled before new work. */
  private async resumeUnfinishedAttempts(): Promise<void> {
    const { store, clock } = this.deps;
    for (const attempt of store.jobs.attemptsOfBatch(this.batchId)) {
      const job = this.jobs.get(`${attempt.rowId}:${attempt.take}`);
      if (!job) continue;
      if (attempt.status === 'submitting') {
        // The create may or may not have reached the provider: never guess, never re-send.
        store.jobs.markUnknown(attempt.attemptId, { errorClass: 'unknown_outcome', message: 'Genvid stopped while this create was being sent; it may or may not have reached the provider.', retryable: false }, attempt.rowId);
        this.setTake(job, 'unknown', false);
        this.log('error', 'business', 'attempt.unknown', `row ${job.row.rowNumber}: interrupted while submitting; outcome unknown, not re-sent`, job.row.rowId);
        continue;
      }
      const task = attempt.taskRefJson ? (JSON.parse(attempt.taskRefJson) as TaskRef) : undefined;
      if (!task) continue;
      if (attempt.status === 'generating' || attempt.status === 'stale') {
        job.state = attempt.status;
        this.log('info', 'system', 'attempt.resumed', `row ${job.row.rowNumber}: resumed watching ${task.taskId}`, job.row.rowId);
        void this.watchInSlot(job, attempt.attemptId, task, attempt.submittedAt ?? clock.now(), attempt.status === 'stale');
      } else if (attempt.status === 'downloading') {
        const published = store.jobs.fileOf(attempt.attemptId);
        const alreadyThere = published !== undefined && (await isPublished(published, this.partPath(attempt.attemptId)));
        if (this.stopped) return;
        if (published && alreadyThere) {
          // Stopped between publishing the file and recording it: the file is there and verified.
          job.state = 'done';
          store.jobs.markDownloaded(attempt.attemptId, published, { rowId: job.row.rowId, status: this.rowStatus(job.row.rowId) });
          this.deps.onRowChanged(job.row.rowId);
          continue;
        }
        const urls = attempt.resultUrlsJson ? (JSON.parse(attempt.resultUrlsJson) as string[]) : [];
        job.state = 'downloading';
        if (urls[0]) void this.download(job, attempt.attemptId, task, urls[0]);
      }
    }
  }

  /** A resumed job takes its slot back in its lane while it is watched. */
  private watchInSlot(job: Job, attemptId: number, task: TaskRef, submittedAt: number, stale: boolean): Promise<void> {
    this.busy++;
    return this.lane(job)
      .add(() => this.watch(job, attemptId, task, submittedAt, stale), { priority: Number.MAX_SAFE_INTEGER })
      .catch(() => undefined)
      .finally(() => {
        this.busy--;
        this.checkFinished();
      });
  }

  // ---- bookkeeping ----

  /** The catalog's generation-time range for a job, scaled for a provider that runs faster (the Sandbox). */
  private catalogTiming(job: Job): { minS: number; maxS: number } {
    const { minS, maxS } = expectedGenerationS(job.entry, job.request);
    const scale = this.handle.timeScale ?? 1;
    return { minS: minS / scale, maxS: maxS / scale };
  }

  private partPath(attemptId: number): string {
    return join(this.options.outputDir, '.genvid-partial', `attempt-${attemptId}.mp4.part`);
  }

  private capReached(nextMicros: number, unit: 'credits' | 'usd'): string | null {
    const { caps } = this.options;
    const committed = (t: { reserved: number; released: number }) => t.reserved - t.released;
    if (caps.batchMicros !== undefined && committed(this.deps.store.ledger.forBatch(this.batchId, unit)) + nextMicros > caps.batchMicros) {
      return `the batch budget of ${caps.batchMicros / 1_000_000} ${unit} would be crossed by the next video`;
    }
    if (caps.dayMicros !== undefined) {
      const midnight = new Date(this.deps.clock.now());
      midnight.setHours(0, 0, 0, 0);
      if (committed(this.deps.store.ledger.since(midnight.getTime(), unit)) + nextMicros > caps.dayMicros) {
        return `today's budget of ${caps.dayMicros / 1_000_000} ${unit} would be crossed by the next video`;
      }
    }
    return null;
  }

  /** A take not yet sent is no longer wanted: cancelled, and any wait of its job ends. */
  private withdraw(job: Job): void {
    job.withdrawn.abort();
    this.setTake(job, 'cancelled');
  }

  /** Reports an outage; the run that notices it first says so in its log (and when it ends). */
  private noteUnreachable(error: ProviderError, job: Job): void {
    if (this.reachability.reportUnreachable(error.detail)) {
      this.noticedOutage = true;
      this.log('warn', 'system', 'provider.unreachable', `the provider cannot be reached (${error.detail}); work waits and goes on by itself when it answers`, job.row.rowId);
    }
  }

  private afterFinished(succeeded: boolean): void {
    this.governor.recordFinished(succeeded, this.deps.clock.now());
  }

  private rowStatus(rowId: number) {
    return rowStatusFromTakes((this.takesByRow.get(rowId) ?? []).map((job) => job.state));
  }

  /** Records a take's new state; `persist` false when the repository already wrote the row. */
  private setTake(job: Job, state: TakeState, persist = true): void {
    job.state = state;
    if (persist) this.deps.store.jobs.setRowStatus(job.row.rowId, this.rowStatus(job.row.rowId));
    this.deps.onRowChanged(job.row.rowId);
  }

  private checkFinished(): void {
    if (this.finished || this.busy > 0) return;
    const open = [...this.jobs.values()].some((job) => ['queued', 'submitting', 'generating', 'downloading'].includes(job.state));
    if (open && !this.cancelled) return;
    if (this.paused && open) return;
    this.finished = true;
    this.cancelAgeing?.();
    if (!this.cancelled && !this.paused) this.deps.store.jobs.setBatchStatus(this.batchId, 'completed');
    const counts = new Map<TakeState, number>();
    for (const job of this.jobs.values()) counts.set(job.state, (counts.get(job.state) ?? 0) + 1);
    const summary = [...counts].map(([state, n]) => `${n} ${state}`).join(', ');
    this.log('info', 'business', 'batch.finished', `batch ${this.batchId} finished: ${summary || 'nothing to do'}`);
    if (!this.paused) this.deps.onBatchAttention?.(this.batchId, 'finished', null);
    this.onSettled?.();
    this.onSettled = undefined;
  }

  /** After stop() the store may be closing: late answers to requests already out are not written. */
  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private log(level: LogLevel, type: LogType, code: string, message: string, rowId?: number): void {
    if (this.stopped) return;
    this.deps.store.logs.append({ batchId: this.batchId, rowId: rowId ?? null, type, level, code, message });
  }
}

/** The published file is in place, whole and unchanged, and no part is left to finish. */
async function isPublished(file: { path: string; bytes: number; sha256: string }, partPath: string): Promise<boolean> {
  if (existsSync(partPath) || !existsSync(file.path)) return false;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
  return hash.digest('hex') === file.sha256;
}

function countable(attempts: readonly { errorClass: string | null }[]): number {
  return attempts.filter((a) => !BATCH_LEVEL.has(a.errorClass ?? '')).length;
}

function asProviderError(error: unknown, provider: ProviderError['provider']): ProviderError {
  if (error instanceof ProviderError) return error;
  // Anything else after a request may have left is treated as the careful case.
  return new ProviderError({ kind: 'unknown_outcome', provider, detail: error instanceof Error ? error.message : String(error), cause: error });
}

function toAttemptError(error: ProviderError): AttemptError {
  return { errorClass: error.kind, errorCode: error.providerCode, message: error.detail, retryable: error.retryable };
}
