import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import type { DoneRow } from '../../db/sheetsRepo.ts';
import { openStore } from '../../db/store.ts';
import { databaseFile } from '../../paths/dataDir.ts';
import { defaultSettings, readSettings, sheetLimitsOf } from '../../settings/settingsService.ts';
import { loadCatalog, USER_CATALOG_FILE } from '../../providers/catalog/loadCatalog.ts';
import type { InspectedRow, SheetInspection } from '../../sheets/inspectSheet.ts';
import { sheetReadErrorText } from '../../sheets/sheetErrors.ts';
import type { SheetReadError } from '../../sheets/sheetTypes.ts';
import { cellIssueText } from '../../sheets/validate/sheetIssues.ts';
import type { Command, CommandContext } from '../cliContext.ts';
import { CliError } from '../cliOutput.ts';
import { encodingArg, providerArg } from '../sheetFile.ts';
import { inspectSheetFile } from '../../sheets/inspectSheetFile.ts';

const checkUsage = 'genvid check SHEET [--sheet NAME] [--encoding ENC] [--provider sandbox|kie|fal|openai] [--model ID] [--json]';

/**
 * `genvid check SHEET`: reads, maps and validates a sheet without creating anything. Exit 0 when
 * every row can run, 1 when some rows have problems, 2 when the file cannot be read at all.
 */
async function checkCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      encoding: { type: 'string' },
      provider: { type: 'string', default: 'sandbox' },
      model: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const { locale } = context;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError(`Usage: ${checkUsage}`);
  const { provider, catalogProvider } = providerArg(values.provider);
  const encoding = encodingArg(values.encoding);
  const { catalog } = loadCatalog(join(context.dataDir, USER_CATALOG_FILE));
  if (values.model && !catalog.find(catalogProvider, values.model)) throw new CliError(`There is no model "${values.model}" at ${provider}.`);

  const readError = (error: SheetReadError) => {
    const message = sheetReadErrorText(error, locale);
    if (values.json) context.out(JSON.stringify({ file, format: null, encoding: null, sheet: null, headerRow: null, mapping: {}, rows: [], errors: [{ code: error.code, message }] }));
    else context.out(`genvid check: ${message}`);
    return 2;
  };
  // The app's database, if there is one, gives saved mappings and earlier videos; check never creates it.
  const store = existsSync(databaseFile(context.dataDir)) ? openStore(databaseFile(context.dataDir)) : undefined;
  try {
    const defaults = defaultSettings({ locale: undefined, homeDir: homedir() });
    const { importLimits } = store ? readSettings(store.settings, defaults) : defaults;
    const result = await inspectSheetFile(file, {
      encoding,
      sheet: values.sheet,
      limits: sheetLimitsOf({ importLimits }),
      provider: catalogProvider,
      defaultModel: values.model,
      templates: store?.sheets.allMappingTemplates() ?? {},
      catalogEntries: [...catalog.entries],
    });
    if (!result.ok) return readError(result.error);
    const inspection = { ...result.inspection, rows: result.inspection.allRows() };
    const keys = inspection.rows.map((row) => row.duplicateKey).filter((key) => key !== null);
    const done = store?.sheets.doneRowsByKey(keys) ?? new Map<string, DoneRow>();
    const hasProblems = inspection.sheetIssues.length > 0 || inspection.rows.some((row) => row.issues.length > 0);
    context.out(values.json ? JSON.stringify(checkJson(file, inspection, done, locale)) : checkText(file, inspection, done, locale));
    return hasProblems ? 1 : 0;
  } finally {
    store?.close();
  }
}

function fieldsOf(row: InspectedRow) {
  const { request } = row;
  return {
    prompt: request.prompt,
    model: row.model,
    resolution: request.resolution ?? textOrNull(row.raw?.resolution),
    duration: request.durationS ?? textOrNull(row.raw?.duration),
    aspect: request.aspectRatio ?? textOrNull(row.raw?.aspect),
    image: request.images?.join('\n') ?? null,
    name: row.name,
    takes: row.issues.some((issue) => issue.field === 'takes') ? textOrNull(row.raw?.takes) : row.takes,
  };
}

const textOrNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

function checkJson(file: string, inspection: SheetInspection, done: Map<string, DoneRow>, locale: Locale) {
  const mapping: Record<string, string> = {};
  for (const column of inspection.columns) if (column.field) mapping[column.field] = column.header;
  return {
    file,
    format: inspection.grid.format,
    encoding: inspection.grid.encoding,
    sheet: inspection.grid.sheet,
    headerRow: inspection.headerRow,
    mapping,
    rows: inspection.rows.map((row) => ({
      row: row.row,
      fields: fieldsOf(row),
      errors: row.issues.map((issue) => ({ field: issue.field, code: issue.code, message: cellIssueText(issue, locale) })),
      ...(row.sameAsRow !== null ? { sameAsRow: row.sameAsRow } : {}),
      ...doneDuplicate(row, done),
    })),
    errors: inspection.sheetIssues.map((issue) => ({ code: issue.code, message: cellIssueText(issue, locale) })),
  };
}

function checkText(file: string, inspection: SheetInspection, done: Map<string, DoneRow>, locale: Locale): string {
  const { grid } = inspection;
  const lines = [
    `${file}: ${grid.format}${grid.encoding ? `, ${grid.encoding}` : ''}${grid.sheet ? `, sheet "${grid.sheet}"` : ''}, header on row ${inspection.headerRow}`,
    `columns: ${inspection.columns.map((column) => `${column.header} → ${column.field ?? '—'}${column.field && column.confidence < 1 ? ' (?)' : ''}`).join(', ')}`,
  ];
  for (const issue of inspection.sheetIssues) lines.push(`  ${cellIssueText(issue, locale)}`);
  const withIssues = inspection.rows.filter((row) => row.issues.length > 0);
  for (const row of withIssues) {
    for (const issue of row.issues) lines.push(`  row ${row.row}, ${inspection.mapping[issue.field] ?? issue.field}: ${cellIssueText(issue, locale)}`);
  }
  for (const row of inspection.rows) {
    if (row.sameAsRow !== null) lines.push(`  row ${row.row}: ${translate(locale, 'sheet.duplicateOf', { row: row.sameAsRow })}`);
    const earlier = doneDuplicate(row, done).sameAsDone;
    if (earlier) lines.push(`  row ${row.row}: ${translate(locale, 'sheet.duplicateOfDone', earlier)}`);
  }
  const ok = inspection.rows.length - withIssues.length;
  lines.push(translate(locale, 'sheet.checkSummary', { rows: inspection.rows.length, ok, problems: withIssues.length }));
  return lines.join('\n');
}

/** A done row of an earlier batch making the same video: the creator may reuse it instead. */
function doneDuplicate(row: InspectedRow, done: Map<string, DoneRow>): { sameAsDone?: { batch: number; row: number } } {
  const earlier = row.duplicateKey === null ? undefined : done.get(row.duplicateKey);
  return earlier ? { sameAsDone: { batch: earlier.batchId, row: earlier.rowNumber } } : {};
}

export const checkCommandSpec: Command = { run: checkCommand, usage: checkUsage };
