import { resolveLocale, type Locale } from '../../shared/i18n/locale.ts';

/** A failure the command line reports as one clear line and an exit code, never a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** The language for messages: `--lang`, else the terminal's (LC_ALL, LC_MESSAGES, LANG). */
export function cliLocale(flag: string | undefined, env: NodeJS.ProcessEnv): Locale {
  return resolveLocale(flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}
