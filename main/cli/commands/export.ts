import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportBatch, type ExportFormat } from '../../sheets/exportBatch.ts';
import type { Command, CommandContext } from '../cliContext.ts';
import { CliError } from '../cliOutput.ts';
import { batchIdArg, openExistingStore } from '../cliStore.ts';

const usage = 'genvid export BATCH --format csv|xlsx [--failed-only] [--gbk] [-o FILE]';

/**
 * `genvid export BATCH`: the batch's rows with every input column and what Genvid recorded, or,
 * with --failed-only, the correction sheet to fix and import again.
 */
async function exportCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, 'failed-only': { type: 'boolean', default: false }, gbk: { type: 'boolean', default: false }, output: { type: 'string', short: 'o' } },
  });
  if (positionals.length !== 1) throw new CliError(`Usage: ${usage}`);
  if (values.format !== 'csv' && values.format !== 'xlsx') throw new CliError(`--format must be csv or xlsx${values.format ? `, not "${values.format}"` : ''}.`);
  if (values.gbk && values.format !== 'csv') throw new CliError('--gbk is for CSV files (XLSX always holds every character).');
  const format: ExportFormat = values.format === 'xlsx' ? 'xlsx' : values.gbk ? 'csv-gbk' : 'csv';
  const store = openExistingStore(context.dataDir);
  try {
    const batchId = batchIdArg(positionals[0], store);
    const correction = values['failed-only'];
    const file = resolve(values.output ?? `batch-${batchId}${correction ? '-failed' : ''}.${values.format}`);
    const result = exportBatch(store, { batchId, format, correction, locale: context.locale })!;
    try {
      writeFileSync(file, result.bytes);
    } catch (error) {
      throw new CliError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}.`);
    }
    context.out(file);
    context.err(`Wrote ${result.rows} row(s) to ${file}\n`);
    return 0;
  } finally {
    store.close();
  }
}

export const exportCommandSpec: Command = { run: exportCommand, usage };
