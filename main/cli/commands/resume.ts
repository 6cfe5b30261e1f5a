import { parseArgs } from 'node:util';
import { ProviderChoiceIdSchema } from '../../../shared/providers/choices.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import type { Command, CommandContext } from '../cliContext.ts';
import { CliError } from '../cliOutput.ts';
import { batchIdArg, openEngine, providerHandleFor } from '../cliStore.ts';
import { driveBatch } from '../driveBatch.ts';

const resumeUsage = 'genvid resume [BATCH]';
const retryUsage = 'genvid retry-failed BATCH';

/** Batches that have work left: paused, or running when the last process stopped. */
function unfinishedBatch(batches: { id: number; status: string }[]): number | undefined {
  return batches.find((batch) => batch.status === 'paused' || batch.status === 'running')?.id;
}

/**
 * `genvid resume [BATCH]`: carries on a paused or interrupted batch (the newest such one by
 * default): jobs still at the provider are collected, rows not yet sent are submitted.
 */
async function resumeCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'sandbox-speed': { type: 'string', default: '20' } } });
  if (positionals.length > 1) throw new CliError(`Usage: ${resumeUsage}`);
  const core = await openEngine(context.dataDir, context.env, Number(values['sandbox-speed']));
  try {
    const batchId = positionals[0] !== undefined ? batchIdArg(positionals[0], core.store) : unfinishedBatch(core.store.batches.list());
    if (batchId === undefined) {
      context.err(`${translate(context.locale, 'cli.nothingToResume')}\n`);
      return 0;
    }
    const batch = core.store.jobs.batch(batchId)!;
    if (batch.status === 'completed' || batch.status === 'cancelled') {
      context.err(`${translate(context.locale, 'cli.batchOver', { batch: batchId, status: batch.status })}\n`);
      return 0;
    }
    if (batch.provider) await providerHandleFor(core, ProviderChoiceIdSchema.parse(batch.provider), batch.options.baseUrl as string | undefined);
    // Start-up recovery may already have picked it up (it was running when the last process stopped).
    await core.engine.resume(batchId).catch((error: Error) => {
      throw new CliError(error.message.includes('never been started') ? `Batch ${batchId} was never started: start it with genvid run, or in the app.` : error.message);
    });
    context.err(`${translate(context.locale, 'cli.resuming', { batch: batchId })}\n`);
    return await driveBatch(core, core.engine.run(batchId)!, batchId, context);
  } finally {
    await core.close();
  }
}

/** `genvid retry-failed BATCH`: runs the failed rows again in place (their attempt history kept). */
async function retryFailedCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'sandbox-speed': { type: 'string', default: '20' } } });
  if (positionals.length !== 1) throw new CliError(`Usage: ${retryUsage}`);
  const core = await openEngine(context.dataDir, context.env, Number(values['sandbox-speed']));
  try {
    const batchId = batchIdArg(positionals[0], core.store);
    const failed = core.store.jobs.rowsOf(batchId).filter((row) => row.status === 'failed');
    if (failed.length === 0) {
      context.err(`${translate(context.locale, 'cli.noFailedRows', { batch: batchId })}\n`);
      return 0;
    }
    const batch = core.store.jobs.batch(batchId)!;
    if (batch.provider) await providerHandleFor(core, ProviderChoiceIdSchema.parse(batch.provider), batch.options.baseUrl as string | undefined);
    const rerun = await core.engine.rerun(batchId, failed.map((row) => row.rowId)).catch((error: Error) => {
      throw new CliError(error.message.includes('never been started') ? `Batch ${batchId} was never started: start it with genvid run, or in the app.` : error.message);
    });
    context.err(`${translate(context.locale, 'cli.retrying', { count: rerun.length, batch: batchId })}\n`);
    return await driveBatch(core, core.engine.run(batchId)!, batchId, context);
  } finally {
    await core.close();
  }
}

export const resumeCommandSpec: Command = { run: resumeCommand, usage: resumeUsage };
export const retryFailedCommandSpec: Command = { run: retryFailedCommand, usage: retryUsage };
