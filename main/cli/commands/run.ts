import { homedir } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ConcurrencySetting } from '../../../shared/domain/concurrency.ts';
import type { ProviderChoiceId } from '../../../shared/providers/choices.ts';
import { planBatch } from '../../engine/preflight.ts';
import { readSettings, defaultSettings, sheetLimitsOf } from '../../settings/settingsService.ts';
import { applyCorrections, importInspection, type CorrectionSummary } from '../../sheets/importRows.ts';
import type { SheetInspection } from '../../sheets/inspectSheet.ts';
import { cellIssueText } from '../../sheets/validate/sheetIssues.ts';
import type { GenvidCore } from '../../core.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import { sheetReadErrorText } from '../../sheets/sheetErrors.ts';
import type { Command, CommandContext } from '../cliContext.ts';
import { CliError } from '../cliOutput.ts';
import { openEngine, providerHandleFor } from '../cliStore.ts';
import { driveBatch } from '../driveBatch.ts';
import { planText } from '../planText.ts';
import { encodingArg, providerArg } from '../sheetFile.ts';
import { inspectSheetFile } from '../../sheets/inspectSheetFile.ts';

const usage =
  'genvid run SHEET [--provider sandbox|kie|fal|openai] [--model ID] [--out DIR] [--profile free|pro|pro+|enterprise | --concurrency N] [--budget AMOUNT] [--base-url URL] [--sheet NAME] [--encoding ENC] [--yes]';

const profiles = ['free', 'pro', 'pro+', 'enterprise'] as const;

/** A checked --base-url: an http(s) address, for a real provider only. */
function baseUrlOf(provider: ProviderChoiceId, baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined) return undefined;
  if (provider === 'sandbox') throw new CliError('--base-url is for a real provider (kie, fal or openai); the sandbox runs inside Genvid.');
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl) || !URL.canParse(baseUrl)) throw new CliError(`--base-url must be an http(s) address, not "${baseUrl}".`);
  return baseUrl.replace(/\/+$/, '');
}

function concurrencyOf(values: { profile?: string | undefined; concurrency?: string | undefined }): ConcurrencySetting {
  if (values.profile !== undefined && values.concurrency !== undefined) throw new CliError('Give either --profile or --concurrency, not both.');
  if (values.concurrency !== undefined) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new CliError(`--concurrency must be a whole number from 1 to 1000, not "${values.concurrency}".`);
    return { profile: 'custom', custom: n };
  }
  const profile = values.profile ?? 'pro';
  if (!(profiles as readonly string[]).includes(profile)) throw new CliError(`Unknown profile "${profile}": choose ${profiles.join(', ')}.`);
  return { profile: profile as (typeof profiles)[number] };
}

async function runCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      provider: { type: 'string', default: 'sandbox' },
      model: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string' },
      concurrency: { type: 'string' },
      budget: { type: 'string' },
      'base-url': { type: 'string' },
      sheet: { type: 'string' },
      encoding: { type: 'string' },
      yes: { type: 'boolean', short: 'y', default: false },
      'sandbox-speed': { type: 'string', default: '20' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError(`Usage: ${usage}`);
  const { provider, catalogProvider } = providerArg(values.provider);
  const concurrency = concurrencyOf(values);
  const budget = values.budget === undefined ? undefined : Number(values.budget);
  if (budget !== undefined && !(budget > 0)) throw new CliError(`--budget must be a positive amount in the provider's unit, not "${values.budget}".`);
  const encoding = encodingArg(values.encoding);
  const sandboxSpeed = Number(values['sandbox-speed']);
  if (!(sandboxSpeed > 0)) throw new CliError(`--sandbox-speed must be a positive number, not "${values['sandbox-speed']}".`);
  const baseUrl = baseUrlOf(provider, values['base-url']);

  const core = await openEngine(context.dataDir, context.env, sandboxSpeed);
  try {
    if (values.model && !core.catalog.find(catalogProvider, values.model)) throw new CliError(`There is no model "${values.model}" at ${provider}.`);
    // The key is checked before anything is imported.
    const handle = await providerHandleFor(core, provider, baseUrl);
    const settings = readSettings(core.store.settings, defaultSettings({ locale: context.env.LANG, homeDir: homedir() }));
    const inspected = await inspectSheetFile(file, {
      encoding,
      sheet: values.sheet,
      limits: sheetLimitsOf(settings),
      provider: catalogProvider,
      defaultModel: values.model,
      templates: core.store.sheets.allMappingTemplates(),
      catalogEntries: [...core.catalog.entries],
    });
    if (!inspected.ok) throw new CliError(sheetReadErrorText(inspected.error, context.locale));
    if (inspected.inspection.sheetIssues.length > 0) throw new CliError('No column holds the prompts: run `genvid check` on the sheet to see how its columns were read.');
    if (inspected.inspection.mapping.rowId) return await runCorrections(core, { ...inspected.inspection, rows: inspected.inspection.allRows() }, values.yes, context);
    const imported = await importInspection(core.store, inspected.inspection, { name: basename(file), file: resolve(file) }, { hidden: true });
    const caps = budget === undefined ? {} : { batchMicros: Math.round(budget * 1_000_000) };
    const plan = await planBatch({ store: core.store, catalog: core.catalog, handle, batchId: imported.batchId, options: { concurrency, caps }, now: Date.now() });
    context.err(`${planText(plan, { timeScale: handle.timeScale ?? 1, locale: context.locale })}\n`);
    if (!values.yes) {
      const go = await context.confirm(translate(context.locale, 'cli.confirmStart')).catch((error: unknown) => {
        core.store.sheets.discardImport(imported.batchId);
        throw error;
      });
      if (!go) {
        core.store.sheets.discardImport(imported.batchId);
        context.err(`${translate(context.locale, 'cli.notStarted')}\n`);
        return 1;
      }
    }
    core.store.sheets.finishImport(imported.batchId);
    const outputDir = resolve(values.out ?? settings.outputDir);
    const run = await core.engine.start(imported.batchId, { provider: provider, concurrency, caps, outputDir, ...(baseUrl ? { baseUrl } : {}) });
    context.err(`${translate(context.locale, 'cli.started', { batch: imported.batchId, dir: outputDir })}\n`);
    return await driveBatch(core, run, imported.batchId, context);
  } finally {
    await core.close();
  }
}

/**
 * A correction sheet (Genvid's failed-rows export, fixed): its rows update the batch's rows in
 * place, and those rows run again, keeping their attempt history. No new batch, no new rows.
 */
async function runCorrections(core: GenvidCore, inspection: SheetInspection, yes: boolean, context: CommandContext): Promise<number> {
  const preview = inspection.rows.filter((row) => row.issues.length > 0);
  for (const row of preview.slice(0, 10)) context.err(`row ${row.row}: ${row.issues.map((issue) => cellIssueText(issue, context.locale)).join(' ')}\n`);
  if (!yes && !(await context.confirm(translate(context.locale, 'cli.confirmCorrections')))) {
    context.err(`${translate(context.locale, 'cli.nothingChanged')}\n`);
    return 1;
  }
  const summary = applyCorrections(core.store, inspection);
  for (const skip of summary.skipped) context.err(`row ${skip.row}: not applied (${skipReasons[skip.reason]})\n`);
  if (summary.batchId === null || summary.updated.length === 0) throw new CliError('No row of this correction sheet could be applied: see the lines above.');
  const batchId = summary.batchId;
  const rerun = await core.engine.rerun(batchId, summary.updated).catch((error: Error) => {
    throw new CliError(error.message.includes('never been started') ? `Batch ${batchId} was never started: start it in the app first.` : error.message);
  });
  context.err(`${translate(context.locale, 'cli.corrected', { count: summary.updated.length, batch: batchId, rerun: rerun.length })}\n`);
  return await driveBatch(core, core.engine.run(batchId)!, batchId, context);
}

const skipReasons: Record<CorrectionSummary['skipped'][number]['reason'], string> = {
  no_row_id: 'it has no genvid_row_id, so it matches no row',
  unknown_row_id: 'its genvid_row_id is not a row of this database',
  other_batch: 'its row belongs to another batch than the rest of the sheet',
  running_or_done: 'that row is running or already done',
};

export const runCommandSpec: Command = { run: runCommand, usage };
