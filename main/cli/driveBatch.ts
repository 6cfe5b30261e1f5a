import type { RowStatus } from '../../shared/domain/status.ts';
import { translate } from '../../shared/i18n/translate.ts';
import type { GenvidCore } from '../core.ts';
import type { BatchRun } from '../engine/batchRun.ts';
import type { CommandContext } from './cliContext.ts';
import { bar, duration, money } from './formatting.ts';

/** Exit codes: every row done; some rows did not finish; interrupted (paused) by Ctrl-C. */
export const EXIT_ALL_DONE = 0;
export const EXIT_SOME_NOT_DONE = 1;
export const EXIT_PAUSED = 130;

const LOG_EVERY_MS = 10_000;
const TERMINAL_EVERY_MS = 250;
const shownStates: RowStatus[] = ['queued', 'submitting', 'generating', 'downloading', 'done', 'failed', 'unknown', 'stale', 'cancelled'];

/**
 * Watches a started batch to its end with a progress line (overall, counts per state, ETA, spend),
 * and turns Ctrl-C into a clean pause: no new submissions, requests already on their way are let
 * land (so every task id is recorded), and the in-flight jobs stay for `genvid resume`.
 */
export async function driveBatch(core: GenvidCore, run: BatchRun, batchId: number, context: CommandContext): Promise<number> {
  const { store } = core;
  const started = Date.now();
  let interrupted = false;
  let lastLine = '';
  const render = (final = false) => {
    const counts = store.batches.statusCounts(batchId);
    const all = totalOf(counts);
    const finished = (counts.done ?? 0) + (counts.failed ?? 0) + (counts.cancelled ?? 0) + (counts.unknown ?? 0);
    const elapsedS = (Date.now() - started) / 1000;
    const eta = finished > 0 && finished < all ? ` · ETA ${duration((elapsedS / finished) * (all - finished))}` : '';
    const states = shownStates.filter((state) => (counts[state] ?? 0) > 0).map((state) => `${state} ${counts[state]}`).join(' · ');
    const spent = (['credits', 'usd'] as const)
      .map((unit) => ({ unit, settled: store.ledger.forBatch(batchId, unit).settled }))
      .filter(({ settled }) => settled > 0)
      .map(({ unit, settled }) => money(settled, unit))
      .join(' + ');
    const line = `${bar(all > 0 ? finished / all : 1)} ${finished}/${all} · ${states}${eta} · spent ${spent || '0'}`;
    if (context.interactive) context.err(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    else if (final || line !== lastLine) context.err(`${line}\n`);
    lastLine = line;
  };
  const timer = setInterval(render, context.interactive ? TERMINAL_EVERY_MS : LOG_EVERY_MS);
  // An outage makes the run wait, not fail: say so, or a waiting run looks stuck.
  const stopTellingOutages = core.events.subscribe((message) => {
    if (message.name !== 'connectivity') return;
    const { outages } = message.payload;
    const time = (ms: number) => new Date(ms).toLocaleTimeString(context.locale);
    const said = outages.length === 0
      ? translate(context.locale, 'cli.reachable')
      : outages.map((outage) => translate(context.locale, 'cli.unreachable', { provider: translate(context.locale, `provider.${outage.provider}`), since: time(outage.since), next: time(outage.nextCheckAt) })).join('\n');
    context.err(`${context.interactive ? '\r\x1b[2K' : ''}${said}\n`);
  });
  let finishPause: (() => void) | undefined;
  const paused = new Promise<void>((resolve) => (finishPause = resolve));
  const onSigint = () => {
    if (interrupted) {
      // A second Ctrl-C: leave at once. Anything mid-request is reconciled at the next start.
      context.err(`\n${translate(context.locale, 'cli.stoppingNow')}\n`);
      process.exit(EXIT_PAUSED);
    }
    interrupted = true;
    core.engine.pause(batchId);
    context.err(`\n${translate(context.locale, 'cli.pausing')}\n`);
    void waitForSubmissions(core, batchId).then(() => finishPause!());
  };
  process.on('SIGINT', onSigint);
  try {
    await Promise.race([run.settled(), paused]);
  } finally {
    clearInterval(timer);
    stopTellingOutages();
    process.off('SIGINT', onSigint);
  }
  render(true);
  if (interrupted) {
    const inFlight = store.jobs.unfinishedAttempts().filter((attempt) => attempt.batchId === batchId).length;
    context.err(`${translate(context.locale, 'cli.paused', { batch: batchId, inFlight })}\n`);
    return EXIT_PAUSED;
  }
  const counts = store.batches.statusCounts(batchId);
  return (counts.done ?? 0) === totalOf(counts) ? EXIT_ALL_DONE : EXIT_SOME_NOT_DONE;
}

const totalOf = (counts: Partial<Record<RowStatus, number>>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** Resolves once no attempt of the batch is between "about to send the create" and "task id recorded". */
async function waitForSubmissions(core: GenvidCore, batchId: number): Promise<void> {
  for (;;) {
    const submitting = core.store.jobs.unfinishedAttempts().some((attempt) => attempt.batchId === batchId && attempt.status === 'submitting');
    if (!submitting) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
