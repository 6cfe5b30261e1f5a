import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectWsBridge } from '../../../renderer/api/wsBridge.ts';
import { testBrowserMode } from '../../helpers/browserMode.ts';
import { testCore } from '../../helpers/core.ts';
import { seedBatch } from '../../helpers/seed.ts';

/** Opens a raw socket with chosen headers; resolves to 'open' or the HTTP status of the refusal. */
function handshake(url: string, headers: Record<string, string> = {}): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', (error) => reject(error));
  });
}

describe('the browser-mode WebSocket bridge', () => {
  it('serves the whole contract to a page holding the token', async () => {
    const core = testCore();
    const batchId = seedBatch(core.store, 'spring ads', 2);
    const server = await testBrowserMode(core);
    const bridge = await connectWsBridge(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    expect(await bridge.getAppInfo()).toMatchObject({ ok: true, value: { shell: 'browser', name: 'Genvid' } });
    expect(await bridge.listBatches()).toMatchObject({ ok: true, value: [{ id: batchId, name: 'spring ads', rowCount: 2 }] });
    expect(await bridge.updateSettings({ language: 'zh-CN' })).toMatchObject({ ok: true, value: { language: 'zh-CN' } });
    expect(await bridge.getRowsPage({ batchId, limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('pushes coalesced row patches to every connected page', async () => {
    const core = testCore();
    const server = await testBrowserMode(core);
    const url = `ws://127.0.0.1:${server.port}/api?token=${server.token}`;
    const [first, second] = await Promise.all([connectWsBridge(url), connectWsBridge(url)]);
    const received = (bridge: typeof first) =>
      new Promise((resolve) => bridge.onRowPatches((payload) => resolve(payload)));
    const both = Promise.all([received(first), received(second)]);
    core.rowPatches.push({ id: 1, batchId: 1, status: 'generating' });
    core.rowPatches.push({ id: 1, batchId: 1, progress: 30 });
    // Batch 1 does not exist here, so no batch summary rides along.
    const expected = { patches: [{ id: 1, batchId: 1, status: 'generating', progress: 30 }], batches: [] };
    expect(await both).toEqual([expected, expected]);
  });

  it('stops delivering to a listener once it unsubscribes', async () => {
    const core = testCore();
    const server = await testBrowserMode(core);
    const bridge = await connectWsBridge(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    const seen: unknown[] = [];
    const unsubscribe = bridge.onRowPatches((payload) => seen.push(payload));
    const next = new Promise((resolve) => bridge.onRowPatches(resolve));
    unsubscribe();
    core.rowPatches.push({ id: 2, batchId: 1, status: 'done' });
    await next;
    expect(seen).toEqual([]);
  });

  it('refuses a wrong or missing token', async () => {
    const server = await testBrowserMode(testCore());
    const base = `ws://127.0.0.1:${server.port}/api`;
    expect(await handshake(`${base}?token=not-the-token`)).toBe(401);
    expect(await handshake(base)).toBe(401);
    expect(await handshake(`${base}?token=${server.token}`)).toBe('open');
  });

  it('refuses pages from any origin but its own loopback address, even with the token', async () => {
    const server = await testBrowserMode(testCore());
    const url = `ws://127.0.0.1:${server.port}/api?token=${server.token}`;
    expect(await handshake(url, { Origin: 'https://evil.example' })).toBe(403);
    expect(await handshake(url, { Origin: 'http://192.168.1.20:' + server.port })).toBe(403);
    expect(await handshake(url, { Origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await handshake(url, { Origin: 'null' })).toBe(403);
    expect(await handshake(url, { Origin: `http://localhost:${server.port}` })).toBe('open');
    expect(await handshake(url, { Origin: `http://127.0.0.1:${server.port}` })).toBe('open');
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const server = await testBrowserMode(testCore());
    const url = `ws://127.0.0.1:${server.port}/api?token=${server.token}`;
    expect(await handshake(url, { Host: `rebound.example:${server.port}` })).toBe(403);
  });

  it('listens on the loopback interface only', async () => {
    const server = await testBrowserMode(testCore());
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=`));
  });

  it('closes a socket that sends something other than a call', async () => {
    const server = await testBrowserMode(testCore());
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    await new Promise((resolve) => socket.on('open', resolve));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('DROP TABLE rows');
    expect(await closed).toBe(1008);
  });
});
