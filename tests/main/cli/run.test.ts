import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadCatalog } from '../../../main/providers/catalog/loadCatalog.ts';
import { startSimulator } from '../../../main/simulator/server.ts';
import { runCli, spawnCli } from '../../helpers/cli.ts';
import { looksLikeMp4 } from '../../helpers/simulator.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const sample = fileURLToPath(new URL('../../../examples/sample.xlsx', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/sheets/${name}`, import.meta.url));
// The Sandbox at 3,000×: a 3-minute video takes 60 ms.
const fast = ['--sandbox-speed', '3000'];

interface StatusJson {
  batch: { id: number; status: string };
  counts: Record<string, number>;
  spend: { unit: string; settledMicros: number }[];
  problems: { row: number; status: string; error: string }[];
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at \S+ \(?\S+:\d+:\d+/);

// Each test runs the command line several times as child processes.
describe('genvid run, status, export and ledger', { timeout: 60_000 }, () => {
  it('runs the sample sheet on the Sandbox to playable videos, and reports on it', async () => {
    const data = tempDir();
    const out = join(tempDir(), 'videos');
    const run = await runCli(['run', sample, '--provider', 'sandbox', '--yes', '--out', out, '--data-dir', data, ...fast]);
    expect(run.stderr).toContain('6 rows → 7 videos');
    expect(run.stderr).toContain('Estimated cost: 805 credits');
    expect(run.stderr).toMatch(/\[#+\] 6\/6 · done 6 · spent 805 credits/);
    expect(run.code).toBe(0);
    // Partial downloads live in a hidden folder until they are verified.
    const files = readdirSync(out).filter((name) => !name.startsWith('.')).sort();
    expect(files).toEqual(['4-橘猫.mp4', '5-lake.mp4', '6-运动鞋-take1.mp4', '6-运动鞋-take2.mp4', '7-coffee.mp4', '8-海边.mp4', '9-paper boat.mp4']);
    for (const file of files) expect(looksLikeMp4(readFileSync(join(out, file)))).toBe(true);

    const list = await runCli(['status', '--data-dir', data]);
    expect(list.stdout).toMatch(/1 {2}completed\s+6\/6\s+done {2}sample\.xlsx/);
    const status = JSON.parse((await runCli(['status', '1', '--json', '--data-dir', data])).stdout) as StatusJson;
    expect(status).toMatchObject({ batch: { id: 1, status: 'completed' }, counts: { done: 6 }, spend: [{ unit: 'credits', settledMicros: 805_000_000 }], problems: [] });

    const ledger = await runCli(['ledger', '--json', '--data-dir', data]);
    const books = JSON.parse(ledger.stdout) as { entries: { kind: string }[]; balanced: boolean; totals: Record<string, { settled: number }> };
    expect(ledger.code).toBe(0);
    expect(books.balanced).toBe(true);
    expect(books.totals.credits!.settled).toBe(805_000_000);
    expect(books.entries.filter((entry) => entry.kind === 'settle')).toHaveLength(7);

    const csv = join(tempDir(), 'results.csv');
    const exported = await runCli(['export', '1', '--format', 'csv', '-o', csv, '--data-dir', data]);
    expect(exported.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^genvid_row_id,提示词,模型,分辨率,时长,画幅,文件名,数量,status,error,attempts,cost,cost unit,task id,file path,/);
    expect(lines.filter((line) => line.includes(',done,'))).toHaveLength(6);
    // Without -o the file goes where the command is run.
    const xlsx = await runCli(['export', '1', '--format', 'xlsx', '--data-dir', data], {}, data);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout.trim()).toBe(join(data, 'batch-1.xlsx'));
    expect(existsSync(xlsx.stdout.trim())).toBe(true);
  });

  it('fails a row the provider refuses, retries it in place, and takes its correction sheet back', async () => {
    const data = tempDir();
    const sheet = join(tempDir(), 'two.csv');
    writeFileSync(sheet, 'prompt,model,duration\r\na red fox in snow,kling-3.0,5\r\na fox #sandbox-fail,kling-3.0,5\r\n');
    const first = await runCli(['run', sheet, '--yes', '--out', join(data, 'out'), '--data-dir', data, ...fast]);
    expect(first.code).toBe(1);
    const status = JSON.parse((await runCli(['status', '1', '--json', '--data-dir', data])).stdout) as StatusJson;
    expect(status.counts).toEqual({ done: 1, failed: 1 });
    expect(status.problems).toEqual([{ row: 3, status: 'failed', error: expect.stringContaining('content policy') as unknown }]);

    const retry = await runCli(['retry-failed', '1', '--data-dir', data, ...fast]);
    expect(retry.stderr).toContain('Running 1 failed row(s) of batch 1 again.');
    expect(retry.code).toBe(1);

    const failed = join(tempDir(), 'failed.csv');
    expect((await runCli(['export', '1', '--format', 'csv', '--failed-only', '-o', failed, '--data-dir', data])).code).toBe(0);
    const correction = readFileSync(failed, 'utf8');
    expect(correction).toContain('a fox #sandbox-fail');
    writeFileSync(failed, correction.replace(' #sandbox-fail', ''));
    const fixed = await runCli(['run', failed, '--yes', '--data-dir', data, ...fast]);
    expect(fixed.stderr).toContain('Updated 1 row(s) of batch 1; running 1 again.');
    expect(fixed.code).toBe(0);
    const after = JSON.parse((await runCli(['status', '1', '--json', '--data-dir', data])).stdout) as StatusJson;
    expect(after.counts).toEqual({ done: 2 });
    // Same batch, same rows: nothing was added.
    expect((await runCli(['status', '--json', '--data-dir', data])).stdout).toContain('"rowCount":2');
    const ledger = JSON.parse((await runCli(['ledger', '--json', '--data-dir', data])).stdout) as { balanced: boolean; entries: { kind: string }[] };
    expect(ledger.balanced).toBe(true);
    // Three paid creates for the fox row plus one for the first row; only the two videos settled.
    expect(ledger.entries.filter((entry) => entry.kind === 'reserve')).toHaveLength(4);
    expect(ledger.entries.filter((entry) => entry.kind === 'settle')).toHaveLength(2);
  });

  it('speaks Chinese when asked', async () => {
    const data = tempDir();
    const run = await runCli(['run', sample, '--yes', '--lang', 'zh-CN', '--out', join(data, 'out'), '--data-dir', data, ...fast]);
    expect(run.stderr).toContain('6 行 → 7 个视频');
    expect(run.stderr).toContain('预计费用：805 credits');
    expect(run.stderr).toContain('批次 1 已开始');
    expect(run.code).toBe(0);
  });

  it('asks before starting, and without a terminal to ask imports nothing', async () => {
    const data = tempDir();
    const run = await runCli(['run', sample, '--data-dir', data, ...fast]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('add --yes to start without asking');
    expect((await runCli(['status', '--json', '--data-dir', data])).stdout).toBe('{"batches":[]}\n');
  });

  it('resumes nothing when nothing is unfinished', async () => {
    const data = tempDir();
    await runCli(['run', sample, '--yes', '--out', join(data, 'out'), '--data-dir', data, ...fast]);
    const resume = await runCli(['resume', '--data-dir', data, ...fast]);
    expect(resume.code).toBe(0);
    expect(resume.stderr).toContain('nothing to resume');
    const finished = await runCli(['resume', '1', '--data-dir', data, ...fast]);
    expect(finished.stderr).toContain('Batch 1 is completed.');
  });

  it.each([
    [['run', '/nowhere/sheet.xlsx', '--yes'], 'There is no file "/nowhere/sheet.xlsx".'],
    [['run', sample, '--provider', 'acme', '--yes'], 'Unknown provider "acme"'],
    [['run', sample, '--model', 'klingg', '--yes'], 'There is no model "klingg" at sandbox.'],
    [['run', sample, '--provider', 'kie', '--yes'], 'No API key for kie: add its key in Settings, or set GENVID_KIE_KEY'],
    [['run', fixture('png-renamed.xlsx'), '--yes'], 'is not a spreadsheet (it looks like a PNG image)'],
    [['run', sample, '--concurrency', 'lots', '--yes'], '--concurrency must be a whole number'],
    [['run', sample, '--base-url', 'http://localhost:1', '--yes'], '--base-url is for a real provider'],
    [['status', '7'], 'There is no Genvid data in'],
    [['export', '1'], '--format must be csv or xlsx'],
    [['ledger', '--wat'], "Unknown option '--wat'"],
  ])('refuses %j in one clear line, exit 2, no stack trace', async (args, words) => {
    const run = await runCli([...args, '--data-dir', tempDir(), ...(args[0] === 'run' ? fast : [])], { GENVID_KIE_KEY: '' });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^genvid: /);
    expect(lines[0]).toContain(words);
    noStackTrace(run.stderr);
  });
});

describe('Ctrl-C during genvid run', { timeout: 90_000 }, () => {
  it('pauses cleanly, and genvid resume collects every job without paying twice', async () => {
    // A real provider (KIE's API, served by the simulator in its own process, so its jobs outlive
    // the command line) whose videos take 3-6 s, with the catalog saying so, so the engine expects it.
    const data = tempDir();
    const fastModels = ['kling-3.0', 'veo-3.1-fast', 'seedance-2', 'wan-2.7'].map((id) => ({ provider: 'kie', id, timing: { rules: [{ minS: 3, maxS: 6 }], source: 'test' } }));
    writeFileSync(join(data, 'catalog.json'), JSON.stringify({ catalogVersion: 'test', models: fastModels }));
    const simulator = fileURLToPath(new URL('../../../main/simulator/start.ts', import.meta.url));
    const sim = spawn(process.execPath, [simulator, '--port', '0', '--key', 'cli-key', '--catalog', join(data, 'catalog.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
    onTestFinished(() => void sim.kill());
    const [line] = (await once(createInterface({ input: sim.stdout! }), 'line')) as [string];
    const url = line.replace('listening ', '');
    const env = { GENVID_KIE_KEY: 'cli-key' };
    const args = ['run', sample, '--provider', 'kie', '--base-url', url, '--yes', '--out', join(data, 'out'), '--data-dir', data];

    const child = spawnCli(args, env);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Once every row has been sent, some videos are still being made: interrupt then.
    await waitFor(async () => ((await simStats(url)).tasksCreated['cli-key'] ?? 0) >= 7);
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number];
    expect(stderr).toContain('Pausing: no new videos will be started.');
    expect(stderr).toMatch(/Paused batch 1\. \d+ video\(s\) are still being made by the provider; `genvid resume 1` collects them/);
    expect(code).toBe(130);

    const resume = await runCli(['resume', '--data-dir', data], env);
    expect(resume.stderr).toContain('Resuming batch 1.');
    expect(resume.code).toBe(0);
    const status = JSON.parse((await runCli(['status', '1', '--json', '--data-dir', data])).stdout) as StatusJson;
    expect(status.counts).toEqual({ done: 6 });
    // Exactly one create per video, across the interruption.
    expect((await simStats(url)).tasksCreated['cli-key']).toBe(7);
    expect(readdirSync(join(data, 'out')).filter((name) => name.endsWith('.mp4'))).toHaveLength(7);
    const ledger = JSON.parse((await runCli(['ledger', '--json', '--data-dir', data])).stdout) as { balanced: boolean };
    expect(ledger.balanced).toBe(true);
  });
});

async function simStats(url: string): Promise<{ tasksCreated: Record<string, number> }> {
  return (await (await fetch(`${url}/__sim/stats`)).json()) as { tasksCreated: Record<string, number> };
}

/** Polls a condition the simulator answers (it is another process: there is no event to await). */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('genvid sim and --debug', () => {
  it('starts the simulator like npm run sim, until stopped', async () => {
    const child = spawnCli(['sim', '--port', '0', '--key', 'k1']);
    onTestFinished(() => void child.kill());
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    expect(line).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
    const stats = await simStats(line.replace('listening ', ''));
    expect(stats.tasksCreated).toEqual({ k1: 0 });
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
  });

  it('shows the stack trace of a failure only with --debug', async () => {
    const plain = await runCli(['status', '1', '--data-dir', tempDir()]);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    const debug = await runCli(['status', '1', '--data-dir', tempDir(), '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/CliError: There is no Genvid data in .*\n\s+at /);
  });
});

describe('genvid run while the provider cannot be reached', { timeout: 90_000 }, () => {
  it('says so and waits, then goes on by itself and finishes when the provider answers', async () => {
    // KIE's API, served by the simulator in this process so the test can take it off the network;
    // its videos take 3-6 s, with the catalog saying so.
    const data = tempDir();
    const fastModels = ['kling-3.0', 'veo-3.1-fast', 'seedance-2', 'wan-2.7'].map((id) => ({ provider: 'kie', id, timing: { rules: [{ minS: 3, maxS: 6 }], source: 'test' } }));
    writeFileSync(join(data, 'catalog.json'), JSON.stringify({ catalogVersion: 'test', models: fastModels }));
    const kie = await startSimulator({ keys: ['cli-key'], catalog: loadCatalog(join(data, 'catalog.json')).catalog });
    onTestFinished(() => kie.close());
    await kie.setOnline(false);

    const child = spawnCli(['run', sample, '--provider', 'kie', '--base-url', kie.url, '--yes', '--out', join(data, 'out'), '--data-dir', data], { GENVID_KIE_KEY: 'cli-key' });
    let stderr = '';
    const told = (text: string) => new Promise<void>((resolve) => {
      const check = () => (stderr.includes(text) ? resolve() : child.stderr!.once('data', check));
      check();
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await told('KIE cannot be reached');
    expect(stderr).toMatch(/KIE cannot be reached \(since .+\); the run waits and goes on by itself when it answers\. Next check at .+\. Ctrl-C pauses\./);
    expect(kie.world.allTasks()).toHaveLength(0);

    await kie.setOnline(true);
    const [code] = (await once(child, 'exit')) as [number];
    expect(stderr).toContain('The provider answers again; the run goes on.');
    expect(code).toBe(0);
    // Every video made once, none failed for the wait.
    expect(kie.world.stats().tasksCreated['cli-key']).toBe(7);
    expect(readdirSync(join(data, 'out')).filter((name) => name.endsWith('.mp4'))).toHaveLength(7);
  });
});
