import type { ProviderId } from '../../shared/catalog/schema.ts';
import { ProviderChoiceIdSchema, providerChoices, type ProviderChoiceId } from '../../shared/providers/choices.ts';
import { textEncodings, type TextEncoding } from '../sheets/sheetTypes.ts';
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
