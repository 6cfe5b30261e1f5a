import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SIM_KEY, testSimulator } from '../../helpers/simulator.ts';

describe('the simulator server', () => {
  it('counts every request per endpoint and key, and arms faults through its admin endpoint', async () => {
    const sim = await testSimulator();
    const kie = (path: string, init: RequestInit = {}) => fetch(`${sim.url}${path}`, { ...init, headers: { Authorization: `Bearer ${SIM_KEY}`, ...init.headers } });
    await kie('/api/v1/chat/credit');
    await kie('/api/v1/chat/credit');
    const armed = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'create-455', provider: 'kie', count: 1 }) });
    expect(await armed.json()).toEqual([{ kind: 'create-455', provider: 'kie', count: 1 }]);
    const refused = await kie('/api/v1/jobs/createTask', { method: 'POST', body: JSON.stringify({ model: 'kling-3.0/video', input: { prompt: 'x' } }) });
    expect(await refused.json()).toMatchObject({ code: 455 });
    const stats = await (await fetch(`${sim.url}/__sim/stats`)).json();
    expect(stats).toEqual({ requests: { [SIM_KEY]: { 'kie.credit': 2, 'kie.createTask': 1 } }, tasksCreated: { [SIM_KEY]: 0 }, rateLimited: 0 });
    expect(await (await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: '{"kind":"meteor"}' })).json()).toMatchObject({ error: expect.stringMatching(/^kind: /) });
  });

  it('answers each provider’s scheme only with its own auth header format', async () => {
    const sim = await testSimulator();
    // fal wants "Key", not "Bearer".
    const wrongScheme = await fetch(`${sim.baseUrls.fal}/fal-ai/veo3.1`, { method: 'POST', headers: { Authorization: `Bearer ${SIM_KEY}` }, body: '{}' });
    expect(wrongScheme.status).toBe(401);
    const rightScheme = await fetch(`${sim.baseUrls.fal}/fal-ai/veo3.1`, { method: 'POST', headers: { Authorization: `Key ${SIM_KEY}` }, body: JSON.stringify({ prompt: 'x' }) });
    expect(rightScheme.status).toBe(200);
  });

  it('runs standalone as `npm run sim`, printing one line with its address and taking keys and speed', async () => {
    const script = fileURLToPath(new URL('../../../main/simulator/start.ts', import.meta.url));
    const child = spawn(process.execPath, [script, '--port', '0', '--speed', '600', '--key', 'alpha', '--key', 'beta'], { stdio: ['ignore', 'pipe', 'pipe'] });
    onTestFinished(async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    });
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    expect(line).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('listening '.length);
    for (const [key, expected] of [['alpha', 200], ['beta', 200], ['sandbox-key', 401]] as const) {
      const body = (await (await fetch(`${url}/api/v1/chat/credit`, { headers: { Authorization: `Bearer ${key}` } })).json()) as { code: number };
      expect(body.code, key).toBe(expected);
    }
  });

  it('refuses bad command-line options with one clear line', async () => {
    const script = fileURLToPath(new URL('../../../main/simulator/start.ts', import.meta.url));
    const child = spawn(process.execPath, [script, '--speed', 'fast'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('genvid sim: --speed must be a number above 0, not "fast".');
  });
});
