// Runs in a worker thread: reading, mapping and checking a 100,000-row sheet takes seconds, and the
// main thread (the engine, the window) must not wait for it.
import { parentPort, workerData } from 'node:worker_threads';
import { Catalog } from '../../providers/catalog/catalog.ts';
import { inspectFile } from '../inspectFile.ts';
import { CHUNKS_IN_FLIGHT, ROWS_PER_MESSAGE, type InspectJob, type InspectMessage } from './inspectProtocol.ts';

const job = workerData as InspectJob;
const port = parentPort!;
const post = (message: InspectMessage) => port.postMessage(message);
const result = inspectFile({ ...job, catalog: new Catalog(job.catalogEntries) });
if (!result.ok) {
  post({ type: 'failed', error: result.error });
  port.close();
} else {
  const { rows, ...inspection } = result.inspection;
  let next = 0;
  // Each 'next' from the receiver brings one more chunk, then 'done'; a few are kept in flight.
  const sendOne = () => {
    if (next < rows.length) {
      post({ type: 'rows', json: JSON.stringify(rows.slice(next, next + ROWS_PER_MESSAGE)) });
      next += ROWS_PER_MESSAGE;
    } else if (next !== Infinity) {
      next = Infinity;
      post({ type: 'done' });
      port.close();
    }
  };
  port.on('message', sendOne);
  post({ type: 'inspection', inspection, rowCount: rows.length });
  for (let i = 0; i < CHUNKS_IN_FLIGHT; i += 1) sendOne();
}
