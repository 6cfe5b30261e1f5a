import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { scaledClock, type Clock } from '../../main/clock/clock.ts';
import { openStore, type Store } from '../../main/db/store.ts';
import { BatchEngine } from '../../main/engine/batchEngine.ts';
import type { EngineDeps } from '../../main/engine/engineDeps.ts';
import type { Outage } from '../../main/engine/reachability.ts';
import type { Catalog } from '../../main/providers/catalog/catalog.ts';
import { loadCatalog } from '../../main/providers/catalog/loadCatalog.ts';
import type { FaultSpec } from '../../main/simulator/faults.ts';
import { startSimulator, type RunningSimulator } from '../../main/simulator/server.ts';
import { seededRandom } from '../../main/simulator/random.ts';
import type { NewRow } from '../../main/db/rowsRepo.ts';
import { tempDir } from './tempDir.ts';
import { providerAt } from '../../main/providers/connections.ts';

export const ENGINE_KEY = 'engine-test-key';

export interface Harness {
  clock: Clock;
  store: Store;
  sim: RunningSimulator;
  engine: BatchEngine;
  outputDir: string;
  changedRows: Set<number>;
  /** What the engine said of reachability, in order: the providers out of reach after each change. */
  connectivity: Outage[][];
  /** A fresh engine over the same database and simulator, as after a restart. */
  restart(): BatchEngine;
}

/**
 * The real engine against the real simulator and a real SQLite file, on one clock running
 * `speed` times faster than real time.
 */
export async function engineHarness(options: { speed?: number; faults?: FaultSpec[]; catalog?: Catalog; balance?: { credits: number; usd: number }; seed?: number } = {}): Promise<Harness> {
  const clock = scaledClock(options.speed ?? 2_000);
  const dir = tempDir('genvid-engine-');
  const store = openStore(join(dir, 'genvid.db'), () => clock.now());
  const catalog = options.catalog ?? loadCatalog().catalog;
  const sim = await startSimulator({ clock, catalog, keys: [ENGINE_KEY], seed: options.seed ?? 3, ...(options.faults ? { faults: options.faults } : {}), ...(options.balance ? { balance: options.balance } : {}) });
  const changedRows = new Set<number>();
  const connectivity: Outage[][] = [];
  const engines: BatchEngine[] = [];
  const make = () => {
    const deps: EngineDeps = {
      store,
      catalog,
      clock,
      random: seededRandom(options.seed ?? 5),
      provider: async () => providerAt('kie', sim.baseUrls.kie, ENGINE_KEY, clock),
      onRowChanged: (rowId) => changedRows.add(rowId),
      onConnectivity: (outages) => connectivity.push(outages),
    };
    const engine = new BatchEngine(deps);
    engines.push(engine);
    return engine;
  };
  onTestFinished(async () => {
    for (const engine of engines) engine.close();
    await sim.close();
    store.close();
  });
  return { clock, store, sim, engine: make(), outputDir: join(dir, 'videos'), changedRows, connectivity, restart: make };
}

/** A batch of rows with distinct prompts (so simulator tasks can be matched to rows). */
export function seedRows(store: Store, rows: Partial<NewRow>[], name = 'test batch'): number {
  const batchId = store.batches.create({ name, sourceFile: `${name}.xlsx`, provider: 'sandbox' });
  store.rows.insertMany(
    batchId,
    rows.map((row, i) => ({ rowNumber: i + 1, prompt: `row ${i + 1}: a short scene`, model: 'kling-3.0', resolution: '720p', durationS: 5, ...row })),
  );
  return batchId;
}

/** How many tasks the simulator created for each prompt. */
export function createsByPrompt(sim: RunningSimulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of sim.world.allTasks()) counts.set(task.request.prompt, (counts.get(task.request.prompt) ?? 0) + 1);
  return counts;
}

/** Every finished row's file exists and is the MP4 the simulator served. */
export function filesOf(store: Store, batchId: number): { path: string; bytes: Buffer }[] {
  return store.jobs
    .attemptsOfBatch(batchId)
    .filter((attempt) => attempt.status === 'succeeded')
    .map((attempt) => ({ path: attempt.filePath!, bytes: existsSync(attempt.filePath!) ? readFileSync(attempt.filePath!) : Buffer.alloc(0) }));
}
