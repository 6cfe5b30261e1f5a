import type { RowStatus } from '../../../shared/domain/status.ts';

// Which rows each grid action applies to. Main has the final word (it refuses edits of running or
// done rows, for example); these sets only decide what the grid offers.

/**
 * Rows no run holds (main/sheets/editRows.ts): a queued or paused row is in a run's memory already,
 * and a stale or unknown one may still be made by the provider, so main refuses to edit those.
 */
const editable: ReadonlySet<RowStatus> = new Set(['draft', 'failed', 'cancelled']);

export const problemStatuses: readonly RowStatus[] = ['failed', 'unknown', 'stale'];
const rerunnable: ReadonlySet<RowStatus> = new Set(['failed', 'unknown', 'cancelled', 'stale']);
/** Rows waiting to run; one in flight is paid for and still collected (product §3.10). */
const cancellable: ReadonlySet<RowStatus> = new Set(['draft', 'queued', 'paused']);

export const isEditableStatus = (status: RowStatus): boolean => editable.has(status);
export const isRerunnableStatus = (status: RowStatus): boolean => rerunnable.has(status);
export const isCancellableStatus = (status: RowStatus): boolean => cancellable.has(status);
