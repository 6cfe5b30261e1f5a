import PQueue from 'p-queue';
import type { ProviderChoiceId } from '../../shared/providers/choices.ts';
import { BatchRunOptionsSchema, type BatchRunOptions, type BatchRunOptionsInput } from '../../shared/domain/batchOptions.ts';
import type { ConcurrencySetting } from '../../shared/domain/concurrency.ts';
import { BatchRun, type SharedMachinery } from './batchRun.ts';
import type { EngineDeps, ProviderHandle } from './engineDeps.ts';
import { GenerationStats } from './generationStats.ts';
import { PollScheduler } from './pollScheduler.ts';
import { Reachability, type Outage } from './reachability.ts';

/**
 * The batch engine: a library the app, browser mode, the CLI, the tests and the benchmark all run.
 * It owns one run per active batch and the machinery they share (one poll scheduler, one download
 * queue, the learned generation times, one rate budget per provider key).
 */
export class BatchEngine {
  private readonly deps: EngineDeps;
  private readonly shared: SharedMachinery;
  private readonly runs = new Map<number, BatchRun>();
  private readonly handles = new Map<string, Promise<ProviderHandle>>();
  private readonly reachability = new Map<ProviderHandle, Reachability>();

  constructor(deps: EngineDeps) {
    // Every batch on the same provider shares one handle, so one key has one rate budget.
    const provider = (choice: ProviderChoiceId, baseUrl?: string) => {
      const key = `${choice} ${baseUrl ?? ''}`;
      let handle = this.handles.get(key);
      if (!handle) {
        handle = deps.provider(choice, baseUrl);
        handle.catch(() => this.handles.delete(key));
        this.handles.set(key, handle);
      }
      return handle;
    };
    this.deps = { ...deps, provider };
    this.shared = {
      scheduler: new PollScheduler(deps.clock),
      downloads: new PQueue({ concurrency: deps.downloadConcurrency ?? 4 }),
      stats: new GenerationStats(),
      reachabilityOf: (handle, choice) => {
        let reachability = this.reachability.get(handle);
        if (!reachability) {
          reachability = new Reachability(choice, deps.clock, () => handle.probe());
          reachability.subscribe(() => deps.onConnectivity?.(this.outages()));
          this.reachability.set(handle, reachability);
        }
        return reachability;
      },
    };
  }

  /** Providers that cannot be reached right now (runs on them wait, and go on by themselves). */
  outages(): Outage[] {
    return [...this.reachability.values()].map((reachability) => reachability.current()).filter((outage): outage is Outage => outage !== null);
  }

  /**
   * On start-up, before anything new: every batch with work left mid-way (submitting, generating,
   * stale or downloading attempts) or left running is picked up again and reconciled.
   */
  async recover(): Promise<number[]> {
    const { jobs } = this.deps.store;
    const batchIds = new Set(jobs.unfinishedAttempts().map((attempt) => attempt.batchId));
    for (const batch of this.deps.store.batches.list()) if (batch.status === 'running') batchIds.add(batch.id);
    for (const batchId of batchIds) {
      const options = this.storedOptions(batchId);
      if (options) await this.launch(batchId, options);
    }
    return [...batchIds];
  }

  /** Starts (or restarts) a batch with these options; they are stored with it. */
  async start(batchId: number, input: BatchRunOptionsInput): Promise<BatchRun> {
    const options = BatchRunOptionsSchema.parse(input);
    const { jobs } = this.deps.store;
    if (!jobs.batch(batchId)) throw new Error(`Batch ${batchId} does not exist.`);
    if (this.runs.has(batchId)) throw new Error(`Batch ${batchId} is already running.`);
    jobs.setBatchOptions(batchId, options.provider, options);
    jobs.queueBatchRows(batchId);
    jobs.setBatchStatus(batchId, 'running');
    return this.launch(batchId, options);
  }

  run(batchId: number): BatchRun | undefined {
    return this.runs.get(batchId);
  }

  pause(batchId: number): void {
    this.runs.get(batchId)?.pause();
  }

  async resume(batchId: number): Promise<void> {
    const run = this.runs.get(batchId);
    if (run) return run.resume();
    const options = this.storedOptions(batchId);
    if (!options) throw new Error(`Batch ${batchId} has never been started.`);
    this.deps.store.jobs.queueBatchRows(batchId);
    this.deps.store.jobs.setBatchStatus(batchId, 'running');
    await this.launch(batchId, options);
  }

  cancel(batchId: number): void {
    this.runs.get(batchId)?.cancel();
  }

  cancelRows(batchId: number, rowIds: readonly number[]): void {
    const run = this.runs.get(batchId);
    if (run) run.cancelRows(rowIds);
    else for (const rowId of rowIds) this.deps.store.jobs.setRowStatus(rowId, 'cancelled');
  }

  /**
   * Re-runs rows in place: same rows, a new run with three fresh attempts; their attempt history
   * stays. Rows that are running or done are left alone.
   */
  async rerun(batchId: number, rowIds: readonly number[]): Promise<number[]> {
    const { jobs } = this.deps.store;
    // Checked before any row changes, so a refused re-run leaves every row as it was.
    if (!this.runs.has(batchId) && !this.storedOptions(batchId)) throw new Error(`Batch ${batchId} has never been started: press Start instead.`);
    const eligible = jobs.rowsOf(batchId).filter((row) => rowIds.includes(row.rowId) && ['failed', 'unknown', 'cancelled', 'stale'].includes(row.status));
    for (const row of eligible) {
      jobs.rerunRow(row.rowId);
      this.deps.onRowChanged(row.rowId);
    }
    const ids = eligible.map((row) => row.rowId);
    const run = this.runs.get(batchId);
    if (run && !runIsOver(this.deps, batchId)) run.addRows(ids);
    else {
      const options = this.storedOptions(batchId);
      if (!options) throw new Error(`Batch ${batchId} has never been started.`);
      // The finished run may still watch stale jobs; the new run picks them up from the database.
      this.runs.get(batchId)?.stop();
      this.runs.delete(batchId);
      jobs.setBatchStatus(batchId, 'running');
      await this.launch(batchId, options);
    }
    return ids;
  }

  /** Moves rows that are not running to another model (a retired model's successor, say). */
  moveRows(rowIds: readonly number[], model: string): void {
    for (const rowId of rowIds) {
      this.deps.store.jobs.moveRow(rowId, model);
      this.deps.onRowChanged(rowId);
    }
  }

  /** Tells the app a row changed outside the engine (an edit, a pick), so the grid shows it. */
  notifyRowChanged(rowId: number): void {
    this.deps.onRowChanged(rowId);
  }

  setConcurrency(batchId: number, setting: ConcurrencySetting): void {
    const options = this.storedOptions(batchId);
    if (options) this.deps.store.jobs.setBatchOptions(batchId, options.provider, { ...options, concurrency: setting });
    this.runs.get(batchId)?.setConcurrency(setting);
  }

  /** Stops every run's timers; the durable state stays for the next start. */
  close(): void {
    for (const run of this.runs.values()) run.stop();
    this.runs.clear();
    for (const reachability of this.reachability.values()) reachability.stop();
    this.shared.scheduler.close();
    this.shared.downloads.clear();
  }

  private async launch(batchId: number, options: BatchRunOptions): Promise<BatchRun> {
    const run = new BatchRun(this.deps, this.shared, batchId, options);
    this.runs.set(batchId, run);
    await run.start();
    return run;
  }

  private storedOptions(batchId: number): BatchRunOptions | undefined {
    const batch = this.deps.store.jobs.batch(batchId);
    const parsed = BatchRunOptionsSchema.safeParse(batch?.options);
    return parsed.success ? parsed.data : undefined;
  }
}

function runIsOver(deps: EngineDeps, batchId: number): boolean {
  const status = deps.store.jobs.batch(batchId)?.status;
  return status === 'completed' || status === 'cancelled';
}
