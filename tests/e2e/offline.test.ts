import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../main/db/store.ts';
import { databaseFile } from '../../main/paths/dataDir.ts';
import { startSimulator } from '../../main/simulator/server.ts';
import { screenshots, useChromium } from '../helpers/e2ePage.ts';
import { seedBatch } from '../helpers/seed.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { startWebProcess } from '../helpers/webProcess.ts';

const KEY = 'offline-test-key';
const chromium = useChromium();

/** A 3-row batch left running on KIE, so the app picks it up as it starts. */
function seedRunningBatch(dataDir: string): number {
  const store = openStore(databaseFile(dataDir));
  const batchId = seedBatch(store, 'Offline batch', 3, { resolution: '720p', durationS: 5 });
  store.jobs.setBatchOptions(batchId, 'kie', { provider: 'kie', concurrency: { profile: 'pro' }, polling: 'predictive', scheduling: 'continuous', outputDir: join(dataDir, 'videos'), caps: {} });
  store.jobs.queueBatchRows(batchId);
  store.jobs.setBatchStatus(batchId, 'running');
  store.close();
  return batchId;
}

describe('the app while the provider cannot be reached, in Chromium', { timeout: 90_000 }, () => {
  it('shows a banner while KIE is out of reach, keeps it across a reload, and clears it when KIE answers, the rows going on', async () => {
    // "KIE" is the simulator on this machine, taken off the network before the app starts.
    const kie = await startSimulator({ keys: [KEY], speed: 300 });
    onTestFinished(() => kie.close());
    await kie.setOnline(false);
    const dataDir = tempDir();
    const batchId = seedRunningBatch(dataDir);
    const web = await startWebProcess(['--port', '0', '--data-dir', dataDir], { GENVID_KIE_KEY: KEY, GENVID_KIE_BASE_URL: kie.baseUrls.kie });
    onTestFinished(() => web.stop());

    const page = await chromium.newPage();
    await page.goto(web.url);
    const banner = page.getByTestId('offline-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toMatch(/KIE cannot be reached \(since .+\)\. Runs on it wait, and go on by themselves/);
    expect(await banner.textContent()).toContain('ECONNREFUSED');
    await page.getByTestId(`open-batch-${batchId}`).click();
    await page.getByTestId('batch-grid').waitFor();
    await page.screenshot({ path: join(screenshots, 'offline-banner.png') });

    // A window opened during the outage learns of it too.
    await page.reload();
    await banner.waitFor();
    expect(await banner.getAttribute('role')).toBe('status');

    await kie.setOnline(true);
    // Checks come 2, 6, 14, 30 and 60 s into the outage: the next one is at most 30 s away.
    await banner.waitFor({ state: 'detached', timeout: 45_000 });
    // The waiting rows are sent, once each. (They then take KIE's real generation times to be
    // looked at; that the engine carries them to the end is tests/main/engine/outage.test.ts.)
    await page.getByTestId(`open-batch-${batchId}`).click();
    await expect.poll(() => page.getByTestId('count-generating').textContent(), { timeout: 15_000 }).toMatch(/3/);
    expect(kie.world.allTasks()).toHaveLength(3);
    await page.screenshot({ path: join(screenshots, 'offline-cleared.png') });
  });
});
