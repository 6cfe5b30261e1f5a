// The renderer benchmark: `npm run bench:ui [-- --rows N] [-- --in-flight N] [-- --seconds S]
// [-- --pace real|fast] [-- --input script|wheel] [-- --untraced] [-- --trace FILE]`.
// A 10,000-row batch runs on the Sandbox behind browser mode, exactly as a creator's machine runs
// it. The engine's clock runs 25× fast until 500 jobs are in flight (the provider's 20 creates per
// 10 s would otherwise take four minutes to get there), then, with `--pace real` (the default), at
// real time, as a real run goes; `--pace fast` keeps it at 25× as a stress. Chromium opens the batch
// and scrolls its grid for S seconds while the rows change live; the page records every frame's
// duration (requestAnimationFrame deltas) and every update message the engine pushes. It prints
// frame-time percentiles, the most messages in any second, where the page's main thread spent the
// time, and the CPU the engine's process and Chromium used. `--in-flight 0` scrolls a batch that
// is not running. `--input wheel` scrolls with the mouse wheel instead of setting scrollTop, and
// adds the display's frame times and Chrome's dropped and missing-content frame counts from a
// trace; tracing costs Chromium most of a core here, so `--untraced` leaves those counts out and
// measures the wheel's frame times alone. `--trace FILE` saves the Chrome trace of the scroll.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright';
import { scaledClock } from '../../main/clock/clock.ts';
import { openCore } from '../../main/core.ts';
import { startBrowserMode } from '../../main/web/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { seedRows } from '../helpers/engineHarness.ts';
import { compositorFrames } from './compositorFrames.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    'in-flight': { type: 'string', default: '500' },
    seconds: { type: 'string', default: '20' },
    pace: { type: 'string', default: 'real' },
    input: { type: 'string', default: 'script' },
    trace: { type: 'string' },
    untraced: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const inFlightTarget = Number(values['in-flight']);
const seconds = Number(values.seconds);
if (values.pace !== 'real' && values.pace !== 'fast') throw new Error(`--pace is real or fast, not "${values.pace}"`);
if (values.input !== 'script' && values.input !== 'wheel') throw new Error(`--input is script or wheel, not "${values.input}"`);
const byWheel = values.input === 'wheel';
const RAMP_SPEED = 25;

const clock = scaledClock(RAMP_SPEED);
const dataDir = mkdtempSync(join(tmpdir(), 'genvid-uibench-'));
const core = openCore({ dataDir, shell: 'browser', locale: 'en-US', clock, sandboxSpeed: 1 });
await core.dispatch('updateSettings', { outputDir: join(dataDir, 'videos') });
// Long generations (10 s videos, 1080p) so that 500 jobs are in flight at once under the create limit.
const batchId = seedRows(
  core.store,
  Array.from({ length: rows }, (_, i) => ({ prompt: `row ${i + 1}: a product turning on a table, soft light`, model: i % 2 === 0 ? 'kling-3.0' : 'veo-3.1-fast', resolution: '1080p', durationS: i % 2 === 0 ? 10 : 8 })),
  'ui bench',
);
const server = await startBrowserMode({ core, rendererDir: fileURLToPath(new URL('../../out/renderer/', import.meta.url)), port: 0 });
// `--in-flight 0` scrolls a batch that is not running: the grid's own cost.
if (inFlightTarget > 0) {
  const started = await core.dispatch('startBatch', { batchId, provider: 'sandbox', concurrency: { profile: 'custom', custom: inFlightTarget } });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
}

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
  if (values.pace === 'real') clock.setSpeed(1);
  const inFlightAtStart = inFlight();
  const doneAtStart = core.store.batches.statusCounts(batchId).done ?? 0;

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metricsBefore = await pageMetrics(cdp);
  const cpuBefore = process.cpuUsage();
  const browserCpuBefore = browserCpuMs();
  // With the wheel, Chrome's own account of the display's frames is read from a trace.
  const traceFile = values.trace ?? (byWheel && !values.untraced ? join(dataDir, 'scroll-trace.json') : undefined);
  if (traceFile) await browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz', 'benchmark', 'graphics.pipeline'] });
  const framesInPage = page.evaluate(async ({ durationMs, scrollByScript }) => {
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
        if (scrollByScript) {
          // About a screen a second, the way a person flicks through a long sheet; back up at the end.
          if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 2) direction = -1;
          else if (grid.scrollTop <= 0) direction = 1;
          grid.scrollTop += direction * 40;
        }
        if (now < end) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return deltas.slice(1);
  }, { durationMs: seconds * 1000, scrollByScript: !byWheel });
  if (byWheel) await scrollByWheel(cdp, Date.now() + seconds * 1000);
  const frames = await framesInPage;
  if (traceFile) await browser.stopTracing();
  const cpu = process.cpuUsage(cpuBefore);
  const browserCpu = browserCpuMs() - browserCpuBefore;
  const metricsAfter = await pageMetrics(cdp);
  const pageMs = (name: string) => ((metricsAfter[name] ?? 0) - (metricsBefore[name] ?? 0)) * 1000;
  const perSecond = Object.values(await page.evaluate(() => (globalThis as unknown as { genvidMessages: Record<number, number> }).genvidMessages));

  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const result = {
    rows,
    pace: values.pace,
    inFlightAtStart,
    inFlightAtEnd: inFlight(),
    rowsDoneWhileScrolling: (core.store.batches.statusCounts(batchId).done ?? 0) - doneAtStart,
    frames: frames.length,
    frameMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! },
    // At 60 Hz a frame is 16.7 ms; one over 20 ms missed at least one screen refresh.
    framesOver20msPercent: (100 * frames.filter((ms) => ms > 20).length) / frames.length,
    updateMessagesPerSecondMax: Math.max(0, ...perSecond),
    // Where the page's main thread went while scrolling: wall time in tasks and by kind, and the
    // CPU it actually got (less than the wall time when the machine has no core to spare).
    ...(byWheel && traceFile ? { wheel: compositorFrames(traceFile) } : {}),
    pageMainThreadMs: { tasks: pageMs('TaskDuration'), cpu: pageMs('ThreadTime'), script: pageMs('ScriptDuration'), layout: pageMs('LayoutDuration'), style: pageMs('RecalcStyleDuration') },
    engineProcessCpuMs: (cpu.user + cpu.system) / 1000,
    browserCpuMs: browserCpu,
  };
  console.log(JSON.stringify(result, (key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 10) / 10 : value), 2));
} finally {
  await browser.close();
  await server.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Scrolls the grid with the mouse wheel as Chrome's own smoothness benchmarks do (synthesized
 * gestures through the input pipeline, so the compositor scrolls and the page follows), 2,400 px a
 * second like the scripted scroll, turning back at either end, until `until`.
 */
async function scrollByWheel(cdp: CDPSession, until: number): Promise<void> {
  let down = true;
  while (Date.now() < until) {
    await cdp.send('Input.synthesizeScrollGesture', { x: 700, y: 600, yDistance: down ? -1_200 : 1_200, speed: 2_400, gestureSourceType: 'mouse', preventFling: true });
    const { result } = await cdp.send('Runtime.evaluate', { expression: `(() => { const grid = document.querySelector('[data-testid="batch-grid"]'); return [grid.scrollTop, grid.scrollHeight - grid.clientHeight]; })()`, returnByValue: true });
    const [top, max] = result.value as [number, number];
    if (top >= max - 2) down = false;
    else if (top <= 0) down = true;
  }
}

/** The page's performance counters (seconds and counts), from the DevTools protocol. */
async function pageMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

/**
 * CPU used so far by the Chromium this benchmark launched (its processes descend from this one;
 * Linux `/proc`, user + system clock ticks at 100 a second): rendering without a GPU competes with
 * the page's main thread for the same cores.
 */
function browserCpuMs(): number {
  const processes = new Map<number, { parent: number; chromium: boolean; ticks: number }>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // The process ended while we looked.
    }
    // After the command name: state, parent pid, …; utime and stime are the 12th and 13th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    processes.set(Number(pid), { parent: Number(fields[1]), chromium: /^\d+ \((chromium|chrome)/.test(stat), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  const ours = (pid: number): boolean => {
    for (let parent = processes.get(pid)?.parent; parent !== undefined && parent > 1; parent = processes.get(parent)?.parent) if (parent === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, info] of processes) if (info.chromium && ours(pid)) ticks += info.ticks;
  return ticks * 10;
}
