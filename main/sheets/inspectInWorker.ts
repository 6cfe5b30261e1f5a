import { isMarkedAsUntransferable, Worker } from 'node:worker_threads';
import type { InspectedRow, SheetInspection } from './inspectSheet.ts';
import type { SheetReadError } from './sheetTypes.ts';
import type { InspectJob, InspectMessage } from './worker/inspectProtocol.ts';

// From source the worker is a .ts file beside this one; in the built app it is its own entry,
// out/main/inspectWorker.js, beside the bundle this code is in.
const workerUrl = import.meta.url.endsWith('.ts') ? new URL('./worker/inspectWorker.ts', import.meta.url) : new URL('./inspectWorker.js', import.meta.url);

/**
 * An inspected sheet whose rows are kept as the worker sent them (JSON, a chunk per string) and
 * read a chunk at a time: 100,000 row objects held at once would make this thread's garbage
 * collector pause for tens of milliseconds, while a few large strings cost it nothing.
 */
export interface InspectedSheet extends Omit<SheetInspection, 'rows'> {
  rowCount: number;
  rowChunks(): Generator<InspectedRow[]>;
  /** Every row at once, for callers that need them all (the command line's report). */
  allRows(): InspectedRow[];
}

export type InspectInWorkerResult = { ok: true; inspection: InspectedSheet } | { ok: false; error: SheetReadError };

/**
 * `inspectFile` in a worker thread: this thread only receives the results, in chunks it asks for
 * one by one. The job's bytes are handed over: do not use them afterwards.
 */
export function inspectInWorker(job: InspectJob): Promise<InspectInWorkerResult> {
  return new Promise((resolve, reject) => {
    // The file's bytes move to the worker instead of being copied (tens of MB for a big workbook).
    // (A view on part of a buffer, or Node's pooled buffers, cannot move: those are copied.)
    const whole = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength;
    const bytes = whole && !isMarkedAsUntransferable(job.bytes.buffer) ? job.bytes : new Uint8Array(job.bytes);
    const worker = new Worker(workerUrl, { workerData: { ...job, bytes }, transferList: [bytes.buffer as ArrayBuffer] });
    let meta: Omit<SheetInspection, 'rows'> | undefined;
    let rowCount = 0;
    const chunks: string[] = [];
    let settled = false;
    // The worker ends by itself once it has sent everything (terminating it from here would make
    // this thread wait while it tears the worker's heap down).
    const finish = (result: InspectInWorkerResult) => {
      settled = true;
      resolve(result);
    };
    const askForMore = () => setImmediate(() => worker.postMessage('next'));
    worker.on('message', (message: InspectMessage) => {
      if (message.type === 'inspection') ({ inspection: meta, rowCount } = message);
      else if (message.type === 'rows') {
        chunks.push(message.json);
        askForMore();
      } else if (message.type === 'failed') finish({ ok: false, error: message.error });
      else if (meta) finish({ ok: true, inspection: inspectedSheet(meta, rowCount, chunks) });
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the sheet reader stopped unexpectedly (exit ${code})`));
    });
  });
}

function inspectedSheet(meta: Omit<SheetInspection, 'rows'>, rowCount: number, chunks: readonly string[]): InspectedSheet {
  function* rowChunks(): Generator<InspectedRow[]> {
    for (const chunk of chunks) yield JSON.parse(chunk) as InspectedRow[];
  }
  return { ...meta, rowCount, rowChunks, allRows: () => [...rowChunks()].flat() };
}
