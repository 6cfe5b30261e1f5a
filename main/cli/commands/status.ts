import { parseArgs } from 'node:util';
import type { RowStatus } from '../../../shared/domain/status.ts';
import type { Store } from '../../db/store.ts';
import type { Command, CommandContext } from '../cliContext.ts';
import { CliError } from '../cliOutput.ts';
import { batchIdArg, openExistingStore } from '../cliStore.ts';
import { money } from '../formatting.ts';

const usage = 'genvid status [BATCH] [--json]';

function spendOf(store: Store, batchId: number) {
  return (['credits', 'usd'] as const)
    .map((unit) => ({ unit, ...store.ledger.forBatch(batchId, unit) }))
    .filter((totals) => totals.reserved > 0)
    .map(({ unit, reserved, settled, released, held }) => ({ unit, settledMicros: settled, heldMicros: held, reservedOpenMicros: reserved - settled - released - held }));
}

/** `genvid status [BATCH]`: every batch with its counts, or one batch with its spend and failures. */
async function statusCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length > 1) throw new CliError(`Usage: ${usage}`);
  const store = openExistingStore(context.dataDir);
  try {
    if (positionals[0] === undefined) {
      const batches = store.batches.list();
      if (values.json) context.out(JSON.stringify({ batches }));
      else if (batches.length === 0) context.out('No batches yet.');
      else for (const b of batches) context.out(`${String(b.id).padStart(4)}  ${b.status.padEnd(9)} ${String(b.statusCounts.done ?? 0).padStart(6)}/${String(b.rowCount).padEnd(6)} done  ${b.name}`);
      return 0;
    }
    const batchId = batchIdArg(positionals[0], store);
    const batch = store.batches.list().find((b) => b.id === batchId);
    const job = store.jobs.batch(batchId)!;
    const counts = store.batches.statusCounts(batchId);
    const spend = spendOf(store, batchId);
    const problems = store.jobs
      .rowsOf(batchId)
      .filter((row) => (['failed', 'unknown', 'stale'] as RowStatus[]).includes(row.status))
      .map((row) => ({ row: row.rowNumber, status: row.status, error: store.rows.view(row.rowId)?.errorMessage ?? row.importProblem }));
    if (values.json) {
      context.out(JSON.stringify({ batch: { id: batchId, name: batch?.name ?? null, status: job.status, pauseReason: job.pauseReason ?? null, provider: job.provider }, counts, spend, problems }));
      return 0;
    }
    context.out(`Batch ${batchId}: ${batch?.name ?? ''} — ${job.status}${job.pauseReason ? ` (${job.pauseReason})` : ''}`);
    context.out(`  ${Object.entries(counts).map(([state, n]) => `${state} ${n}`).join(' · ')}`);
    for (const s of spend) context.out(`  spent ${money(s.settledMicros, s.unit)}${s.heldMicros ? `, ${money(s.heldMicros, s.unit)} held for unknown outcomes` : ''}${s.reservedOpenMicros ? `, ${money(s.reservedOpenMicros, s.unit)} reserved for jobs in progress` : ''}`);
    for (const p of problems.slice(0, 20)) context.out(`  row ${p.row} ${p.status}: ${p.error ?? ''}`);
    if (problems.length > 20) context.out(`  … and ${problems.length - 20} more (genvid export ${batchId} --failed-only)`);
    return 0;
  } finally {
    store.close();
  }
}

export const statusCommandSpec: Command = { run: statusCommand, usage };
