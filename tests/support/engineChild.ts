// A batch run in its own process, for the crash test: `node engineChild.ts <dataDir> <simUrl> <key>
// <batchId> <outputDir> <speed>`. It recovers whatever a previous (killed) run left, starts the batch
// if it never started, runs it to the end and exits 0.
import { join } from 'node:path';
import { scaledClock } from '../../main/clock/clock.ts';
import { openStore } from '../../main/db/store.ts';
import { BatchEngine } from '../../main/engine/batchEngine.ts';
import { loadCatalog } from '../../main/providers/catalog/loadCatalog.ts';
import { providerAt } from '../../main/providers/connections.ts';

const [dataDir, simUrl, key, batchIdText, outputDir, speedText] = process.argv.slice(2);
const clock = scaledClock(Number(speedText));
const store = openStore(join(dataDir!, 'genvid.db'), () => clock.now());
const batchId = Number(batchIdText);
const engine = new BatchEngine({
  store,
  catalog: loadCatalog().catalog,
  clock,
  random: Math.random,
  provider: async () => providerAt('kie', simUrl!, key!, clock),
  onRowChanged: () => {},
});

await engine.recover();
let run = engine.run(batchId);
if (!run && store.jobs.batch(batchId)!.status === 'draft') {
  run = await engine.start(batchId, { provider: 'sandbox', concurrency: { profile: 'custom', custom: 6 }, outputDir: outputDir! });
}
await run?.settled();
engine.close();
store.close();
process.stdout.write('finished\n');
