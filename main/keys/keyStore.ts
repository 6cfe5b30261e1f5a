import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyStorage } from '../../shared/contract/providerSchemas.ts';

export type KeyedProvider = 'kie' | 'fal' | 'openai';

/** Where the creator's provider keys are kept. Keys go in and are used in main; they never go back out to a page. */
export interface KeyStore {
  readonly storage: KeyStorage;
  get(provider: KeyedProvider): string | undefined;
  set(provider: KeyedProvider, key: string): void;
  clear(provider: KeyedProvider): void;
}

export const KEYS_FILE = 'keys.json';

/**
 * A store of values in one JSON file that only this OS user can read or write (mode 0600), replaced
 * whole on each change so a crash never leaves half a file. `encode`/`decode` let the desktop app
 * keep each value encrypted with the OS keychain; browser mode and the command line keep them as is.
 */
export class FileKeyStore implements KeyStore {
  readonly storage: KeyStorage;
  private readonly file: string;
  private readonly encode: (key: string) => string;
  private readonly decode: (stored: string) => string;

  constructor(dataDir: string, options: { file?: string; kind?: KeyStorage['kind']; encode?: (key: string) => string; decode?: (stored: string) => string } = {}) {
    this.file = join(dataDir, options.file ?? KEYS_FILE);
    this.storage = { kind: options.kind ?? 'user-file', location: this.file };
    this.encode = options.encode ?? ((key) => key);
    this.decode = options.decode ?? ((stored) => stored);
  }

  get(provider: KeyedProvider): string | undefined {
    const stored = this.read()[provider];
    if (stored === undefined) return undefined;
    try {
      return this.decode(stored);
    } catch {
      // A key encrypted by another user account or machine cannot be read: treat it as absent.
      return undefined;
    }
  }

  set(provider: KeyedProvider, key: string): void {
    this.write({ ...this.read(), [provider]: this.encode(key) });
  }

  clear(provider: KeyedProvider): void {
    const keys = this.read();
    delete keys[provider];
    this.write(keys);
  }

  private read(): Partial<Record<KeyedProvider, string>> {
    if (!existsSync(this.file)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Partial<Record<KeyedProvider, string>>) : {};
    } catch {
      return {};
    }
  }

  private write(keys: Partial<Record<KeyedProvider, string>>): void {
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
    // The mode above applies only to a new file; an old temporary file keeps its own.
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.file);
  }
}
