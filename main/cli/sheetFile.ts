import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ModelEntry, ProviderId } from '../../shared/catalog/schema.ts';
import { ProviderChoiceIdSchema, providerChoices, type ProviderChoiceId } from '../../shared/providers/choices.ts';
import { inspectInWorker, type InspectInWorkerResult } from '../sheets/inspectInWorker.ts';
import type { ColumnMapping } from '../sheets/map/mapColumns.ts';
import { tooLarge } from '../sheets/read/readErrors.ts';
import { textEncodings, type SheetLimits, type TextEncoding } from '../sheets/sheetTypes.ts';
import { CliError } from './cliOutput.ts';

/** `--provider`: one of the choices, with the catalog it uses. */
export function providerArg(value: string | undefined): { provider: ProviderChoiceId; catalogProvider: ProviderId } {
  const parsed = ProviderChoiceIdSchema.safeParse(value);
  if (!parsed.success) throw new CliError(`Unknown provider "${value}": choose sandbox, kie, fal or openai.`);
  return { provider: parsed.data, catalogProvider: providerChoices.find((choice) => choice.id === parsed.data)!.catalogProvider };
}

/** `--encoding`: a text encoding Genvid reads, or none (detect). */
export function encodingArg(value: string | undefined): TextEncoding | undefined {
  const encoding = value?.toLowerCase();
  if (encoding !== undefined && !(textEncodings as readonly string[]).includes(encoding)) throw new CliError(`Unknown encoding "${value}": choose ${textEncodings.join(', ')}.`);
  return encoding as TextEncoding | undefined;
}

/**
 * A sheet file read, mapped and checked in the worker. A missing file or one over the size limit
 * is refused before it is read, so a huge file is never loaded just to be refused. Errors name the
 * file as the user gave it.
 */
export async function inspectSheetFile(
  file: string,
  options: { encoding: TextEncoding | undefined; sheet: string | undefined; limits: SheetLimits; provider: ProviderId; defaultModel: string | undefined; templates: Record<string, ColumnMapping>; catalogEntries: ModelEntry[] },
): Promise<InspectInWorkerResult> {
  if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, error: { code: 'missing_file', params: { file } } };
  const oversized = tooLarge(statSync(file).size, basename(file), options.limits.maxBytes);
  if (oversized) return oversized;
  const result = await inspectInWorker({ bytes: readFileSync(file), fileName: basename(file), ...options });
  return result.ok ? result : { ok: false, error: { ...result.error, params: { file: basename(file), ...result.error.params } } };
}
