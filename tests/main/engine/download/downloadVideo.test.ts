import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { loadCatalog } from '../../../../main/providers/catalog/loadCatalog.ts';
import { resolveRequest } from '../../../../shared/catalog/request.ts';
import {
  classifyDownloadFailure,
  defaultBackoffMs,
  DownloadError,
  downloadVideo,
  startsLikeMp4,
  type DownloadRequest,
} from '../../../../main/engine/download/downloadVideo.ts';
import { openRangedDownload } from '../../../../main/providers/download.ts';
import { ProviderError } from '../../../../main/providers/errors.ts';
import { KieAdapter } from '../../../../main/providers/kie/kieAdapter.ts';
import { sampleVideoFor } from '../../../../main/simulator/media.ts';
import { tempDir } from '../../../helpers/tempDir.ts';
import { PAST_ANY_GENERATION_MS, SIM_KEY, testSimulator } from '../../../helpers/simulator.ts';

const landscape = sampleVideoFor('16:9');
const portrait = sampleVideoFor('9:16');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * How the test server answers one request. `serve` honours Range and If-Range like a CDN;
 * `drop-half` sends half of what it promised and cuts the connection; `stall` sends a little and
 * then nothing; `ignore-range` always sends the whole file with 200; `html` is an error page
 * served with 200; a number is that HTTP status.
 */
type Reply = 'serve' | 'drop-half' | 'stall' | 'ignore-range' | 'html' | number;

interface SeenRequest {
  range: string | undefined;
  ifRange: string | undefined;
  status: number;
  bytesSent: number;
}

const STALL_AFTER_BYTES = 1000;

/** A real loopback file host whose answers the test scripts, one per request (then `serve`). */
async function fileServer(initial: { bytes: Buffer; etag: string | undefined }, script: Reply[] = []) {
  const file = { ...initial };
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const reply = script.shift() ?? 'serve';
    const seen: SeenRequest = { range: req.headers.range, ifRange: req.headers['if-range']?.toString(), status: 0, bytesSent: 0 };
    requests.push(seen);
    const send = (status: number, headers: Record<string, string | number>, body: Buffer) => {
      seen.status = status;
      res.writeHead(status, headers);
      if (reply === 'drop-half' || reply === 'stall') {
        const head = body.subarray(0, reply === 'stall' ? STALL_AFTER_BYTES : Math.floor(body.length / 2));
        seen.bytesSent = head.length;
        // drop-half: the connection dies; stall: it stays open and silent.
        res.write(head, () => (reply === 'drop-half' ? res.destroy() : undefined));
        return;
      }
      seen.bytesSent = body.length;
      res.end(body);
    };
    if (typeof reply === 'number') return send(reply, { 'Content-Type': 'text/plain' }, Buffer.from('no'));
    if (reply === 'html') {
      const page = Buffer.from('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>Bad gateway</body></html>');
      return send(200, { 'Content-Type': 'text/html', 'Content-Length': page.length }, page);
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const resume = reply !== 'ignore-range' && range !== null && (seen.ifRange === undefined || seen.ifRange === file.etag);
    const start = resume ? Number(range[1]) : 0;
    if (start >= file.bytes.length && start > 0) return send(416, { 'Content-Range': `bytes */${file.bytes.length}` }, Buffer.alloc(0));
    const body = file.bytes.subarray(start);
    const headers: Record<string, string | number> = { 'Content-Type': 'video/mp4', 'Content-Length': body.length };
    if (file.etag) headers.ETag = file.etag;
    if (resume) headers['Content-Range'] = `bytes ${start}-${file.bytes.length - 1}/${file.bytes.length}`;
    send(resume ? 206 : 200, headers, body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/files/result.mp4?token=secret`;
  // The adapters' own ranged GET, so Range/If-Range and the error classes are the real ones.
  const open = vi.fn<DownloadRequest['open']>((offset, etag, signal) => openRangedDownload(fetch, 'kie', url, { offset, etag, signal, timeoutMs: 5_000 }));
  return { file, requests, open };
}

/** Folders for one download, laid out as the engine will: the part file inside the output folder. */
function folders() {
  const outputDir = join(tempDir(), 'Videos', 'Genvid');
  const partPath = join(outputDir, '.genvid-partial', 'attempt-42.mp4.part');
  return { outputDir, partPath, sidecar: `${partPath}.json` };
}

/** Retries run at once; every wait asked for is recorded. */
function noWaiting() {
  const waits: number[] = [];
  return { waits, backoffMs: (tryNumber: number) => tryNumber * 10, sleep: async (ms: number) => void waits.push(ms) };
}

/** Writes what a previous run would have left: the first bytes and the sidecar. */
function leavePart(partPath: string, head: Buffer, sidecar: { etag?: string; totalBytes?: number }): void {
  mkdirSync(join(partPath, '..'), { recursive: true });
  writeFileSync(partPath, head);
  writeFileSync(`${partPath}.json`, JSON.stringify(sidecar));
}

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DownloadError);
  return error as DownloadError;
}

/** The output folder's files, leaving out the hidden folder part files live in. */
function published(outputDir: string): string[] {
  return existsSync(outputDir) ? readdirSync(outputDir).filter((name) => name !== '.genvid-partial') : [];
}

describe('downloadVideo', () => {
  it('downloads a whole file: right bytes and hash, in the output folder, nothing left behind', async () => {
    const server = await fileServer(landscape);
    const { outputDir, partPath, sidecar } = folders();
    const progress: [number, number | undefined][] = [];
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: '1-a-paper-boat.mp4', onProgress: (bytes, total) => progress.push([bytes, total]) });
    expect(result).toEqual({ path: join(outputDir, '1-a-paper-boat.mp4'), bytes: landscape.bytes.length, sha256: sha256(landscape.bytes) });
    expect(readFileSync(result.path).equals(landscape.bytes)).toBe(true);
    expect(existsSync(partPath)).toBe(false);
    expect(existsSync(sidecar)).toBe(false);
    expect(server.requests).toEqual([{ range: undefined, ifRange: undefined, status: 200, bytesSent: landscape.bytes.length }]);
    expect(progress[0]).toEqual([0, landscape.bytes.length]);
    expect(progress.at(-1)).toEqual([landscape.bytes.length, landscape.bytes.length]);
  });

  it('resumes a body that dropped halfway with Range and If-Range, to an identical file', async () => {
    const server = await fileServer(landscape, ['drop-half']);
    const { outputDir, partPath } = folders();
    const wait = noWaiting();
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4', ...wait });
    const half = Math.floor(landscape.bytes.length / 2);
    expect(server.requests.map(({ range, ifRange, status }) => ({ range, ifRange, status }))).toEqual([
      { range: undefined, ifRange: undefined, status: 200 },
      { range: `bytes=${half}-`, ifRange: landscape.etag, status: 206 },
    ]);
    expect(server.requests[1]!.bytesSent).toBe(landscape.bytes.length - half);
    expect(result.sha256).toBe(sha256(landscape.bytes));
    expect(readFileSync(result.path).equals(landscape.bytes)).toBe(true);
    expect(wait.waits).toEqual([10]);
  });

  it('resumes a part file left by a previous run without downloading its bytes again', async () => {
    const server = await fileServer(landscape);
    const { outputDir, partPath } = folders();
    const half = 6000;
    leavePart(partPath, landscape.bytes.subarray(0, half), { etag: landscape.etag, totalBytes: landscape.bytes.length });
    const progress: number[] = [];
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4', onProgress: (bytes) => progress.push(bytes) });
    expect(server.open).toHaveBeenCalledOnce();
    expect(server.open.mock.calls[0]!.slice(0, 2)).toEqual([half, landscape.etag]);
    expect(server.requests).toEqual([{ range: `bytes=${half}-`, ifRange: landscape.etag, status: 206, bytesSent: landscape.bytes.length - half }]);
    expect(progress[0]).toBe(half);
    expect(result).toMatchObject({ bytes: landscape.bytes.length, sha256: sha256(landscape.bytes) });
  });

  it('publishes a part that a previous run finished but did not publish, without a request', async () => {
    const server = await fileServer(landscape);
    const { outputDir, partPath } = folders();
    leavePart(partPath, landscape.bytes, { etag: landscape.etag, totalBytes: landscape.bytes.length });
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4' });
    expect(server.open).not.toHaveBeenCalled();
    expect(result.sha256).toBe(sha256(landscape.bytes));
  });

  it('starts over cleanly when the server ignores Range and sends the whole file (200)', async () => {
    const server = await fileServer(landscape, ['ignore-range']);
    const { outputDir, partPath } = folders();
    // Zeros: appending the full body after them would give a wrong size and hash.
    leavePart(partPath, Buffer.alloc(5000), { etag: landscape.etag, totalBytes: landscape.bytes.length });
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4' });
    expect(server.requests).toEqual([{ range: 'bytes=5000-', ifRange: landscape.etag, status: 200, bytesSent: landscape.bytes.length }]);
    expect(result).toMatchObject({ bytes: landscape.bytes.length, sha256: sha256(landscape.bytes) });
  });

  it('starts over when the file changed since the part was saved (If-Range mismatch → 200)', async () => {
    const server = await fileServer(landscape);
    const { outputDir, partPath } = folders();
    leavePart(partPath, portrait.bytes.subarray(0, 5000), { etag: portrait.etag, totalBytes: portrait.bytes.length });
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4' });
    expect(server.requests).toEqual([{ range: 'bytes=5000-', ifRange: portrait.etag, status: 200, bytesSent: landscape.bytes.length }]);
    expect(result.sha256).toBe(sha256(landscape.bytes));
  });

  it('starts over when a server without ETags resumes a file whose size changed', async () => {
    const server = await fileServer({ bytes: landscape.bytes, etag: undefined });
    const { outputDir, partPath } = folders();
    leavePart(partPath, portrait.bytes.subarray(0, 5000), { totalBytes: portrait.bytes.length });
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4' });
    expect(server.requests.map(({ range, status }) => ({ range, status }))).toEqual([
      { range: 'bytes=5000-', status: 206 },
      { range: undefined, status: 200 },
    ]);
    expect(result.sha256).toBe(sha256(landscape.bytes));
  });

  it('starts over when the saved part is longer than the file is now (416)', async () => {
    const server = await fileServer(landscape);
    const { outputDir, partPath } = folders();
    leavePart(partPath, Buffer.alloc(20_000), { etag: landscape.etag });
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4', ...noWaiting() });
    expect(server.requests.map(({ range, status }) => ({ range, status }))).toEqual([
      { range: 'bytes=20000-', status: 416 },
      { range: undefined, status: 200 },
    ]);
    expect(result).toMatchObject({ bytes: landscape.bytes.length, sha256: sha256(landscape.bytes) });
  });

  it('aborts a try whose body goes silent for stallMs, and resumes where it stopped', async () => {
    const server = await fileServer(landscape, ['stall']);
    const { outputDir, partPath } = folders();
    const started = Date.now();
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4', stallMs: 100, ...noWaiting() });
    // Timers may fire a millisecond early against Date.now().
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(server.requests.map(({ range, status }) => ({ range, status }))).toEqual([
      { range: undefined, status: 200 },
      { range: `bytes=${STALL_AFTER_BYTES}-`, status: 206 },
    ]);
    expect(result.sha256).toBe(sha256(landscape.bytes));
  });

  it('retries 5xx answers with the given backoff, then succeeds', async () => {
    const server = await fileServer(landscape, [503, 502]);
    const { outputDir, partPath } = folders();
    const wait = noWaiting();
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4', ...wait });
    expect(server.open).toHaveBeenCalledTimes(3);
    expect(wait.waits).toEqual([10, 20]);
    expect(result.sha256).toBe(sha256(landscape.bytes));
  });

  it('rejects an HTML page served as 200 as invalid_file, deletes it, and publishes nothing', async () => {
    const server = await fileServer(landscape, ['html']);
    const { outputDir, partPath, sidecar } = folders();
    const error = await failure(downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4', ...noWaiting() }));
    expect(error).toMatchObject({ kind: 'invalid_file', retryable: true });
    expect(existsSync(partPath)).toBe(false);
    expect(existsSync(sidecar)).toBe(false);
    expect(published(outputDir)).toEqual([]);
    expect(server.open).toHaveBeenCalledOnce();
  });

  it('reports an expired link (403) as expired and does not retry it', async () => {
    const server = await fileServer(landscape, [403]);
    const { outputDir, partPath } = folders();
    const wait = noWaiting();
    const error = await failure(downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4', ...wait }));
    expect(error).toMatchObject({ kind: 'expired', retryable: false });
    expect(error.cause).toBeInstanceOf(ProviderError);
    expect(server.open).toHaveBeenCalledOnce();
    expect(wait.waits).toEqual([]);
    expect(published(outputDir)).toEqual([]);
  });

  it('does not retry a provider error that is not retryable', async () => {
    const open = vi.fn<DownloadRequest['open']>(() => Promise.reject(new ProviderError({ kind: 'auth', provider: 'openai', detail: 'HTTP 401' })));
    const { outputDir, partPath } = folders();
    const error = await failure(downloadVideo({ open, partPath, outputDir, fileName: 'boat.mp4', ...noWaiting() }));
    expect(error).toMatchObject({ kind: 'failed', retryable: false });
    expect(open).toHaveBeenCalledOnce();
  });

  it('gives up after `retries` extra tries as a retryable failure, keeping the part, which a later call resumes', async () => {
    const server = await fileServer(landscape, ['drop-half', 'drop-half', 'drop-half']);
    const { outputDir, partPath, sidecar } = folders();
    const error = await failure(downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4', retries: 2, ...noWaiting() }));
    expect(error).toMatchObject({ kind: 'failed', retryable: true });
    expect(server.open).toHaveBeenCalledTimes(3);
    const kept = statSync(partPath).size;
    expect(kept).toBe(server.requests.reduce((sum, request) => sum + request.bytesSent, 0));
    expect(kept).toBeLessThan(landscape.bytes.length);
    expect(JSON.parse(readFileSync(sidecar, 'utf8'))).toEqual({ etag: landscape.etag, totalBytes: landscape.bytes.length });
    expect(published(outputDir)).toEqual([]);

    // The engine tries again later: it picks up from the kept bytes.
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4' });
    expect(server.requests.at(-1)).toMatchObject({ range: `bytes=${kept}-`, status: 206 });
    expect(result.sha256).toBe(sha256(landscape.bytes));
  });

  it('never overwrites an existing file: a taken name becomes "name (2).mp4"', async () => {
    const server = await fileServer(landscape);
    const { outputDir, partPath } = folders();
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(join(outputDir, '7-boat.mp4'), 'the creator’s own file');
    const result = await downloadVideo({ open: server.open, partPath, outputDir, fileName: '7-boat.mp4' });
    expect(result.path).toBe(join(outputDir, '7-boat (2).mp4'));
    expect(readFileSync(join(outputDir, '7-boat.mp4'), 'utf8')).toBe('the creator’s own file');
    expect(published(outputDir).sort()).toEqual(['7-boat (2).mp4', '7-boat.mp4']);
  });

  it('stops promptly on abort, rethrowing the abort and keeping the part file', async () => {
    // The body stalls after its first bytes; only the abort (not the 30 s stall timeout) can end this.
    const server = await fileServer(landscape, ['stall']);
    const { outputDir, partPath, sidecar } = folders();
    const controller = new AbortController();
    const download = downloadVideo({
      open: server.open,
      partPath,
      outputDir,
      fileName: 'boat.mp4',
      signal: controller.signal,
      onProgress: (bytes) => bytes > 0 && controller.abort(),
      ...noWaiting(),
    });
    await expect(download).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.open).toHaveBeenCalledOnce();
    expect(existsSync(partPath)).toBe(true);
    expect(existsSync(sidecar)).toBe(true);
    expect(published(outputDir)).toEqual([]);
  });

  it('reports a full disk (a real ENOSPC from /dev/full) in words, keeps the part, and does not retry', async () => {
    const server = await fileServer(landscape);
    const { outputDir, partPath } = folders();
    mkdirSync(join(partPath, '..'), { recursive: true });
    // Every write to /dev/full fails with ENOSPC (Linux); the part file is a link to it.
    symlinkSync('/dev/full', partPath);
    const error = await failure(downloadVideo({ open: server.open, partPath, outputDir, fileName: 'boat.mp4', ...noWaiting() }));
    expect(error).toMatchObject({ kind: 'disk_full', retryable: false, message: `The disk is full: free some space in ${outputDir}, then resume.` });
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(server.open).toHaveBeenCalledOnce();
    expect(existsSync(partPath)).toBe(true);
    expect(published(outputDir)).toEqual([]);
  });

  it('works end to end with the KIE adapter and the simulator’s truncated-download fault', async () => {
    const sim = await testSimulator({ faults: [{ kind: 'truncated-download', count: 1 }] });
    const adapter = new KieAdapter({ baseUrl: sim.baseUrls.kie, apiKey: SIM_KEY });
    const kling = loadCatalog().catalog.get('kie', 'kling-3.0')!;
    const task = await adapter.submit(kling, resolveRequest(kling, { prompt: 'a paper boat on a rainy street' }));
    sim.clock.advance(PAST_ANY_GENERATION_MS);
    const done = await adapter.poll(task);
    if (done.state !== 'succeeded') throw new Error(`expected success, got ${done.state}`);
    const { outputDir, partPath } = folders();
    const result = await downloadVideo({
      open: (offset, etag, signal) => adapter.openDownload(task, done.resultUrls[0]!, { offset, etag, signal }),
      partPath,
      outputDir,
      fileName: '1-a-paper-boat.mp4',
      ...noWaiting(),
    });
    expect(result.sha256).toBe(sha256(landscape.bytes));
    expect(sim.world.stats().requests['(no key)']).toMatchObject({ 'files.get': 2 });
  });
});

describe('classifyDownloadFailure', () => {
  const coded = (code: string) => Object.assign(new Error(`${code}: something`), { code });

  it('turns ENOSPC and EDQUOT into disk_full naming the folder', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      expect(classifyDownloadFailure(coded(code), '/Videos/Genvid')).toMatchObject({ kind: 'disk_full', message: 'The disk is full: free some space in /Videos/Genvid, then resume.' });
    }
  });

  it('makes an expired link final and passes retryable provider errors and dropped connections back for another try', () => {
    expect(classifyDownloadFailure(new ProviderError({ kind: 'expired', provider: 'kie', detail: 'HTTP 403' }), '/v')).toMatchObject({ kind: 'expired', retryable: false });
    expect(classifyDownloadFailure(new ProviderError({ kind: 'transient', provider: 'kie', detail: 'HTTP 503' }), '/v')).toBeUndefined();
    expect(classifyDownloadFailure(new TypeError('terminated', { cause: coded('UND_ERR_SOCKET') }), '/v')).toBeUndefined();
  });

  it('makes a folder Genvid may not write to final', () => {
    expect(classifyDownloadFailure(coded('EACCES'), '/v')).toMatchObject({ kind: 'failed', retryable: false });
  });
});

describe('startsLikeMp4', () => {
  const box = (type: string, size = 16) => {
    const bytes = Buffer.alloc(size === 0 ? 16 : size);
    bytes.writeUInt32BE(size, 0);
    bytes.write(type, 4, 'latin1');
    return bytes;
  };

  it('accepts the sample videos and an ftyp after free/wide boxes', () => {
    expect(startsLikeMp4(landscape.bytes)).toBe(true);
    expect(startsLikeMp4(Buffer.concat([box('free', 24), box('wide', 8), box('ftyp')]))).toBe(true);
  });

  it('follows a 64-bit box size', () => {
    const large = box('skip', 24);
    large.writeUInt32BE(1, 0);
    large.writeBigUInt64BE(24n, 8);
    expect(startsLikeMp4(Buffer.concat([large, box('ftyp')]))).toBe(true);
  });

  it('refuses HTML, XML, a box chain without ftyp, and a zero-size box', () => {
    expect(startsLikeMp4(Buffer.from('<!DOCTYPE html><html><body>502</body></html>'))).toBe(false);
    expect(startsLikeMp4(Buffer.from('<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>'))).toBe(false);
    expect(startsLikeMp4(Buffer.concat([box('free'), box('mdat')]))).toBe(false);
    expect(startsLikeMp4(Buffer.concat([box('free', 0), box('ftyp')]))).toBe(false);
  });
});

describe('defaultBackoffMs', () => {
  it('doubles from 1 s and stops at 15 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(defaultBackoffMs)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
  });
});

