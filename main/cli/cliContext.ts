import type { Locale } from '../../shared/i18n/locale.ts';

/** What every command gets: where the data lives, the environment, and where to write. */
export interface CommandContext {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  locale: Locale;
  /** Results (stdout). */
  out: (text: string) => void;
  /** Progress and questions (stderr), so `--json` output stays clean. */
  err: (text: string) => void;
  /** Whether stderr is a terminal (live progress line) or a log (a line now and then). */
  interactive: boolean;
  /** Asks a yes/no question on the terminal; false when there is no terminal to ask. */
  confirm: (question: string) => Promise<boolean>;
}

export interface Command {
  run: (args: string[], context: CommandContext) => Promise<number>;
  usage: string;
}
