import { parseArgs } from 'node:util';
import type { Command, CommandContext } from '../cliContext.ts';
import { CliError } from '../cliOutput.ts';
import { batchIdArg, openExistingStore } from '../cliStore.ts';
import { money } from '../formatting.ts';

const usage = 'genvid ledger [--batch N] [--json]';

/**
 * `genvid ledger`: every money entry (reserve, settle, release, hold), the totals per unit, and the
 * invariant check. Exit 1 when the books do not balance.
 */
async function ledgerCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, batch: { type: 'string' } } });
  if (positionals.length > 0) throw new CliError(`Usage: ${usage}`);
  const store = openExistingStore(context.dataDir);
  try {
    const batchId = values.batch === undefined ? null : batchIdArg(values.batch, store);
    const entries = store.ledger.entries(batchId);
    const totals: Record<string, { reserved: number; settled: number; released: number; held: number }> = {};
    for (const entry of entries) {
      const t = (totals[entry.unit] ??= { reserved: 0, settled: 0, released: 0, held: 0 });
      const key = entry.kind === 'reserve' ? 'reserved' : entry.kind === 'settle' ? 'settled' : entry.kind === 'release' ? 'released' : 'held';
      t[key] += entry.amountMicros;
    }
    const violations = store.ledger.violations();
    if (values.json) context.out(JSON.stringify({ entries, totals, balanced: violations.length === 0, violations }));
    else {
      for (const e of entries) {
        context.out(`${new Date(e.createdAt).toISOString()}  batch ${e.batchId ?? '-'}  attempt ${e.attemptId ?? '-'}  ${e.kind.padEnd(7)} ${money(e.amountMicros, e.unit).padStart(14)}  ${e.provider}  ${e.note ?? ''}`);
      }
      for (const [unit, t] of Object.entries(totals) as [('credits' | 'usd'), (typeof totals)[string]][]) {
        context.out(`${unit}: reserved ${money(t.reserved, unit)}, settled ${money(t.settled, unit)}, released ${money(t.released, unit)}, held ${money(t.held, unit)}`);
      }
      context.out(violations.length === 0 ? 'The books balance.' : `${violations.length} attempt(s) do not add up:`);
      for (const v of violations) context.out(`  attempt ${v.attemptId} (${v.attemptStatus}): ${v.problem}`);
    }
    return violations.length === 0 ? 0 : 1;
  } finally {
    store.close();
  }
}

export const ledgerCommandSpec: Command = { run: ledgerCommand, usage };
