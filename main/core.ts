import { homedir } from 'node:os';
import packageJson from '../package.json' with { type: 'json' };
import type { AppInfo } from '../shared/contract/calls.ts';
import { createDispatcher, type Dispatch } from './api/dispatcher.ts';
import { EventHub } from './api/eventHub.ts';
import { createHandlers } from './api/handlers.ts';
import { RowPatchCoalescer } from './api/rowPatchCoalescer.ts';
import { openStore, type Store } from './db/store.ts';
import { databaseFile } from './paths/dataDir.ts';
import { lockEngine } from './paths/engineLock.ts';
import { join } from 'node:path';
import type { Catalog } from './providers/catalog/catalog.ts';
import { loadCatalog, USER_CATALOG_FILE } from './providers/catalog/loadCatalog.ts';
import { Sandbox } from './providers/sandbox.ts';
import { providerHandle } from './providers/connections.ts';
import { systemClock, type Clock } from './clock/clock.ts';
import { BatchEngine } from './engine/batchEngine.ts';
import type { ProviderHandle } from './engine/engineDeps.ts';
import type { ProviderChoiceId } from '../shared/providers/choices.ts';
import { defaultSettings } from './settings/settingsService.ts';

export interface CoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  electronVersion?: string | null;
  /** The OS language tag, for the first-run language. */
  locale?: string | undefined;
  homeDir?: string;
  /** The engine's clock (tests may pass a scaled one). */
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** How much faster than the core's clock the embedded Sandbox simulator runs (default 10). */
  sandboxSpeed?: number;
  onInternalError?: (error: unknown, context: string) => void;
}

/** Main's services, independent of Electron: what the desktop app, browser mode and tests run. */
export interface GenvidCore {
  readonly store: Store;
  readonly events: EventHub;
  /** Where row changes go; they reach the renderer coalesced. */
  readonly rowPatches: RowPatchCoalescer;
  readonly dispatch: Dispatch;
  readonly catalog: Catalog;
  /** The built-in simulated provider, started on first use. */
  readonly sandbox: Sandbox;
  readonly engine: BatchEngine;
  /** The provider a batch runs on (the Sandbox, or a real one with the creator's key). */
  readonly provider: (choice: ProviderChoiceId, baseUrl?: string) => Promise<ProviderHandle>;
  /** Settles once start-up recovery (reconciling interrupted batches) is done. */
  readonly recovered: Promise<void>;
  close(): Promise<void>;
}

export function openCore(options: CoreOptions): GenvidCore {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const unlock = lockEngine(options.dataDir);
  let store: Store;
  try {
    store = openStore(databaseFile(options.dataDir), now);
  } catch (error) {
    unlock();
    throw error;
  }
  const { catalog, problems: catalogProblems } = loadCatalog(join(options.dataDir, USER_CATALOG_FILE));
  const sandbox = new Sandbox(catalog, clock, options.sandboxSpeed);
  const events = new EventHub();
  const rowPatches = new RowPatchCoalescer((patches) => events.emit('rowPatches', { patches }));
  const appInfo: AppInfo = {
    name: packageJson.productName,
    version: packageJson.version,
    shell: options.shell,
    platform: process.platform,
    nodeVersion: process.versions.node,
    electronVersion: options.electronVersion ?? null,
    dataDir: options.dataDir,
    databasePath: store.file,
    schemaVersion: store.schemaVersion,
    catalogProblems,
  };
  const settingsDefaults = defaultSettings({ locale: options.locale, homeDir: options.homeDir ?? homedir() });
  const report = options.onInternalError ?? ((error, context) => console.error(`[genvid] ${context} failed:`, error));
  const provider = (choice: ProviderChoiceId, baseUrl?: string) => providerHandle(choice, { sandbox, env: options.env ?? process.env, clock, baseUrl });
  const engine = new BatchEngine({
    store,
    catalog,
    clock,
    random: Math.random,
    provider,
    onRowChanged: (rowId) => {
      const row = store.rows.view(rowId);
      if (row) rowPatches.push(row);
    },
  });
  // Interrupted work is reconciled before anything new (product §3.9).
  const recovered = engine.recover().then(
    () => undefined,
    (error: unknown) => report(error, 'recovery'),
  );
  const dispatch = createDispatcher(createHandlers({ store, appInfo, settingsDefaults, catalog, engine, provider, now }), report);
  return {
    store,
    events,
    rowPatches,
    dispatch,
    catalog,
    sandbox,
    engine,
    provider,
    recovered,
    async close() {
      engine.close();
      rowPatches.flush();
      await sandbox.close();
      store.close();
      unlock();
    },
  };
}
