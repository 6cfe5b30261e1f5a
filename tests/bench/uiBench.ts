// The renderer benchmark: `npm run bench:ui [-- --rows N] [-- --in-flight N] [-- --seconds S]`.
// A 10,000-row batch runs on the Sandbox with 500 jobs in flight (the engine at 25× time, so the
// provider's 20 creates per 10 s still bound the ramp) behind browser mode, exactly as a creator's
// machine runs it. Chromium opens the batch and scrolls its grid for S seconds while the rows change
// live; the page records every frame's duration (requestAnimationFrame deltas) and every update
// message the engine pushes. It prints frame-time percentiles and the most messages in any second.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scaledClock } from '../../main/clock/clock.ts';
import { openCore } from '../../main/core.ts';
import { startBrowserMode } from '../../main/web/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { seedRows } from '../helpers/engineHarness.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, 'in-flight': { type: 'string', default: '500' }, seconds: { type: 'string', default: '20' } } });
const rows = Number(values.rows);
const inFlightTarget = Number(values['in-flight']);
const seconds = Number(values.seconds);

const dataDir = mkdtempSync(join(tmpdir(), 'genvid-uibench-'));
const core = openCore({ dataDir, shell: 'browser', locale: 'en-US', clock: scaledClock(25), sandboxSpeed: 1 });
await core.dispatch('updateSettings', { outputDir: join(dataDir, 'videos') });
// Long generations (10 s videos, 1080p) so that 500 jobs are in flight at once under the create limit.
const batchId = seedRows(
  core.store,
  Array.from({ length: rows }, (_, i) => ({ prompt: `row ${i + 1}: a product turning on a table, soft light`, model: i % 2 === 0 ? 'kling-3.0' : 'veo-3.1-fast', resolution: '1080p', durationS: i % 2 === 0 ? 10 : 8 })),
  'ui bench',
);
const server = await startBrowserMode({ core, rendererDir: fileURLToPath(new URL('../../out/renderer/', import.meta.url)), port: 0 });
const started = await core.dispatch('startBatch', { batchId, provider: 'sandbox', concurrency: { profile: 'custom', custom: inFlightTarget } });
if (!started.ok) throw new Error(JSON.stringify(started.error));

const inFlight = () => {
  const counts = core.store.batches.statusCounts(batchId);
  return (counts.submitting ?? 0) + (counts.generating ?? 0) + (counts.downloading ?? 0);
};
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Count the engine's update messages as the page receives them, per second.
  await page.addInitScript(() => {
    const perSecond: Record<number, number> = {};
    (globalThis as unknown as { genvidMessages: Record<number, number> }).genvidMessages = perSecond;
    const Native = globalThis.WebSocket;
    globalThis.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof Native>) {
        super(...args);
        this.addEventListener('message', (event) => {
          if (typeof event.data === 'string' && event.data.startsWith('{"event"')) {
            const second = Math.floor(performance.now() / 1000);
            perSecond[second] = (perSecond[second] ?? 0) + 1;
          }
        });
      }
    };
  });
  await page.goto(server.url);
  await page.getByTestId(`open-batch-${batchId}`).click();
  await page.getByTestId('batch-grid').waitFor();

  const rampStart = Date.now();
  while (inFlight() < inFlightTarget * 0.9 && Date.now() - rampStart < 120_000) await new Promise((resolve) => setTimeout(resolve, 500));
  const inFlightAtStart = inFlight();
  const doneAtStart = core.store.batches.statusCounts(batchId).done ?? 0;

  const frames = await page.evaluate(async (durationMs) => {
    // This runs in the page: its globals, typed here by hand (the Node project has no DOM types).
    type Scrollable = { scrollTop: number; clientHeight: number; scrollHeight: number };
    const web = globalThis as unknown as { document: { querySelector(selector: string): Scrollable }; requestAnimationFrame(step: (now: number) => void): void };
    const requestAnimationFrame = web.requestAnimationFrame.bind(globalThis);
    const grid = web.document.querySelector('[data-testid="batch-grid"]');
    const deltas: number[] = [];
    let direction = 1;
    let last = performance.now();
    const end = last + durationMs;
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        deltas.push(now - last);
        last = now;
        // About a screen a second, the way a person flicks through a long sheet; back up at the end.
        if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 2) direction = -1;
        else if (grid.scrollTop <= 0) direction = 1;
        grid.scrollTop += direction * 40;
        if (now < end) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return deltas.slice(1);
  }, seconds * 1000);
  const perSecond = Object.values(await page.evaluate(() => (globalThis as unknown as { genvidMessages: Record<number, number> }).genvidMessages));

  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const result = {
    rows,
    inFlightAtStart,
    inFlightAtEnd: inFlight(),
    rowsDoneWhileScrolling: (core.store.batches.statusCounts(batchId).done ?? 0) - doneAtStart,
    frames: frames.length,
    frameMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! },
    updateMessagesPerSecondMax: Math.max(...perSecond),
  };
  console.log(JSON.stringify(result, (key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 10) / 10 : value), 2));
} finally {
  await browser.close();
  await server.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
}
