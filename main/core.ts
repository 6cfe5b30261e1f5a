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
import type { Settings } from '../shared/domain/settings.ts';
import { defaultSettings, readSettings } from './settings/settingsService.ts';
import { FileKeyStore, type KeyStore } from './keys/keyStore.ts';
import { systemDesktopActions, type DesktopActions } from './media/desktopActions.ts';
import { ImportSessions } from './sheets/importSessions.ts';
import type { BatchSummary } from '../shared/domain/batch.ts';

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
  /** Where provider keys are kept (the desktop app: encrypted with the OS keychain); default a user-only file in the data folder. */
  keyStore?: KeyStore;
  /** Opening files and notifying; default: the OS's own commands. */
  desktop?: DesktopActions;
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
  readonly keys: KeyStore;
  /** The settings as stored now. */
  settings(): Settings;
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
  // Each message carries the changed rows and their batches counted again, for the batch bar.
  const summariesOf = (batchIds: Iterable<number>) => [...new Set(batchIds)].map((id) => store.batches.summary(id)).filter((summary): summary is BatchSummary => summary !== undefined);
  const rowPatches = new RowPatchCoalescer((patches) => events.emit('rowPatches', { patches, batches: summariesOf(patches.map((patch) => patch.batchId)) }));
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
  const env = options.env ?? process.env;
  const keys = options.keyStore ?? new FileKeyStore(options.dataDir);
  const settings = () => readSettings(store.settings, settingsDefaults);
  const provider = (choice: ProviderChoiceId, baseUrl?: string) => providerHandle(choice, { sandbox, env, clock, keys, baseUrls: settings().baseUrls, baseUrl });
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
    onConnectivity: (outages) => events.emit('connectivity', { outages }),
    onBatchAttention: (batchId, what, reason) => {
      // The rows' last changes go first, so the toast never announces what the grid does not show yet.
      rowPatches.flush();
      const summaries = summariesOf([batchId]);
      events.emit('rowPatches', { patches: [], batches: summaries });
      events.emit('attention', { batchId, batchName: summaries[0]?.name ?? `#${batchId}`, what, reason: reason?.kind ?? null, detail: reason?.detail ?? null });
    },
  });
  // Interrupted work is reconciled before anything new (product §3.9).
  const recovered = engine.recover().then(
    () => undefined,
    (error: unknown) => report(error, 'recovery'),
  );
  const imports = new ImportSessions({ store, catalog, settings, locale: () => settings().language });
  const desktop = options.desktop ?? systemDesktopActions();
  const dispatch = createDispatcher(createHandlers({ store, appInfo, settingsDefaults, catalog, engine, provider, keys, env, imports, desktop, now }), report);
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
    keys,
    settings,
    async close() {
      engine.close();
      rowPatches.flush();
      await sandbox.close();
      store.close();
      unlock();
    },
  };
}
