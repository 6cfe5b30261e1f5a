import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
import { addAbortSignal, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ProviderError } from '../../providers/errors.ts';
import type { DownloadStream } from '../../providers/types.ts';
import { uniquePath } from './fileNames.ts';

/**
 * Downloads one finished video (product.md §3.7, providers.md rule 5): stream to a part file,
 * resume it with HTTP Range after any interruption (also after a restart, through a sidecar that
 * remembers the file's ETag and size), verify it is a whole MP4, hash it, then rename it into the
 * output folder. The rename is the only way a file appears there, so a crash never leaves half a
 * video where the creator looks. Nothing here ever re-submits a job.
 */
export interface DownloadRequest {
  /** Opens the result at a byte offset (HTTP Range; etag for If-Range). Provided by the provider adapter. */
  open(offset: number, etag: string | undefined, signal: AbortSignal): Promise<DownloadStream>;
  /** Where the partial file lives while downloading, e.g. <outputDir>/.genvid-partial/attempt-42.mp4.part */
  partPath: string;
  /** The folder and wanted name of the finished file. */
  outputDir: string;
  fileName: string;
  signal?: AbortSignal;
  /** Called with bytes written so far and the total when known (throttled by the caller, not here). */
  onProgress?: (bytes: number, total: number | undefined) => void;
  /** Tries after the first for transient failures (dropped connection, truncated body, 5xx). Default 4. */
  retries?: number;
  /** Waits between tries: given the try number (1,2,…) returns ms; default 1000 * 2 ** (n-1), capped 15 s. Injected so tests don't sleep. */
  backoffMs?: (tryNumber: number) => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Abort a try whose body stops delivering data for this long (default 30 s). */
  stallMs?: number;
  /**
   * Told the final path, size and hash synchronously just before the rename, so the caller can
   * record them first: a crash between the rename and the caller's bookkeeping then leaves a
   * record that finds the published file instead of downloading it again under a second name.
   */
  beforePublish?: (video: DownloadedVideo) => void;
}

export interface DownloadedVideo {
  path: string;
  bytes: number;
  sha256: string;
}

export type DownloadErrorKind = 'expired' | 'invalid_file' | 'disk_full' | 'failed';

/** A download that did not produce a video. `message` is written for the creator; `cause` has the details. */
export class DownloadError extends Error {
  readonly kind: DownloadErrorKind;
  /** Whether trying again later (without the creator doing anything) could help. */
  readonly retryable: boolean;

  constructor(init: { kind: DownloadErrorKind; message: string; retryable: boolean; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.name = 'DownloadError';
    this.kind = init.kind;
    this.retryable = init.retryable;
  }
}

const DEFAULT_RETRIES = 4;
const DEFAULT_STALL_MS = 30_000;
const MAX_BACKOFF_MS = 15_000;
// How far into the file the MP4 check looks for the `ftyp` box.
const MP4_SCAN_BYTES = 64 * 1024;
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);
// Local failures a retry cannot fix: the folder is read-only, not ours, or not a folder.
const LOCAL_FAILURE_CODES = new Set(['EACCES', 'EROFS', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'EXDEV']);

export async function downloadVideo(request: DownloadRequest): Promise<DownloadedVideo> {
  const signal = request.signal ?? new AbortController().signal;
  try {
    await fetchWithRetries(request, signal);
    signal.throwIfAborted();
    return await publish(request);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw (
      classifyDownloadFailure(error, diskFolder(request)) ??
      new DownloadError({ kind: 'failed', retryable: true, message: `The video could not be saved: ${describe(error)}`, cause: error })
    );
  }
}

/** The default wait before try n+1: 1 s, 2 s, 4 s, … at most 15 s. */
export function defaultBackoffMs(tryNumber: number): number {
  return Math.min(1000 * 2 ** (tryNumber - 1), MAX_BACKOFF_MS);
}

/**
 * What a failure means: a final DownloadError, or undefined when it is passing (a dropped or
 * stalled connection, a 5xx) and another try may get further.
 */
export function classifyDownloadFailure(error: unknown, folder: string): DownloadError | undefined {
  if (error instanceof DownloadError) return error;
  if (error instanceof ProviderError) return classifyProviderError(error);
  const code = errorCode(error);
  if (code !== undefined && DISK_FULL_CODES.has(code)) {
    return new DownloadError({ kind: 'disk_full', retryable: false, message: `The disk is full: free some space in ${folder}, then resume.`, cause: error });
  }
  if (code !== undefined && LOCAL_FAILURE_CODES.has(code)) {
    return new DownloadError({ kind: 'failed', retryable: false, message: `Genvid cannot write the video in ${folder} (${code}).`, cause: error });
  }
  return undefined;
}

function classifyProviderError(error: ProviderError): DownloadError | undefined {
  if (error.kind === 'expired') {
    return new DownloadError({ kind: 'expired', retryable: false, message: 'The download link has expired, so the provider no longer gives this video.', cause: error });
  }
  if (error.retryable) return undefined;
  return new DownloadError({ kind: 'failed', retryable: false, message: `The provider refused the download: ${error.detail}`, cause: error });
}

/** A failure worth another try that is not an error of its own: a stall, a short body. */
class PassingFailure extends Error {
  override name = 'PassingFailure';
}

async function fetchWithRetries(request: DownloadRequest, signal: AbortSignal): Promise<void> {
  const retries = request.retries ?? DEFAULT_RETRIES;
  const backoffMs = request.backoffMs ?? defaultBackoffMs;
  const sleep = request.sleep ?? abortableSleep;
  await mkdir(dirname(request.partPath), { recursive: true });
  for (let tryNumber = 1; ; tryNumber++) {
    try {
      await fetchOnce(request, signal);
      return;
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      const final = classifyDownloadFailure(error, diskFolder(request));
      if (final) throw final;
      if (tryNumber > retries) throw exhausted(tryNumber, error);
      const hinted = error instanceof ProviderError ? (error.retryAfterMs ?? 0) : 0;
      await sleep(Math.max(backoffMs(tryNumber), hinted), signal);
    }
  }
}

function exhausted(tries: number, lastError: unknown): DownloadError {
  return new DownloadError({
    kind: 'failed',
    retryable: true,
    message: `The download kept failing after ${tries} tries (last: ${describe(lastError)}). What arrived is kept and will resume.`,
    cause: lastError,
  });
}

/** What a previous try or run left: the part file's size and what we knew about the file. */
interface PartState {
  size: number;
  saved: Sidecar | undefined;
}

/** One try: open from where the part file ends, stream the rest into it, check the length. */
async function fetchOnce(request: DownloadRequest, userSignal: AbortSignal): Promise<void> {
  const part = await readPart(request.partPath);
  if (part.saved?.totalBytes !== undefined && part.size === part.saved.totalBytes) return; // already whole
  // One controller per try, so a stall can abort this try's request and body without the caller's signal.
  const tryController = new AbortController();
  const signal = AbortSignal.any([userSignal, tryController.signal]);
  const { stream, offset } = await openFrom(request, part, signal);
  await streamIntoPart(request, stream, offset, { signal, tryController });
  await checkLength(request.partPath, stream.totalBytes);
}

/**
 * Resumes only what we can vouch for: a part with a sidecar (so we know which version of the file
 * it holds) and shorter than that file.
 */
function resumeOffset(part: PartState): number {
  if (!part.saved || part.size === 0) return 0;
  const total = part.saved.totalBytes;
  return total === undefined || part.size < total ? part.size : 0;
}

async function openFrom(request: DownloadRequest, part: PartState, signal: AbortSignal): Promise<{ stream: DownloadStream; offset: number }> {
  const from = resumeOffset(part);
  const stream = await openAt(request, from, part.saved?.etag, signal);
  if (from > 0 && stream.status === 206 && !sameFile(part.saved, stream)) {
    // A server without an ETag cannot honour If-Range: a changed file shows only in its size.
    await stream.body.cancel().catch(() => undefined);
    return { stream: await request.open(0, undefined, signal), offset: 0 };
  }
  // 200 means the server ignored Range or the file changed (If-Range): start over.
  return { stream, offset: stream.status === 206 ? from : 0 };
}

async function openAt(request: DownloadRequest, from: number, etag: string | undefined, signal: AbortSignal): Promise<DownloadStream> {
  try {
    return await request.open(from, etag, signal);
  } catch (error) {
    // 416: the part is longer than the file is now, so it cannot be a prefix of it.
    if (from === 0 || !(error instanceof ProviderError) || error.providerCode !== '416') throw error;
    return request.open(0, undefined, signal);
  }
}

function sameFile(saved: Sidecar | undefined, stream: DownloadStream): boolean {
  const sameSize = saved?.totalBytes === undefined || stream.totalBytes === undefined || saved.totalBytes === stream.totalBytes;
  const sameTag = saved?.etag === undefined || stream.etag === undefined || saved.etag === stream.etag;
  return sameSize && sameTag;
}

/** Appends (206) or rewrites (200) the part file, aborting the try if the body goes quiet. */
async function streamIntoPart(
  request: DownloadRequest,
  stream: DownloadStream,
  offset: number,
  { signal, tryController }: { signal: AbortSignal; tryController: AbortController },
): Promise<void> {
  const total = stream.totalBytes;
  try {
    // Before any byte lands, so a part file always says which version of the file it holds.
    writeSidecar(request.partPath, { etag: stream.etag, totalBytes: total });
  } catch (error) {
    await stream.body.cancel().catch(() => undefined);
    throw error;
  }
  const stallMs = request.stallMs ?? DEFAULT_STALL_MS;
  const watchdog = new Watchdog(stallMs, () => tryController.abort(new PassingFailure(`no data for ${stallMs} ms`)));
  let bytes = offset;
  request.onProgress?.(bytes, total);
  const dropped: { error?: unknown } = {};
  const received = receive(stream.body, signal, dropped, (chunk) => {
    watchdog.rearm();
    bytes += chunk.length;
    request.onProgress?.(bytes, total);
  });
  try {
    await pipeline(received, createWriteStream(request.partPath, { flags: offset > 0 ? 'a' : 'w' }), { signal });
  } catch (error) {
    throw watchdog.fired ? new PassingFailure(`the download stopped sending data for ${stallMs} ms`, { cause: error }) : error;
  } finally {
    watchdog.stop();
  }
  if (dropped.error !== undefined) throw dropped.error;
}

/** Calls `onQuiet` once if `rearm` is not called for `ms`. */
class Watchdog {
  fired = false;
  private readonly timer: NodeJS.Timeout;

  constructor(ms: number, onQuiet: () => void) {
    this.timer = setTimeout(() => {
      this.fired = true;
      onQuiet();
    }, ms);
  }

  rearm(): void {
    this.timer.refresh();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/**
 * The body's chunks. A dropped connection ends this source instead of failing it: pipeline
 * would destroy the file stream with writes still queued (or not yet open), losing bytes we
 * received; ending lets every one of them reach the part file, and `dropped` reports the failure
 * afterwards. An abort (stall or caller) destroys it, to stop at once.
 */
async function* receive(
  body: DownloadStream['body'],
  signal: AbortSignal,
  dropped: { error?: unknown },
  onChunk: (chunk: Uint8Array) => void,
): AsyncGenerator<Uint8Array> {
  // Bound to the signal here because the adapters' signal stops covering the body once headers arrive.
  const source = addAbortSignal(signal, Readable.fromWeb(body as NodeReadableStream<Uint8Array>));
  try {
    for await (const chunk of source as AsyncIterable<Uint8Array>) {
      onChunk(chunk);
      yield chunk;
    }
  } catch (error) {
    if (signal.aborted) throw error;
    dropped.error = error;
  }
}

/** A body that ended cleanly but short (or long) is not the file. */
async function checkLength(partPath: string, total: number | undefined): Promise<void> {
  if (total === undefined) return;
  const { size } = await stat(partPath);
  if (size < total) throw new PassingFailure(`the connection closed after ${size} of ${total} bytes`);
  // Longer than the file: the next try sees a part bigger than the total and starts over.
  if (size > total) throw new PassingFailure(`received ${size} bytes of a ${total}-byte file`);
}

/** Verifies, hashes and moves the finished part into the output folder. */
async function publish(request: DownloadRequest): Promise<DownloadedVideo> {
  if (!(await looksLikeMp4(request.partPath))) {
    await discardPart(request.partPath);
    throw new DownloadError({
      kind: 'invalid_file',
      retryable: true,
      message: 'The provider sent something that is not an MP4 video (an error page, perhaps). It was discarded; downloading again may fix it.',
    });
  }
  await flushToDisk(request.partPath);
  const { bytes, sha256 } = await hashFile(request.partPath);
  await mkdir(request.outputDir, { recursive: true });
  const path = moveIntoPlace(request.partPath, request.outputDir, request.fileName, (target) => request.beforePublish?.({ path: target, bytes, sha256 }));
  await rm(sidecarPath(request.partPath), { force: true });
  return { path, bytes, sha256 };
}

/**
 * Picks the free name and renames in one synchronous step: no other download in this process can
 * take the same name in between, which matters because rename silently replaces an existing file.
 */
function moveIntoPlace(partPath: string, outputDir: string, fileName: string, chosen: (target: string) => void): string {
  const target = uniquePath(outputDir, fileName, existsSync);
  chosen(target);
  renameSync(partPath, target);
  return target;
}

/**
 * An MP4 is a chain of boxes (32-bit size, 4-letter type); a real one has `ftyp` at or near the
 * start (after `free`/`skip`/`wide` at most). An HTML or XML error page fails at the first box.
 */
export function startsLikeMp4(head: Buffer): boolean {
  let offset = 0;
  while (offset + 8 <= head.length) {
    if (head.toString('latin1', offset + 4, offset + 8) === 'ftyp') return true;
    let size = head.readUInt32BE(offset);
    if (size === 1) {
      // A 64-bit size follows the type.
      if (offset + 16 > head.length) return false;
      size = Number(head.readBigUInt64BE(offset + 8));
    }
    // 0 means "to the end of the file": nothing follows, so no ftyp either.
    if (size < 8) return false;
    offset += size;
  }
  return false;
}

async function looksLikeMp4(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(MP4_SCAN_BYTES);
    const { bytesRead } = await file.read(head, 0, MP4_SCAN_BYTES, 0);
    return startsLikeMp4(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

/**
 * Makes the bytes durable before the rename publishes them; otherwise a power cut can leave a
 * renamed but empty file. Opened for writing because Windows refuses to flush a read-only handle.
 */
async function flushToDisk(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

async function hashFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** What the sidecar remembers, so a resume after a restart sends If-Range and knows the length. */
interface Sidecar {
  etag: string | undefined;
  totalBytes: number | undefined;
}

function sidecarPath(partPath: string): string {
  return `${partPath}.json`;
}

async function readPart(partPath: string): Promise<PartState> {
  const size = await stat(partPath).then(
    (stats) => stats.size,
    (error: unknown) => {
      if (errorCode(error) === 'ENOENT') return 0;
      throw error;
    },
  );
  return { size, saved: size > 0 ? await readSidecar(partPath) : undefined };
}

/** A missing or unreadable sidecar means we cannot vouch for the part, so it starts over. */
async function readSidecar(partPath: string): Promise<Sidecar | undefined> {
  try {
    const value = JSON.parse(await readFile(sidecarPath(partPath), 'utf8')) as Record<string, unknown>;
    const etag = typeof value.etag === 'string' ? value.etag : undefined;
    const totalBytes = Number.isSafeInteger(value.totalBytes) && (value.totalBytes as number) >= 0 ? (value.totalBytes as number) : undefined;
    return { etag, totalBytes };
  } catch {
    return undefined;
  }
}

/**
 * Synchronous on purpose: it runs between opening the body and reading it, and while we awaited,
 * arriving bytes would wait unread in the body's queue, which a web stream throws away when the
 * connection then drops; a resume would have to fetch them again.
 */
function writeSidecar(partPath: string, sidecar: Sidecar): void {
  writeFileSync(sidecarPath(partPath), JSON.stringify(sidecar));
}

async function discardPart(partPath: string): Promise<void> {
  await rm(partPath, { force: true });
  await rm(sidecarPath(partPath), { force: true });
}

/** The folder to name in a disk-full message: the output folder when the part file lives inside it. */
function diskFolder(request: DownloadRequest): string {
  const inside = relative(request.outputDir, request.partPath);
  return inside.startsWith('..') || isAbsolute(inside) ? dirname(request.partPath) : request.outputDir;
}

async function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal });
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
