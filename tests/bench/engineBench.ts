// The engine benchmark: `npm run bench:engine [-- --quick] [-- --json FILE]`.
// Runs the real engine (this process) against the simulator (a child process, so the engine's CPU
// and memory are measured alone) at a time scale, for Genvid's policy and the original design's
// (waves with a barrier and the fixed polling schedule), and prints a table. Times are in real-world
// seconds (the simulator's and engine's virtual time).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scaledClock } from '../../main/clock/clock.ts';
import { openStore } from '../../main/db/store.ts';
import { BatchEngine } from '../../main/engine/batchEngine.ts';
import { loadCatalog } from '../../main/providers/catalog/loadCatalog.ts';
import { seededRandom } from '../../main/simulator/random.ts';
import { providerAt } from '../../main/providers/connections.ts';

interface Scenario {
  name: string;
  rows: number;
  inFlight: number;
  faultRate: number;
  progress: boolean;
  speed: number;
}

interface Result {
  name: string;
  policy: 'genvid' | 'original';
  rows: number;
  inFlight: number;
  faultRate: number;
  progress: boolean;
  makespanRatio: number;
  meanTimeToVideoS: number;
  statusQueriesPerVideo: { p50: number; p95: number };
  detectionLatencyS: { p50: number; p95: number };
  selfInflicted429: number;
  cpuPctOfCore: number;
  peakRssMb: number;
  videos: number;
  makespanS: number;
  lowerBoundS: number;
}

interface SimTaskInfo {
  id: string;
  model: string;
  state: string;
  createdAt: number;
  endsAt: number;
  outcome: string;
  statusQueries: number;
  seenFinishedAt: number | null;
  prompt?: string;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, json: { type: 'string' }, only: { type: 'string' }, speed: { type: 'string' }, 'run-one': { type: 'string' } },
});

/** The original design's generation times: Sora 2 / Sora 2 Pro, active again for the benchmark. */
function benchCatalogFile(dir: string): string {
  const file = join(dir, 'catalog.json');
  const active = { status: { state: 'active' } };
  writeFileSync(file, JSON.stringify({ catalogVersion: 'bench', models: [{ provider: 'kie', id: 'sora-2', ...active }, { provider: 'kie', id: 'sora-2-pro', ...active }] }));
  return file;
}

/** Mixed rows: a third Sora 2 720p, a third Sora 2 Pro 720p, a third Sora 2 Pro 1080p; 10 s and 15 s. */
function mixedRows(count: number) {
  const random = seededRandom(count);
  const kinds = [
    { model: 'sora-2', resolution: '720p' },
    { model: 'sora-2-pro', resolution: '720p' },
    { model: 'sora-2-pro', resolution: '1080p' },
  ];
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[Math.floor(random() * kinds.length)]!;
    return { rowNumber: i + 1, prompt: `bench row ${i + 1}`, ...kind, durationS: random() < 0.5 ? 10 : 15 };
  });
}

async function startSimChild(scenario: Scenario, catalogFile: string): Promise<{ url: string; child: ChildProcess }> {
  const args = [join(root, 'main/simulator/start.ts'), '--port', '0', '--speed', String(scenario.speed), '--key', 'bench', '--seed', '7', '--catalog', catalogFile];
  if (!scenario.progress) args.push('--no-progress');
  if (scenario.faultRate > 0) args.push('--faults', JSON.stringify([{ kind: 'task-fail-transient', rate: scenario.faultRate }]));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { url: line.replace('listening ', ''), child };
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

async function runOnce(scenario: Scenario, policy: 'genvid' | 'original'): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'genvid-bench-'));
  const catalogFile = benchCatalogFile(dir);
  const { url, child } = await startSimChild(scenario, catalogFile);
  const clock = scaledClock(scenario.speed);
  const store = openStore(join(dir, 'genvid.db'), () => clock.now());
  const { catalog } = loadCatalog(catalogFile);
    const engine = new BatchEngine({
    store,
    catalog,
    clock,
    random: seededRandom(3),
    provider: async () => providerAt('kie', url, 'bench', clock),
    onRowChanged: () => {},
    downloadConcurrency: 8,
  });
  const batchId = store.batches.create({ name: scenario.name });
  store.rows.insertMany(batchId, mixedRows(scenario.rows));

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const cpuBefore = process.cpuUsage();
  const startedAt = clock.now();
  const run = await engine.start(batchId, {
    provider: 'sandbox',
    concurrency: { profile: 'custom', custom: scenario.inFlight },
    polling: policy === 'genvid' ? 'predictive' : 'original',
    scheduling: policy === 'genvid' ? 'continuous' : 'waves',
    rowsPerWave: 5 * scenario.inFlight,
    outputDir: join(dir, 'videos'),
  });
  await run.settled();
  const endedAt = clock.now();
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);

  const tasks = (await (await fetch(`${url}/__sim/tasks`)).json()) as SimTaskInfo[];
  const stats = (await (await fetch(`${url}/__sim/stats`)).json()) as { rateLimited: number };
  child.kill('SIGTERM');
  await once(child, 'exit');

  const done = store.jobs.attemptsOfBatch(batchId).filter((attempt) => attempt.status === 'succeeded');
  const makespanS = (endedAt - startedAt) / 1000;
  const generation = tasks.map((task) => (task.endsAt - task.createdAt) / 1000);
  const lowerBoundS = Math.max(generation.reduce((a, b) => a + b, 0) / scenario.inFlight, Math.max(...generation));
  const succeeded = tasks.filter((task) => task.outcome === 'success');
  const latency = succeeded.filter((task) => task.seenFinishedAt !== null).map((task) => (task.seenFinishedAt! - task.endsAt) / 1000);
  const perVideo = attributeQueries(store, batchId, tasks);
  const doneTimes = done.map((attempt) => ((store.jobs.finishedAt(attempt.attemptId) ?? endedAt) - startedAt) / 1000);
  store.close();
  engine.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    name: scenario.name,
    policy,
    rows: scenario.rows,
    inFlight: scenario.inFlight,
    faultRate: scenario.faultRate,
    progress: scenario.progress,
    makespanRatio: round(makespanS / lowerBoundS, 3),
    meanTimeToVideoS: round(doneTimes.reduce((a, b) => a + b, 0) / Math.max(1, doneTimes.length), 1),
    statusQueriesPerVideo: { p50: percentile(perVideo, 0.5), p95: percentile(perVideo, 0.95) },
    detectionLatencyS: { p50: round(percentile(latency, 0.5), 2), p95: round(percentile(latency, 0.95), 2) },
    selfInflicted429: stats.rateLimited,
    cpuPctOfCore: round((100 * (cpu.user + cpu.system)) / 1e6 / makespanS, 3),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    videos: done.length,
    makespanS: round(makespanS, 0),
    lowerBoundS: round(lowerBoundS, 0),
  };
}

/** Status queries per finished video: every task of the video's row (retries included). */
function attributeQueries(store: ReturnType<typeof openStore>, batchId: number, tasks: SimTaskInfo[]): number[] {
  const byTaskId = new Map(tasks.map((task) => [task.id, task.statusQueries]));
  const byRow = new Map<number, { queries: number; videos: number }>();
  for (const attempt of store.jobs.attemptsOfBatch(batchId)) {
    const ref = attempt.taskRefJson ? (JSON.parse(attempt.taskRefJson) as { taskId: string }) : undefined;
    const entry = byRow.get(attempt.rowId) ?? { queries: 0, videos: 0 };
    entry.queries += ref ? (byTaskId.get(ref.taskId) ?? 0) : 0;
    if (attempt.status === 'succeeded') entry.videos += 1;
    byRow.set(attempt.rowId, entry);
  }
  return [...byRow.values()].filter((row) => row.videos > 0).map((row) => row.queries / row.videos);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function scenarios(): Scenario[] {
  if (values.quick) return [{ name: '200 mixed rows', rows: 200, inFlight: 20, faultRate: 0, progress: false, speed: Number(values.speed ?? 400) }];
  const list: Scenario[] = [];
  for (const [name, rows, inFlight, speed] of [
    ['200 mixed rows', 200, 20, 200],
    ['1,000 rows', 1_000, 100, 200],
    // Slower for 10,000 rows: at 100× the engine needs a whole core of real time and its own
    // CPU, not the policy, would set the figures.
    ['10,000 rows, 500 in flight', 10_000, 500, 25],
  ] as const) {
    for (const faultRate of [0, 0.1]) for (const progress of [false, true]) list.push({ name, rows, inFlight, faultRate, progress, speed });
  }
  return values.only ? list.filter((s) => s.name.startsWith(values.only!)) : list;
}

/** Each run in a fresh process, so one run's memory and warm-up do not colour the next's figures. */
async function runInChild(scenario: Scenario, policy: 'genvid' | 'original'): Promise<Result> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [self, '--run-one', JSON.stringify({ scenario, policy })], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`benchmark run ${scenario.name} / ${policy} failed (exit ${code})`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as Result;
}

if (values['run-one']) {
  const { scenario, policy } = JSON.parse(values['run-one']) as { scenario: Scenario; policy: 'genvid' | 'original' };
  process.stdout.write(`${JSON.stringify(await runOnce(scenario, policy))}\n`);
} else {
  const results: Result[] = [];
  const header = ['scenario', 'policy', 'faults', 'progress', 'makespan÷bound', 'mean to video s', 'queries/video p50', 'p95', 'detect p50 s', 'p95 s', '429s', 'CPU % core', 'RSS MB'];
  console.log(header.join(' | '));
  for (const scenario of scenarios()) {
    for (const policy of ['genvid', 'original'] as const) {
      const result = await runInChild(scenario, policy);
      results.push(result);
      console.log(
        [
          scenario.name,
          policy,
          `${scenario.faultRate * 100} %`,
          scenario.progress ? 'yes' : 'no',
          result.makespanRatio.toFixed(3),
          result.meanTimeToVideoS.toFixed(0),
          result.statusQueriesPerVideo.p50.toFixed(1),
          result.statusQueriesPerVideo.p95.toFixed(1),
          result.detectionLatencyS.p50.toFixed(2),
          result.detectionLatencyS.p95.toFixed(2),
          result.selfInflicted429,
          result.cpuPctOfCore.toFixed(2),
          result.peakRssMb,
        ].join(' | '),
      );
    }
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ generatedAt: new Date().toISOString(), scenarios: results }, null, 2)}\n`);
}
